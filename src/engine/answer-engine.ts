import type { Article, Person } from '../data/schema.js';
import type { Answer, AnswerItem } from './answer-types.js';
import { ArticleRouter, type Route } from './article-router.js';
import { ChoiceIndex, type Choice } from './choices.js';
import { withQuestionBudget } from './limits.js';
import { LruMap } from './lru.js';
import { overviewOf } from './answers/registry.js';
import { itemOfQuote } from './knowledge.js';
import { speakerName } from './phrasing.js';
import { readQuestion, type QuestionText } from './question.js';
import { SpeakerArticles } from './speaker-articles.js';
import { ScopedEngine, type ScopedAnswer, type SpeakerSummary, type TopicSummary } from './scoped-engine.js';

export type { SpeakerSummary, TopicSummary };

export interface EngineOptions {
  /**
   * Answers remembered for repeated questions (0 = none). The knowledge base never changes while
   * the process runs and an answer depends only on the question and article, so a remembered
   * answer is exactly the answer: a popular question, or an example from /help that many people
   * try, costs a lookup. Every instance still answers alike; nothing about the asker is kept.
   */
  answerCacheSize?: number;
}

export interface AskOptions {
  /** Answer from this article only. */
  articleId?: string;
}

export interface AnswerEngine {
  readonly articles: readonly Article[];
  /**
   * True when a question asked again gets the very same answer object (the answer cache is on), so what is
   * built from an answer (its rendered first page) is worth remembering with it. Unset counts as true.
   */
  readonly remembersAnswers?: boolean;
  answer(question: string, options?: AskOptions): Answer;
  /** Everything one speaker said, optionally on one topic or in one article, in article order. */
  quotesBy(speakerId: string, topicId?: string, articleId?: string): Answer;
  /** Everyone quoted (in one article, or across all), most-quoted first. */
  speakers(articleId?: string): SpeakerSummary[];
  topics(articleId?: string): TopicSummary[];
  hasSpeaker(id: string): boolean;
  hasTopic(id: string): boolean;
  /** Type-ahead for a speaker, topic or article option: at most `limit` choices, best first. */
  suggestSpeakers(typed: string, limit?: number): Choice[];
  suggestTopics(typed: string, limit?: number): Choice[];
  suggestArticles(typed: string, limit?: number): Choice[];
}

export function createAnswerEngine(articles: Article[], options: EngineOptions = {}): AnswerEngine {
  return new KnowledgeBaseEngine(articles, options);
}

/** Article engines kept for recently asked articles; each costs some tens of KB and a fraction of a millisecond to build. */
const ENGINE_CACHE_SIZE = 64;
/** The articles the router ranks best are each asked; the one whose evidence answers best wins … */
const ROUTE_CANDIDATES = 3;
/** … among those the router finds at least this share as likely as its first. */
const CANDIDATE_RATIO = 0.5;
/** An answer this confident (its evidence covers the whole question) is not second-guessed by routes under this share of the first. */
const SURE_CONFIDENCE = 1.3;
const CLOSE_ROUTE_RATIO = 0.8;
/**
 * When several articles are asked, an answer must cover at least about half of what is asked: evidence that only
 * stands out in its own article (a word or two of the question) turns up somewhere by chance when there are many.
 */
const MIN_CONFIDENCE = 0.5;
/** Articles answering alongside the best one must answer nearly as well … */
const CO_ANSWER_RATIO = 0.85;
/** … and at most this many articles answer one question. */
const MAX_ARTICLES_PER_ANSWER = 3;
/** Quotes shown from each article when several answer. */
const ITEMS_PER_ARTICLE = 3;
/** Articles named in a list of everyone quoted across the knowledge base; the rest are counted. */
const LISTED_ARTICLES = 12;

/**
 * The engine every front end uses. One article: its scoped engine answers everything. Several:
 * a question goes to the articles it is about (by people, subject and words), each answers with
 * its own engine, and the answers are merged, each item saying which article it comes from.
 */
