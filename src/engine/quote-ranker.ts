import type { QuoteEntry, TopicEntry } from './knowledge.js';
import type { PassageIndex } from './passage-index.js';
import type { TopicMatch, TopicMatcher } from './topic-matcher.js';
import { contentTerms, terms } from './text.js';

/** How strongly a quote explains a part of the question: by its own words … */
const LITERAL = 1;
/** … or only by belonging to a topic whose keywords stand for it. */
const TOPIC = 0.75;
/** A topic most quotes share is the article's whole subject: it says little about any one quote. */
const BROAD_TOPIC = 0.25;
/** A generic word ("talks", "Russia") weighs this much next to the question's specific words. */
const GENERIC_WEIGHT = 0.25;
/** Quotes scoring under this share of the best one are dropped: better matches exist. */
const RELEVANCE_RATIO = 0.65;
/** More than this share of the question's specific parts must be explained, or the article is about something else. */
const EXPLAINED_SHARE = 0.5;

export interface RankedQuote {
  entry: QuoteEntry;
  /** Weighted sum of the parts of the question the quote explains. */
  score: number;
  /** The score as a share of the question's total weight (0-1). */
  coverage: number;
  /** True when the quote's own words say something the question asks, not only its topics. */
  literal: boolean;
}

/** One thing the question asks about: a term, or a keyword phrase such as "with whom". */
interface Unit {
  weight: number;
  specific: boolean;
  /** Quotes whose own words contain it. */
  literal: Set<QuoteEntry>;
  /** Topics whose keywords stand for it, with how strongly each explains it. */
  topics: Map<string, number>;
}

type QuoteFilter = (entry: QuoteEntry) => boolean;

/** A question as the ranker reads it. */
interface Reading {
  units: Unit[];
  bm25: Map<QuoteEntry, number>;
}

interface Scored extends RankedQuote {
  /** Tie-breakers: how many topic keywords the quote itself uses, and its BM25 score. */
  density: number;
  bm25: number;
}

/**
 * Ranks quotes for a question by the parts of it each explains — literally or through a topic —
 * weighted so specific words and specific topics count more than the article's generic ones.
 */
export class QuoteRanker {
  private readonly broadTopics = new Set<string>();
  private readonly quoteTerms = new Map<QuoteEntry, Set<string>>();
  private readonly keywordTerms = new Map<string, string[]>();

  constructor(
    private readonly quoteIndex: PassageIndex<QuoteEntry>,
    private readonly topicMatcher: TopicMatcher,
    topics: Iterable<TopicEntry>,
    quotes: readonly QuoteEntry[],
    private readonly generic: ReadonlySet<string>,
  ) {
    for (const entry of quotes) this.quoteTerms.set(entry, new Set(terms(entry.quote.text)));
    for (const topic of topics) {
      this.keywordTerms.set(topic.id, [...new Set(topic.topic.keywords.flatMap((k) => terms(k)))]);
      const articles = new Set(topic.quotes.map((q) => q.article));
      const total = quotes.filter((q) => articles.has(q.article)).length;
      if (topic.quotes.length * 2 > total) this.broadTopics.add(topic.id);
    }
  }

  /** Quotes on the subject of `text`, best first, nearly as relevant as the best; empty when the article does not cover it. */
  rank(text: string, filter?: QuoteFilter): RankedQuote[] {
    const reading = this.read(text, filter);
    const candidates = this.candidates(reading.units, filter);
    if (!this.mostlyExplained(reading.units, candidates)) return [];
    const scored = this.score(reading, candidates);
    const top = scored[0]?.score ?? 0;
    return scored.filter((s) => s.score >= top * RELEVANCE_RATIO).map(({ entry, score, coverage, literal }) => ({ entry, score, coverage, literal }));
  }

  /** Every quote that explains any part of `text`, without the relevance cut or the out-of-scope guard. */
  explaining(text: string): QuoteEntry[] {
    const reading = this.read(text);
    return this.score(reading, this.candidates(reading.units)).map((s) => s.entry);
  }

  /** Words the article never uses ("economy", "capital") mean the question is about something else. */
  private mostlyExplained(units: Unit[], candidates: QuoteEntry[]): boolean {
    const specific = units.filter((u) => u.specific);
    if (specific.length === 0) return true;
    const explained = specific.filter((u) => candidates.some((c) => this.strength(c, u) > 0));
    return explained.length / specific.length > EXPLAINED_SHARE;
  }

