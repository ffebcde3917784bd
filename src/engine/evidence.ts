import { STOPWORDS } from '../text/stopwords.js';
import type { Article } from '../data/schema.js';
import type { AnswerItem } from './answer-types.js';
import { narrationItem, quoteItem, type Knowledge, type PersonEntry, type QuoteEntry } from './knowledge.js';
import { AMOUNT_EXPRESSION, HONORIFICS, MONTHS, NEGATIVE_EXPRESSION, PLACE_PREPOSITIONS, REASON_EXPRESSION, SPEECH_WORDS, TIME_EXPRESSION, WEEKDAYS } from './lexicon.js';
import { splitSentences } from '../text/sentences.js';
import { speechLemma, WEAK_SPEECH_LEMMAS } from '../text/speech-verbs.js';
import { tokenize, type Token } from '../text/tokens.js';

export interface Span {
  start: number;
  end: number;
}

/** What a piece of evidence mentions, beyond its words. Spans are absolute offsets in the article text. */
export interface Mentions {
  times: Span[];
  amounts: Span[];
  places: Span[];
  /** People (and organisations) of the article named in the unit itself, by name or alias. */
  people: ReadonlySet<PersonEntry>;
  /** … and those named only in its context (the speaker in "…, Okoye said"). */
  contextPeople: ReadonlySet<PersonEntry>;
  /** How many times it gives a cause or purpose ("because", "due to", "so"). */
  reason: number;
  /** How many times it denies or rules something out ("cannot", "impossible", "ban"). */
  negative: number;
  /** It reports speech ("said", "told"): narration that relays what someone said. */
  speech: boolean;
  /** People it names as saying something ("the governor said …", "according to the agency"): in the unit itself. */
  reported: ReadonlySet<PersonEntry>;
}

/**
 * One piece of evidence an answer can cite: a quote with its speaker, or a sentence of the
 * article's own narration. Every answer is the best evidence, ranked.
 */
export interface EvidenceUnit {
  readonly index: number;
  readonly kind: 'direct' | 'reported' | 'narration';
  readonly article: Article;
  readonly paragraph: number;
  readonly start: number;
  readonly end: number;
  /** The quote, with its speaker; null for narration. */
  readonly entry: QuoteEntry | null;
  /** The sentence(s) a quote stands in: its attribution ("…, she told reporters on May 3"). Narration: the unit itself. */
  readonly context: Span;
  /** Words of the unit. */
  readonly tokens: readonly Token[];
  /** Content stems of the unit and how often each occurs. */
  readonly termFrequency: ReadonlyMap<string, number>;
  /** Content stems of the context outside the unit (the attribution around a quote). */
  readonly contextTerms: ReadonlySet<string>;
  /** Number of content words: the unit's length for ranking. */
  readonly length: number;
  /** Over the unit and its context. */
  readonly mentions: Mentions;
  readonly topics: readonly string[];
}

/** The unit as an answer item: the quote with its speaker, or the narration sentence. */
export function unitItem(unit: EvidenceUnit): AnswerItem {
  let item = items.get(unit);
  if (!item) {
    item = unit.entry ? quoteItem(unit.entry) : narrationItem(unit.article, unit.paragraph, unit.start, unit.end);
    items.set(unit, item);
  }
  return item;
}

/** Items are read-only: each unit's is made once, and goes when the unit does. */
const items = new WeakMap<EvidenceUnit, AnswerItem>();

/** The unit's context (the whole sentence around a quote) as a narration item: shows what the quote alone leaves out. */
export function contextItem(unit: EvidenceUnit): AnswerItem {
  return narrationItem(unit.article, unit.paragraph, unit.context.start, unit.context.end);
}

/** A content word: not a function word. Speech words stay: "warned", "questioned" say what happened. */
export function isContentWord(word: string): boolean {
  return (!STOPWORDS.has(word) || QUESTION_WORDS_IN_TEXT.has(word)) && !HONORIFICS.has(word);
}