class KnowledgeBaseEngine implements AnswerEngine {
  private readonly byId: Map<string, Article>;
  private readonly router: ArticleRouter | undefined;
  private readonly speakerArticles: SpeakerArticles | undefined;
  private readonly engines = new LruMap<string, ScopedEngine>(ENGINE_CACHE_SIZE, { admitOnSecondUse: true });
  private readonly answers: LruMap<string, Answer>;
  private readonly speakerTotals: SpeakerSummary[];
  private readonly topicTotals: TopicSummary[];
  private readonly articlesOfSpeaker = new Map<string, Article[]>();
  private readonly speakerChoices: ChoiceIndex;
  private readonly topicChoices: ChoiceIndex;
  private readonly articleChoices: ChoiceIndex;

  constructor(
    readonly articles: readonly Article[],
    options: EngineOptions,
  ) {
    this.answers = new LruMap(options.answerCacheSize ?? 0);
    this.byId = new Map(articles.map((a) => [a.id, a]));
    this.router = articles.length > 1 ? new ArticleRouter(articles) : undefined;
    this.speakerArticles = articles.length > 1 ? new SpeakerArticles(articles) : undefined;
    this.speakerTotals = totalSpeakers(articles);
    this.topicTotals = totalTopics(articles);
    for (const article of articles) {
      for (const id of new Set(article.quotes.map((q) => q.speaker))) {
        this.articlesOfSpeaker.set(id, [...(this.articlesOfSpeaker.get(id) ?? []), article]);
      }
    }
    this.speakerChoices = new ChoiceIndex(
      this.speakerTotals.map(({ person, quoteCount }) => ({
        value: person.id,
        label: person.role && person.named !== false ? `${person.name} — ${person.role}` : speakerName(person),
        names: [person.name],
        aliases: [...person.aliases, ...person.roleAliases, ...(person.role ? [person.role] : [])],
        weight: quoteCount,
      })),
    );
    const keywords = new Map(articles.flatMap((a) => a.topics.map((t) => [t.id, t.keywords] as const)));
    this.topicChoices = new ChoiceIndex(
      this.topicTotals.map((topic) => ({ value: topic.id, label: topic.label, names: [topic.label], aliases: keywords.get(topic.id) ?? [], weight: topic.quoteCount })),
    );
    this.articleChoices = new ChoiceIndex(
      articles.map((a) => ({ value: a.id, label: a.title, names: [a.title], aliases: [a.id, a.source, ...a.people.map((p) => p.name)], weight: a.quotes.length })),
    );
  }

  get remembersAnswers(): boolean {
    return this.answers.capacity > 0;
  }

  answer(question: string, options: AskOptions = {}): Answer {
    if (this.answers.capacity === 0) return this.answerNow(question, options);
    // The question exactly as asked: answers repeat it, so "Venues?" and "venues" are kept apart.
    return this.answers.remember(`${options.articleId ?? ''}\u0000${question}`, () => this.answerNow(question, options));
  }

  /** One question, with one budget of typo comparisons however many articles it is asked of. */
  private answerNow(question: string, options: AskOptions): Answer {
    return withQuestionBudget(() => this.answerWithin(question, options));
  }

  private answerWithin(question: string, options: AskOptions): Answer {
    if (options.articleId !== undefined) {
      const article = this.byId.get(options.articleId);
      if (!article) return this.unknownArticle(question, options.articleId);
      return withoutConfidence(this.engineFor(article).answer(question));
    }
    if (!this.router) return withoutConfidence(this.engineFor(this.articles[0] as Article).answer(question));
    const read = readQuestion(question);
    const overview = overviewOf(read);
    if (overview?.name === 'list-speakers') return this.speakersByArticle(question);
    const routed = this.routesFor(question, read, this.router);
    const routes = routed.filter((r) => r.score >= (routed[0]?.score ?? 0) * CANDIDATE_RATIO);
    if (routes.length === 0) return overview ? this.overview(question, overview.name) : this.noArticle(question);
    return this.answerFrom(question, routes);
  }

