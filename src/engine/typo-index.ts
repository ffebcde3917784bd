import { MAX_FUZZY_CANDIDATES, MAX_FUZZY_EDITS, MAX_FUZZY_WORD_LENGTH, countExamined, examinable } from './limits.js';
import { editDistance } from '../text/edit-distance.js';

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
 * than MAX_FUZZY_CANDIDATES of them (or what the question being answered has left), however large
 * the vocabulary and whatever is typed.
 */
export class TypoIndex {
  /** Words by first letter and length, each bucket sorted, so the words sharing the longest start with a typed one are found first. */
  private readonly buckets = new Map<number, string[]>();
  /** Lengths present per first letter (its UTF-16 code), in the order first met. */
  private readonly lengths = new Map<number, number[]>();

  constructor(words: Iterable<string>) {
    // Built for every article engine that meets an unknown word: numeric keys, no string made per word.
    for (const word of new Set(words)) {
      if (word.length === 0) continue;
      const initial = word.charCodeAt(0);
      const key = bucketKey(initial, word.length);
      const bucket = this.buckets.get(key);
      if (bucket) bucket.push(word);
      else {
        this.buckets.set(key, [word]);
        const lengths = this.lengths.get(initial);
        if (lengths) lengths.push(word.length);
        else this.lengths.set(initial, [word.length]);
      }
    }
    for (const bucket of this.buckets.values()) bucket.sort();
  }

  /**
   * Words within `allowance` edits of `typed` (itself at distance 0), closest first. With `prefix`,
   * a word also matches when its start is that close: the user is still typing it. When the bound
   * stops the scan, the words compared were, in every length, those sharing the longest start with the
   * typed one (a typo usually keeps the start of a word).
   */
  near(typed: string, allowance: number, { prefix = false } = {}): TypoMatch[] {
    const edits = Math.min(allowance, MAX_FUZZY_EDITS);
    if (edits <= 0 || typed.length === 0 || typed.length > MAX_FUZZY_WORD_LENGTH) return [];
    const initial = typed.charCodeAt(0);
    const longest = prefix ? Infinity : typed.length + edits;
    const found: TypoMatch[] = [];
    const limit = examinable(MAX_FUZZY_CANDIDATES);
    // In each length bucket, outward from where the typed word would stand in it; the buckets take turns.
    const cursors = (this.lengths.get(initial) ?? [])
      .filter((length) => length >= typed.length - edits && length <= longest)
      .map((length) => {
        const words = this.buckets.get(bucketKey(initial, length)) ?? [];
        const at = insertionPoint(words, typed);
        return { words, below: at - 1, above: at };
      });
    let examined = 0;
    let active = cursors.length;
    while (examined < limit && active > 0) {
      active = 0;
      for (const cursor of cursors) {
        for (const side of [0, 1]) {
          if (examined >= limit) break;
          const index = side === 0 ? cursor.above++ : cursor.below--;
          const word = cursor.words[index];
          if (word === undefined) continue;
          examined++;
          const distance = prefix ? prefixDistance(typed, word, edits) : editDistance(typed, word, edits);
          if (distance <= edits) found.push({ word, distance, allowance: edits });
        }
        if (cursor.above < cursor.words.length || cursor.below >= 0) active++;
      }
    }
    countExamined(examined);
    return found.sort((a, b) => a.distance - b.distance || (a.word < b.word ? -1 : 1));
  }
}

/** Where `word` would stand in the sorted `words`. */
function insertionPoint(words: readonly string[], word: string): number {
  let low = 0;
  let high = words.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((words[middle] as string) < word) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** One number per first letter (a UTF-16 code, under 65,536) and length. */
function bucketKey(initial: number, length: number): number {
  return length * 65_536 + initial;
}

/** Edits between `typed` and the closest start of `word` (a start a few letters shorter or longer). */
function prefixDistance(typed: string, word: string, edits: number): number {
  let best = edits + 1;
  for (let cut = Math.max(1, typed.length - edits); cut <= Math.min(word.length, typed.length + edits) && best > 0; cut++) {
    best = Math.min(best, editDistance(typed, word.slice(0, cut), edits));
  }
  return best;
}