/** Wh-words in a sentence ("not where, but with whom") answer a question's embedded wh-word ("who to negotiate with"). */
const QUESTION_WORDS_IN_TEXT = new Set(['who', 'whom', 'where', 'when', 'why']);

/** Builds every evidence unit of the knowledge's articles: their quotes, then every narration sentence. */
export function buildEvidence(knowledge: Knowledge): EvidenceUnit[] {
  const units: EvidenceUnit[] = [];
  for (const article of knowledge.articles) {
    const people = namesOf(knowledge, article);
    // Each paragraph is read once; units and their contexts take their words from it.
    const quotes = knowledge.quotes.filter((q) => q.article === article);
    // A quotation of several sentences stays in the sentence that attributes it.
    const quoted = quotes.map((q) => q.quote);
    const paragraphs = new Map(article.paragraphs.map((p) => [p.number, { tokens: tokenize(article.text, p.start, p.end), sentences: splitSentences(article.text, p, quoted) }] as const));
    for (const entry of quotes) {
      const { quote } = entry;
      const paragraph = paragraphs.get(quote.paragraph);
      if (!paragraph) continue;
      const around = paragraph.sentences.filter((s) => s.start < quote.end && quote.start < s.end);
      const attribution = followingAttribution(article.text, paragraph.sentences, around, quote);
      if (attribution) around.push(attribution);
      const context = { start: Math.min(quote.start, around[0]?.start ?? quote.start), end: Math.max(quote.end, around[around.length - 1]?.end ?? quote.end) };
      units.push(makeUnit(units.length, article, quote.paragraph, { start: quote.start, end: quote.end }, context, entry, people, paragraph.tokens));
    }
    for (const p of article.paragraphs) {
      const paragraph = paragraphs.get(p.number);
      const named = new Set<PersonEntry>();
      for (const sentence of paragraph?.sentences ?? []) {
        if (!/[\p{L}\p{N}]/u.test(article.text.slice(sentence.start, sentence.end))) continue;
        const unit = makeUnit(units.length, article, p.number, sentence, sentence, null, people, paragraph?.tokens ?? []);
        units.push(unit);
        unit.mentions.people.forEach((person) => named.add(person));
      }
      for (const person of named) person.mentions.push({ article, paragraph: p.number, start: p.start, end: p.end });
    }
  }
  return units;
}

/**
 * A quotation that is a whole sentence ending in "!" or "?" (“Not in this town!” Thale told the crowd.) is attributed
 * by the sentence after it, which the stop split off: that sentence is the quote's context too.
 */
function followingAttribution(text: string, sentences: readonly Span[], around: readonly Span[], quote: Span): Span | undefined {
  const only = around.length === 1 ? around[0] : undefined;
  if (!only || !/[!?]\P{L}*$/u.test(text.slice(only.start, only.end))) return undefined;
  // The quote is the whole sentence but for its marks.
  if (/[\p{L}\p{N}]/u.test(text.slice(only.start, quote.start)) || /[\p{L}\p{N}]/u.test(text.slice(quote.end, only.end))) return undefined;
  return sentences.find((s) => s.start >= only.end);
}

const NO_TOKENS: readonly Token[] = [];
const NO_TERMS: ReadonlySet<string> = new Set();
const NO_PEOPLE: ReadonlySet<PersonEntry> = new Set();

/** The tokens inside a span (tokens are in text order: a binary search finds the first). */
function within(tokens: readonly Token[], span: Span): Token[] {
  let low = 0;
  let high = tokens.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((tokens[middle]?.start ?? 0) < span.start) low = middle + 1;
    else high = middle;
  }
  let end = low;
  while (end < tokens.length && (tokens[end]?.end ?? Infinity) <= span.end) end++;
  return tokens.slice(low, end);
}

