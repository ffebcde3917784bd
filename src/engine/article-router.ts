import MiniSearch from 'minisearch';
import type { Article } from '../data/schema.js';
import { contentTerms, terms } from './text.js';

export interface Route {
  article: Article;
  score: number;
}

/** The fields an article is found by, weighted: its people and subject say more than any sentence. */
const BOOST = { people: 3, title: 2, subject: 2, text: 1 };

/**
 * Picks the articles a question is about (BM25 over each article's people, title, subject and
 * text), so only their engines answer it, however large the knowledge base grows.
 */
export class ArticleRouter {
  private readonly index: MiniSearch<{ id: number; people: string; title: string; subject: string; text: string }>;

  /** Every indexed term: a question's term outside it is a typo or unknown, and only those are matched fuzzily. */
  private readonly vocabulary = new Set<string>();

  constructor(private readonly articles: readonly Article[]) {
    this.index = new MiniSearch({
      fields: ['people', 'title', 'subject', 'text'],
      tokenize: (text) => {
        const found = terms(text);
        for (const term of found) this.vocabulary.add(term);
        return found;
      },
      processTerm: (term) => term,
      searchOptions: { boost: BOOST, prefix: false },
    });
    this.index.addAll(
      articles.map((article, id) => ({
        id,
        people: article.people.flatMap((p) => [p.name, ...p.aliases, ...(p.role ? [p.role] : []), ...p.roleAliases]).join(' '),
        title: article.title,
        subject: [article.standfirst ?? '', article.summary, article.source, ...article.topics.flatMap((t) => [t.label, ...t.keywords])].join(' '),
        text: article.paragraphs.map((p) => article.text.slice(p.start, p.end)).join(' '),
      })),
    );
  }

  /** The best articles for a question, best first; empty when its words name no article. */
  route(question: string, limit = 5): Route[] {
    const asked = [...new Set(contentTerms(question))];
    if (asked.length === 0) return [];
    const known = asked.filter((t) => this.vocabulary.has(t));
    const unknown = asked.filter((t) => !this.vocabulary.has(t) && t.length >= 5);
    if (known.length === 0 && unknown.length === 0) return [];
    // Typo tolerance scans the vocabulary, so it is spent only on terms no article contains.
    const tokenize = (text: string) => text.split(' ');
    const results = this.index.search({
      combineWith: 'OR',
      queries: [
        ...(known.length ? [{ queries: known, tokenize }] : []),
        ...(unknown.length ? [{ queries: unknown, tokenize, fuzzy: 0.25 }] : []),
      ],
    });
    return results
      .slice(0, limit)
      .flatMap((result) => {
        const article = this.articles[Number(result.id)];
        return article ? [{ article, score: result.score }] : [];
      });
  }
}
