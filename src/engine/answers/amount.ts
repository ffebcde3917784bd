import type { EvidenceUnit } from '../evidence.js';
import { AMOUNT_NOUNS } from '../lexicon.js';
import type { AnswerType, Ranked } from './answer-type.js';
import { firstSpan, found, itemShowing, mentionFit } from './common.js';
import { set, whNoun, wordAfterWh } from './clues.js';

/** "how much", "how many", "what percentage", "what is the cost". */
export const amount: AnswerType = {
  name: 'how-much',
  detect: (question) => {
    if (question.wh === 'how' && ['much', 'many'].includes(wordAfterWh(question))) return 0.9;
    return whNoun(question, AMOUNT_NOUNS) ? 0.75 : 0;
  },
  cueWords: set('much many amount number'),
  narrationWeight: 1,
  // One fact is asked for: only evidence nearly as good as the best is shown with it.
  relevanceRatio: () => 0.7,
  fit: (unit) => mentionFit(unit, unit.mentions.amounts),
  word: (_question, ranked) => {
    const counted = ranked.filter((r) => r.unit.mentions.amounts.length > 0);
    const shown = counted.length > 0 ? counted : ranked;
    const top = shown[0] as Ranked;
    const figure = amountText(top.unit);
    const summary = figure ? `${figure} (¶${top.unit.paragraph}).` : `The article gives no figure for that; the closest it says is in ¶${top.unit.paragraph}.`;
    return found(summary, shown.map((r) => itemShowing(r.unit, r.unit.mentions.amounts)), top.score);
  },
};

function amountText(unit: EvidenceUnit): string {
  const span = firstSpan(unit, unit.mentions.amounts);
  return span ? unit.article.text.slice(span.start, span.end) : '';
}