function makeUnit(index: number, article: Article, paragraph: number, span: Span, context: Span, entry: QuoteEntry | null, people: NameIndex, paragraphTokens: readonly Token[]): EvidenceUnit {
  // A quote interrupted by its attribution (“A,” she said, “B.”) is the speaker's words only: "she said" is its context.
  const parts = entry?.quote.parts;
  const spoken = within(paragraphTokens, span);
  const tokens = parts ? spoken.filter((t) => parts.some((p) => t.start >= p.start && t.end <= p.end)) : spoken;
  const termFrequency = new Map<string, number>();
  let length = 0;
  for (const token of tokens) {
    if (!isContentWord(token.word)) continue;
    termFrequency.set(token.stem, (termFrequency.get(token.stem) ?? 0) + 1);
    length++;
  }
  // Narration is its own context: nothing around it.
  const alone = context.start === span.start && context.end === span.end && !parts;
  const around = alone ? NO_TOKENS : within(paragraphTokens, context).filter((t) => t.start < span.start || t.end > span.end || (parts !== undefined && !tokens.includes(t)));
  const contextTerms: ReadonlySet<string> = around.length === 0 ? NO_TERMS : new Set(around.filter((t) => isContentWord(t.word)).map((t) => t.stem));
  return {
    index,
    kind: entry ? entry.quote.kind : 'narration',
    article,
    paragraph,
    start: span.start,
    end: span.end,
    entry,
    context,
    tokens,
    termFrequency,
    contextTerms,
    length: Math.max(1, length),
    mentions: new UnitMentions(article.text, context, tokens, around, people),
    topics: entry ? entry.quote.topics : [],
  };
}

/** Name words of an article's people, so a unit knows whom it mentions. */
type NameIndex = ReadonlyMap<string, PersonEntry[]>;

function namesOf(knowledge: Knowledge, article: Article): NameIndex {
  const index = new Map<string, PersonEntry[]>();
  for (const person of article.people) {
    const entry = knowledge.people.get(person.id);
    // A described speaker ("officials") has no name a sentence could mention them by.
    if (!entry || person.named === false) continue;
    const names = [person.name, ...person.aliases];
    for (const name of names) {
      const nameWords = tokenize(name).map((t) => t.word).filter((w) => !HONORIFICS.has(w) && !STOPWORDS.has(w));
      // A surname (or a one-word name) identifies; a given name alone is too common to count.
      const last = nameWords[nameWords.length - 1];
      if (!last || last.length < 2) continue;
      const list = index.get(last) ?? [];
      if (!list.includes(entry)) list.push(entry);
      index.set(last, list);
    }
  }
  return index;
}

/** What a unit mentions: names at once (they are cheap and always needed), dates, amounts and the like when first asked. */
class UnitMentions implements Mentions {
  readonly people: ReadonlySet<PersonEntry>;
  readonly contextPeople: ReadonlySet<PersonEntry>;
  readonly reported: ReadonlySet<PersonEntry>;
  private found: { times: Span[]; amounts: Span[]; places: Span[]; reason: number; negative: number; speech: boolean } | undefined;

  constructor(
    private readonly text: string,
    private readonly context: Span,
    private readonly tokens: readonly Token[],
    private readonly around: readonly Token[],
    private readonly names: NameIndex,
  ) {
    this.people = named(tokens, names);
    this.contextPeople = named(around, names);
    this.reported = reportedSpeakers(tokens, names);
  }

  get times(): Span[] {
    return this.scan().times;
  }
  get amounts(): Span[] {
    return this.scan().amounts;
  }
  get places(): Span[] {
    return this.scan().places;
  }
  get reason(): number {
    return this.scan().reason;
  }
  get negative(): number {
    return this.scan().negative;
  }
  get speech(): boolean {
    return this.scan().speech;
  }

  private scan() {
    if (this.found) return this.found;
    const { text, context } = this;
    const slice = text.slice(context.start, context.end);
    const spansOf = (pattern: RegExp): Span[] => {
      const out: Span[] = [];
      for (const match of slice.matchAll(pattern)) {
        if (match[0].length === 0) continue;
        out.push({ start: context.start + (match.index ?? 0), end: context.start + (match.index ?? 0) + match[0].length });
      }
      return out;
    };
    const all = [...this.around, ...this.tokens].sort((a, b) => a.start - b.start);
    this.found = {
      times: spansOf(TIME_EXPRESSION),
      amounts: spansOf(AMOUNT_EXPRESSION)
        .filter((s) => !isYear(text.slice(s.start, s.end)) && !isDayOfDate(text, s, all))
        .map((s) => withCountedWord(s, all)),
      places: places(all, this.names),
      reason: count(REASON_EXPRESSION, slice),
      negative: count(NEGATIVE_EXPRESSION, slice),
      speech: all.some((t) => SPEECH_WORDS.has(t.word) && !t.capital),
    };
    return this.found;
  }
}

