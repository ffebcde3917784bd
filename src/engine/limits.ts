/**
 * How much work one question or one autocomplete keystroke may cost, whatever is typed. Typo
 * tolerance scans a vocabulary, so these bound it: how many words of a question get it, how long
 * and how misspelt such a word may be, and how many vocabulary words one question or keystroke may examine.
 */

/** A question is cut to this many characters before anything reads it (the bot refuses over 300). */
export const MAX_QUESTION_CHARS = 500;

/** Words of one question matched fuzzily in one vocabulary, at most; the others count only as the articles spell them. */
export const MAX_FUZZY_WORDS = 3;

/** A longer word is never matched fuzzily: no name or word people type is this long. */
export const MAX_FUZZY_WORD_LENGTH = 24;

/** Edits a fuzzily matched word may carry. */
export const MAX_FUZZY_EDITS = 2;

/** Vocabulary words one typed word may be compared with when looking for what it misspells. */
export const MAX_FUZZY_CANDIDATES = 2_000;

/** Entries one autocomplete keystroke may examine for a typed prefix. */
export const MAX_PREFIX_CANDIDATES = 2_000;

/**
 * Vocabulary words one question may be compared with in all, over the router and every article it
 * is asked of: the sum of the bounds above could otherwise grow with the number of articles asked.
 */
export const MAX_QUESTION_EXAMINED = 10 * MAX_FUZZY_CANDIDATES;

let examined = 0;
/** What the question being answered may still examine; unbounded outside a question (a keystroke has its own bounds). */
let questionLeft = Infinity;

/** Every vocabulary word or entry compared with typed text is counted, so tests can check the bounds hold for any input without timing it. */
export function countExamined(n: number): void {
  examined += n;
  questionLeft -= n;
}

/** Vocabulary words and entries compared with typed text by this process so far. */
export function examinedSoFar(): number {
  return examined;
}

/** Comparisons that may be made now: at most `wanted`, and no more than the question being answered has left. */
export function examinable(wanted: number): number {
  return Math.max(0, Math.min(wanted, questionLeft));
}

/** Answers one question under one budget of comparisons; a question asked inside it (of another article) shares it. */
export function withQuestionBudget<T>(work: () => T): T {
  if (questionLeft !== Infinity) return work();
  questionLeft = MAX_QUESTION_EXAMINED;
  try {
    return work();
  } finally {
    questionLeft = Infinity;
  }
}
