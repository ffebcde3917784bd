import { DASHES, type Cue } from '../cues.js';
import type { Doc, Sentence } from '../document.js';
import { nameRuns } from '../names.js';
import { isComma, lower, phraseEndingAt, type Span } from '../phrases.js';
import type { SourcePhrase, Statement } from './statement.js';
import { boundaryBefore } from './token-ranges.js';
import { anyDash, dashEndingAt } from './dashes.js';
import { sourceStart } from './source-phrase.js';
import { ADVERBIAL_SUBORDINATORS } from './clauses.js';

/**
 * A participle's subject: its own ("with S saying"), the one of the clause it is an aside in or hangs on, or the
 * main clause's after an opening participle.
 */

/** Prepositions whose object may be the subject of a gerund right after it ("about Arkwell saying …"). */
const GERUND_SUBJECT_AFTER = new Set(['about', 'over', 'of']);

/**
 * A participle's own subject: the phrase between "with" and it ("with the minister arguing …"), or a name set off
 * before it by a dash or "and" ("… a statement – Tamsin Arkwell saying she was pleased and Eskil Varnholm calling it …"),
 * or a person named right after "about", "over" or "of".
 */
export function withSubject(doc: Doc, end: number, floor: number): Span | null {
  const last = doc.tokens[end];
  if (!last || !['PROPN', 'NOUN', 'PRON'].includes(last.pos)) return null;
  const found = phraseEndingAt(doc, end, floor);
  if (!found) return null;
  // A dash between words ends a phrase, whatever it may join inside a name ("statement – Tamsin Arkwell").
  let phrase = found;
  for (let k = end - 1; k >= found.first; k--) if (DASHES.has(doc.tokens[k]?.text ?? '')) {
    phrase = { first: k + 1, last: end };
    break;
  }
  const before = lower(doc.tokens[phrase.first - 1]);
  if (before === 'with') return phrase;
  const named = last.pos === 'PROPN' && /^\p{Lu}/u.test(doc.tokens[phrase.first]?.text ?? '');
  // "asked about Tamsin Arkwell calling the plan a sham": a person named right after "about" is the gerund's subject.
  if (named && GERUND_SUBJECT_AFTER.has(before) && nameRuns(doc, phrase.first, phrase.last).some((r) => r.kind === 'person' && r.first === phrase.first && r.last === phrase.last && !r.possessive)) return phrase;
  return named && (dashEndingAt(doc, phrase.first - 1) >= 0 || before === 'and') ? phrase : null;
}

/**
 * "Conceding that the pier was late, Tamsin Arkwell said …": a participle that opens the sentence (adverbs aside) has
 * the subject of the main clause after it: the first later verb whose subject follows a comma or a quotation.
 */
export function openingParticipleSubject(doc: Doc, cue: Cue, later: { cue: Cue; source: SourcePhrase | null }[], sentence: Sentence): SourcePhrase | null {
  for (let k = sentence.first; k < cue.first; k++) if (doc.tokens[k]?.pos !== 'ADV' || doc.tokens[k]?.quote) return null;
  for (const { cue: verb, source } of later) {
    if (verb.kind !== 'verb' || !source || source.inverted || source.head.first <= cue.last) continue;
    const opener = doc.tokens[sourceStart(source) - 1];
    if (isComma(opener) || opener?.quote) return source;
  }
  return null;
}

/** The last token of an opening participle's clause: before its subject's comma and an adverb set off there (", though,"). */
export function openingParticipleEnd(doc: Doc, subject: SourcePhrase): number {
  let end = sourceStart(subject) - 1;
  if (!isComma(doc.tokens[end])) return boundaryBefore(doc, end + 1);
  let k = end - 1;
  // "though" after a comma is an adverb, whatever the tagger calls it.
  while (['ADV', 'SCONJ'].includes(doc.tokens[k]?.pos ?? '') && !doc.tokens[k]?.quote) k--;
  if (k < end - 1 && isComma(doc.tokens[k])) end = k;
  return boundaryBefore(doc, end);
}

/** Prepositions that take a participle in an aside ("after saying …", "while insisting …"). */
const ASIDE_PREPOSITIONS = new Set(['after', 'before', 'while', 'by', 'since', 'despite', 'in', 'without']);

/**
 * "Tamsin Arkwell, after first saying the pier was safe, closed it": a participle (a preposition and adverbs
 * before it) set off by a comma after a subject with no verb, closed by a comma or dash before the subject's finite
 * verb. The subject, and the last token of the aside.
 */
