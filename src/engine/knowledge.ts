import type { Article, Person, Quote, Topic } from '../data/schema.js';
import { foldedWords } from '../text/words.js';
import type { AnswerItem, ArticleRef } from './answer-types.js';

export interface QuoteEntry {
  article: Article;
  quote: Quote;
  speaker: PersonEntry;
  reportedBy: PersonEntry | null;
}

/** A person (or speaking organisation) across every article that names them. */
export interface PersonEntry {
  id: string;
  person: Person;
  quotes: QuoteEntry[];
  /** Paragraphs where the person is named (filled in from the evidence units, which read every sentence). */
  mentions: { article: Article; paragraph: number; start: number; end: number }[];
}

export interface TopicEntry {
  id: string;
  topic: Topic;
  quotes: QuoteEntry[];
}

/** Everything the engine derives from the articles once, at start-up. */
export interface Knowledge {
  articles: Article[];
  quotes: QuoteEntry[];
  people: Map<string, PersonEntry>;
  topics: Map<string, TopicEntry>;
  /** Each article's source as folded words joined by spaces, compared with questions' words. */
  sources: ReadonlySet<string>;
}

export function articleRef(article: Article): ArticleRef {
  return { id: article.id, title: article.title, source: article.source, date: article.date };
}

export function quoteItem(entry: QuoteEntry): AnswerItem {
  return itemOfQuote(entry.article, entry.quote, entry.speaker.person, entry.reportedBy?.person ?? null);
}

/** A quote of an article as an answer item, with the pieces that are the speaker's own words when the attribution interrupts it. */
export function itemOfQuote(article: Article, quote: Quote, speaker: Person, reportedBy: Person | null): AnswerItem {
  const item: AnswerItem = {
    kind: quote.kind,
    quote: quote.text,
    start: quote.start,
    end: quote.end,
    paragraph: quote.paragraph,
    speaker,
    reportedBy,
    quoteId: quote.id,
    topics: quote.topics,
    article: articleRef(article),
  };
  return quote.parts ? { ...item, parts: quote.parts.map((p) => ({ start: p.start, end: p.end, text: article.text.slice(p.start, p.end) })) } : item;
}

export function narrationItem(article: Article, paragraph: number, start: number, end: number): AnswerItem {
  return {
    kind: 'narration',
    quote: article.text.slice(start, end),
    start,
    end,
    paragraph,
    speaker: null,
    reportedBy: null,
    quoteId: null,
    topics: [],
    article: articleRef(article),
  };
}

export function buildKnowledge(articles: Article[]): Knowledge {
  const quotes: QuoteEntry[] = [];
  const people = new Map<string, PersonEntry>();
  const topics = new Map<string, TopicEntry>();

  for (const article of articles) {
    for (const person of article.people) {
      if (!people.has(person.id)) people.set(person.id, { id: person.id, person, quotes: [], mentions: [] });
    }
    for (const topic of article.topics) {
      if (!topics.has(topic.id)) topics.set(topic.id, { id: topic.id, topic, quotes: [] });
    }
    for (const quote of article.quotes) {
      const speaker = people.get(quote.speaker);
      if (!speaker) continue; // the loader guarantees this; the guard keeps the types honest
      const entry: QuoteEntry = {
        article,
        quote,
        speaker,
        reportedBy: quote.reportedBy ? (people.get(quote.reportedBy) ?? null) : null,
      };
      quotes.push(entry);
      speaker.quotes.push(entry);
      for (const topicId of quote.topics) topics.get(topicId)?.quotes.push(entry);
    }
  }
  return { articles, quotes, people, topics, sources: new Set(articles.map((a) => foldedWords(a.source).join(' '))) };
}
