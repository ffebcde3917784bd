import { stem } from './stem.js';
import { STOPWORDS } from './stopwords.js';
import { foldedWords, foldText } from './words.js';

/** A word of a text, folded and stemmed, with where it stands: what matching and ranking compare. */
export interface Token {
  /** Folded word, possessive and apostrophes dropped ("okoye's" → "okoye", "can't" → "cant"). */
  word: string;
  stem: string;
  start: number;
  end: number;
  /** Written with a capital letter (a name, or the first word of a sentence). */
  capital: boolean;
  /** Followed by a possessive 's (or s'). */
  possessive: boolean;
}

const TOKEN = /[\p{L}\p{N}]+(?:['\u2019][\p{L}]+)*/gu;
const ASCII_WORD = /^[A-Za-z0-9']+$/;

/** Tokens of `text` between `from` and `to` (offsets in `text`); a possessive or a contraction stays one token. */
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

/** Stems of a text's words that carry meaning (function words left out): what indexes compare. */
export function contentStems(text: string): string[] {
  const out: string[] = [];
  for (const word of foldedWords(text)) if (!STOPWORDS.has(word)) out.push(stem(word));
  return out;
}
