import { stemmer } from 'stemmer';

/**
 * Stems of words seen: a bounded memo, emptied when full (cheaper than keeping the most recent).
 * Only short words are kept: a longer word can be a slice of a whole article, which the key would keep alive.
 */
const memo = new Map<string, string>();
const MAX_MEMO = 50_000;
const MAX_MEMO_WORD = 12;

/**
 * The Porter stem of a folded word ("negotiations" and "negotiate" → "negoti"), from the `stemmer`
 * package; numbers and words of three letters or fewer stay as they are. "whom" is the object form
 * of "who", so "with whom" meets "who … with".
 */
export function stem(word: string): string {
  if (word.length <= 3) return word;
  if (word === 'whom') return 'who';
  if (word.length > MAX_MEMO_WORD) return stemOf(word);
  let known = memo.get(word);
  if (known === undefined) {
    known = stemOf(word);
    if (memo.size >= MAX_MEMO) memo.clear();
    memo.set(word, known);
  }
  return known;
}

function stemOf(word: string): string {
  return /\d/.test(word) ? word : stemmer(word);
}
