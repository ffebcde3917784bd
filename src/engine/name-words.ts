import { STOPWORDS } from '../text/stopwords.js';
import { tokenize } from '../text/tokens.js';
import { foldedWords } from '../text/words.js';
import { HONORIFICS } from './lexicon.js';

/** Name words that tell no one apart: the "Jr." of a full name a question leaves out. */
const SUFFIXES = new Set(['jr', 'sr', 'ii', 'iii', 'iv']);

export interface NameWordOptions {
  /**
   * How the text is cut into written words: 'tokens' (each token one word, "Vane-Brasket" two), or
   * 'spaces' (each run between spaces one written word, folded into one or more words that share its place and capital).
   */
  split?: 'tokens' | 'spaces';
  /**
   * When a function word written with a capital is a name: 'never'; 'past-first' (the surname of
   * "Osric Will" is spelt like a modal verb, while a name's first word may only start a sentence); 'anywhere'.
   */
  capitalisedLittleWords?: 'never' | 'past-first' | 'anywhere';
  /** Keep a function word written in capitals as an acronym ("US", "WHO"). */
  acronyms?: boolean;
  /** Leave out suffixes ("Jr.", "III") and one-letter initials ("B."), which tell no one apart. */
  dropSuffixesAndInitials?: boolean;
}

/**
 * The folded words of a name or description that can identify someone: honorifics and function
 * words left out, except as the options keep them.
 */
export function nameWords(text: string, options: NameWordOptions = {}): string[] {
  const { split = 'tokens', capitalisedLittleWords = 'never', acronyms = false, dropSuffixesAndInitials = false } = options;
  const out: string[] = [];
  const consider = (word: string, written: string, at: number): void => {
    if (HONORIFICS.has(word)) return;
    if (dropSuffixesAndInitials && (word.length <= 1 || SUFFIXES.has(word))) return;
    if (!STOPWORDS.has(word) || (acronyms && isAcronym(written)) || isCapitalisedName(written, at, capitalisedLittleWords)) out.push(word);
  };
  if (split === 'tokens') {
    tokenize(text).forEach((t, at) => consider(t.word, text.slice(t.start, t.end), at));
  } else {
    text.split(/\s+/).forEach((written, at) => {
      for (const word of foldedWords(written)) consider(word, written, at);
    });
  }
  return out;
}

function isCapitalisedName(written: string, at: number, when: 'never' | 'past-first' | 'anywhere'): boolean {
  if (when === 'never' || (when === 'past-first' && at === 0)) return false;
  return /^\p{Lu}/u.test(written);
}

function isAcronym(written: string): boolean {
  return written.length >= 2 && written === written.toUpperCase() && written !== written.toLowerCase();
}