  /** The parts of the question, weighted, with the quotes and topics that explain each. */
  private read(text: string, filter?: QuoteFilter): Reading {
    const asked = [...new Set(contentTerms(text))];
    const matches = this.topicMatcher.match(text);
    const hits = this.quoteIndex.find(asked, filter ? { filter } : {});
    const termUnits = asked.map((term) => {
      const literal = new Set(hits.filter((h) => h.matchedTerms.includes(term)).map((h) => h.doc));
      return { specific: !this.generic.has(term), literal, topics: this.topicStrengths(matches.filter((m) => m.matchedTerms.has(term)), literal.size > 0) };
    });
    const phrases = [...new Set(matches.flatMap((m) => [...m.phrases]))];
    const phraseUnits = phrases.map((phrase) => ({
      specific: true,
      literal: new Set<QuoteEntry>(),
      topics: this.topicStrengths(matches.filter((m) => m.phrases.has(phrase)), false),
    }));
    const parts = [...termUnits, ...phraseUnits];
    // Generic words only weigh less when there is something more specific to weigh them against.
    const anySpecific = parts.some((u) => u.specific);
    const units = parts.map((u) => ({ ...u, weight: u.specific || !anySpecific ? 1 : GENERIC_WEIGHT }));
    return { units, bm25: new Map(hits.map((h) => [h.doc, h.score])) };
  }

  /**
   * How strongly each matched topic explains one part of the question. A broad topic is discounted
   * only when something better explains that part: the quotes' own words or a narrower topic.
   */
  private topicStrengths(matches: TopicMatch[], literallyExplained: boolean): Map<string, number> {
    const narrower = matches.some((m) => !this.broadTopics.has(m.topic.id));
    const discount = literallyExplained || narrower;
    return new Map(matches.map((m) => [m.topic.id, this.broadTopics.has(m.topic.id) && discount ? BROAD_TOPIC : TOPIC]));
  }

  /** Quotes that explain at least one part: by their words or by their topics. */
  private candidates(units: Unit[], filter?: QuoteFilter): QuoteEntry[] {
    const topicIds = topicsOf(units);
    const found = new Set<QuoteEntry>(units.flatMap((u) => [...u.literal]));
    for (const entry of this.quoteTerms.keys()) {
      if (entry.quote.topics.some((id) => topicIds.has(id))) found.add(entry);
    }
    return [...found].filter((q) => !filter || filter(q));
  }

  private score({ units, bm25 }: Reading, candidates: QuoteEntry[]): Scored[] {
    const total = units.reduce((sum, u) => sum + u.weight, 0);
    const topicIds = topicsOf(units);
    return candidates
      .map((entry) => {
        const score = units.reduce((sum, u) => sum + u.weight * this.strength(entry, u), 0);
        // Full-weight parts only: a quote that merely shares a generic word says nothing in its own words.
        const literal = units.some((u) => u.weight === 1 && u.literal.has(entry));
        return { entry, score, coverage: total > 0 ? score / total : 0, literal, density: this.density(entry, topicIds), bm25: bm25.get(entry) ?? 0 };
      })
      .filter((s) => s.score > 0)
      .sort((a, b) => b.score - a.score || byPerson(a.entry) - byPerson(b.entry) || b.density - a.density || b.bm25 - a.bm25 || a.entry.quote.start - b.entry.quote.start);
  }

  /** How strongly one quote explains one part of the question (0 when it does not). */
  private strength(entry: QuoteEntry, unit: Unit): number {
    let best = unit.literal.has(entry) ? LITERAL : 0;
    for (const id of entry.quote.topics) best = Math.max(best, unit.topics.get(id) ?? 0);
    return best;
  }

  /** A quote that uses its topics' own words ("platform", "Belarus") is a better example of them. */
  private density(entry: QuoteEntry, topicIds: Set<string>): number {
    const own = this.quoteTerms.get(entry);
    if (!own) return 0;
    return entry.quote.topics.filter((id) => topicIds.has(id)).reduce((sum, id) => sum + (this.keywordTerms.get(id) ?? []).filter((t) => own.has(t)).length, 0);
  }
}

function topicsOf(units: Unit[]): Set<string> {
  return new Set(units.flatMap((u) => [...u.topics.keys()]));
}

/** At equal relevance a named person's words come before an organisation's collective statement. */
function byPerson(entry: QuoteEntry): number {
  return entry.speaker.person.kind === 'organisation' ? 1 : 0;
}
