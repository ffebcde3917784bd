/**
 * Text primitives the engine compares questions and articles with: folding, words, stems,
 * sentences, edit distance and sound-alike keys. One module, so a question and an article are
 * always processed alike.
 */
import { doubleMetaphone } from 'double-metaphone';
import { stemmer } from 'stemmer';
import { HONORIFICS, STOPWORDS } from './lexicon.js';
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
 * Short texts (questions, names, quotes) are split by several parts of the engine in turn: the
 * latest few hundred are kept split, which spares the repetition, not the work of a new question.
 */
const recentWords = new LruMap<string, readonly string[]>(256);
const MAX_REMEMBERED_TEXT = 600;

/** Folded words only: possessives dropped ("okoye's" → "okoye"), everything that is not a letter or digit is a separator. */
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

/** A word of a text with where it stands, so a match can be shown and its neighbours found. */
export interface Token {
  /** Folded word. */
  word: string;
  stem: string;
  start: number;
  end: number;
  /** Written with a capital letter (a name, or the first word of a sentence). */
  capital: boolean;
  /** Followed by a possessive 's. */
  possessive: boolean;
}

const TOKEN = /[\p{L}\p{N}]+(?:['\u2019][\p{L}]+)*/gu;
const ASCII_WORD = /^[A-Za-z0-9']+$/;

/** Words of `text` (between `from` and `to`) with their offsets; possessives and contractions are one token. */
export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const out: Token[] = [];
  TOKEN.lastIndex = from;
  const slice = to === text.length ? text : text.slice(0, to);
  let match: RegExpExecArray | null;
  while ((match = TOKEN.exec(slice)) !== null) {
    const raw = match[0];
    const folded = ASCII_WORD.test(raw) ? raw.toLowerCase() : foldText(raw);
    let word = folded;
    let possessive = false;
    if (folded.includes("'")) {
      possessive = folded.endsWith("'s") || folded.endsWith("s'");
      word = folded.replace(/'s$/, '').replace(/'/g, '');
      if (word === '') continue;
    }
    const first = raw.charCodeAt(0);
    const capital = first >= 65 && first <= 90 ? true : first < 128 ? false : /^\p{Lu}/u.test(raw);
    out.push({ word, stem: stem(word), start: match.index, end: match.index + raw.length, capital, possessive });
  }
  return out;
}

/**
 * Stems of words seen: a bounded memo, emptied when full (cheaper than keeping the most recent).
 * Only short words are kept: a longer word can be a slice of a whole article's text, which the key would keep alive.
 */
const stems = new Map<string, string>();
const MAX_STEMS = 50_000;
const MAX_MEMO_WORD = 12;

/** Porter stem ("negotiations" → "negoti"); digits and very short words stay as they are. */
export function stem(word: string): string {
  if (word === 'whom') return 'who'; // the object form of "who": "with whom" answers "who … with"
  if (word.length <= 3) return word;
  if (word.length > MAX_MEMO_WORD) return /\d/.test(word) ? word : stemmer(word);
  let known = stems.get(word);
  if (known === undefined) {
    known = /\d/.test(word) ? word : stemmer(word);
    if (stems.size >= MAX_STEMS) stems.clear();
    stems.set(word, known);
  }
  return known;
}

/** Stems of a text's meaningful words (function words and honorifics left out): what indexes compare. */
export function terms(input: string): string[] {
  const out: string[] = [];
  for (const word of words(input)) if (!STOPWORDS.has(word) && !HONORIFICS.has(word)) out.push(stem(word));
  return out;
}

/** Two stems of one word family: one extends the other by a suffix ("legitim" / "legitimaci", "spokes…"). */
export function sameFamily(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.length >= 5 && long.length - short.length <= 5 && long.startsWith(short);
}

/** Endings that make a people or a language of a place's name ("japanes(e)", "canadian", "iraqi"). */
const DEMONYM_ENDING = /(?:ians?|eans?|ese|ans?|ish|is?|es?|a|y)$/;

/** A place and its people share a root: "canad(a)" / "canadian", "japan" / "japanes(e)". */
export function sameDemonymRoot(a: string, b: string): boolean {
  if (a.charAt(0) !== b.charAt(0)) return false;
  const root = (w: string) => w.replace(DEMONYM_ENDING, '');
  const ra = root(a);
  return ra.length >= 4 && ra === root(b);
}

/** The primary sound-alike key of a word ("colour" and "kolor" both sound as "KLR"). */
export function soundKey(word: string): string {
  let key = soundKeys.get(word);
  if (key === undefined) {
    key = doubleMetaphone(word)[0];
    if (soundKeys.size >= MAX_STEMS) soundKeys.clear();
    soundKeys.set(word, key);
  }
  return key;
}

const soundKeys = new Map<string, string>();

/** Three rows of the distance table, kept between calls: the matchers call this thousands of times per second. */
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

/**
 * A typed word stands for a known one: a few typing errors, or the same sound with the same first
 * letter and a close spelling (transliterations: "tchaikovsky" / "chaikovskiy", "mohammed" / "muhammad").
 */
export function spellingVariant(typed: string, known: string): boolean {
  if (typed.charAt(0) !== known.charAt(0) || typed.length < 4 || known.length < 4) return false;
  const allowance = typoAllowance(Math.min(typed.length, known.length));
  if (allowance > 0 && editDistance(typed, known, allowance) <= allowance) return true;
  return editDistance(typed, known, 2) <= 2 && soundKey(typed) === soundKey(known);
}

export interface Sentence {
  start: number;
  end: number;
  text: string;
}

/** Abbreviations that end with a full stop inside a sentence: a title before a name, or an initial. */
const ABBREVIATION = /(?:\b(?:Mr|Mrs|Ms|Dr|Prof|St|Gen|Sen|Rep|Gov|Jr|Sr|No|vs|etc|Lt|Col|Sgt|Capt|Rev|Hon|Mt|Ft|Inc|Corp|Co|Ltd|Jan|Feb|Mar|Apr|Aug|Sept|Sep|Oct|Nov|Dec)|\b\p{Lu}|\b(?:\p{L}\.){1,3}\p{L})\.$/u;

/** Splits one paragraph into sentences with absolute offsets; abbreviations and initials do not end one. */
export function splitSentences(text: string, from: number, to: number): Sentence[] {
  const sentences: Sentence[] = [];
  let start = from;
  const boundary = /[.!?]["'\u201D\u2019)]*\s+(?=["'\u201C\u2018(]*[\p{Lu}0-9])/gu;
  const slice = text.slice(from, to);
  let match: RegExpExecArray | null;
  while ((match = boundary.exec(slice)) !== null) {
    const endInSlice = match.index + match[0].trimEnd().length;
    const candidate = text.slice(start, from + endInSlice);
    if (ABBREVIATION.test(candidate.replace(/["'\u201D\u2019)]+$/, ''))) continue;
    sentences.push({ start, end: from + endInSlice, text: candidate });
    start = from + match.index + match[0].length;
  }
  if (start < to) sentences.push({ start, end: to, text: text.slice(start, to) });
  return sentences;
}
