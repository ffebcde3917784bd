import { trimRange, type Range } from './range.js';
import { STOPWORDS } from './stopwords.js';
import { ABBREVIATIONS } from './words.js';

/** Abbreviations that always precede a name or a number, so a stop after them never ends a sentence. */
const PREFIX_ABBREVIATIONS: ReadonlySet<string> = new Set('mr mrs ms mx dr prof st mt ft sen rep gov gen lt col capt cmdr sgt adm maj rev hon pres supt no nos vs'.split(' '));

const WEB_DOMAIN = /\p{L}\.(?:com|org|net|gov|edu|io|co)$/iu;
const CLOSERS = /^(?:''|[”’"')\]])*/;
const OPENER = /[\p{Lu}\d“‘"'([`]/u;

/**
 * Sentences of `range` (a paragraph), trimmed, with absolute offsets. A stop ends a sentence when white space
 * and a capital, digit or opening mark follow, and not after an initial or a title ("Mr.", "J."); after another
 * abbreviation ("U.S.", "Ky.") only when a capitalised function word follows. Never inside `protect` (the
 * article's quotations), so a quoted passage of several sentences stays in the sentence that attributes it.
 */
export function splitSentences(text: string, range: Range, protect: readonly Range[] = []): Range[] {
  const result: Range[] = [];
  let start = range.start;
  for (let i = range.start; i < range.end; i++) {
    const ch = text[i];
    if (ch !== '.' && ch !== '!' && ch !== '?') continue;
    const closers = CLOSERS.exec(text.slice(i + 1, Math.min(range.end, i + 8)))?.[0] ?? '';
    const after = i + 1 + closers.length;
    if (after >= range.end || !/\s/.test(text[after] ?? '')) continue;
    let next = after;
    while (next < range.end && /\s/.test(text[next] ?? '')) next++;
    if (next >= range.end || !OPENER.test(text[next] ?? '')) continue;
    if (insideUnclosed(protect, after)) continue;
    if (ch === '.' && !abbreviationEnds(text, i, next)) continue;
    result.push(trimRange(text, { start, end: after }));
    start = next;
    i = next - 1;
  }
  if (start < range.end) result.push(trimRange(text, { start, end: range.end }));
  return result.filter((r) => r.end > r.start);
}

/** A boundary strictly inside a protected range is no boundary. */
function insideUnclosed(protect: readonly Range[], at: number): boolean {
  return protect.some((p) => at > p.start && at < p.end);
}

/** Whether a stop at `dot` ends the sentence, given the word before it and the word after. */
function abbreviationEnds(text: string, dot: number, next: number): boolean {
  let k = dot;
  while (k > 0 && /[\p{L}.]/u.test(text[k - 1] ?? '')) k--;
  const word = text.slice(k, dot);
  const lower = word.toLowerCase();
  if (PREFIX_ABBREVIATIONS.has(lower) || /^\p{Lu}$/u.test(word)) return false;
  if (!ABBREVIATIONS.has(lower) && !word.includes('.')) return true;
  // A web address ("Example.com.") is a word, not an abbreviation: its stop ends the sentence like any other.
  if (WEB_DOMAIN.test(word)) return true;
  // An opening mark before the next word ("U.S. “We …") does not hide a capitalised function word.
  const following = /^[“‘"'`(]*([\p{L}']+)/u.exec(text.slice(next, next + 20))?.[1] ?? '';
  return STOPWORDS.has(following.toLowerCase()) && /^\p{Lu}/u.test(following);
}