export function asideParticiple(doc: Doc, cue: Cue, sentence: Sentence): { subject: Span; from: number; end: number } | null {
  let j = cue.first - 1;
  while (doc.tokens[j]?.pos === 'ADV' && !doc.tokens[j]?.quote) j--;
  if (ASIDE_PREPOSITIONS.has(lower(doc.tokens[j]))) j--;
  while (doc.tokens[j]?.pos === 'ADV' && !doc.tokens[j]?.quote) j--;
  if (!isComma(doc.tokens[j]) || doc.tokens[j]?.quote || j <= sentence.first) return null;
  for (let k = sentence.first; k < j; k++) {
    const t = doc.tokens[k];
    if (!t || t.quote || t.pos === 'VERB' || t.pos === 'AUX' || t.pos === 'PUNCT') return null;
  }
  const subject = phraseEndingAt(doc, j - 1, sentence.first);
  if (!subject || subject.first !== sentence.first) return null;
  // "alleging – again without proof – that …": a dashed aside right after the participle is skipped.
  let from = cue.last + 1;
  if (anyDash(doc, from)) {
    let close = from + 1;
    while (close < from + 8 && close < sentence.last && !anyDash(doc, close)) close++;
    if (anyDash(doc, close)) from = close + (doc.tokens[close + 1]?.text === '-' ? 2 : 1);
  }
  for (let k = from; k < sentence.last; k++) {
    const t = doc.tokens[k];
    if (!t || t.quote || !(isComma(t) || anyDash(doc, k))) continue;
    let v = k + 1;
    while (doc.tokens[v]?.pos === 'ADV' && !doc.tokens[v]?.quote) v++;
    const verb = doc.tokens[v];
    if (verb && !verb.quote && (verb.pos === 'VERB' || verb.pos === 'AUX') && !/ing$/.test(lower(verb))) return { subject, from, end: k - 1 };
  }
  return null;
}

/** Where a participle's own subject begins ("with" included), or null when it has none. */
export function ownSubjectStart(doc: Doc, cue: Cue, sentence: Sentence): number | null {
  const own = withSubject(doc, cue.first - 1, sentence.first);
  if (!own) return null;
  return lower(doc.tokens[own.first - 1]) === 'with' ? own.first - 1 : own.first;
}

/**
 * "A left early, but Tamsin Arkwell stayed on, asking …": a participle after a clause joined by ", but"/", and" hangs
 * on that clause; its subject (the phrase right after the conjunction, before its verb) is the participle's.
 */
export function coordinatedSubject(doc: Doc, sentence: Sentence, participle: number): SourcePhrase | null {
  const comma = participle - 1;
  if (!isComma(doc.tokens[comma]) || doc.tokens[comma]?.quote) return null;
  let open = comma - 1;
  while (open >= sentence.first && !isComma(doc.tokens[open])) open--;
  const conjunction = doc.tokens[open + 1];
  if (open < sentence.first || !conjunction || !['but', 'and'].includes(lower(conjunction))) return null;
  for (let k = open + 2; k < comma; k++) {
    const t = doc.tokens[k];
    if (!t || t.quote) return null;
    if (t.pos !== 'VERB' || /ing$/.test(lower(t))) continue;
    const head = phraseEndingAt(doc, k - 1, open + 2);
    return head && head.first === open + 2 ? { head, appositions: [], inverted: false } : null;
  }
  return null;
}

/**
 * "The vote was close, as Tamsin Arkwell conceded defeat, saying …": a participle right after an adverbial clause that
 * follows the main clause goes on with that clause's subject, the nearest one before it.
 */
export function trailingClauseSubject(doc: Doc, sentence: Sentence, participle: number): SourcePhrase | null {
  const comma = participle - 1;
  if (!isComma(doc.tokens[comma]) || doc.tokens[comma]?.quote) return null;
  let open = comma - 1;
  while (open >= sentence.first && !isComma(doc.tokens[open])) open--;
  const subordinator = doc.tokens[open + 1];
  if (open < sentence.first || !subordinator || subordinator.quote || !ADVERBIAL_SUBORDINATORS.has(lower(subordinator))) return null;
  for (let k = open + 2; k < comma; k++) {
    const t = doc.tokens[k];
    if (!t || t.quote) return null;
    if ((t.pos !== 'VERB' && t.pos !== 'AUX') || /ing$/.test(lower(t))) continue;
    // Only someone who can speak: a name or a personal pronoun ("after her first statement was shown false" is not).
    const head = phraseEndingAt(doc, k - 1, open + 2);
    const speaker = head && (nameRuns(doc, head.first, head.last).some((r) => r.last === head.last) || (head.first === head.last && ['he', 'she', 'they'].includes(lower(doc.tokens[head.first]))));
    return head && speaker && head.first === open + 2 ? { head, appositions: [], inverted: false } : null;
  }
  return null;
}

/**
 * "Tamsin Arkwell rebuked critics who say …, saying …": the previous statement's source is the object of the main verb
 * and speaks in a relative clause of its own; a participle after the comma goes on with the main clause's subject.
 */
export function saidInRelativeClause(doc: Doc, previous: Statement): boolean {
  const source = previous.source;
  if (!source || source.inverted) return false;
  const relative = doc.tokens[source.head.last + 1];
  if (!relative || relative.quote || !['who', 'that'].includes(lower(relative))) return false;
  let k = relative.i + 1;
  while (doc.tokens[k]?.pos === 'ADV') k++;
  if (previous.cue.first !== k) return false;
  const before = doc.tokens[(source.listStart ?? source.head.first) - 1];
  return before !== undefined && !before.quote && before.sentence === relative.sentence && (before.pos === 'VERB' || before.pos === 'ADP');
}
