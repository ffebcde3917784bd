import type { EvidenceUnit } from './evidence.js';
import type { PersonEntry } from './knowledge.js';
import { doubleList, emptyObjectList } from './empty-list.js';
import { MAX_FUZZY_EDITS, MAX_FUZZY_WORDS } from './limits.js';
import { LruMap } from './lru.js';
import { TypoIndex } from './typo-index.js';
import { demonymRoot, sameFamily, spellingVariant } from '../text/spelling.js';
import { contentStems as terms } from '../text/tokens.js';

/** BM25's usual constants: term-frequency saturation and length normalisation. */
const K1 = 1.2;
const B = 0.5;
/** How much a match counts when it is not the word itself. */
const FAMILY_MATCH = 0.7;
const VARIANT_MATCH = 0.8;
/** A word found only in the attribution around a quote ("…, she warned"), not in the quote. */
const CONTEXT_MATCH = 0.6;
/** A word the quote does not use but one of its topics stands for (topics and keywords come from the article's data). */
const TOPIC_MATCH = 0.6;
/** A word family: stems of at least this many letters, a suffix of at most this many apart (see sameFamily). */
const FAMILY_ROOT = 5;
const FAMILY_SUFFIX = 5;

/** One thing a question asks about: a word (as a stem), or a person talked about. */
export interface ContentTerm {
  stem: string;
  /** The word as typed, for wording. */
  word: string;
  /** How much the asker's phrasing says this term matters (1 normal, less for asides and verbs of attribution). */
  weight: number;
  /** A person the question talks about (not a speaker): matched by their mentions. */
  person?: PersonEntry;
  /** A hint ("where" in a where-question): it counts when matched, and is not missed when not. */
  bonus?: boolean;
  /** A topic of the article's data whose keyword phrase the question uses ("who to negotiate with"): matched by the quotes on it. */
  topic?: string;
}

/** Of the kind lists of expansions have: `score` iterates both at one site. */
const NONE: readonly { stem: string; strength: number }[] = emptyObjectList();
const NO_TOPICS: ReadonlySet<string> = new Set();

export interface ScoredUnit {
  unit: EvidenceUnit;
  /** Weighted share of the question's content the unit covers (0-1), by rarity in the article. */
  coverage: number;
  /** BM25 relevance (for ordering units with the same coverage). */
  relevance: number;
  /** Share of the question's word pairs the unit says in the same order (0-1). */
  proximity: number;
}

/**
 * Ranks the evidence units of a small scope (one article, usually) against a question's content
 * terms: BM25 over stems, with word families, spelling variants for words the article does not
 * use, the attribution around a quote, and topics from the data at lower strength.
 */
const NO_STEMS: ReadonlySet<string> = new Set();

export class EvidenceIndex {
  private readonly documentFrequency = new Map<string, number>();
  private readonly averageLength: number;
  private readonly variants = new LruMap<string, readonly { stem: string; strength: number }[]>(512);
  private readonly topicTerms = new Map<string, Set<string>>();
  /** The topics whose label or keywords use a stem, in the order of `topicTerms`: looked up for each word of a question. */
  private readonly topicsOfStem = new Map<string, Set<string>>();
  /** How much a topic says about one quote: a topic most quotes share is the article's whole subject. */
  private readonly topicStrength = new Map<string, number>();
  /** The stems of the units, sorted (when first needed): a word's family is looked up, not scanned for. */
  private sorted: string[] | undefined;
  /** For spelling variants of words the article does not use (bounded work: see TypoIndex), built when first needed. */
  private typoIndex: TypoIndex | undefined;
  private demonymIndex: Map<string, string[]> | undefined;
  private readonly bigramsOf = new Map<EvidenceUnit, Set<string>>();
  private readonly personStems = new Map<PersonEntry, string[]>();
  /** A topic's and a person's rarity among the units: counted once, not on every question that names them. */
  private readonly idfOfTopic = new Map<string, number>();
  private readonly idfOfPerson = new Map<PersonEntry, number>();
  private readonly buffers = { strength: new Float64Array(0), frequency: new Float64Array(0) };
  /** Each topic's keyword phrases with a space either side, as they are looked for in a question, with their first stem. */
  private readonly paddedPhrases: ReadonlyMap<string, readonly { padded: string; first: string }[]>;