  /**
   * The articles to ask. A question naming its speaker goes only to articles quoting someone by that name,
   * as well as any article's name fits it: the words of another article, or a near name there, do not take it away.
   */
  private routesFor(question: string, read: QuestionText, router: ArticleRouter): Route[] {
    const named = read.slot.length > 0 ? this.speakerArticles?.find(read.slot.map((i) => writtenAs(read, i))) : undefined;
    if (!named || named.size === 0) return router.route(question, ROUTE_CANDIDATES);
    const routed = router.route(question, ROUTE_CANDIDATES, named);
    if (routed.length > 0) return routed;
    // The name alone finds them (the question's words, stemmed, found other articles): the first few, alike.
    return [...named].slice(0, ROUTE_CANDIDATES).flatMap((id) => {
      const article = this.articles[id];
      return article ? [{ article, score: 1 }] : [];
    });
  }

  /** Each candidate article answers; the best evidence wins, and articles that answer nearly as well are shown beside it. */
  private answerFrom(question: string, routes: Route[]): Answer {
    const answers: { article: Article; rank: number; answer: ScopedAnswer }[] = [];
    for (const [rank, route] of routes.entries()) {
      // A clearly weaker route is asked only when no article so far answers surely: each asked article costs its engine.
      const sure = answers.some((a) => a.answer.found && a.answer.confidence >= SURE_CONFIDENCE);
      if (sure && route.score < (routes[0]?.score ?? 0) * CLOSE_ROUTE_RATIO) break;
      answers.push({ article: route.article, rank, answer: this.engineFor(route.article).answer(question) });
    }
    // One candidate answers as a knowledge base of one article would.
    const floor = answers.length > 1 ? MIN_CONFIDENCE : 0;
    const found = answers.filter((a) => a.answer.found && a.answer.confidence >= floor).sort((a, b) => b.answer.confidence - a.answer.confidence || a.rank - b.rank);
    if (found.length === 0) {
      const best = answers.find((a) => !a.answer.found);
      if (!best) return { question, intent: (answers[0] as { answer: ScopedAnswer }).answer.intent, found: false, summary: 'None of the articles says that clearly enough to quote.', items: [], suggestions: this.suggestions() };
      return { ...withoutConfidence(best.answer), summary: `${from(best.article)} ${best.answer.summary}` };
    }
    const top = found[0] as { article: Article; answer: ScopedAnswer };
    const together = found.filter((f) => f.answer.confidence >= top.answer.confidence * CO_ANSWER_RATIO).slice(0, MAX_ARTICLES_PER_ANSWER);
    if (together.length === 1) return { ...withoutConfidence(top.answer), summary: `${from(top.article)} ${top.answer.summary}` };
    return {
      question,
      intent: top.answer.intent,
      found: true,
      summary: `${together.length} articles answer this. ${together.map((f) => `${from(f.article)} ${f.answer.summary}`).join(' ')}`,
      items: interleave(together.map((f) => f.answer.items.slice(0, ITEMS_PER_ARTICLE))),
      suggestions: [],
    };
  }

  /** "Who is quoted?" over several articles: every article's speakers, grouped by article. */
  private speakersByArticle(question: string): Answer {
    const groups = this.articles
      .map((article) => ({ article, speakers: this.speakersOf(article) }))
      .filter((g) => g.speakers.length > 0);
    const listed = groups.slice(0, LISTED_ARTICLES).map(
      (g) => `“${g.article.title}” (${g.article.source}): ${g.speakers.map(({ person, quoteCount }) => `${person.named === false ? speakerName(person) : `${person.name}${person.role ? ` (${person.role})` : ''}`} ${quoteCount}`).join(', ')}`,
    );
    const more = groups.length > LISTED_ARTICLES ? ` …and ${groups.length - LISTED_ARTICLES} more articles (/speakers lists everyone).` : '';
    const total = groups.reduce((n, g) => n + g.speakers.length, 0);
    const items = groups.slice(0, LISTED_ARTICLES).flatMap((g) => g.speakers.flatMap((s) => (s.firstQuote ? [s.firstQuote] : [])));
    return {
      question,
      intent: 'list-speakers',
      found: total > 0,
      summary: total > 0 ? `${total} speakers quoted in ${groups.length} articles. ${listed.join('; ')}.${more}` : 'None of the articles quotes anyone by name.',
      items,
      suggestions: total > 0 ? [] : this.suggestions(),
    };
  }

