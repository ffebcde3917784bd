import { WEAK_SPEECH_LEMMAS, type Range } from '../../text/index.js';
import type { Cue } from '../cues.js';
import type { Doc, Sentence, Token } from '../document.js';
import { nameRuns } from '../names.js';
import { isComma, lower } from '../phrases.js';
import { quotedWords } from '../quotations.js';
import type { Maker, SourcePhrase, Statement } from './statement.js';
import { boundaryBefore, firstWordAfter, firstWordIndex, lastTokenOf, tokensRange } from './token-ranges.js';
import { anyDash } from './dashes.js';
import { sourceEnd, sourceStart } from './source-phrase.js';
import { awaitingQuote, dashedQuotationBefore, endsWithColon, previousQuoteOnly, quoteOnlySentence } from './nearby-quotations.js';
import { isAdjunctTail, statesSomething } from './clauses.js';

/** "C, S said" · "“C,” said S, “C.”": what was said around an attribution clause set off from it. */

/** Words that open narration after an attribution ("…, she said, before leaving"), not more of what was said. */
const NARRATION_OPENERS = new Set(['before', 'after', 'as', 'while', 'when', 'during', 'in', 'at', 'on', 'of', 'with', 'without', 'from', 'to', 'for', 'about', 'because', 'since', 'though', 'although', 'until', 'where', 'amid', 'despite', 'by', 'referring', 'noting']);

/**
 * Else the content is around the attribution clause, which must be set off from it ("C, S said" ·
 * "“C,” said S" · "C, as S said, …"), not merely follow it ("After C, S announced.").
 */