  constructor(
    readonly units: readonly EvidenceUnit[],
    topics: ReadonlyMap<string, readonly string[]>,
    private readonly topicPhrases: ReadonlyMap<string, readonly string[]> = new Map(),
  ) {
    for (const unit of units) {
      for (const term of unit.termFrequency.keys()) this.documentFrequency.set(term, (this.documentFrequency.get(term) ?? 0) + 1);
      for (const term of unit.contextTerms) if (!unit.termFrequency.has(term)) this.documentFrequency.set(term, (this.documentFrequency.get(term) ?? 0) + 1);
    }
    this.paddedPhrases = new Map([...topicPhrases].map(([id, phrases]) => [id, phrases.map((p) => ({ padded: ` ${p} `, first: p.split(' ')[0] ?? '' }))] as const));
    this.averageLength = units.reduce((sum, u) => sum + u.length, 0) / Math.max(1, units.length);
    const quotes = units.filter((u) => u.entry);
    for (const [id, stems] of topics) {
      this.topicTerms.set(id, new Set(stems));
      const share = quotes.filter((u) => u.topics.includes(id)).length / Math.max(1, quotes.length);
      this.topicStrength.set(id, TOPIC_MATCH * Math.min(1, (1 - share) * 1.5));
    }
    for (const [topic, stems] of this.topicTerms) {
      for (const stem of stems) {
        const described = this.topicsOfStem.get(stem);
        if (described) described.add(topic);
        else this.topicsOfStem.set(stem, new Set([topic]));
      }
    }
  }

  /** The units, scored for the terms (and the question's word sequence, for proximity); only units that match something. */
  score(terms: readonly ContentTerm[], sequence: readonly string[], filter?: (unit: EvidenceUnit) => boolean): ScoredUnit[] {
    const n = terms.length;
    // Doubles whatever the values (see doubleList); the unknown words as a loop: no list of another kind when none is.
    const weights = doubleList();
    const unknown: string[] = [];
    for (const t of terms) {
      weights.push(t.weight * (t.person ? this.personIdf(t.person) : t.topic ? this.topicIdf(t.topic) : this.idf(t.stem)));
      if (!t.person && !t.topic && !this.documentFrequency.has(t.stem) && t.stem.length >= 4) unknown.push(t.stem);
    }
    let total = 0;
    for (let i = 0; i < n; i++) if (!terms[i]?.bonus) total += weights[i] ?? 0;
    // Variants of words the article does not use, for the few longest of them: bounded work however long the question.
    const fuzzy: ReadonlySet<string> = unknown.length === 0 ? NO_STEMS : new Set(unknown.sort((a, b) => b.length - a.length).slice(0, MAX_FUZZY_WORDS));
    const expansions = terms.map((t) => (t.person || t.topic ? NONE : this.expansions(t.stem, fuzzy.has(t.stem))));
    // The topics (from the data) each term's words describe, found once rather than unit by unit.
    const topicsOf = terms.map((t) => (t.topic ? NO_TOPICS : t.person ? this.topicsDescribedBy(this.nameStems(t.person)) : (this.topicsOfStem.get(t.stem) ?? NO_TOPICS)));
    const pairs = bigrams(sequence);
    const candidates = filter ? this.units.filter(filter) : this.units;
    // Pass 1: each unit's own words (and its attribution) for each term.
    const strength = this.buffer('strength', candidates.length * n);
    const frequency = this.buffer('frequency', candidates.length * n);
    const saidSomewhere = new Array<boolean>(n).fill(false);
    for (let u = 0; u < candidates.length; u++) {
      const unit = candidates[u] as EvidenceUnit;
      for (let i = 0; i < n; i++) {
        const term = terms[i] as ContentTerm;
        const at = u * n + i;
        if (term.topic) {
          if (unit.topics.includes(term.topic)) strength[at] = 1;
        } else if (term.person) {
          if (unit.mentions.people.has(term.person)) strength[at] = 1;
          else if (unit.mentions.contextPeople.has(term.person) && unit.entry?.speaker !== term.person) strength[at] = CONTEXT_MATCH;
        } else {
          for (const { stem, strength: expansion } of expansions[i] ?? NONE) {
            const tf = unit.termFrequency.get(stem);
            if (tf !== undefined && expansion > strength[at]!) {
              strength[at] = expansion;
              frequency[at] = tf;
            } else if (strength[at]! < CONTEXT_MATCH * expansion && unit.contextTerms.has(stem)) strength[at] = CONTEXT_MATCH * expansion;
          }
        }
        if (strength[at]! >= CONTEXT_MATCH * FAMILY_MATCH) saidSomewhere[i] = true;
      }
    }
    // Pass 2: topics from the data stand in for words a unit does not use; a topic most quotes share
    // is discounted only when some unit says the word itself.
    const out: ScoredUnit[] = [];
    for (let u = 0; u < candidates.length; u++) {
      const unit = candidates[u] as EvidenceUnit;
      let covered = 0;
      let relevance = 0;
      for (let i = 0; i < n; i++) {
        const at = u * n + i;
        let s = strength[at] ?? 0;
        let tf = frequency[at] || 1;
        const topics = topicsOf[i] as ReadonlySet<string>;
        if (topics.size > 0 && unit.topics.length > 0) {
          const viaTopic = this.topicMatch(unit, topics, saidSomewhere[i] ?? true);
          if (viaTopic > s) {
            s = viaTopic;
            tf = 1;
          }
        }
        if (s <= 0) continue;
        const weight = (weights[i] ?? 0) * s;
        covered += weight;
        relevance += (weight * (tf * (K1 + 1))) / (tf + K1 * (1 - B + (B * unit.length) / this.averageLength));
      }
      // Word order counts only where some of the question's words are said: a shared "of the" alone says nothing.
      if (covered <= 0) continue;
      const proximity = pairs.size > 0 ? this.sharedPairs(unit, pairs) / pairs.size : 0;
      out.push(scoredUnit(unit, total > 0 ? covered / total : 0, relevance, proximity));
    }
    return out;
  }