  /** Speakers of one article from its data (no engine needed), most quoted first. */
  private speakersOf(article: Article): { person: Person; quoteCount: number; firstQuote: AnswerItem | null }[] {
    const people = new Map(article.people.map((p) => [p.id, p]));
    const counts = new Map<string, { person: Person; quoteCount: number; firstQuote: AnswerItem | null }>();
    for (const quote of article.quotes) {
      const person = people.get(quote.speaker);
      if (!person) continue;
      const entry = counts.get(person.id) ?? { person, quoteCount: 0, firstQuote: null };
      entry.quoteCount++;
      entry.firstQuote ??= itemOfQuote(article, quote, person, quote.reportedBy ? (people.get(quote.reportedBy) ?? null) : null);
      counts.set(person.id, entry);
    }
    return [...counts.values()].sort((a, b) => b.quoteCount - a.quoteCount);
  }

  /** Questions about "the article" when there are many: what the knowledge base holds. */
  private overview(question: string, intent: Answer['intent']): Answer {
    const titles = this.articles.slice(0, 10).map((a) => `“${a.title}” (${a.source}${a.date ? `, ${a.date}` : ''})`);
    const more = this.articles.length > 10 ? ` and ${this.articles.length - 10} more` : '';
    const items = this.articles.slice(0, 5).flatMap((a) => this.engineFor(a).answer('what is the article about').items.slice(0, 1));
    return {
      question,
      intent,
      found: intent !== 'empty',
      summary: intent === 'empty' ? 'Ask a question about the articles, for example “who spoke about …?”.' : `I know ${this.articles.length} articles: ${titles.join('; ')}${more}. Name a person or subject to ask about one.`,
      items: intent === 'empty' ? [] : items,
      suggestions: intent === 'empty' ? this.suggestions() : [],
    };
  }

  private noArticle(question: string): Answer {
    return { question, intent: 'passage-search', found: false, summary: 'None of the articles I know says anything about that.', items: [], suggestions: this.suggestions() };
  }

  private unknownArticle(question: string, articleId: string): Answer {
    return { question, intent: 'passage-search', found: false, summary: `There is no article “${articleId}”.`, items: [], suggestions: this.articles.slice(0, 5).map((a) => `ask about “${a.title}” (${a.id})`) };
  }

  private suggestions(): string[] {
    const people = this.speakerTotals.slice(0, 3).map(({ person }) => `what did ${person.name} say?`);
    const topics = this.topicTotals.slice(0, 2).map((t) => `who spoke about ${t.label.toLowerCase()}?`);
    return [...topics, ...people];
  }

  quotesBy(speakerId: string, topicId?: string, articleId?: string): Answer {
    const articles = articleId !== undefined ? [this.byId.get(articleId)].filter((a): a is Article => a !== undefined) : (this.articlesOfSpeaker.get(speakerId) ?? this.articles.slice(0, 1));
    const answers = articles.slice(0, 10).map((a) => this.engineFor(a).quotesBy(speakerId, topicId));
    const found = answers.filter((a) => a.found);
    const first = (found[0] ?? answers[0]) as Answer | undefined;
    if (!first) return this.unknownArticle(`quotes by ${speakerId}`, articleId ?? '');
    if (found.length <= 1) return first;
    return { ...first, summary: `${first.summary} Quoted in ${found.length} articles.`, items: found.flatMap((a) => a.items) };
  }

  speakers(articleId?: string): SpeakerSummary[] {
    const article = articleId !== undefined ? this.byId.get(articleId) : undefined;
    return article ? this.engineFor(article).speakers() : this.speakerTotals;
  }