export function aroundAttribution(doc: Doc, cue: Cue, source: SourcePhrase, previous: Statement | null, limit: number, sentence: Sentence, after: Range | null, make: Maker): Statement | null {
  let clauseStart = source.inverted ? cue.first : sourceStart(source);
  if (!source.inverted && lower(doc.tokens[clauseStart - 1]) === 'as') clauseStart--;
  // "A chanted “C,” the Ledger reports.": a reporter closing the sentence tells all of it, the quotation before too.
  const quotedBefore = previous?.parts.some((p) => /["“”]/.test(doc.text.slice(p.start, p.end))) === true;
  const floor = previous && !(quotedBefore && closingReporter(doc, cue, source, clauseStart, sentence)) ? Math.max(sentence.first, lastTokenOf(doc, previous) + 1) : sentence.first;
  if (!after) {
    const unmarked = unmarkedName(doc, cue, source, floor);
    if (unmarked) return make([unmarked.content], unmarked.source, null, 'around');
  }
  let mark = clauseStart - 1;
  while (mark >= floor && ['and', 'but', 'so', 'yet'].includes(lower(doc.tokens[mark]))) mark--;
  const setOff = mark < floor || isSetOff(doc.tokens[mark]);
  const tailEnd = attributionTail(doc, source.inverted ? sourceEnd(source) : Math.max(cue.last, sourceEnd(source)), limit);
  // A trailing attribution ends the clause or adds a short adjunct ("…, she said on Tuesday in Brenwick"); a verb with a
  // long object of its own ("…, Tamsin Arkwell remarked upon a story in which …") is no attribution of what came before.
  const shortTail = isAdjunctTail(doc, Math.max(cue.last, source.inverted ? sourceEnd(source) : cue.last) + 1, tailEnd);
  // “C,” S said … — a quotation right before the attribution is its content whatever follows the verb.
  const quoteBefore = doc.tokens[firstWordAfter(doc, floor)]?.quote?.standalone === true;
  const before = setOff && (shortTail || quoteBefore) ? tokensRange(doc, floor, boundaryBefore(doc, clauseStart)) : null;
  const afterFirst = setOff ? tailEnd + 1 : limit + 1;
  // The words around a parenthetical attribution are said together ("The delay, she said, was avoidable").
  const beforePart = before && statesSomething(doc, floor, boundaryBefore(doc, clauseStart)) ? before : before && !after && statesSomething(doc, afterFirst, limit) && continuation(doc, afterFirst, limit) ? before : null;
  if (after) return make(beforePart && quoteBefore ? [beforePart, after] : [after], source, null, beforePart && quoteBefore ? 'around' : 'after');
  // After a quotation only another quotation goes on with it (“A,” she said, “B.”), not narration (“A,” she said, and left).
  const afterPart = setOff ? continuation(doc, tailEnd + 1, limit, beforePart !== null && quoteBefore) : null;
  const parts = [beforePart, afterPart].filter((p): p is Range => p !== null);
  if (parts.length > 0 && !parts.some((p) => /["“”'‘’]/.test(doc.text.slice(p.start, p.end))) && WEAK_SPEECH_LEMMAS.has(cue.lemma)) return null;
  if (parts.length === 0) {
    // “…!” Tamsin Arkwell tweeted. — the quotation ended the sentence before its attribution.
    const quoted = previousQuoteOnly(doc, sentence);
    if (quoted && clauseStart <= firstWordIndex(doc, sentence)) return make(quoted, source, null, 'quote-before');
    // "… - “…,” Tamsin Arkwell said - but …": a quotation set off by a dash right before its attribution.
    const aside = dashedQuotationBefore(doc, clauseStart, floor);
    if (aside) return make([quotedWords(doc.text, aside)], source, null, 'quote-before');
    // "Tamsin Arkwell put it this way:" ends a paragraph; the next one is what she said (filled in by turns.ts).
    if (endsWithColon(doc, sentence)) return awaitingQuote(cue, source, sentence);
    // "Tamsin Arkwell said in a statement. “…”": an attribution that opens its sentence and says nothing, then a
    // sentence that is only a quotation: the quotation is what was said.
    const next = clauseStart <= firstWordIndex(doc, sentence) && shortTail && tailEnd >= sentence.last - 1 ? quoteOnlySentence(doc, sentence.index + 1, sentence.paragraph) : null;
    if (next) return make(next, source, null, 'colon');
  }
  return parts.length > 0 ? make(parts, source, null, 'around') : null;
}

/**
 * "…, he is also the ablest candidate Arkwell argues." — a name and its verb close the sentence after a clause of
 * their own, with the comma left out: the name alone is the source, and the clause before it what was said.
 */
function unmarkedName(doc: Doc, cue: Cue, source: SourcePhrase, floor: number): { content: Range; source: SourcePhrase } | null {
  if (source.inverted || source.appositions.length > 0 || cue.kind !== 'verb') return null;
  for (let k = cue.last + 1; k <= cue.sentence.last; k++) if (doc.tokens[k]?.pos !== 'PUNCT' || doc.tokens[k]?.quote) return null;
  const run = nameRuns(doc, source.head.first, source.head.last).at(-1);
  if (!run || run.last !== source.head.last || run.kind !== 'person' || run.possessive || cue.first !== run.last + 1) return null;
  const before = doc.tokens[run.first - 1];
  if (!before || run.first - 1 < floor || before.quote || !/^\p{Ll}/u.test(before.text) || before.pos !== 'NOUN') return null;
  const content = tokensRange(doc, floor, run.first - 1);
  if (!content || !statesSomething(doc, floor, run.first - 1)) return null;
  return { content, source: { head: { first: run.first, last: run.last }, appositions: [], inverted: false } };
}

/** A comma, a closing quotation mark, a colon or a dash sets an attribution off from its content. */
function isSetOff(t: Token | undefined): boolean {
  if (!t) return true;
  if (t.quote) return t.end === t.quote.outer.end;
  return [',', ':', '—', '–', '-', '(', ';'].includes(t.text);
}

/**
 * The attribution clause's own words after the verb, up to the next comma ("said on Tuesday in Brenwick"). A dash
 * and a noun phrase end them too: "…, she said on Tuesday — a reversal of …" sets off a remark on what was said.
 */
function attributionTail(doc: Doc, from: number, limit: number): number {
  let k = from;
  while (k + 1 <= limit && !isComma(doc.tokens[k + 1]) && !doc.tokens[k + 1]?.quote && doc.tokens[k + 1]?.text !== ':' && !remarkDash(doc, k + 1)) k++;
  return k;
}

/** A dash at `k` that opens a noun phrase ("— a reversal of …", "-- an apparent shift"), not a clause ("- but they …"). */
function remarkDash(doc: Doc, k: number): boolean {
  if (!anyDash(doc, k)) return false;
  const next = doc.tokens[doc.tokens[k + 1]?.text === '-' ? k + 2 : k + 1];
  return next !== undefined && !next.quote && next.pos === 'DET' && ['a', 'an', 'the', 'another'].includes(lower(next));
}

/**
 * After an attribution set in the middle of a sentence, the statement goes on: "It is no surprise, she said,
 * that …", "“A,” she said, “B.”". Narration ("…, she said, before leaving") does not.
 */
function continuation(doc: Doc, from: number, limit: number, quotedOnly = false): Range | null {
  let k = from;
  while (k <= limit && (isComma(doc.tokens[k]) || doc.tokens[k]?.text === ':')) k++;
  const t = doc.tokens[k];
  if (!t || k > limit) return null;
  if (t.quote) return tokensRange(doc, k, limit);
  if (quotedOnly) return null;
  if (NARRATION_OPENERS.has(lower(t)) || t.pos === 'ADP' || t.pos === 'SCONJ' && lower(t) !== 'that' || (t.pos === 'VERB' && /ing$/.test(lower(t))) || t.pos === 'PUNCT') return null;
  if (limit - k < 2) return null;
  return tokensRange(doc, lower(t) === 'that' ? k + 1 : k, limit);
}

/** "…, the Ledger reports.": a name set off by a comma, then "reports" (news telling news), then the sentence's end. */
function closingReporter(doc: Doc, cue: Cue, source: SourcePhrase, clauseStart: number, sentence: Sentence): boolean {
  const comma = doc.tokens[clauseStart - 1];
  const end = doc.tokens[cue.last + 1];
  const named = doc.tokens[source.head.last]?.pos === 'PROPN';
  return !source.inverted && named && cue.kind === 'verb' && cue.lemma === 'report' && comma?.text === ',' && !comma.quote && cue.last + 1 >= sentence.last && (end === undefined || end.text === '.');
}
