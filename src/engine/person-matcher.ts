import { STOPWORDS } from '../text/stopwords.js';
import type { PersonEntry } from './knowledge.js';
import { ANYONE, HONORIFICS, TITLE_ABBREVIATIONS } from './lexicon.js';
import { nameWords } from './name-words.js';
import { MAX_FUZZY_EDITS, MAX_FUZZY_WORDS, examinable } from './limits.js';
import { TypoIndex } from './typo-index.js';
import { RecentMemo } from './recent-memo.js';
import { spellingVariant } from '../text/spelling.js';
import { stem } from '../text/stem.js';
import { tokenize } from '../text/tokens.js';
import { foldedWords as words } from '../text/words.js';

/** No words: the fuzzy ones of a text whose every word is a name as typed (most texts). */
const NO_WORDS: ReadonlySet<string> = new Set();

/** Bound on remembered typed words (emptied when full). */
const MAX_VARIANTS = 5000;

interface Phrase {
  person: PersonEntry;
  /** Folded words for names, role roots for descriptions. */
  tokens: string[];
  kind: 'name' | 'role';
  /** Score per matched token: whole names and whole roles outrank parts of a role. */
  weight: number;
}

export interface PersonMatch {
  person: PersonEntry;
  score: number;
  /** Positions of the words this match explains. */
  covered: Set<number>;
  /** True when the match relied on a role or organisation rather than a name. */
  byRole: boolean;
  /** True when a typed word only resembles the name (a typo or another spelling). */
  approximate: boolean;
}

export interface PersonResolution {
  /** Every person whose name or role is in the text, best first. */
  matches: PersonMatch[];
  /** The people tied for the best score. */
  best: PersonMatch[];
  /** Share of the text's meaningful words the best match explains (0-1). */
  coverage: number;
  /** The best match explains the head of the phrase (its last word, or the word before "of"). */
  headCovered: boolean;
}

/**
 * A role word reduced to what people vary least: gendered forms meet ("chairwoman" / "chairman" /
 * "chairperson" → "chair"), and inflections meet through the stem.
 */
export function roleRoot(word: string): string {
  let root = roleRoots.get(word);
  if (root === undefined) {
    const bare = GENDERED.test(word) ? word.replace(GENDERED, '') : word;
    root = bare.length >= 4 && bare !== word ? bare : stem(word);
    // Bounded like the stems' memo: emptied when full; long words (slices of a text) are not kept.
    if (word.length <= MAX_REMEMBERED_ROOT_WORD) {
      if (roleRoots.size >= MAX_REMEMBERED_ROOTS) roleRoots.clear();
      roleRoots.set(word, root);
    }
  }
  return root;
}

/** Role roots of words seen: every word of every question and description is reduced again and again. */
const roleRoots = new Map<string, string>();
const MAX_REMEMBERED_ROOTS = 50_000;
const MAX_REMEMBERED_ROOT_WORD = 24;

const GENDERED = /(?:wo)?m[ae]n$|persons?$|people$/;

/** Words of a description with well-known title abbreviations written out ("ceo" → "chief executive"), each with the typed word it came from. */
function expandAbbreviations(list: readonly string[]): { words: string[]; from: number[] } {
  const words: string[] = [];
  const from: number[] = [];
  for (let i = 0; i < list.length; i++) {
    const word = list[i] as string;
    const written = TITLE_ABBREVIATIONS.get(word);
    if (written === undefined) {
      words.push(word);
      from.push(i);
    } else {
      for (const part of written.split(' ')) {
        words.push(part);
        from.push(i);
      }
    }
  }
  return { words, from };
}

/**
 * Finds people in a phrase by name or alias (typos and other spellings forgiven for names), by a
 * role or description ("the transport ministry press officer"), or by the organisation they speak for.
 */
