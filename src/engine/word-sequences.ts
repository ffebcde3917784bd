import { STOPWORDS } from '../text/stopwords.js';
import { foldedWords } from '../text/words.js';

/** Buckets of three-word sequences: a table of bounded size (a collision only marks a bucket shared), a few buckets per word of text. */
const MIN_BUCKET_BITS = 10;
const MAX_BUCKET_BITS = 22;
const BUCKETS_PER_CHAR = 1;
/** A bucket no article has said yet, and one more than one article has. */
const EMPTY = 0;
const SHARED = 0xffffffff;
/** An article is found when this many of a question's three-word sequences are said only by it. */
const MIN_SEQUENCES = 2;

/**
 * The article that alone says three words in a row, for each such sequence: a question quoting a
 * statement in very common words ("who said we did not ask for it") finds no article by its words one by
 * one or in pairs, but a run of them is said word for word in one article only.
 */
export class WordSequences {
  /** Per bucket: the one article (id + 1) saying its sequences, or SHARED. */
  private readonly owner: Uint32Array;
  private readonly mask: number;

  constructor(texts: readonly string[]) {
    const chars = texts.reduce((n, t) => n + t.length, 0);
    const bits = Math.min(MAX_BUCKET_BITS, Math.max(MIN_BUCKET_BITS, Math.ceil(Math.log2(chars * BUCKETS_PER_CHAR + 1))));
    this.owner = new Uint32Array(1 << bits);
    this.mask = (1 << bits) - 1;
    texts.forEach((text, id) => {
      const hashes = foldedWords(text).map(wordHash);
      for (let i = 2; i < hashes.length; i++) {
        const bucket = sequenceBucket(hashes[i - 2] as number, hashes[i - 1] as number, hashes[i] as number) & this.mask;
        const held = this.owner[bucket] as number;
        if (held === EMPTY) this.owner[bucket] = id + 1;
        else if (held !== id + 1) this.owner[bucket] = SHARED;
      }
    });
  }

  /** The articles (by index) that alone say at least two of these words' three-word sequences, most first. */
  find(words: readonly string[]): number[] {
    const votes = new Map<number, number>();
    const hashes = words.map(wordHash);
    for (let i = 2; i < words.length; i++) {
      // Three little words in a row ("i do not") say nothing of a statement.
      if (STOPWORDS.has(words[i - 2] as string) && STOPWORDS.has(words[i - 1] as string) && STOPWORDS.has(words[i] as string)) continue;
      const held = this.owner[sequenceBucket(hashes[i - 2] as number, hashes[i - 1] as number, hashes[i] as number) & this.mask] as number;
      if (held !== EMPTY && held !== SHARED) votes.set(held - 1, (votes.get(held - 1) ?? 0) + 1);
    }
    return [...votes]
      .filter(([, n]) => n >= MIN_SEQUENCES)
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .map(([id]) => id);
  }
}

/** FNV-1a of a word. */
function wordHash(word: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

function sequenceBucket(a: number, b: number, c: number): number {
  let h = Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca77) ^ Math.imul(c, 0xc2b2ae3d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 13;
  return h >>> 0;
}