  /** A zeroed scratch array of at least `size` (kept between questions: allocating typed arrays is slow). */
  private buffer(name: 'strength' | 'frequency', size: number): Float64Array {
    let buffer = this.buffers[name];
    if (buffer.length < size) {
      buffer = new Float64Array(Math.max(size, buffer.length * 2));
      this.buffers[name] = buffer;
    } else buffer.fill(0, 0, size);
    return buffer;
  }

  /** How strongly one of the unit's topics stands for a term, given the topics the term's words describe. */
  private topicMatch(unit: EvidenceUnit, topics: ReadonlySet<string>, discountBroad: boolean): number {
    let best = 0;
    for (const topic of unit.topics) {
      if (!topics.has(topic)) continue;
      const strength = discountBroad ? (this.topicStrength.get(topic) ?? 0) : TOPIC_MATCH;
      if (strength > best) best = strength;
    }
    return best;
  }

  /** The topics whose label or keywords use one of these stems. */
  private topicsDescribedBy(stems: readonly string[]): ReadonlySet<string> {
    let out: Set<string> | undefined;
    for (const [topic, words] of this.topicTerms) {
      for (const stem of stems) {
        if (words.has(stem)) {
          (out ??= new Set()).add(topic);
          break;
        }
      }
    }
    return out ?? NO_TOPICS;
  }

