import type { AnswerItem } from '../answer-types.js';
import { contextItem, inside, unitItem, type EvidenceUnit, type Span } from '../evidence.js';
import type { PersonEntry } from '../knowledge.js';
import { joinNames, lowerFirst, speakerName, unique } from '../phrasing.js';
import type { Ranked, Reply, Scope, Understood } from './answer-type.js';

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
  // A loop: a few units, so a list search is quicker than a set, and no list per unit is made.
  const speakers: PersonEntry[] = [];
  for (const r of ranked) {
    const entry = r.unit.entry;
    if (entry && !speakers.includes(entry.speaker)) speakers.push(entry.speaker);
  }
  return speakers;
}

/** Names only: a reply gives each speaker's role once, with their first quote. */
export function namesOf(people: PersonEntry[], conjunction: 'and' | 'or' = 'and'): string {
  return joinNames(people.map((p) => speakerName(p.person)), conjunction);
}

/** Words that may stand between the first and last matched word of a phrase the answer repeats. */
const MAX_PHRASE_WORDS = 5;

/**
 * What the evidence is about, in the article's own terms rather than the asker's words: the topic
 * the question names or the best evidence is filed under (its label), else the words of the best
 * evidence the question matched. Undefined when neither says anything.
 */
export function matchedSubject(question: Understood, ranked: readonly Ranked[], scope: Scope): string | undefined {
  const top = ranked[0];
  if (!top) return undefined;
  const stems = new Set(question.content.filter((c) => !c.person && !c.topic && !c.bonus).map((c) => c.stem));
  const topic = question.content.find((c) => c.topic)?.topic ?? topicMatched(ranked.slice(0, 3), stems, scope);
  if (topic) return lowerFirst(scope.topicLabel(topic), top.unit.article.text);
  if (question.about.length > 0) return joinNames(question.about.map((p) => speakerName(p.person)), 'and');
  const matched = top.unit.tokens.filter((t) => stems.has(t.stem));
  const first = matched[0];
  const last = matched[matched.length - 1];
  if (!first || !last) return undefined;
  const span = top.unit.tokens.indexOf(last) - top.unit.tokens.indexOf(first) < MAX_PHRASE_WORDS ? last : first;
  return top.unit.article.text.slice(first.start, span.end);
}

/** The evidence's topic whose label or keywords share most of the question's stems (none when none shares any). */
function topicMatched(ranked: readonly Ranked[], stems: ReadonlySet<string>, scope: Scope): string | undefined {
  let best: string | undefined;
  let bestShared = 0;
  for (const id of unique(ranked.flatMap((r) => r.unit.topics))) {
    if (!scope.knowledge.topics.has(id)) continue;
    // The index read each topic's label and keywords once, when the scope was built.
    const own = scope.index.topicStems(id);
    const shared = [...stems].filter((s) => own.has(s)).length;
    if (shared > bestShared) [best, bestShared] = [id, shared];
  }
  return best;
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

/**
 * How well a unit carries a kind of mention (a date, an amount): in its own words, in its attribution,
 * or not at all. A preference among evidence that matches the question alike, never above the match
 * itself: a sentence saying what was asked without a date outranks one that has a date and says
 * little of it (the answer then says no date is given and shows the sentence).
 */
export function mentionFit(unit: EvidenceUnit, spans: readonly Span[]): number {
  if (spans.some((s) => inside(unit, s))) return 1;
  return spans.length > 0 ? 0.95 : 0.85;
}
