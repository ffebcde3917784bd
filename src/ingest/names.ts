import { getGender } from 'gender-detection-from-name';
import { STOPWORDS } from '../text/index.js';
import type { Doc, Token } from './document.js';
import { FEMALE_ROLE, FEMALE_TITLES, MALE_ROLE, MALE_TITLES, MEDIA_WORDS, NAME_CONNECTORS, NAME_SUFFIXES, ORG_NOUNS, ORG_WORDS, PERSON_NOUNS, TITLE_WORDS, GROUP_NOUNS, MONTHS } from './lexicon.js';

/**
 * Proper names in a stretch of tokens: runs of capitalised words with their initials ("J."), suffixes ("Jr.")
 * and joined parts ("Carrow-Pellow"), split into the title before a person's name ("Sen.", "Secretary of State")
 * and the name itself, and told apart as a person or an organisation.
 */
export type Gender = 'm' | 'f' | null;

export interface NameRun {
  /** Token span of the whole run, titles included. */
  first: number;
  last: number;
  /** Token index where the name itself starts (after the titles). */
  nameFirst: number;
  kind: 'person' | 'organisation';
  /** The name as written, without titles ("Tamsin J. Arkwell", "State Department"). */
  name: string;
  /** Its words, without initials and suffixes: what surnames are matched on. */
  words: string[];
  /** The titles written before the name ("Sen.", "Former Senior Adviser"). */
  title: string;
  gender: Gender;
  /** Followed by "'s": the name qualifies something else ("Arkwell's campaign"). */
  possessive: boolean;
  media: boolean;
}

