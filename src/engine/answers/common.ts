import type { AnswerItem } from '../answer-types.js';
import { contextItem, inside, unitItem, type EvidenceUnit, type Span } from '../evidence.js';
import type { PersonEntry } from '../knowledge.js';
import { describe, joinNames, unique } from '../phrasing.js';
import type { Ranked, Reply, Scope } from './answer-type.js';

/** A found answer. */
export function found(summary: string, items: AnswerItem[], confidence: number): Reply {
  return { found: true, summary, items, suggestions: [], confidence };
}

/** An honest "the article doesn't say", with questions it can answer. */
export function notFound(scope: Scope, summary: string, extra: string[] = [], items: AnswerItem[] = []): Reply {
  return { found: false, summary, items, suggestions: unique([...extra, ...scope.suggestions()]).slice(0, 6), confidence: 0 };
}

/** The speakers of the ranked quotes, best first. */
export function speakersOf(ranked: readonly Ranked[]): PersonEntry[] {
  return unique(ranked.flatMap((r) => (r.unit.entry ? [r.unit.entry.speaker] : [])));
}

export function namesOf(people: PersonEntry[], conjunction: 'and' | 'or' = 'and'): string {
  return joinNames(people.map(describe), conjunction);
}

/**
 * The unit as the item that shows what was asked: the quote itself when the mention (a date, a
 * place, an amount) is in its words, else its whole sentence, attribution included.
 */
export function itemShowing(unit: EvidenceUnit, spans: readonly Span[]): AnswerItem {
  if (!unit.entry || spans.length === 0 || spans.some((s) => inside(unit, s))) return unitItem(unit);
  // The sentence may be longer than its paragraph allows when a quote spans sentences; the quote then stands alone.
  if (unit.context.start === unit.start && unit.context.end === unit.end) return unitItem(unit);
  return contextItem(unit);
}

/** The first of the spans inside the unit, else in its context. */
export function firstSpan(unit: EvidenceUnit, spans: readonly Span[]): Span | undefined {
  return spans.find((s) => inside(unit, s)) ?? spans[0];
}

/** How well a unit carries a kind of mention (a date, an amount): in its own words, in its attribution, or not at all. */
export function mentionFit(unit: EvidenceUnit, spans: readonly Span[]): number {
  if (spans.some((s) => inside(unit, s))) return 1;
  return spans.length > 0 ? 0.9 : 0.3;
}
