/** Text normalisation shared by every matcher, so a question and the article are compared alike. */

import { LruMap } from './lru.js';

const APOSTROPHES = /[\u2018\u2019\u02BC\u0060\u00B4]/g;
const DOUBLE_QUOTES = /[\u201C\u201D\u201E\u00AB\u00BB]/g;

/** Plain ASCII has no accents, curly quotes or invisible characters to fold: only its case. */
const ASCII = /^[ -~\t\n\r]*$/;

/** Lower-case, strip accents, unify quotation marks; keeps punctuation so patterns can still use it. */
export function foldText(input: string): string {
  if (ASCII.test(input)) return input.toLowerCase();
  return input
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u200B-\u200D\u2060\uFEFF]/g, '')
    .replace(APOSTROPHES, "'")
    .replace(DOUBLE_QUOTES, '"')
    .toLowerCase();
}

/**
 * One question (and each quote) is split into words by several matchers in turn: the latest few
 * hundred short texts are kept split, which spares the repetition, not the work of a new question.
 */
const recentWords = new LruMap<string, readonly string[]>(256);
const MAX_REMEMBERED_TEXT = 600;

/** Folded words only: possessives dropped ("kiev's" → "kiev"), everything that is not a letter or digit is a separator. */
export function words(input: string): readonly string[] {
  return input.length > MAX_REMEMBERED_TEXT ? splitWords(input) : recentWords.remember(input, splitWords);
}

