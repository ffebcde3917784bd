import type { Doc, Sentence, Token } from './document.js';
import type { Span } from './phrases.js';

/**
 * Speech named by a noun its speaker owns: "her warning that the dam would fail", "Arkwell's pledge to cut fares".
 * The owner (a possessive pronoun or a name with "'s") is the source, the "that" clause or the infinitive the content.
 */

/** Nouns of speech that a "that" clause completes. */
const CLAUSE_NOUNS = new Set(['remark', 'comment', 'claim', 'assertion', 'argument', 'warning', 'promise', 'pledge', 'vow', 'insistence', 'contention', 'allegation', 'prediction', 'admission', 'complaint', 'boast', 'assurance', 'declaration', 'suggestion', 'charge', 'accusation', 'statement', 'announcement']);
/** Nouns of commitment that "to" and a verb complete ("his vow to stay"). */
const INFINITIVE_NOUNS = new Set(['promise', 'pledge', 'vow', 'threat', 'claim']);
const POSSESSIVE_PRONOUNS = new Set(['his', 'her', 'their', 'its']);
const DASHES_AND_BRACKETS = new Set(['—', '―', '–', '(', ')']);

export interface SpeechNoun {
  noun: number;
  owner: Span;
  /** The first token of the content ("to" of an infinitive, the word after "that"). */
  contentFirst: number;
}

const lower = (t: Token | undefined): string => (t?.text ?? '').toLowerCase();
const singular = (word: string): string => word.replace(/s$/, '');

/** The speech noun at `i` with its owner and the start of its content, or null. */
export function speechNounAt(doc: Doc, i: number, sentence: Sentence): SpeechNoun | null {
  const t = doc.tokens[i];
  if (!t || t.quote || !/^\p{Ll}/u.test(t.text)) return null;
  const word = singular(lower(t));
  const next = doc.tokens[i + 1];
  if (!next || next.quote || next.sentence !== t.sentence) return null;
  let contentFirst = -1;
  if (lower(next) === 'that' && CLAUSE_NOUNS.has(word)) contentFirst = i + 2;
  const infinitive = lower(next) === 'to' ? i + 1 : lower(next) === 'not' && lower(doc.tokens[i + 2]) === 'to' ? i + 2 : -1;
  if (infinitive > 0 && INFINITIVE_NOUNS.has(word) && doc.tokens[infinitive + 1]?.pos === 'VERB') contentFirst = i + 1;
  if (contentFirst < 0 || contentFirst > sentence.last) return null;
  // "Can they keep their promise to …?": the writer's question asserts nothing.
  const end = doc.tokens[sentence.last];
  if (end?.text === '?' && !end.quote) return null;
  const owner = ownerBefore(doc, i, sentence);
  return owner ? { noun: i, owner, contentFirst } : null;
}

/** "his", "their", or a name before "'s", with up to two modifiers between it and the noun ("her stern warning"). */
function ownerBefore(doc: Doc, noun: number, sentence: Sentence): Span | null {
  let k = noun - 1;
  while (k > noun - 3 && k >= sentence.first && ['ADJ', 'ADV'].includes(doc.tokens[k]?.pos ?? '') && !doc.tokens[k]?.quote) k--;
  const t = doc.tokens[k];
  if (!t || k < sentence.first || t.quote) return null;
  if (POSSESSIVE_PRONOUNS.has(lower(t))) return { first: k, last: k };
  if (!/^['’]s?$/.test(t.text)) return null;
  let first = k - 1;
  while (first - 1 >= sentence.first && isNameWord(doc.tokens[first - 1]) && k - first < 5) first--;
  return isNameWord(doc.tokens[k - 1]) && first < k ? { first, last: k - 1 } : null;
}

const isNameWord = (t: Token | undefined): boolean => t !== undefined && !t.quote && t.pos === 'PROPN' && /^\p{Lu}/u.test(t.text);

/** Words that open a clause of their own inside the content, so one more verb belongs to it. */
const CLAUSE_OPENERS = new Set(['that', 'who', 'which', 'whom', 'whose', 'if', 'whether', 'because', 'when', 'where', 'while', 'as', 'than', 'since', 'unless', 'until', 'what', 'how', 'why', 'once', 'after', 'before']);
const COORDINATORS = new Set(['and', 'or', 'but', 'nor']);
/** A comma before these ends the content: what follows is the writer's. */
const AFTERTHOUGHTS = new Set(['but', 'which', 'while', 'although', 'though', 'whereas', 'as']);

/**
 * Where the content of a speech noun ends: before the verb of the clause the noun phrase belongs to ("his promise to
 * build a wall | was popular"), a semicolon, a dash or bracket, or a comma and an afterthought. Each verb needs a
 * clause of its own: the "that" opening the content, an inner "who"/"if"/…, a pronoun subject, or "and"/"to" joining verbs.
 */
export function nounContentEnd(doc: Doc, first: number, last: number, opened: boolean): number {
  let open = opened ? 1 : 0;
  let inVerb = false;
  for (let k = first; k <= last; k++) {
    const t = doc.tokens[k];
    if (!t) return k - 1;
    if (t.quote) {
      inVerb = false;
      continue;
    }
    if (t.text === ';' || DASHES_AND_BRACKETS.has(t.text)) return k - 1;
    if (t.text === ',' && AFTERTHOUGHTS.has(lower(doc.tokens[k + 1]))) return k - 1;
    if (CLAUSE_OPENERS.has(lower(t))) open++;
    // "so-called": a verb joined to the word before by a hyphen is part of that word.
    const hyphened = doc.tokens[k - 1]?.text === '-' && doc.tokens[k - 1]?.end === t.start;
    const finite = !hyphened && (t.pos === 'AUX' || (t.pos === 'VERB' && !/ing$/.test(lower(t))));
    if (finite && !inVerb) {
      const before = doc.tokens[k - 1];
      // "and build", "to build": more of the same clause; "he was": a clause with its subject, inside the content.
      const joined = COORDINATORS.has(lower(before)) || lower(before) === 'to';
      if (!joined && open > 0) open--;
      else if (!joined && before?.pos !== 'PRON') return k - 1;
    }
    inVerb = finite || (inVerb && ['ADV', 'PART'].includes(t.pos));
  }
  return last;
}
