import { doubleMetaphone } from 'double-metaphone';
import { editDistance, typoAllowance } from './edit-distance.js';

/**
 * How two folded words (or their stems) may be the same word written otherwise: a suffix apart, a
 * place and its people, a typing error, or another spelling of the same sound.
 */

/** Two stems of one word family: one extends the other by a short suffix ("legitim" / "legitimaci"). */
export function sameFamily(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.length >= 5 && long.length - short.length <= 5 && long.startsWith(short);
}

/** Endings that make a people or a language of a place's name ("japanes(e)", "canadian", "iraqi"). */
const DEMONYM_ENDING = /(?:ians?|eans?|ese|ans?|ish|is?|es?|a|y)$/;

/** The root a place and its people share: "canad(a)" / "canad(ian)", "japan" / "japan(ese)"; short roots say nothing. */
export function demonymRoot(word: string): string | null {
  const root = word.replace(DEMONYM_ENDING, '');
  return root.length >= 4 ? root : null;
}

const soundKeys = new Map<string, string>();
const MAX_SOUND_KEYS = 50_000;

/** The primary sound-alike key of a word (double metaphone: "colour" and "kolor" both sound as "KLR"). */
export function soundKey(word: string): string {
  let key = soundKeys.get(word);
  if (key === undefined) {
    key = doubleMetaphone(word)[0];
    if (soundKeys.size >= MAX_SOUND_KEYS) soundKeys.clear();
    soundKeys.set(word, key);
  }
  return key;
}

/**
 * A typed word stands for a known one: a few typing errors for its length, or the same sound with the
 * same first letter and at most two edits (transliterations: "tchaikovsky" / "chaikovskiy").
 * `distance`, when known, is the bounded edit distance (at most 2) between the two.
 */
export function spellingVariant(typed: string, known: string, distance = editDistance(typed, known, 2)): boolean {
  if (typed.charAt(0) !== known.charAt(0) || typed.length < 4 || known.length < 4 || distance > 2) return false;
  if (distance <= typoAllowance(Math.min(typed.length, known.length))) return true;
  return soundKey(typed) === soundKey(known);
}