const CALENDAR = new Set([...MONTHS.map((m) => m.toLowerCase()), 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);

const isCapitalised = (t: Token | undefined): boolean => t !== undefined && /^\p{Lu}/u.test(t.text) && !t.quote;
const isInitial = (t: Token | undefined): boolean => t !== undefined && /^\p{Lu}\.$/u.test(t.text);
const lower = (t: Token | undefined): string => (t?.text ?? '').toLowerCase().replace(/\.$/, '');
const joined = (a: Token | undefined, b: Token | undefined): boolean => a !== undefined && b !== undefined && a.end === b.start;

/** Words a sentence may open with that never begin a name ("Neither Tamsin Arkwell nor …", "Injecting Arkwell into …"). */
function isStarter(t: Token): boolean {
  const w = t.text.toLowerCase();
  if (STOPWORDS.has(w)) return true;
  if (['DET', 'ADV', 'PRON', 'SCONJ', 'ADP', 'CCONJ', 'AUX', 'PART', 'INTJ'].includes(t.pos)) return true;
  // A clock's "PM" ("10:57PM Tamsin Arkwell") is part of the time.
  if (t.pos === 'NUM' && /^[ap]\.?m\.?$/.test(w)) return true;
  return t.pos === 'VERB' && /(?:ing|ed)$/.test(w);
}

/**
 * A capitalised auxiliary inside a sentence, right after a lower-case word or a comma ("Later that day, Will wrote",
 * "which May said"): prose capitalises a modal there only as a name.
 */
function auxiliaryAsName(tokens: Token[], k: number): boolean {
  const t = tokens[k];
  const previous = tokens[k - 1];
  if (!t || !previous || t.pos !== 'AUX' || !/^\p{Lu}\p{Ll}+$/u.test(t.text)) return false;
  // "While Will argued …": after a subordinating conjunction, even one opening the sentence, a modal cannot come.
  return previous.sentence === t.sentence && !previous.quote && (/^(?:\p{Ll}|,$)/u.test(previous.text) || previous.pos === 'SCONJ');
}

/** Name runs among tokens first..last (outside quotations), in order. */
export function nameRuns(doc: Doc, first: number, last: number): NameRun[] {
  const tokens = doc.tokens;
  const runs: NameRun[] = [];
  let i = first;
  while (i <= last) {
    const t = tokens[i];
    if (!isCapitalised(t) || !t) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 <= last) {
      const next = tokens[j + 1];
      const cur = tokens[j];
      // A nickname quoted between the names ("Tamsin “Tam” Arkwell") is part of the name.
      const nickname = nicknameEnd(tokens, j + 1, last);
      if (nickname > 0) {
        j = nickname;
        continue;
      }
      if (!next || next.quote) break;
      if (isCapitalised(next) || isInitial(next)) j++;
      // A title tokenised as a word and a stop: the stop belongs to the title, when a name follows in the same stretch
      // ("… the Harbour Press. While …" ends a sentence; its next word is no name the title heads).
      else if (next.text === '.' && joined(cur, next) && TITLE_WORDS.has(lower(cur)) && j + 2 <= last && isCapitalised(tokens[j + 2])) j += 2;
      else if ((next.text === '-' || next.text === "'" || next.text === '’') && joined(cur, next) && isCapitalised(tokens[j + 2]) && joined(next, tokens[j + 2])) j += 2;
      else if (NAME_CONNECTORS.has(next.text) && isCapitalised(tokens[j + 2]) && keepsConnector(tokens, i, j)) j += 2;
      else break;
    }
    const possessive = tokens[j + 1]?.pos === 'PART' && /^['’]s?$/.test(tokens[j + 1]?.text ?? '');
    // "the airline SkyBridge", "the group Clean Air Now": a common noun for a body names what follows.
    const bodyBefore = i > first && ORG_NOUNS.has(lower(tokens[i - 1])) && tokens[i - 1]?.pos === 'NOUN';
    const run = classify(tokens, i, j, possessive, bodyBefore, first);
    if (run) runs.push(run);
    i = j + 1;
  }
  return runs;
}

/** The closing mark of a one-word quoted nickname starting at `k` and followed by a name, or -1. */
function nicknameEnd(tokens: Token[], k: number, last: number): number {
  const open = tokens[k];
  const word = tokens[k + 1];
  const close = tokens[k + 2];
  if (!open?.quote || k + 3 > last || word?.quote !== open.quote || close?.quote !== open.quote) return -1;
  if (open.start !== open.quote.outer.start || close.end !== open.quote.outer.end || !/^\p{Lu}\p{Ll}+$/u.test(word.text)) return -1;
  return isCapitalised(tokens[k + 3]) ? k + 2 : -1;
}

/** "Secretary of State", "University of Brenwick" keep their "of"; "Tamsin Arkwell of Brenwick" does not (a person, then a place). */
function keepsConnector(tokens: Token[], first: number, at: number): boolean {
  const before = tokens.slice(first, at + 1).filter((t) => !isStarter(t));
  if (before.length === 0) return false;
  // "the Lantern Makers of Ostby": a name after "the" is a body's (a person's takes no article), and a body's name runs on.
  const opening = tokens[at + 1 - before.length - 1];
  if (lower(opening) === 'the' && !opening?.quote && lower(tokens[at + 1]) === 'of' && tokens.slice(at + 1 - before.length, at + 1).every((t) => !isStarter(t))) return true;
  const words = before.map((t) => lower(t));
  if (words.some((w) => ORG_WORDS.has(w))) return true;
  const lastWord = words.at(-1) ?? '';
  return TITLE_WORDS.has(lastWord);
}

/** The words end with a title word and then one to four words that name no body: a person with a body's title. */
function personAfterTitle(lowers: readonly string[]): boolean {
  let lastTitle = -1;
  lowers.forEach((w, k) => {
    if (k < lowers.length - 1 && (TITLE_WORDS.has(w) || PERSON_NOUNS.has(w))) lastTitle = k;
  });
  const name = lowers.slice(lastTitle + 1);
  return lastTitle >= 0 && name.length >= 1 && name.length <= 4 && !name.some((w) => ORG_WORDS.has(w) || MEDIA_WORDS.has(w) || TITLE_WORDS.has(w));
}

function classify(tokens: Token[], first: number, last: number, possessive: boolean, bodyBefore: boolean, floor: number): NameRun | null {
  let start = first;
  while (start <= last && tokens[start] && isStarter(tokens[start] as Token) && !auxiliaryAsName(tokens, start)) start++;
  const determined = start > floor && lower(tokens[start - 1]) === 'the' && !tokens[start - 1]?.quote;
  // A dateline or a label in capitals ("BRENWICK —") names nobody.
  // Months and days are no part of a name ("in May Tamsin Arkwell said").
  while (start <= last && CALENDAR.has(lower(tokens[start]))) start++;
  const words = tokens.slice(start, last + 1);
  if (words.length === 0) return null;
  // A capitalised common noun opening a sentence ("Officials said", "Critics argue") names nobody.
  if (words.length === 1 && (GROUP_NOUNS.has(lower(words[0])) || PERSON_NOUNS.has(lower(words[0])) || ORG_NOUNS.has(lower(words[0])))) return null;
  if (words.length === 1 && /^\p{Lu}{3,}$/u.test(words[0]?.text ?? '') && /^[—–-]/.test(tokens[last + 1]?.text ?? '')) return null;
  // A sentence of several words in capitals and nothing else ("FULL STORY BELOW."): a heading, nobody's name.
  const alone = first === floor && (tokens[last + 1] === undefined || /^[.!]$/.test(tokens[last + 1]?.text ?? ''));
  if (alone && words.length > 1 && words.every((t) => /^\p{Lu}{2,}$/u.test(t.text))) return null;
  const lowers = words.map((t) => lower(t));
  const media = lowers.some((w) => MEDIA_WORDS.has(w));
  const acronym = words.length === 1 && /^\p{Lu}{2,}$/u.test(words[0]?.text ?? '');
  const orgLike = lowers.some((w) => ORG_WORDS.has(w)) || acronym || media || bodyBefore;
  // A quoted nickname stays out of the name as written ("Tamsin “Tam” Arkwell" → "Tamsin Arkwell").
  const text = (a: number, b: number): string =>
    tokens
      .slice(a, b + 1)
      .filter((t) => !t.quote)
      .map((t, n, kept) => (n > 0 && joined(kept[n - 1], t) ? '' : n > 0 ? ' ' : '') + t.text)
      .join('');
  // "Harbour Board Chairwoman Tamsin Arkwell", "Port Authority Deputy Director Tamsin Arkwell": a body's title before a name.
  const titled = orgLike && personAfterTitle(lowers);
  if (orgLike && !titled) {
    return { first: start, last, nameFirst: start, kind: 'organisation', name: text(start, last), words: lowers, title: '', gender: null, possessive, media };
  }
  // "the Port Ostby Ledger", "the Brenwick Strait": a name heading its own phrase after "the", with no title, is a body,
  // a place or a thing; a person's name takes no article. (Before a noun it only qualifies it: "the Arkwell plan".)
  const titleWordIn = lowers.some((w) => TITLE_WORDS.has(w) || PERSON_NOUNS.has(w));
  const next = tokens[last + 1];
  const qualifies = next !== undefined && !next.quote && /^\p{Ll}/u.test(next.text) && (next.pos === 'NOUN' || next.pos === 'PROPN');
  if (determined && !titleWordIn && !qualifies && !possessive) {
    return { first: start, last, nameFirst: start, kind: 'organisation', name: text(start, last), words: lowers, title: '', gender: null, possessive, media };
  }
  // The name is what follows the last title word ("Former Senior Adviser Tamsin Arkwell", "Secretary of State Tamsin Arkwell").
  let nameFirst = start;
  // A title word is one only before a name: "Eskil Bishop" is a name, "Bishop Eskil" a title and a name.
  const titleStop = (k: number): boolean => tokens[k]?.text === '.' && TITLE_WORDS.has(lower(tokens[k - 1]));
  for (let k = start; k < last; k++) if (TITLE_WORDS.has(lower(tokens[k])) || PERSON_NOUNS.has(lower(tokens[k])) || lower(tokens[k]) === 'of' || titleStop(k)) nameFirst = k + 1;
  // Words as written: "Carrow-Pellow" and "O'Neill" are one word however the tokens fall.
  const nameWords: string[] = [];
  for (let k = nameFirst; k <= last; k++) {
    const t = tokens[k];
    if (!t || t.quote) continue;
    if (k > nameFirst && joined(tokens[k - 1], t) && nameWords.length > 0) nameWords[nameWords.length - 1] += t.text;
    else nameWords.push(t.text);
  }
  const core = nameWords.filter((w) => !/^\p{Lu}\.$/u.test(w) && !NAME_SUFFIXES.has(w.toLowerCase().replace(/\.$/, '')) && /\p{L}/u.test(w));
  if (core.length === 0 || core.length > 4 || core.some((w) => /\d/.test(w))) return null;
  // "Attorney General of Brenwick", "Governor of Port Ostby": what follows a title's "of" is where or what the office is,
  // not who holds it (a holder is named in full, from a given name: "Secretary of Ports Tamsin Arkwell").
  if (nameFirst > start && lower(tokens[nameFirst - 1]) === 'of' && (core.length === 1 || (core.length === 2 && givenNameGender(core) === null))) {
    return { first: nameFirst, last, nameFirst, kind: 'organisation', name: text(nameFirst, last), words: core.map((w) => w.toLowerCase()), title: '', gender: null, possessive, media };
  }
  const titleWords = tokens.slice(start, nameFirst).map((t) => lower(t));
  let gender: Gender = null;
  if (titleWords.some((w) => MALE_TITLES.has(w))) gender = 'm';
  if (titleWords.some((w) => FEMALE_TITLES.has(w))) gender = 'f';
  return {
    first: start,
    last,
    nameFirst,
    kind: 'person',
    name: text(nameFirst, last),
    words: core.map((w) => w.replace(/['’]s$/, '')),
    title: text(start, nameFirst - 1),
    gender,
    possessive,
    media: false,
  };
}

/** The tokens first..last as written (spaces kept only where the text has them). */
export function joinTokens(tokens: Token[], first: number, last: number): string {
  let out = '';
  for (let k = first; k <= last; k++) {
    const t = tokens[k];
    if (!t) continue;
    if (out && !joined(tokens[k - 1], t)) out += ' ';
    out += t.text;
  }
  return out;
}

/** The gender usually given the first of several name words ("Tamsin Arkwell" → 'f'), or null when unknown or a lone name. */
export function givenNameGender(words: readonly string[]): Gender {
  const first = words[0];
  if (words.length < 2 || !first || !/^\p{Lu}\p{Ll}+$/u.test(first)) return null;
  const gender = getGender(first, 'en');
  return gender === 'male' ? 'm' : gender === 'female' ? 'f' : null;
}

/** Gender a description gives ("spokeswoman", "his wife"), or null. */
export function genderOfDescription(description: string): Gender {
  if (FEMALE_ROLE.test(description)) return 'f';
  if (MALE_ROLE.test(description)) return 'm';
  return null;
}
