import type { Doc, Token } from '../document.js';
import { lower, TIME_WORDS } from '../phrases.js';

/** Time phrases: days, units of time, "last week", a year with its century left out ("’08"). */

/**
 * Where a short time phrase ending at `k` begins ("on Monday", "last week", "on Tuesday night"), or -1: a day or
 * a unit of time after "on"/"in"/"last"/"this"/"earlier" right before it.
 */
export function timePhraseStart(doc: Doc, k: number, first: number): number {
  let j = k;
  while (j > first && k - j < 2 && isTimeNoun(doc.tokens[j])) j--;
  if (j === k || doc.tokens[j]?.quote) return -1;
  return ['on', 'in', 'last', 'this', 'earlier'].includes(lower(doc.tokens[j])) ? j : -1;
}

/** Words that open a time phrase on their own ("this week", "last month", "past three days"). */
export const TIME_OPENERS = new Set(['this', 'last', 'past', 'next', 'earlier', 'late', 'early']);

/** A word that names a stretch of time: a day, a part of one, or a unit ("weeks", "days"). */
export function isTimeNoun(t: Token | undefined): boolean {
  if (!t || t.quote) return false;
  const word = lower(t);
  return TIME_WORDS.has(word) || TIME_UNITS.has(word) || (t.pos === 'NOUN' && TIME_UNITS.has(t.lemma));
}

const TIME_UNITS = new Set(['day', 'days', 'week', 'weeks', 'month', 'months', 'year', 'years', 'hour', 'hours', 'weekend', 'weekends']);

/** "in ’08": a year with its century left out (a mark of any face right before two digits); the index of the digits, else -1. */
export function elidedYear(doc: Doc, k: number): number {
  const mark = doc.tokens[k];
  const digits = doc.tokens[k + 1];
  if (!mark || !digits || !/^['‘’]$/.test(mark.text) || mark.end !== digits.start || !/^\d\d$/.test(digits.text)) return -1;
  return k + 1;
}