export class PersonMatcher {
  private readonly phrases: Phrase[] = [];
  /** Name and role phrases by their first token: only those whose first token the text has are tried. */
  private readonly byFirstName = new Map<string, Phrase[]>();
  private readonly byFirstRole = new Map<string, Phrase[]>();
  /** Typed words already compared with the names: the same few words come back question after question. */
  private readonly variantOf = new Map<string, { token: string; typo: boolean } | null>();
  /** The same words are resolved several times while one question is read (its kind, its speaker, the people it names). */
  private readonly recent = new RecentMemo<string, PersonResolution>(8);
  private readonly nameTokens = new Set<string>();
  /** Name tokens by first letter and length, built when a typo is first looked for: a typed word is compared with only a bounded few. */
  private typoIndex: TypoIndex | undefined;
  readonly people: readonly PersonEntry[];

  constructor(people: Iterable<PersonEntry>) {
    this.people = [...people];
    for (const person of this.people) {
      const { name, aliases, role, roleAliases, organisation, kind, named } = person.person;
      // A described speaker ("officials", "a senior aide") has no name: what the article calls them is a description.
      if (named === false) {
        this.addRolePhrases(person, name, 1);
        for (const text of [...aliases, ...(role ? [role] : []), ...roleAliases]) this.addRolePhrases(person, text, 1);
        if (organisation) this.addRolePhrases(person, organisation, 0.8);
        continue;
      }
      // "Chris Murphy of Connecticut" is Chris Murphy (of a place); a person's surname alone names them too.
      const ownName = name.replace(/\s+of\s+.*$/i, '');
      const ownWords = identifyingWords(ownName, kind === 'person');
      const surnameOnly = kind === 'person' && ownWords.length > 1 ? [ownWords[ownWords.length - 1] ?? ''] : [];
      const asName = (text: string): string[] => identifyingWords(text, kind === 'person');
      const surnameStart = kind === 'person' && ownWords.length > 1 ? leadingPieceOfSurname(ownName) : [];
      for (const tokens of [asName(name), ownWords, surnameOnly, surnameStart, ...aliases.map(asName)]) {
        if (tokens.length === 0) continue;
        this.phrases.push({ person, tokens, kind: 'name', weight: 2 });
        tokens.forEach((t) => this.nameTokens.add(t));
      }
      // A given name alone ("who is Ana") names someone, but less surely than a surname.
      const given = ownWords[0];
      if (kind === 'person' && ownWords.length > 1 && given && !STOPWORDS.has(given)) this.phrases.push({ person, tokens: [given], kind: 'name', weight: 1 });
      // An organisation's name is also a description of it ("the union" for "the Transport Workers' Union").
      if (kind === 'organisation') this.addRolePhrases(person, name, 0.9);
      // A proper word of an organisation's name alone names it too ("Quillon" for "the Quillon growers' league"), less surely than a person's name.
      if (kind === 'organisation' && ownWords.length > 1) for (const word of properWords(name)) this.phrases.push({ person, tokens: [word], kind: 'name', weight: 1 });
      for (const text of [...(role ? [role] : []), ...roleAliases]) this.addRolePhrases(person, text, 1);
      // People speak for their organisation: "what did the ministry say" asks for its press officer.
      if (organisation && kind === 'person') this.addRolePhrases(person, organisation, 0.8);
    }
    for (const phrase of this.phrases) {
      const index = phrase.kind === 'name' ? this.byFirstName : this.byFirstRole;
      const key = phrase.tokens[0] ?? '';
      const list = index.get(key);
      if (list) list.push(phrase);
      else index.set(key, [phrase]);
    }
  }

  /** A role adds the whole phrase, its runs of two or more words, and its head noun ("head" of "head of the port authority"). */
  private addRolePhrases(person: PersonEntry, text: string, weight: number): void {
    const all = words(text);
    const ofAt = all.indexOf('of');
    const head = ofAt > 0 ? all[ofAt - 1] : all[all.length - 1];
    const tokens = identifyingWords(text).map(roleRoot);
    if (tokens.length === 0) return;
    this.phrases.push({ person, tokens, kind: 'role', weight });
    for (let length = tokens.length - 1; length >= 2; length--) {
      for (let from = 0; from + length <= tokens.length; from++) {
        this.phrases.push({ person, tokens: tokens.slice(from, from + length), kind: 'role', weight: 0.9 * weight });
      }
    }
    if (head && tokens.length > 1 && !STOPWORDS.has(head)) this.phrases.push({ person, tokens: [roleRoot(head)], kind: 'role', weight: 0.8 * weight });
  }