function named(list: readonly Token[], names: NameIndex): ReadonlySet<PersonEntry> {
  let people: Set<PersonEntry> | undefined;
  for (const token of list) {
    if (!token.capital) continue;
    for (const person of names.get(token.word) ?? []) (people ??= new Set()).add(person);
  }
  return people ?? NO_PEOPLE;
}

/** People named next to a reporting verb: "Okoye said", "told the agency", "said the minister, Ana Okoye". */
function reportedSpeakers(tokens: readonly Token[], names: NameIndex): ReadonlySet<PersonEntry> {
  let out: Set<PersonEntry> | undefined;
  tokens.forEach((token, i) => {
    if (!token.capital) return;
    const people = names.get(token.word);
    if (!people) return;
    const near = tokens.slice(Math.max(0, i - 3), i + 4);
    if (near.some((t) => reports(t.word))) for (const p of people) (out ??= new Set()).add(p);
  });
  return out ?? NO_PEOPLE;
}

/** A verb that reports speech ("said", "told", "warned") or "according (to)". */
function reports(word: string): boolean {
  if (word === 'according') return true;
  const lemma = speechLemma(word);
  return lemma !== null && !WEAK_SPEECH_LEMMAS.has(lemma);
}

const globalForms = new Map<RegExp, RegExp>();

function count(pattern: RegExp, text: string): number {
  let global = globalForms.get(pattern);
  if (!global) {
    global = new RegExp(pattern.source, 'giu');
    globalForms.set(pattern, global);
  }
  return text.match(global)?.length ?? 0;
}

/** "3,200 signatures", "60 jobs": the amount with the word it counts, when one follows. */
function withCountedWord(span: Span, tokens: readonly Token[]): Span {
  const next = tokens.find((t) => t.start >= span.end);
  if (!next || next.start > span.end + 1 || STOPWORDS.has(next.word) || next.capital) return span;
  return { start: span.start, end: next.end };
}

function isYear(text: string): boolean {
  return /^(?:1[89]|20)\d\d$/.test(text.trim());
}

/** The day of a date ("February 4", "14 January"): a number that counts nothing. */
function isDayOfDate(text: string, span: Span, tokens: readonly Token[]): boolean {
  if (!/^\d{1,2}[,.]?$/.test(text.slice(span.start, span.end).trim())) return false;
  const before = tokens.findLast((t) => t.end <= span.start);
  const after = tokens.find((t) => t.start >= span.end);
  return [before, after].some((t) => t !== undefined && MONTHS.has(t.word));
}

/** Capitalised words after "in", "at", "from"…: a place, unless they name a person, a month or a weekday. */
function places(tokens: readonly Token[], names: NameIndex): Span[] {
  const out: Span[] = [];
  tokens.forEach((token, i) => {
    if (!PLACE_PREPOSITIONS.has(token.word) || token.capital) return;
    let j = i + 1;
    if (tokens[j]?.word === 'the') j++;
    const first = tokens[j];
    if (!first || !first.capital || MONTHS.has(first.word) || WEEKDAYS.has(first.word) || names.has(first.word)) return;
    let last = first;
    for (let k = j + 1; k < tokens.length && tokens[k]?.capital && tokens[k]?.start === (tokens[k - 1]?.end ?? 0) + 1; k++) last = tokens[k] as Token;
    out.push({ start: first.start, end: last.end });
  });
  return out;
}

/** Whether a span lies inside the unit's own text (not only in its context). */
export function inside(unit: EvidenceUnit, span: Span): boolean {
  return span.start >= unit.start && span.end <= unit.end;
}

export type { Article };