function splitWords(input: string): readonly string[] {
  return foldText(input)
    .replace(/'s\b/g, '')
    .replace(/'/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/**
 * Transliterations and variants people type for places and things; mapped before matching.
 * A Map, not an object: a word such as "constructor" must not find Object.prototype's members.
 */
const VARIANTS: ReadonlyMap<string, string> = new Map([
  ['kyiv', 'kiev'],
  ['kyivs', 'kiev'],
  ['moskva', 'moscow'],
  ['belorussia', 'belarus'],
  ['byelorussia', 'belarus'],
  ['usa', 'us'],
  ['america', 'us'],
  ['american', 'us'],
  ['prc', 'china'],
  ['whitehouse', 'white house'],
  // "why can't they negotiate?" asks what makes it impossible
  ['cant', 'impossible'],
  ['cannot', 'impossible'],
  // "why does it matter who …?" asks why it is important
  ['matter', 'important'],
  ['matters', 'important'],
]);

/** Words with no meaning of their own in a question or a passage. */
export const STOPWORDS = new Set(
  (
    'a an the and or but if then so of to in on at by for with from into onto as is are was were be been being am ' +
    'do does did done doing has have had having i me my we our you your he him his she her it its they them their ' +
    'this that these those there here which who whom whose what when where why how whats whos wheres hows ' +
    'can could would should will shall may might must not no nor any some all each every both either ' +
    'about regarding concerning than too very just also only own same such up down out over under again ' +
    'please tell me know u ur pls plz hey hi ok okay dont doesnt didnt isnt arent wasnt werent wont havent hasnt'
  ).split(' '),
);

/** Words that shape a question ("what did X say about") rather than name its subject. */
export const QUESTION_VERBS = new Set(
  (
    'say says said saying tell tells told speak speaks spoke spoken talk talked talking mention mentions mentioned ' +
    'comment comments commented state stated states statement statements quote quotes quoted claim claimed note noted ' +
    'stress stressed point pointed add added think thinks thought discuss discussed discusses address addressed ' +
    'article story piece news text anything something thing things person people someone anyone everyone everybody ' +
    'exactly really actually word words ' +
    // "where will it be held / take place / happen": the event verb names no subject
    'held hold holds holding happen happens happened happening occur occurs occurred take takes took taking ' +
    // "who wants to host", "what does X want": wanting names no subject either
    'want wants wanted'
  ).split(' '),
);

/** Adverbs made from adjectives ("completely", "legally", "repeatedly"), not nouns ending in -ly ("family", "supply"). */
const ADVERB = /(?:e|[^aeiouybp])ly$/;

/** Conservative suffix stripping so "venues"/"venue", "negotiations"/"negotiate" and "detached"/"detachment" meet. */
export function stem(word: string): string {
  let w = word;
  if (w.length <= 3) return w;
  if (w.length > 5 && ADVERB.test(w)) w = w.slice(0, -2);
  if (w.endsWith('ibility') || w.endsWith('ability')) w = `${w.slice(0, -5)}l`;
  else if (w.endsWith('macy')) w = `${w.slice(0, -2)}t`;
  else if (w.endsWith('ators') || w.endsWith('ator')) w = w.slice(0, w.lastIndexOf('ator') + 2); // mediator → mediat(e)
  else if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('ations')) w = w.slice(0, -4);
  else if (w.endsWith('ation')) w = w.slice(0, -3);
  else if (w.endsWith('ing') && w.length > 5) w = w.slice(0, -3);
  else if (w.endsWith('ed') && w.length > 4) w = w.slice(0, -2);
  else if (w.endsWith('iness') && w.length > 6) w = `${w.slice(0, -5)}y`;
  else if (/(ss|us|is)$/.test(w)) return w;
  else if (/(ches|shes|xes|zes|sses)$/.test(w)) w = w.slice(0, -2);
  else if (w.endsWith('s')) w = w.slice(0, -1);
  // after the plural, so "document" and "documents" both end as "docu"
  if (w.endsWith('ment') && w.length > 7) w = w.slice(0, -4);
  if (w.endsWith('e') && w.length > 3) w = w.slice(0, -1);
  return w;
}

/** Meaningful terms of a text, stemmed, with common variants mapped: what indexes and matchers compare. */
export function terms(input: string): string[] {
  const out: string[] = [];
  for (const word of words(input)) {
    const mapped = VARIANTS.get(word) ?? word;
    for (const part of mapped.split(' ')) {
      if (!STOPWORDS.has(part)) out.push(stem(part));
    }
  }
  return out;
}

/** Every word of a text, variants mapped and stemmed, stopwords kept: for matching phrases such as "with whom". */
export function stemmedWords(input: string): string[] {
  return words(input).flatMap((word) => (VARIANTS.get(word) ?? word).split(' ').map(stem));
}

/** Terms of a question that name its subject: stopwords and question verbs removed. */
export function contentTerms(input: string): string[] {
  const out: string[] = [];
  for (const word of words(input)) {
    const mapped = VARIANTS.get(word) ?? word;
    for (const part of mapped.split(' ')) {
      if (!STOPWORDS.has(part) && !QUESTION_VERBS.has(part)) out.push(stem(part));
    }
  }
  return out;
}

/**
 * Words that say "talks" or name the parties without saying what about: they never make a passage
 * relevant on their own, and weigh little next to a question's specific words.
 */
export const UNIVERSAL_GENERIC_TERMS: ReadonlySet<string> = new Set(terms('talks talk country countries say said people official officials'));

/** A term in at least this share of an article's sentences is what the whole article is about. */
const GENERIC_SENTENCE_SHARE = 0.3;

/**
 * The generic terms of a set of articles: the universal ones plus each article's own subject —
 * words most of its sentences use ("negotiations" in an article about talks), and the proper
 * names its headline is about ("Russia", "Ukraine"), which every statement in it concerns.
 */
export function genericTerms(articles: readonly { title: string; sentences: readonly string[] }[]): ReadonlySet<string> {
  const generic = new Set(UNIVERSAL_GENERIC_TERMS);
  for (const { title, sentences } of articles) {
    const body = sentences.join(' ');
    for (const word of title.split(/\s+/)) {
      const name = word.replace(/[^\p{L}\p{N}]/gu, '');
      // A proper name: capitalised in the headline and also mid-sentence in the body.
      if (/^\p{Lu}/u.test(name) && new RegExp(`[\\p{Ll},] ${name}\\b`, 'u').test(body)) terms(name).forEach((t) => generic.add(t));
    }
    if (sentences.length < 4) continue; // too few sentences to tell a subject from a coincidence
    const counts = new Map<string, number>();
    for (const sentence of sentences) for (const term of new Set(terms(sentence))) counts.set(term, (counts.get(term) ?? 0) + 1);
    for (const [term, count] of counts) if (count / sentences.length >= GENERIC_SENTENCE_SHARE) generic.add(term);
  }
  return generic;
}

/** Three rows of the distance table, reused: the matchers call this thousands of times per second. */
let rowBuffers: [Int32Array, Int32Array, Int32Array] = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

/** Optimal string alignment distance, bounded: returns max+1 as soon as it is exceeded. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (a === b) return 0;
  if (max <= 1) return max === 1 && withinOneEdit(a, b) ? 1 : max + 1;
  const width = b.length + 1;
  if (rowBuffers[0].length < width) rowBuffers = [new Int32Array(width * 2), new Int32Array(width * 2), new Int32Array(width * 2)];
  let [beforePrevious, previous, current] = rowBuffers;
  for (let j = 0; j < width; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let best = i;
    for (let j = 1; j < width; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let value = Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, (previous[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) {
        value = Math.min(value, (beforePrevious[j - 2] as number) + 1);
      }
      current[j] = value;
      if (value < best) best = value;
    }
    if (best > max) return max + 1;
    [beforePrevious, previous, current] = [previous, current, beforePrevious];
  }
  return Math.min(previous[b.length] as number, max + 1);
}

/** One substitution, insertion, deletion or swap of neighbours turns `a` into `b` (a ≠ b): the common case, without a table. */
function withinOneEdit(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  let i = 0;
  while (i < short.length && short.charCodeAt(i) === long.charCodeAt(i)) i++;
  if (short.length !== long.length) return short.slice(i) === long.slice(i + 1);
  if (short.slice(i + 1) === long.slice(i + 1)) return true;
  return short[i] === long[i + 1] && short[i + 1] === long[i] && short.slice(i + 2) === long.slice(i + 2);
}

/** How many typing errors a word of this length may carry and still count as the same word. */
export function typoAllowance(length: number): number {
  if (length >= 8) return 2;
  if (length >= 5) return 1;
  return 0;
}

export interface Sentence {
  start: number;
  end: number;
  text: string;
}

const ABBREVIATIONS = /(?:\b(?:Mr|Mrs|Ms|Dr|Prof|St|Gen|Sen|Rep|Gov|Jr|Sr|No|vs|etc|U\.S|U\.K|e\.g|i\.e))\.$/;

/** Splits one paragraph into sentences with absolute offsets; abbreviations such as "Mr." do not end one. */
export function splitSentences(text: string, from: number, to: number): Sentence[] {
  const sentences: Sentence[] = [];
  let start = from;
  const boundary = /[.!?]["'\u201D\u2019)]?\s+(?=["'\u201C\u2018(]?[A-Z0-9])/g;
  const slice = text.slice(from, to);
  let match: RegExpExecArray | null;
  while ((match = boundary.exec(slice)) !== null) {
    const endInSlice = match.index + match[0].trimEnd().length;
    const candidate = text.slice(start, from + endInSlice);
    if (ABBREVIATIONS.test(candidate.replace(/["'\u201D\u2019)]$/, ''))) continue;
    sentences.push({ start, end: from + endInSlice, text: candidate });
    start = from + match.index + match[0].length;
  }
  if (start < to) sentences.push({ start, end: to, text: text.slice(start, to) });
  return sentences;
}