  resolve(text: string | readonly string[]): PersonResolution {
    const typed = typeof text === 'string' ? words(text) : text;
    return this.recent.remember(typed.join(' '), () => this.resolveWords(typed));
  }

  private resolveWords(typed: readonly string[]): PersonResolution {
    const { words: questionWords, from } = expandAbbreviations(typed);
    // Typo tolerance for the few longest words that are no name as typed: bounded work however long the text.
    const unknown = questionWords.filter((w) => !this.nameTokens.has(w) && w.length >= 4 && !STOPWORDS.has(w));
    const fuzzy: ReadonlySet<string> = unknown.length === 0 ? NO_WORDS : new Set(unknown.length <= MAX_FUZZY_WORDS ? unknown : unknown.sort((a, b) => b.length - a.length).slice(0, MAX_FUZZY_WORDS));
    const nameAt: ({ token: string; typo: boolean } | undefined)[] = [];
    const rootAt: string[] = [];
    // Most phrases share no word with the text: a set lookup rules them out before any matching.
    const namesPresent = new Set<string>();
    const rootsPresent = new Set<string>();
    for (const word of questionWords) {
      const name = this.nameTokenFor(word, fuzzy.has(word));
      nameAt.push(name);
      if (name) namesPresent.add(name.token);
      const root = roleRoot(word);
      rootAt.push(root);
      rootsPresent.add(root);
    }
    const byPerson = new Map<PersonEntry, PersonMatch>();
    const read: TypedWords = { words: questionWords, from, nameAt, rootAt };
    for (const token of namesPresent) for (const phrase of this.byFirstName.get(token) ?? []) consider(phrase, namesPresent, read, byPerson);
    for (const token of rootsPresent) for (const phrase of this.byFirstRole.get(token) ?? []) consider(phrase, rootsPresent, read, byPerson);
    const matches = [...byPerson.values()].sort((a, b) => b.score - a.score);
    const top = matches[0]?.score ?? 0;
    const best = matches.filter((m) => m.score >= top - 1e-9 && top > 0);
    const first = best[0];
    let meaningful = 0;
    let covered = 0;
    for (let i = 0; i < typed.length; i++) {
      const w = typed[i] as string;
      if (STOPWORDS.has(w) || HONORIFICS.has(w)) continue;
      meaningful++;
      if (first?.covered.has(i)) covered++;
    }
    const head = headPosition(typed);
    return {
      matches,
      best,
      coverage: meaningful === 0 ? 0 : Math.min(1, covered / meaningful),
      // Only function words typed ("Will", capitalised, is a name to the question's reader): a name they make is the head.
      headCovered: first !== undefined && (head >= 0 ? best.some((m) => m.covered.has(head)) : best.some((m) => !m.byRole)),
    };
  }

  /**
   * The known name token a typed word stands for, if any: the closest name word within two edits that
   * is a typo or another spelling of it (bounded work: see TypoIndex). `fuzzy` false looks up the word only.
   */
  private nameTokenFor(word: string, fuzzy = true): { token: string; typo: boolean } | undefined {
    if (this.nameTokens.has(word)) return { token: word, typo: false };
    if (word.length < 4 || STOPWORDS.has(word)) return undefined;
    const known = this.variantOf.get(word);
    if (known !== undefined) return known ?? undefined;
    if (!fuzzy) return undefined;
    this.typoIndex ??= new TypoIndex(this.nameTokens);
    const match = this.typoIndex.near(word, MAX_FUZZY_EDITS).find((m) => spellingVariant(word, m.word, m.distance));
    const found = match ? { token: match.word, typo: true } : null;
    // A lookup the question's budget cut short is not remembered as final.
    if (found || examinable(1) > 0) {
      if (this.variantOf.size >= MAX_VARIANTS) this.variantOf.clear();
      this.variantOf.set(word, found);
    }
    return found ?? undefined;
  }
}