  /** Inverse document frequency: a word few units use says more. Unknown words weigh as the rarest. */
  idf(stem: string): number {
    const n = this.units.length;
    const df = this.documentFrequency.get(stem) ?? 0;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  knows(stem: string): boolean {
    return this.documentFrequency.has(stem);
  }

  /**
   * Words of the article that stand for a question word: itself, its family, or (for a word the
   * article never uses) a spelling variant or a place's people. The family is looked up in the sorted
   * vocabulary; variants go through the bounded TypoIndex. `fuzzy` false: no variants (the question's
   * few fuzzy words are spent).
   */
  expansions(stem: string, fuzzy = true): readonly { stem: string; strength: number }[] {
    const known = this.documentFrequency.has(stem);
    const cached = this.variants.get(stem);
    if (cached) return cached;
    const out: { stem: string; strength: number }[] = known ? [{ stem, strength: 1 }] : [];
    const seen = new Set([stem]);
    for (const word of this.family(stem)) addExpansion(out, seen, word, FAMILY_MATCH);
    if (!known && fuzzy) {
      for (const match of this.typos.near(stem, MAX_FUZZY_EDITS)) if (spellingVariant(stem, match.word, match.distance)) addExpansion(out, seen, match.word, VARIANT_MATCH);
      const root = demonymRoot(stem);
      if (root) for (const word of this.demonyms().get(root) ?? []) if (word.charAt(0) === stem.charAt(0)) addExpansion(out, seen, word, VARIANT_MATCH);
    }
    // Without variants the answer may be incomplete: remembered only when it is not.
    if (known || fuzzy) this.variants.set(stem, out);
    return out;
  }

  private get sortedVocabulary(): string[] {
    this.sorted ??= [...this.documentFrequency.keys()].sort();
    return this.sorted;
  }

  private get typos(): TypoIndex {
    this.typoIndex ??= new TypoIndex(this.sortedVocabulary);
    return this.typoIndex;
  }

  /** Stems one suffix apart from this one ("legitim" / "legitimaci"): a prefix of it, or words it is a prefix of. */
  private family(stem: string): string[] {
    const out: string[] = [];
    for (let length = Math.max(FAMILY_ROOT, stem.length - FAMILY_SUFFIX); length < stem.length; length++) {
      const shorter = stem.slice(0, length);
      if (this.documentFrequency.has(shorter)) out.push(shorter);
    }
    if (stem.length >= FAMILY_ROOT) {
      const sorted = this.sortedVocabulary;
      let low = 0;
      let high = sorted.length;
      while (low < high) {
        const middle = (low + high) >> 1;
        if ((sorted[middle] as string) <= stem) low = middle + 1;
        else high = middle;
      }
      for (let i = low; i < sorted.length; i++) {
        const word = sorted[i] as string;
        if (!word.startsWith(stem)) break;
        if (sameFamily(stem, word)) out.push(word);
      }
    }
    return out;
  }

  /** The article's stems by the root a place and its people share, built when first needed. */
  private demonyms(): ReadonlyMap<string, string[]> {
    if (!this.demonymIndex) {
      const index = new Map<string, string[]>();
      for (const word of this.sortedVocabulary) {
        const root = demonymRoot(word);
        if (root) index.set(root, [...(index.get(root) ?? []), word]);
      }
      this.demonymIndex = index;
    }
    return this.demonymIndex;
  }

  private topicIdf(topic: string): number {
    let idf = this.idfOfTopic.get(topic);
    if (idf === undefined) {
      const n = this.units.length;
      const df = this.units.filter((u) => u.topics.includes(topic)).length;
      idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
      this.idfOfTopic.set(topic, idf);
    }
    return idf;
  }

  /** Topics one of whose keyword phrases (two words or more) the question's words contain, in order. */
  topicsNamedBy(sequence: readonly string[]): string[] {
    const out: string[] = [];
    if (this.topicPhrases.size === 0) return out;
    const text = ` ${sequence.join(' ')} `;
    for (const [id, phrases] of this.paddedPhrases) {
      for (const phrase of phrases) {
        // A phrase the question holds starts with one of its words: most are ruled out without searching the text.
        if (sequence.includes(phrase.first) && text.includes(phrase.padded)) {
          out.push(id);
          break;
        }
      }
    }
    return out;
  }

  /** The stems of a topic's label and keywords (from the article's data). */
  topicStems(id: string): ReadonlySet<string> {
    return this.topicTerms.get(id) ?? NO_STEMS;
  }

  /** Whether one of the unit's topics (from the article's data) is described by one of these stems ("where", "place"). */
  topicSays(unit: EvidenceUnit, stems: readonly string[]): boolean {
    return unit.topics.some((id) => stems.some((s) => this.topicTerms.get(id)?.has(s)));
  }

  /** A person talked about: named in the unit, in its attribution, or in the keywords of its topics. */
  private nameStems(person: PersonEntry): string[] {
    let stems = this.personStems.get(person);
    if (!stems) {
      stems = [person.person.name, ...person.person.aliases].flatMap((n) => terms(n));
      this.personStems.set(person, stems);
    }
    return stems;
  }

  /** A person talked about is as rare as the units that mention them. */
  private personIdf(person: PersonEntry): number {
    let idf = this.idfOfPerson.get(person);
    if (idf === undefined) {
      const n = this.units.length;
      const df = this.units.filter((u) => u.mentions.people.has(person)).length;
      idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
      this.idfOfPerson.set(person, idf);
    }
    return idf;
  }

  private sharedPairs(unit: EvidenceUnit, pairs: ReadonlySet<string>): number {
    let own = this.bigramsOf.get(unit);
    if (!own) {
      own = bigrams(unit.tokens.map((t) => t.stem));
      this.bigramsOf.set(unit, own);
    }
    let shared = 0;
    for (const pair of pairs) if (own.has(pair)) shared++;
    return shared;
  }
}

/**
 * A scored unit with room for the score and speaker flag ranking gives it next (a `Ranked`): built with every
 * field it will have, its objects keep one shape instead of changing it when those are added.
 */
export function scoredUnit(unit: EvidenceUnit, coverage: number, relevance: number, proximity: number): ScoredUnit {
  return { unit, coverage, relevance, proximity, score: 0, bySpeaker: false } as ScoredUnit;
}

/** Adds a word standing for a question word, once. */
function addExpansion(out: { stem: string; strength: number }[], seen: Set<string>, word: string, strength: number): void {
  if (seen.has(word)) return;
  seen.add(word);
  out.push({ stem: word, strength });
}

function bigrams(sequence: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (let i = 1; i < sequence.length; i++) out.add(`${sequence[i - 1]} ${sequence[i]}`);
  return out;
}
