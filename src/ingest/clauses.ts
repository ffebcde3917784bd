import { ADVERBIAL_STARTS, CONTINUATION_PARTICIPLES, QUOTE_ONLY_VERBS, REPORT_VERBS } from './lexicon.js';
import { isInside, trimRange, words, type QuoteSpan, type Range } from './text.js';

/** Low-level clause geometry for speech: where a speech verb is, where its reported clause runs. */

export interface VerbHit extends Range {
  verb: string;
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');
const alternation = (list: readonly string[]): string => [...list].sort((a, b) => b.length - a.length).map(escape).join('|');
const REPORT_RE = new RegExp(`\\b(?:${alternation(REPORT_VERBS)})\\b`, 'g');
const ANY_RE = new RegExp(`\\b(?:${alternation([...REPORT_VERBS, ...QUOTE_ONLY_VERBS])})\\b`, 'g');
// "was told" is passive; "the confirmed cases", "of stated aims" are adjectives.
const PASSIVE_BEFORE = /\b(?:was|were|been|being|is|are|be|am|to|who|which|the|a|an|of|its|their|his|her|our)\s+$/i;

const INFINITIVE_VERBS = new Set(['promised', 'claimed', 'claims']);

/** Speech verbs in `range` that are narrative (outside quotations) and active ("was told" is not speech). */
export function speechVerbs(text: string, range: Range, spans: readonly QuoteSpan[], quoteVerbs = false): VerbHit[] {
  const re = new RegExp((quoteVerbs ? ANY_RE : REPORT_RE).source, 'g');
  const slice = text.slice(range.start, range.end);
  const hits: VerbHit[] = [];
  for (const match of slice.matchAll(re)) {
    const start = range.start + (match.index ?? 0);
    if (isInside(spans, start)) continue;
    if (PASSIVE_BEFORE.test(text.slice(Math.max(range.start, start - 12), start))) continue;
    // "promised to cap rents", "claimed to be": an infinitive is a commitment or a pose, not a report.
    if (INFINITIVE_VERBS.has(match[0].toLowerCase()) && /^\s+to\s/.test(text.slice(start + match[0].length, range.end))) continue;
    hits.push({ start, end: start + match[0].length, verb: match[0].toLowerCase() });
  }
  return hits;
}

/** After "as", a subject opens a time clause ("as she read out the verdict"). */
const AS_CLAUSE_SUBJECT = /^(?:i|we|you|he|she|they|it|the|a|an|his|her|its|their|our|my)$/;

const TOLD_OBJECTS = new Set(['reporters', 'journalists', 'me', 'us', 'him', 'her', 'them', 'parliament', 'lawmakers', 'colleagues', 'staff', 'delegates', 'investors', 'mps', 'senators', 'supporters']);

/**
 * The reported clause after a speech verb, or null when the verb only attributes (or is followed by
 * a colon, a comma, or just "on Monday"): "said (in an interview) that X", "said X", "told reporters (that) X".
 */
export function clauseAfter(text: string, verb: VerbHit, limit: number, spans: readonly QuoteSpan[]): Range | null {
  const ws = words(text, { start: verb.end, end: limit });
  const first = ws[0];
  if (!first) return null;
  if (/[,:;.—–(]/.test(text.slice(verb.end, first.start))) return null;
  const lower = (i: number): string => (ws[i]?.text ?? '').toLowerCase();
  const told = verb.verb.startsWith('told') || verb.verb.startsWith('tell');
  const thatAt = ws.slice(0, 12).findIndex((w) => w.text === 'that');
  const thatWord = ws[thatAt];
  const cleanUpToThat = thatWord !== undefined && !/[,“”"(]/.test(text.slice(verb.end, thatWord.start));
  let from: number | undefined;
  // "said as she read out the verdict" is narration; "said as many as 40 …" is not.
  const adverbial = (i: number): boolean => ADVERBIAL_STARTS.has(lower(i)) || (lower(i) === 'as' && AS_CLAUSE_SUBJECT.test(lower(i + 1)));
  if (lower(0) === 'that') from = 1;
  else if (thatAt > 0 && cleanUpToThat && (told || adverbial(0))) from = thatAt + 1;
  else if (told) {
    from = toldObjectEnd(ws.map((w) => w.text));
    // "told reporters outside the depot": no clause, only where it was said.
    if (from !== undefined && adverbial(from)) from = undefined;
  }
  else if (!adverbial(0)) from = 0;
  const start = from === undefined ? undefined : ws[from];
  if (!start) return null;
  let clauseStart = start.start;
  if (/[“"]/.test(text[clauseStart - 1] ?? '')) clauseStart--;
  const clause = endClause(text, { start: clauseStart, end: limit }, spans);
  return clause && words(text, clause).length >= 3 ? clause : null;
}

const CLAUSE_OPENERS = new Set(['the', 'a', 'an', 'he', 'she', 'it', 'they', 'we', 'i', 'there', 'this', 'its', 'his', 'her', 'their', 'our', 'no', 'all', 'some', 'most', 'more', 'many']);

/** Where the clause starts after "told": "told reporters …", "told The Associated Press …", "told analysts the …". */
function toldObjectEnd(ws: string[]): number | undefined {
  const w0 = (ws[0] ?? '').toLowerCase();
  if (TOLD_OBJECTS.has(w0)) return 1;
  let k = w0 === 'the' || w0 === 'a' ? 1 : 0;
  const capitalisedFrom = k;
  while (k < ws.length && /^\p{Lu}/u.test(ws[k] ?? '')) k++;
  if (k > capitalisedFrom) return k;
  // One lower-case noun ("analysts", "the meeting") followed by what opens a clause.
  const noun = ws[k] ?? '';
  const next = ws[k + 1] ?? '';
  const nounOk = /^\p{Ll}+$/u.test(noun) && !ADVERBIAL_STARTS.has(noun) && !CLAUSE_OPENERS.has(noun);
  return nounOk && (CLAUSE_OPENERS.has(next.toLowerCase()) || /^\p{Lu}/u.test(next)) ? k + 1 : undefined;
}

const SOURCE_TAIL = /,\s+(?:according to\b[^,]*|(?:the\s+)?(?:\p{Lu}[\p{L}'’.]*\s+)+reported)\s*[.]?$/u;

/** "said X and declined to comment further": what the speaker did next, not part of what they said. */
const DECLINED_TAIL =
  /,?\s+(?:and|but)\s+(?:(?:declined|refused)\s+to\s+(?:comment|elaborate|say|give|discuss|answer|respond|confirm|name|provide)|(?:did|would)\s+not\s+(?:comment|elaborate|say))\b.*$/s;
/**
 * "said Collins had left and thanked him for …": a courtesy verb after a clause about someone else is the
 * speaker's act; after "said it accepted … and apologised" the clause's own subject (the speaker) still acts.
 */
const COURTESY_TAIL = /,?\s+and\s+(?:thanked|praised|wished)\b.*$/s;
const PRONOUN_SUBJECT = /^(?:it|we|i|he|she|they)\b/i;

function speakerActionTail(clause: string): RegExpExecArray | null {
  return DECLINED_TAIL.exec(clause) ?? (PRONOUN_SUBJECT.test(clause) ? null : COURTESY_TAIL.exec(clause));
}

/** Trims a clause: no trailing source ("…, Reuters reported"), no final stop unless it is inside a quotation. */
export function endClause(text: string, range: Range, spans: readonly QuoteSpan[]): Range | null {
  const { start } = trimRange(text, range);
  let { end } = trimRange(text, range);
  const tail = SOURCE_TAIL.exec(text.slice(start, end));
  if (tail) end = start + tail.index;
  const action = speakerActionTail(text.slice(start, end));
  if (action && !isInside(spans, start + action.index)) end = start + action.index;
  while (end > start && /[.;:,\s]/.test(text[end - 1] ?? '') && !isInside(spans, end - 1)) end--;
  return end > start ? { start, end } : null;
}

const CONTINUATION_RE = new RegExp(
  `,?\\s+(?:and|but)\\s+(?:${alternation(REPORT_VERBS)})\\s+that\\s+|,\\s+(?:${alternation(CONTINUATION_PARTICIPLES)})(?:\\s+that)?\\s+`,
  'g',
);

/** Splits "X and stressed that Y" / "X, adding that Y" into the clauses one speaker said. */
export function splitContinuations(text: string, clause: Range, spans: readonly QuoteSpan[]): Range[] {
  const parts: Range[] = [];
  let start = clause.start;
  const slice = text.slice(clause.start, clause.end);
  for (const match of slice.matchAll(new RegExp(CONTINUATION_RE.source, 'g'))) {
    const at = clause.start + (match.index ?? 0);
    if (isInside(spans, at)) continue;
    const part = endClause(text, { start, end: at }, spans);
    if (part) parts.push(part);
    start = at + match[0].length;
  }
  const last = endClause(text, { start, end: clause.end }, spans);
  if (last) parts.push(last);
  return parts;
}

/** ", adding that …" after an attribution that has no clause of its own ("she said, adding that …"). */
export function participleClause(text: string, range: Range, spans: readonly QuoteSpan[]): Range | null {
  const re = new RegExp(`,\\s+(?:${alternation(CONTINUATION_PARTICIPLES)})(?:\\s+that)?\\s+`, 'g');
  for (const match of text.slice(range.start, range.end).matchAll(re)) {
    const at = range.start + (match.index ?? 0);
    if (isInside(spans, at)) continue;
    const start = at + match[0].length;
    const clause = endClause(text, { start, end: range.end }, spans);
    if (clause && words(text, clause).length >= 3) return clause;
  }
  return null;
}