/** The typed words as matching reads them: written out, where each came from, the name token and role root each stands for. */
interface TypedWords {
  words: readonly string[];
  from: readonly number[];
  nameAt: readonly ({ token: string; typo: boolean } | undefined)[];
  rootAt: readonly string[];
}

/** Matches one phrase against the typed words (each token to a word not used yet) and keeps it when it is its person's best. */
function consider(phrase: Phrase, present: ReadonlySet<string>, typed: TypedWords, byPerson: Map<PersonEntry, PersonMatch>): void {
  for (const token of phrase.tokens) if (!present.has(token)) return;
  const { words: questionWords, from, nameAt, rootAt } = typed;
  // A phrase has a few tokens: a list of the positions they take is smaller than a set, and as quick to search.
  const covered: number[] = [];
  let typos = 0;
  for (const token of phrase.tokens) {
    let at = -1;
    for (let i = 0; i < questionWords.length && at < 0; i++) {
      if (!covered.includes(i) && (phrase.kind === 'name' ? nameAt[i]?.token === token : rootAt[i] === token)) at = i;
    }
    if (at < 0) return;
    covered.push(at);
    if (phrase.kind === 'name' && nameAt[at]?.typo) typos++;
  }
  const score = phrase.tokens.length * phrase.weight - typos * 0.1;
  const current = byPerson.get(phrase.person);
  if (current && score <= current.score) return;
  // Positions in the typed words: an abbreviation written out covers the one word typed.
  const typedCovered = new Set<number>();
  for (const i of covered) typedCovered.add(from[i] ?? i);
  byPerson.set(phrase.person, { person: phrase.person, score, covered: typedCovered, byRole: phrase.kind === 'role', approximate: typos > 0 });
}

/** The head of a noun phrase: the word before "of", else its last meaningful word. */
export function headPosition(phrase: readonly string[]): number {
  const linkAt = phrase.findIndex((w, i) => i > 0 && LINKS.has(w));
  const end = linkAt > 0 ? linkAt : phrase.length;
  for (let i = end - 1; i >= 0; i--) {
    const word = phrase[i] ?? '';
    if (STOPWORDS.has(word) || HONORIFICS.has(word)) continue;
    // "the guy from the ministry", "the union official": a word for just anyone is no head; what describes them is.
    if (ANYONE.has(word)) return i > 0 ? headPosition(phrase.slice(0, i)) : linkAt > 0 ? linkAt + 1 + headPosition(phrase.slice(linkAt + 1)) : -1;
    return i;
  }
  return -1;
}

/** Words that attach a description to its head: "head *of* the department", "the guy *from* the ministry". */
const LINKS = new Set(['of', 'from', 'at', 'for', 'in', 'with']);

/**
 * Words of a name or description that can identify someone: honorifics and function words left out,
 * unless written in capitals as an acronym ("US", "WHO"), or, in a person's name, capitalised after its
 * first word (the surname of "Osric Will" is spelt like a modal verb).
 */
function identifyingWords(text: string, personName = false): string[] {
  return nameWords(text, { acronyms: true, capitalisedLittleWords: personName ? 'past-first' : 'never' });
}

/** The capitalised words of a name that are no function word or honorific, folded. */
function properWords(name: string): string[] {
  return tokenize(name)
    .filter((t) => t.capital && !STOPWORDS.has(t.word) && !HONORIFICS.has(t.word))
    .map((t) => t.word);
}

/**
 * The first piece of a surname written as one word that folds into several ("Vane-Brasket", or an accented
 * letter garbled into symbols): people name the person by that piece alone too. Empty when the surname is one piece.
 */
function leadingPieceOfSurname(name: string): string[] {
  const surname = name.trim().split(/\s+/).pop() ?? '';
  const pieces = identifyingWords(surname, true);
  const first = pieces[0];
  return pieces.length > 1 && first && first.length >= 3 ? [first] : [];
}
