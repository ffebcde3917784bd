import type { Person } from '../data/schema.js';
import type { PersonEntry } from './knowledge.js';

/** How answers are worded: names with roles, counts, lists of paragraphs. Pure, and nothing else. */

/**
 * How a speaker is named in an answer: their name, or for a speaker the article describes without
 * naming ("officials", "a senior aide") that description, marked as one so it never reads as a name.
 */
export function speakerName(person: Person): string {
  return person.named === false ? `${person.name} (not named)` : person.name;
}

/** Words that end a name's head noun: "Ministry of Finance" is headed by "Ministry". */
const AFTER_HEAD = new Set(['of', 'for', 'in', 'at', 'on', 'from', 'with', 'to']);
/** General English plurals without an -s ("the police", "local people"). */
const IRREGULAR_PLURALS = new Set(['people', 'police', 'men', 'women', 'children', 'folk', 'cattle']);

/**
 * Whether a name is grammatically plural, so its verb agrees ("the regional authorities are quoted"):
 * its head noun (the last word before "of", "for" …) is written in lower case, as a common noun is, and
 * in a plural form. A capitalised head is a proper name ("City Hall Trust"): singular.
 */
export function isPluralName(name: string): boolean {
  const words = name.trim().split(/\s+/);
  const cut = words.findIndex((w, i) => i > 0 && AFTER_HEAD.has(w));
  const head = (cut > 0 ? words.slice(0, cut) : words).at(-1)?.replace(/[^\p{L}]/gu, '') ?? '';
  if (head.length < 3 || head !== head.toLowerCase()) return false;
  return IRREGULAR_PLURALS.has(head) || (head.endsWith('s') && !/(?:ss|us|is)$/.test(head));
}

/** The verb that agrees with a name: `is` or `are`. */
export function be(name: string): 'is' | 'are' {
  return isPluralName(name) ? 'are' : 'is';
}

export function describe(person: PersonEntry): string {
  const { role } = person.person;
  return role && person.person.named !== false ? `${person.person.name} (${role})` : speakerName(person.person);
}

/**
 * "X is the <role>." The role's first word is lower-cased only when the article itself writes it
 * in lower case somewhere (a common noun, "head"), never a name or a nationality it capitalises.
 */
export function identityLine(person: PersonEntry, articleText: string): string {
  const { name, role, organisation } = person.person;
  if (person.person.named === false) return `The article does not name this speaker; it calls them “${name}”.${person.quotes.length > 0 ? ` Quoted ${times(person.quotes.length)}.` : ''}`;
  const what = role
    ? `${name} ${be(name)} the ${lowerFirst(role, articleText)}${organisation && !role.includes(organisation) ? ` (${organisation})` : ''}.`
    : `${name} ${be(name)} named in the article${organisation ? ` (${organisation})` : ''}.`;
  const quoted = person.quotes.length > 0 ? ` Quoted ${times(person.quotes.length)}.` : ' The article mentions but does not quote them.';
  return what + quoted;
}

export function speakerLine(person: PersonEntry, topicLabel: (id: string) => string): string {
  const second = person.quotes.filter((q) => q.reportedBy);
  const via = second.length === person.quotes.length && second[0]?.reportedBy ? `, second-hand, as reported by ${second[0].reportedBy.person.name}` : '';
  // Labels read inside the sentence: "on the decree …", not "on The decree …".
  const text = person.quotes[0]?.article.text ?? '';
  const topics = unique(person.quotes.flatMap((q) => q.quote.topics)).map((id) => lowerFirst(topicLabel(id), text));
  // A description may be plural ("officials"): the count comes first, so no verb has to agree with it.
  if (person.person.named === false) return `Quoted ${times(person.quotes.length)}: ${speakerName(person.person)}${via}${topics.length ? ` — on ${topics.join('; ')}` : ''}.`;
  return `${person.person.name} ${be(person.person.name)} quoted ${times(person.quotes.length)}${via}${topics.length ? ` — on ${topics.join('; ')}` : ''}.`;
}

function times(n: number): string {
  return n === 1 ? 'once' : n === 2 ? 'twice' : `${n} times`;
}

/** The shortest way to ask about someone: a surname, an organisation's name, or the article's own description of them. */
export function surname(person: PersonEntry): string {
  if (person.person.named === false) return person.person.name;
  return person.person.kind === 'organisation' ? person.person.name.toLowerCase() : (person.person.name.split(' ').pop() ?? person.person.name);
}

export function joinNames(names: string[], conjunction: 'and' | 'or'): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} ${conjunction} ${names[names.length - 1]}`;
}

export function paragraphList(paragraphs: number[]): string {
  const list = unique(paragraphs).sort((a, b) => a - b);
  return list.map((p) => `¶${p}`).join(', ');
}

export function plural(n: number, word: string): string {
  return n === 1 ? word : `${word}s`;
}

export function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The asker's words from the first to the last of `words`, in their own spelling and case (offsets into `text`). */
export function asTyped(text: string, words: readonly { start: number; end: number }[]): string {
  const first = words[0];
  const last = words[words.length - 1];
  return first && last ? text.slice(first.start, last.end) : '';
}

/** A phrase the asker typed, cut for a one-line summary. */
export function clip(text: string, max = 60): string {
  return text.length > max ? `${text.slice(0, max).trimEnd()}…` : text;
}

/** A label or role as it reads inside a sentence: its first word lower-cased only when the article writes that word in lower case. */
export function lowerFirst(text: string, articleText: string): string {
  const first = /^[A-Z][a-z]+/.exec(text)?.[0];
  if (!first) return text;
  const lower = first.toLowerCase();
  return usesAsWord(articleText, lower) ? lower + text.slice(first.length) : text;
}

/**
 * Answers of usesAsWord for the article text asked last, by word: each answer that words a topic or a role asks
 * again about the same few words, and each asking would search the whole article. Bounded: one text, its words.
 */
let wordsOfText = '';
const usedAsWord = new Map<string, boolean>();
const MAX_REMEMBERED_WORDS = 1024;

/** The text has `word` as a whole word, in that case. */
function usesAsWord(text: string, word: string): boolean {
  if (text !== wordsOfText || usedAsWord.size >= MAX_REMEMBERED_WORDS) {
    usedAsWord.clear();
    wordsOfText = text;
  }
  let used = usedAsWord.get(word);
  if (used === undefined) {
    used = searchAsWord(text, word);
    usedAsWord.set(word, used);
  }
  return used;
}

function searchAsWord(text: string, word: string): boolean {
  const letter = /\p{L}/u;
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
    if (!letter.test(text.charAt(at - 1)) && !letter.test(text.charAt(at + word.length))) return true;
  }
  return false;
}
