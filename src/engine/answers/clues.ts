import type { QuestionText } from '../question.js';

/** Small readings of a question that several answer types' `detect` share. */

/** The word right after the wh-word (or after the first word), folded. */
export function wordAfterWh(question: QuestionText, offset = 1): string {
  return question.words[question.coreAt + offset]?.word ?? '';
}

/** Words that carry meaning (read with the question). */
export function meaningfulWords(question: QuestionText): readonly string[] {
  return question.meaningful;
}

/** Every meaningful word is one of `allowed`, and at least one is one of `required`. */
export function onlyWords(question: QuestionText, allowed: ReadonlySet<string>, required: ReadonlySet<string>): boolean {
  const list = meaningfulWords(question);
  return list.length > 0 && list.every((w) => allowed.has(w) || required.has(w)) && list.some((w) => required.has(w));
}

/** "what date", "which country": a wh-word followed by one of these nouns. */
export function whNoun(question: QuestionText, nouns: ReadonlySet<string>): boolean {
  return question.words.some((w, i) => (w.word === 'what' || w.word === 'which') && nouns.has(question.words[i + 1]?.word ?? ''));
}

export const set = (text: string): ReadonlySet<string> => new Set(text.split(/\s+/).filter(Boolean));
