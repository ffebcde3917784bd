import type { Range } from './range.js';

/** Text normalisation and word splitting, the same for an article and a question. */

const APOSTROPHES = /[\u2018\u2019\u02BC\u0060\u00B4]/g;
const DOUBLE_QUOTES = /[\u201C\u201D\u201E\u00AB\u00BB]/g;
/** Plain ASCII has no accents, typographic quotes or invisible characters to fold: only its case. */
const ASCII = /^[ -~\t\n\r]*$/;

/** Lower-case, strip accents, unify quotation marks; keeps punctuation so patterns can still use it. */
export function foldText(input: string): string {
  if (ASCII.test(input)) return input.toLowerCase();
  return input
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u200B-\u200D\u2060\uFEFF]/g, '')
    .replace(APOSTROPHES, "'")
    .replace(DOUBLE_QUOTES, '"')
    .toLowerCase();
}

/** Folded words only: possessives dropped ("brenwick's" → "brenwick"), anything not a letter or digit separates. */
export function foldedWords(input: string): string[] {
  const joined = foldedWordText(input);
  return joined.length > 1 ? joined.slice(1, -1).split(' ') : [];
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

function isWordChar(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || (code >= 65 && code <= 90);
  return LETTER_OR_DIGIT.test(text.charAt(i));
}

/**
 * The folded words of a text joined by single spaces, with a space at either end (" kiev talks "), so a
 * phrase of folded words is found with `includes(" a b ")`. One pass over the text: articles are read so.
 */
export function foldedWordText(input: string): string {
  const text = foldText(input);
  // Each word is sliced out whole (in pieces only around an apostrophe) and the words joined once: articles are
  // read so for every question's candidate routes, and a string built character by character allocates per character.
  const words: string[] = [];
  let word = '';
  let from = -1;
  for (let i = 0; i < text.length; i++) {
    if (isWordChar(text, i)) {
      if (from < 0) from = i;
      continue;
    }
    if (from >= 0) {
      word = word === '' ? text.slice(from, i) : word + text.slice(from, i);
      from = -1;
    }
    if (text.charCodeAt(i) === 39) {
      // A possessive 's ends the word and is dropped; any other apostrophe joins ("dont").
      if (text.charAt(i + 1) === 's' && !/\w/.test(text.charAt(i + 2))) i++;
      continue;
    }
    if (word !== '') {
      words.push(word);
      word = '';
    }
  }
  if (from >= 0) word = word === '' ? text.slice(from) : word + text.slice(from);
  if (word !== '') words.push(word);
  return words.length === 0 ? ' ' : ` ${words.join(' ')} `;
}

/** A word of a text with its offsets. */
export interface Word extends Range {
  text: string;
}

/** Abbreviations whose stop belongs to the word: titles, honorifics, suffixes, months, company forms. */
export const ABBREVIATIONS: ReadonlySet<string> = new Set(
  (
    'mr mrs ms mx dr prof st mt ft sen rep gov gen lt col capt cmdr sgt adm maj rev hon pres supt ' +
    'jr sr inc corp co llc bros no nos vs etc approx dept est fig ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun ' +
    // US state abbreviations as newspapers write them ("Brenwick, Ky.")
    'ala ariz ark calif colo conn del fla ga ill ind kan kans ky la md mass mich minn miss mo mont neb nev okla ore pa tenn tex va vt wash wis wyo'
  ).split(' '),
);

/** Words with offsets; a trailing stop is kept only on abbreviations ("Mr.", "a.m.", "J."). */
export function wordsIn(text: string, range: Range): Word[] {
  const result: Word[] = [];
  const re = /[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu;
  const slice = text.slice(range.start, range.end);
  for (const match of slice.matchAll(re)) {
    let value = match[0];
    while (value.endsWith('.') && !keepsStop(value)) value = value.slice(0, -1);
    while (value.endsWith('-')) value = value.slice(0, -1);
    const start = range.start + (match.index ?? 0);
    result.push({ text: value, start, end: start + value.length });
  }
  return result;
}

function keepsStop(value: string): boolean {
  const bare = value.slice(0, -1);
  return ABBREVIATIONS.has(bare.toLowerCase()) || bare.includes('.') || /^\p{Lu}$/u.test(bare);
}

/** Lower-case words joined by hyphens, as ids want. */
export function slug(value: string): string {
  const s = value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return s || 'x';
}
