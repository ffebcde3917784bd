import type { Doc } from '../document.js';
import { nameRuns } from '../names.js';
import { commaSegments, isDescription, lower, phraseEndingAt, type Span } from '../phrases.js';
import type { SourcePhrase } from './statement.js';
import { SETTING_PREPOSITIONS } from './between-subject-and-verb.js';
import { ADJUNCT_PREPOSITIONS } from './clauses.js';

/**
 * "S, a former adviser, one of the founders, said": the head of a subject whose appositions stand before its verb.
 */

/**
 * "Tamsin Arkwell, a former adviser, one of the founders, said": a comma right before the verb closes an apposition;
 * the segments before it that describe someone belong to the head phrase before them.
 */
export function appositionChain(doc: Doc, floor: number, last: number): SourcePhrase | null {
  const segments = joinRelativeClause(doc, commaSegments(doc, floor, last));
  const n = segments.length - 1;
  // The chain: the segments before the verb that describe someone (a name is such a segment too).
  let start = n;
  while (start >= 0 && segments[start] && (isDescription(doc, segments[start] as Span) || isAdjunctSegment(doc, segments[start] as Span))) start--;
  // "But Tamsin Arkwell, a planner, said": a conjunction opening the clause is no part of the chain's first segment.
  const opening = segments[0];
  if (start === 0 && opening && opening.last > opening.first && doc.tokens[opening.first]?.pos === 'CCONJ' && isDescription(doc, { first: opening.first + 1, last: opening.last })) {
    segments[0] = { first: opening.first + 1, last: opening.last };
    start = -1;
  }
  // "…, after winning the primary, Gov. Tamsin Arkwell (R-OH), said": a name right after an adverbial is the subject.
  const lastSeg = segments[n];
  const beforeLast = segments[n - 1];
  if (lastSeg && beforeLast && isAdjunctSegment(doc, beforeLast) && SETTING_PREPOSITIONS.has(lower(doc.tokens[beforeLast.first]))) {
    const head = phraseEndingAt(doc, lastSeg.last, lastSeg.first);
    const named = head && head.first === lastSeg.first && nameRuns(doc, head.first, head.last).some((r) => r.kind === 'person' && (r.words.length >= 2 || r.title !== ''));
    if (head && named) return { head, appositions: [], inverted: false };
  }
  // The head is the chain's first segment that can name someone ("Tamsin Arkwell, 69, a former adviser, said").
  for (let h = start + 1; h < n; h++) {
    const seg = segments[h] as Span;
    // "On the radio, his wife, Mira, said": an opening where or when is no head.
    if (isAdjunctSegment(doc, seg)) continue;
    const head = phraseEndingAt(doc, seg.last, seg.first);
    if (head && !describesOnly(doc, seg, head)) return { head, appositions: segments.slice(h + 1, n + 1), inverted: false };
  }
  // Else the segment before the chain ends with the head: "In a statement the senator, a former mayor, said".
  const before = segments[start];
  if (before && start < n) {
    const head = phraseEndingAt(doc, before.last, before.first);
    if (head) return { head, appositions: segments.slice(start + 1, n + 1), inverted: false };
  }
  return null;
}

/**
 * "Tamsin Arkwell, whose town, Brenwick, is expected to flood, argues": a relative clause set off before the verb runs
 * to the comma before it, commas of its own included; its segments are joined into one.
 */
function joinRelativeClause(doc: Doc, segments: Span[]): Span[] {
  const opens = segments.findIndex((seg, n) => n > 0 && ['who', 'whose', 'which'].includes(lower(doc.tokens[seg.first])) && !doc.tokens[seg.first]?.quote);
  const lastSeg = segments.at(-1);
  const opening = segments[opens];
  if (opens < 0 || opens === segments.length - 1 || !opening || !lastSeg) return segments;
  return [...segments.slice(0, opens), { first: opening.first, last: lastSeg.last }];
}

/** "in Brenwick", "on Tuesday", "at a rally in May": where or when, set off between a subject and its verb. */
function isAdjunctSegment(doc: Doc, seg: Span): boolean {
  const first = doc.tokens[seg.first];
  if (!first || first.pos !== 'ADP' || !ADJUNCT_PREPOSITIONS.has(lower(first)) || seg.last - seg.first > 8) return false;
  for (let k = seg.first + 1; k <= seg.last; k++) {
    const t = doc.tokens[k];
    if (!t || t.quote || t.pos === 'AUX' || t.pos === 'SCONJ' || (t.pos === 'VERB' && !/(?:ing|ed)$/.test(lower(t)))) return false;
  }
  return true;
}

/** A segment that is only a description ("who …", an age) cannot be the head phrase. */
function describesOnly(doc: Doc, seg: Span, head: Span): boolean {
  const first = doc.tokens[seg.first];
  if (!first) return true;
  if (['who', 'which', 'whose'].includes(lower(first))) return true;
  return seg.first === seg.last && first.pos === 'NUM' && head.first === head.last;
}