  topics(articleId?: string): TopicSummary[] {
    const article = articleId !== undefined ? this.byId.get(articleId) : undefined;
    return article ? this.engineFor(article).topics() : this.topicTotals;
  }

  hasSpeaker(id: string): boolean {
    return this.articlesOfSpeaker.has(id);
  }

  hasTopic(id: string): boolean {
    return this.topicTotals.some((t) => t.id === id);
  }

  suggestSpeakers(typed: string, limit = 25): Choice[] {
    return this.speakerChoices.suggest(typed, limit);
  }

  suggestTopics(typed: string, limit = 25): Choice[] {
    return this.topicChoices.suggest(typed, limit);
  }

  suggestArticles(typed: string, limit = 25): Choice[] {
    return this.articleChoices.suggest(typed, limit);
  }

  /** Scoped engines are built when asked for, kept from their second use on, and the least recently used are dropped. */
  private engineFor(article: Article): ScopedEngine {
    return this.engines.remember(article.id, () => new ScopedEngine([article]));
  }
}

/** The public answer: how sure the engine is stays inside it. */
function withoutConfidence(answer: ScopedAnswer): Answer {
  // Written out rather than an object rest, which copies property by property into an object of its own shape.
  return { question: answer.question, intent: answer.intent, found: answer.found, summary: answer.summary, items: answer.items, suggestions: answer.suggestions };
}

function from(article: Article): string {
  return `In “${article.title}” (${article.source}):`;
}

/** Round-robin over lists, so each article's best item comes before any article's second. */
function interleave(lists: AnswerItem[][]): AnswerItem[] {
  const out: AnswerItem[] = [];
  for (let i = 0; lists.some((l) => i < l.length); i++) for (const list of lists) if (list[i]) out.push(list[i] as AnswerItem);
  return out;
}

/** Speakers across all articles, merged by id, from the data alone (no engine needed). */
function totalSpeakers(articles: readonly Article[]): SpeakerSummary[] {
  const totals = new Map<string, { person: Person; quoteCount: number; topics: Set<string>; first: number }>();
  articles.forEach((article, a) => {
    const people = new Map(article.people.map((p) => [p.id, p]));
    for (const quote of article.quotes) {
      const person = people.get(quote.speaker);
      if (!person) continue;
      const entry = totals.get(person.id) ?? { person, quoteCount: 0, topics: new Set<string>(), first: a * 1e7 + quote.start };
      entry.quoteCount++;
      quote.topics.forEach((t) => entry.topics.add(t));
      totals.set(person.id, entry);
    }
  });
  return [...totals.values()]
    .sort((x, y) => y.quoteCount - x.quoteCount || x.first - y.first)
    .map(({ person, quoteCount, topics }) => ({ person, quoteCount, topics: [...topics] }));
}

function totalTopics(articles: readonly Article[]): TopicSummary[] {
  const totals = new Map<string, { label: string; speakers: Map<string, Person>; quoteCount: number }>();
  for (const article of articles) {
    const people = new Map(article.people.map((p) => [p.id, p]));
    const labels = new Map(article.topics.map((t) => [t.id, t.label]));
    for (const quote of article.quotes) {
      for (const topicId of quote.topics) {
        const entry = totals.get(topicId) ?? { label: labels.get(topicId) ?? topicId, speakers: new Map<string, Person>(), quoteCount: 0 };
        entry.quoteCount++;
        const person = people.get(quote.speaker);
        if (person) entry.speakers.set(person.id, person);
        totals.set(topicId, entry);
      }
    }
  }
  return [...totals.entries()]
    .sort((a, b) => b[1].quoteCount - a[1].quoteCount)
    .map(([id, t]) => ({ id, label: t.label, speakers: [...t.speakers.values()], quoteCount: t.quoteCount }));
}

/** A question's word as its asker wrote it (capitals kept: a capital tells a name from a little word). */
function writtenAs(read: QuestionText, at: number): string {
  const word = read.words[at];
  return word ? read.text.slice(word.start, word.end) : '';
}
