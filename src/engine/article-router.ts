import MiniSearch from 'minisearch';
import type { Article } from '../data/schema.js';
import { questionTerms, readQuestion } from './question.js';
import { terms } from './text.js';

export interface Route {
  article: Article;
  score: number;
}

/** The fields an article is found by, weighted: its people and subject say more than any sentence. */
const BOOST = { people: 3, title: 2, subject: 2, text: 1 };
/** A term in more than this share of the articles (and more than MIN_COMMON_ARTICLES) is too common to route by. */
const COMMON_SHARE = 0.05;
const MIN_COMMON_ARTICLES = 20;
/** The rarest few terms of a question are enough to find its articles. */
const MAX_QUERY_TERMS = 4;

/**
 * Picks the articles a question is about (BM25 over each article's people, title, subject and
 * text), so only their engines answer it, however large the knowledge base grows.
 */
export class ArticleRouter {
  private readonly index: MiniSearch<{ id: number; people: string; title: string; subject: string; text: string }>;

  /** How many articles use each term. A term outside it is a typo or unknown, and only those are matched fuzzily. */
  private readonly documentFrequency = new Map<string, number>();

  constructor(private readonly articles: readonly Article[]) {
    this.index = new MiniSearch({
      fields: ['people', 'title', 'subject', 'text'],
      tokenize: (text) => terms(text),
      processTerm: (term) => term,
      searchOptions: { boost: BOOST, prefix: false },
    });
    const docs = articles.map((article, id) => ({
      id,
      people: article.people.flatMap((p) => [p.name, ...p.aliases, ...(p.role ? [p.role] : []), ...p.roleAliases]).join(' '),
      title: article.title,
      subject: [article.standfirst ?? '', article.summary, article.source, ...article.topics.flatMap((t) => [t.label, ...t.keywords])].join(' '),
      text: article.paragraphs.map((p) => article.text.slice(p.start, p.end)).join(' '),
    }));
    for (const doc of docs) {
      for (const term of new Set(terms(`${doc.people} ${doc.title} ${doc.subject} ${doc.text}`))) {
        this.documentFrequency.set(term, (this.documentFrequency.get(term) ?? 0) + 1);
      }
    }
    this.index.addAll(docs);
  }

  /** The best articles for a question, best first; empty when its words name no article. */
  route(question: string, limit = 5): Route[] {
    const asked = [...new Set(questionTerms(readQuestion(question)))];
    if (asked.length === 0) return [];
    const { terms: known, common } = this.mostSelective(asked.filter((t) => this.documentFrequency.has(t)));
    const unknown = asked.filter((t) => !this.documentFrequency.has(t) && t.length >= 5);
    if (known.length === 0 && unknown.length === 0) return [];
    // Typo tolerance scans the vocabulary, so it is spent only on terms no article contains.
    const tokenize = (text: string) => text.split(' ');
    const search = (fields?: string[]) =>
      this.index.search({
        combineWith: 'OR',
        queries: [
          ...(known.length ? [{ queries: known, tokenize, fields }] : []),
          ...(unknown.length ? [{ queries: unknown, tokenize, fuzzy: 0.25, fields }] : []),
        ],
      });
    // Only common words ("who spoke about the port?"): the articles about it say so in their people,
    // title or subject; scoring every sentence that mentions it in passing would cost milliseconds.
    const aboutIt = common ? search(['people', 'title', 'subject']) : [];
    const results = aboutIt.length > 0 ? aboutIt : search();
    return results
      .slice(0, limit)
      .flatMap((result) => {
        const article = this.articles[Number(result.id)];
        return article ? [{ article, score: result.score }] : [];
      });
  }

  /**
   * The question's rarest terms: they pick out its articles, while terms most articles share
   * ("said", "percent") would only make every article a candidate and the search slow.
   */
  private mostSelective(known: string[]): { terms: string[]; common: boolean } {
    const commonAt = Math.max(MIN_COMMON_ARTICLES, this.articles.length * COMMON_SHARE);
    const byRarity = [...known].sort((a, b) => (this.documentFrequency.get(a) ?? 0) - (this.documentFrequency.get(b) ?? 0));
    const selective = byRarity.filter((t) => (this.documentFrequency.get(t) ?? 0) <= commonAt).slice(0, MAX_QUERY_TERMS);
    return selective.length > 0 ? { terms: selective, common: false } : { terms: byRarity.slice(0, 2), common: byRarity.length > 0 };
  }
}
