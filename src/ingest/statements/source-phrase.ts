import type { Cue } from '../cues.js';
import type { Doc, Sentence } from '../document.js';
import { nameRuns } from '../names.js';
import { PERSON_NOUNS } from '../lexicon.js';
import { isComma, isDescription, isQuotedTitle, lower, phraseEndingAt, phraseStartingAt, TIME_WORDS, type Span } from '../phrases.js';
import type { SourcePhrase } from './statement.js';
import { nextComma } from './token-ranges.js';
import { isDash } from './dashes.js';
import { skipBeforeVerb } from './between-subject-and-verb.js';
import { appositionChain } from './appositions.js';

/** The source phrase of a speech verb, as written: before it with its appositions, or after it when inverted. */

/** The source phrase of a verb: before it (with appositions), or after it when inverted. */
export function sourceOf(doc: Doc, cue: Cue): SourcePhrase | null {
  const sentence = cue.sentence;
  const k = skipBeforeVerb(doc, cue.first - 1, sentence.first);
  const floor = clauseFloor(doc, k, sentence);
  const before = doc.tokens[k];
  if (before && k >= floor && !before.quote) {
    if (isComma(before)) {
      const chained = appositionChain(doc, floor, k - 1);
      if (chained) return chained;
    } else {
      const found = phraseEndingAt(doc, k, floor);
      const head = found ? (relativeClauseSubject(doc, found, floor) ?? found) : null;
      const unclosed = head ? unclosedApposition(doc, head, floor) : null;
      if (unclosed) return unclosed;
      if (head) {
        const listStart = nameListStart(doc, head, floor);
        return { head: relativeAntecedent(doc, head, floor), appositions: [], inverted: false, ...(listStart !== undefined ? { listStart } : {}) };
      }
    }
  }
  // Inversion ("…,” said Tamsin Arkwell) follows a quotation, a comma or a colon, or opens the sentence.
  const opensClause = !before || k < sentence.first || before.quote !== null || isComma(before) || before.text === ':';
  return opensClause && cue.frame !== 'addressee' ? sourceAfter(doc, cue) : null;
}

/**
 * "Tamsin Arkwell, the spokeswoman for the board said": an apposition whose closing comma is missing. The name that
 * opens the clause before the comma is the subject; the description after it, its apposition.
 */
function unclosedApposition(doc: Doc, head: Span, floor: number): SourcePhrase | null {
  const comma = head.first - 1;
  // "the spokeswoman for …", or a role with no article ("president of …").
  const opener = doc.tokens[head.first];
  const role = opener !== undefined && /^\p{Ll}/u.test(opener.text) && PERSON_NOUNS.has(lower(opener));
  if (!isComma(doc.tokens[comma]) || !(['the', 'a', 'an'].includes(lower(opener)) || role) || !isDescription(doc, head)) return null;
  // "Sen. Tamsin Arkwell (D-OH), a supporter of …": a party and state tag closes the name.
  let end = comma - 1;
  if (doc.tokens[end]?.text === ')') {
    let open = end - 1;
    while (open > floor && end - open <= 6 && doc.tokens[open]?.text !== '(') open--;
    if (doc.tokens[open]?.text !== '(') return null;
    end = open - 1;
  }
  const runs = nameRuns(doc, floor, end);
  const run = runs[0];
  if (runs.length !== 1 || !run || run.kind !== 'person' || run.possessive || run.last !== end) return null;
  for (let j = floor; j < run.first; j++) if (!['ADV', 'CCONJ', 'PUNCT'].includes(doc.tokens[j]?.pos ?? '') || doc.tokens[j]?.quote) return null;
  return { head: { first: run.first, last: run.last }, appositions: [head], inverted: false };
}

/** The first token the source may use: after the last quotation before the verb. */
function clauseFloor(doc: Doc, k: number, sentence: Sentence): number {
  for (let j = k; j >= sentence.first; j--) {
    const t = doc.tokens[j];
    if (t?.quote && !isQuotedTitle(doc, t)) return j + 1;
  }
  return sentence.first;
}

/**
 * "Voters who backed the plan last year warned …": the phrase before the verb closes a relative clause ("who backed
 * the plan"); the subject is the phrase "who" stands for.
 */
