import { MAX_FUZZY_CANDIDATES, MAX_FUZZY_EDITS, MAX_FUZZY_WORD_LENGTH, countExamined } from './limits.js';
import { editDistance } from './text.js';

export interface TypoMatch {
  word: string;
  /** Edits between the typed word and this one (or its start, for a prefix match). */
  distance: number;
  /** The edits this typed word was allowed. */
  allowance: number;
}

/**
 * The words a typed word may be a misspelling of, with bounded work: a typo keeps the first letter
 * and changes the length by at most the allowance, so only those words are compared, and no more
 * than MAX_FUZZY_CANDIDATES of them, however large the vocabulary and whatever is typed.
 */
export class TypoIndex {
  /** Words by first letter and length. */
  private readonly buckets = new Map<string, string[]>();
  /** Lengths present per first letter, ascending, for prefix matches that may be any longer. */
  private readonly lengths = new Map<string, number[]>();

  constructor(words: Iterable<string>) {
    for (const word of new Set(words)) {
      if (word.length === 0) continue;
      const key = bucketKey(word.charAt(0), word.length);
      const bucket = this.buckets.get(key);
      if (bucket) bucket.push(word);
      else {
        this.buckets.set(key, [word]);
        this.lengths.set(word.charAt(0), [...(this.lengths.get(word.charAt(0)) ?? []), word.length]);
      }
    }
    for (const list of this.lengths.values()) list.sort((a, b) => a - b);
  }

  /**
   * Words within `allowance` edits of `typed` (itself at distance 0), closest first. With `prefix`,
   * a word also matches when its start is that close: the user is still typing it.
   */
  near(typed: string, allowance: number, { prefix = false } = {}): TypoMatch[] {
    const edits = Math.min(allowance, MAX_FUZZY_EDITS);
    if (edits <= 0 || typed.length === 0 || typed.length > MAX_FUZZY_WORD_LENGTH) return [];
    const initial = typed.charAt(0);
    const longest = prefix ? Infinity : typed.length + edits;
    const found: TypoMatch[] = [];
    let examined = 0;
    scan: for (const length of this.lengths.get(initial) ?? []) {
      if (length < typed.length - edits) continue;
      if (length > longest) break;
      for (const word of this.buckets.get(bucketKey(initial, length)) ?? []) {
        if (examined >= MAX_FUZZY_CANDIDATES) break scan;
        examined++;
        const distance = prefix ? prefixDistance(typed, word, edits) : editDistance(typed, word, edits);
        if (distance <= edits) found.push({ word, distance, allowance: edits });
      }
    }
    countExamined(examined);
    return found.sort((a, b) => a.distance - b.distance);
  }
}

function bucketKey(initial: string, length: number): string {
  return `${initial}\u0000${length}`;
}

/** Edits between `typed` and the closest start of `word` (a start a few letters shorter or longer). */
function prefixDistance(typed: string, word: string, edits: number): number {
  let best = edits + 1;
  for (let cut = Math.max(1, typed.length - edits); cut <= Math.min(word.length, typed.length + edits) && best > 0; cut++) {
    best = Math.min(best, editDistance(typed, word.slice(0, cut), edits));
  }
  return best;
}
