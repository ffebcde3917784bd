import type { Range } from '../../text/index.js';
import type { Doc, Sentence, Token } from '../document.js';
import { isComma, lower } from '../phrases.js';
import type { Statement } from './statement.js';
import { isDash } from './dashes.js';

/**
 * Token indices and character ranges: first words, the boundary before a clause, the next comma, tokens as a range.
 */

/** The last token index before `at`, stepping back over commas and "and"/"but". */
export function boundaryBefore(doc: Doc, at: number): number {
  let k = at - 1;
  while (k >= 0 && (isComma(doc.tokens[k]) || ['and', 'but'].includes(lower(doc.tokens[k])))) k--;
  return k;
}

export function nextComma(doc: Doc, from: number, last: number): number {
  let depth = 0;
  for (let k = from; k <= last; k++) {
    const t = doc.tokens[k];
    if (t?.text === '(') depth++;
    else if (t?.text === ')') depth = Math.max(0, depth - 1);
    // A quoted phrase ("who said prices had ''cratered''") stays in the clause; a quotation of its own ends it.
    else if (depth === 0 && (isComma(t) || (t?.pos === 'PUNCT' && t.text === '.' && k === last) || t?.quote?.standalone)) return k - 1;
  }
  return last;
}

export function firstWordAfter(doc: Doc, from: number): number {
  let k = from;
  while (doc.tokens[k] && doc.tokens[k]?.pos === 'PUNCT' && !doc.tokens[k]?.quote) k++;
  return k;
}

export function firstWordIndex(doc: Doc, sentence: Sentence): number {
  let k = sentence.first;
  while (k < sentence.last && doc.tokens[k]?.pos === 'PUNCT') k++;
  return k;
}

/** The first comma (or, with `orDash`, dash) at or after `from` and before `before`, or -1. */
export function nextCommaBefore(doc: Doc, from: number, before: number, orDash = false): number {
  for (let k = from; k < before; k++) if (isComma(doc.tokens[k]) || (orDash && isDash(doc, k))) return k;
  return -1;
}

export function lastTokenOf(doc: Doc, s: Statement): number {
  const end = s.parts.at(-1)?.end ?? 0;
  let k = s.sentence.first;
  while (k <= s.sentence.last && (doc.tokens[k]?.end ?? Infinity) <= end) k++;
  return k - 1;
}

/** Tokens first..last as a character range, or null when empty. */
export function tokensRange(doc: Doc, first: number, last: number): Range | null {
  const a = doc.tokens[first];
  const b = doc.tokens[last];
  if (!a || !b || last < first) return null;
  return { start: a.start, end: closeMarkAfter(doc, b) };
}

/** A range ending at a token inside a quotation ends after its closing mark. */
function closeMarkAfter(doc: Doc, t: Token): number {
  const q = t.quote;
  if (q && q.closed && q.outer.end > t.end && /^[\s,.;:!?'"”’]*$/.test(doc.text.slice(t.end, q.outer.end))) return q.outer.end;
  return t.end;
}

export function firstWord(doc: Doc, from: number, limit: number): number {
  let k = from;
  while (k <= limit && (doc.tokens[k]?.pos === 'PUNCT' && !doc.tokens[k]?.quote)) k++;
  return k;
}