function relativeClauseSubject(doc: Doc, head: Span, floor: number): Span | null {
  let verb = false;
  for (let k = head.first - 1; k > floor && k >= head.first - 10; k--) {
    const t = doc.tokens[k];
    if (!t || t.quote || isComma(t) || isDash(doc, k)) return null;
    if (t.pos === 'VERB' || t.pos === 'AUX') verb = true;
    if (lower(t) !== 'who') continue;
    const antecedent = verb ? phraseEndingAt(doc, k - 1, floor) : null;
    // "… in Ostby, Brenwick who …": a place set off after a comma is where, not who.
    return antecedent && ['NOUN', 'PROPN'].includes(doc.tokens[antecedent.last]?.pos ?? '') && !isComma(doc.tokens[antecedent.first - 1]) ? antecedent : null;
  }
  return null;
}

/** "supporters who say …": the source is the phrase "who" stands for. */
function relativeAntecedent(doc: Doc, head: Span, floor: number): Span {
  const t = doc.tokens[head.first];
  if (!t || head.first !== head.last || !['who', 'which', 'that'].includes(lower(t))) return head;
  let k = head.first - 1;
  if (isComma(doc.tokens[k])) k--;
  const found = phraseEndingAt(doc, k, floor);
  if (!found) return head;
  // "… was hard for Tamsin Arkwell, who said": a phrase of modifiers and a preposition before the antecedent is no part of it.
  for (let j = found.first; j < found.last; j++) {
    const w = doc.tokens[j];
    if (!w || ['NOUN', 'PROPN', 'PRON', 'NUM'].includes(w.pos)) break;
    if (w.pos === 'ADP' && /^\p{Ll}/u.test(w.text)) return { first: j + 1, last: found.last };
  }
  return found;
}

/** "…,” said Tamsin Arkwell, a former adviser." — the phrase after the verb, with its appositions. */
function sourceAfter(doc: Doc, cue: Cue): SourcePhrase | null {
  const sentence = cue.sentence;
  let k = cue.last + 1;
  while (k <= sentence.last && (doc.tokens[k]?.pos === 'ADV' || TIME_WORDS.has(lower(doc.tokens[k])))) k++;
  const first = doc.tokens[k];
  if (!first || first.quote || lower(first) === 'that' || first.pos === 'PRON' && !['he', 'she', 'they', 'we', 'i'].includes(lower(first))) return null;
  const head = phraseStartingAt(doc, k, sentence.last);
  if (!head) return null;
  // "said the plan had failed": a phrase followed by its own verb is the subject of what was said.
  const following = doc.tokens[head.last + 1];
  // After a quotation ("“…,” said an analyst who worked for …") a relative clause describes the speaker.
  const describedAfterQuote = ['who', 'whose'].includes(lower(following)) && doc.tokens[cue.first - 1]?.quote !== null && doc.tokens[cue.first - 1] !== undefined;
  if (following && !following.quote && !describedAfterQuote && (following.pos === 'VERB' || following.pos === 'AUX' || following.pos === 'PRON' || following.pos === 'DET')) return null;
  const appositions: Span[] = [];
  let next = head.last + 1;
  while (isComma(doc.tokens[next])) {
    const segEnd = nextComma(doc, next + 1, sentence.last);
    const seg = { first: next + 1, last: segEnd };
    if (seg.last < seg.first || !isDescription(doc, seg)) break;
    appositions.push(seg);
    next = segEnd + 1;
  }
  return { head, appositions, inverted: true };
}

export function sourceEnd(source: SourcePhrase): number {
  return source.appositions.at(-1)?.last ?? source.head.last;
}

export function sourceStart(source: SourcePhrase): number {
  return source.listStart ?? source.head.first;
}

/** A capitalised word, or a title's stop: what a name is made of. */
const NAME_TOKEN = /^(?:\p{Lu}[\p{L}'’.-]*|\.)$/u;

/**
 * "Ysolde Brannock, Teodor Quillam, Marit Ossery said" (or "… and Marit Ossery said"): names listed before the
 * head, so the content before them stops at the list. Two names and no "and" ("Brannock, Quillam said, is …") is a
 * parenthesis, not a list.
 */
function nameListStart(doc: Doc, head: Span, floor: number): number | undefined {
  const isName = (span: Span): boolean => doc.tokens.slice(span.first, span.last + 1).every((t) => !t.quote && NAME_TOKEN.test(t.text));
  const joined = doc.tokens.slice(head.first, head.last + 1).some((t) => lower(t) === 'and');
  let first = head.first;
  let members = 1;
  while (isComma(doc.tokens[first - 1]) && first - 2 >= floor) {
    // The segment before the comma, found by walking back to the previous comma (a list is read once, not re-split).
    let start = first - 2;
    while (start - 1 >= floor && !isComma(doc.tokens[start - 1])) start--;
    if (!isName({ first: start, last: first - 2 })) break;
    first = start;
    members++;
  }
  return first < head.first && (joined || members >= 3) ? first : undefined;
}
