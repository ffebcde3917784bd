import type { EvidenceUnit, Span } from '../evidence.js';
import { TIME_NOUNS } from '../lexicon.js';
import { capitalise, speakerName } from '../phrasing.js';
import type { AnswerType, Ranked, Reply, Scope, Understood } from './answer-type.js';
import { firstSpan, found, itemShowing, mentionFit, notFound } from './common.js';
import { set, whNoun, wordAfterWh } from './clues.js';
import { sourceReply } from './article-source.js';

/** How sure an answer to a "when" is whose best evidence gives no date, next to its evidence score. */
const UNDATED_CONFIDENCE = 0.5;

/** "when", "until when", "what date", "how long", "how soon". */
export const time: AnswerType = {
  name: 'when',
  detect: (question) => {
    if (question.wh === 'when') return 0.9;
    if (question.wh === 'how' && ['long', 'soon'].includes(wordAfterWh(question))) return 0.85;
    return whNoun(question, TIME_NOUNS) ? 0.85 : 0;
  },
  cueWords: set('date dates day time year month exactly long soon'),
  narrationWeight: 1,
  // One fact is asked for: only evidence nearly as good as the best is shown with it.
  relevanceRatio: () => 0.7,
  fit: (unit) => mentionFit(unit, unit.mentions.times),
  word: (question, ranked) => wordTimes(ranked, asksWhenSaid(question)),
};

/** "When did X talk to reporters?" asks when X spoke: the date in the attribution, not one inside the quote. */
function asksWhenSaid(question: Understood): boolean {
  return question.speaker?.status === 'resolved' && question.text.speechAt >= 0;
}

function wordTimes(ranked: readonly Ranked[], attribution: boolean): Reply {
  const dated = ranked.filter((r) => r.unit.mentions.times.length > 0);
  if (dated.length === 0) {
    const first = ranked[0] as Ranked;
    // Only half an answer to a "when": another article that gives the date is preferred, and not joined by this one.
    return found(`The article gives no date for that; the closest it says is in ¶${first.unit.paragraph}.`, ranked.map((r) => itemShowing(r.unit, [])), first.score * UNDATED_CONFIDENCE);
  }
  const top = dated[0] as Ranked;
  const items = dated.map((r) => itemShowing(r.unit, spansOf(r, attribution)));
  return found(`${capitalise(timeText(top.unit, spansOf(top, attribution)))}: ${lead(top.unit)} (¶${top.unit.paragraph}).`, items, top.score);
}

/** A unit's times outside the quote itself (in its attribution) … */
function outside(r: Ranked): Span[] {
  return r.unit.mentions.times.filter((s) => s.start < r.unit.start || s.end > r.unit.end);
}

/** … are what a question about when something was said shows, when there are any. */
function spansOf(r: Ranked, attribution: boolean): readonly Span[] {
  return attribution && r.unit.entry && outside(r).length > 0 ? outside(r) : r.unit.mentions.times;
}

function timeText(unit: EvidenceUnit, spans: readonly Span[]): string {
  const span = firstSpan(unit, spans);
  return span ? unit.article.text.slice(span.start, span.end) : '';
}

function lead(unit: EvidenceUnit): string {
  return unit.entry ? speakerName(unit.entry.speaker.person) : `the article (${unit.article.source})`;
}

/** "When was this published?": the article's own date. */
export function articleDate(scope: Scope): Reply {
  const dated = scope.knowledge.articles.filter((a) => a.date);
  if (dated.length === 0) return notFound(scope, 'The article does not give its date.');
  return { ...sourceReply(scope), summary: dated.map((a) => `“${a.title}” is dated ${a.date} (${a.source}; no year is given).`).join(' ') };
}
