import { NEGATIVE_EXPRESSION, REASON_NOUNS } from '../lexicon.js';
import { speakerName } from '../phrasing.js';
import type { AnswerType, Ranked } from './answer-type.js';
import { found, itemShowing } from './common.js';
import { set, whNoun } from './clues.js';

/** "why", "how come", "what is the reason". */
export const reason: AnswerType = {
  name: 'why',
  detect: (question) => {
    if (question.wh === 'why') return 0.9;
    if (question.wh === 'how' && question.words[question.coreAt + 1]?.word === 'come') return 0.9;
    return whNoun(question, REASON_NOUNS) ? 0.75 : 0;
  },
  // "why does it matter", "why is it important": they ask for the reason; the rest says for what.
  cueWords: set('reason reasons come matter matters important significant significance'),
  // One fact is asked for: only evidence nearly as good as the best is shown with it.
  relevanceRatio: () => 0.7,
  fit: (unit, question) => {
    const causal = 0.6 + 0.2 * Math.min(2, unit.mentions.reason);
    // "why can't they …" asks what rules it out: evidence that denies something answers it better.
    const negative = NEGATIVE_EXPRESSION.test(question.text.text);
    return negative ? causal * (0.8 + 0.2 * Math.min(2, unit.mentions.negative)) : causal;
  },
  word: (_question, ranked) => {
    const top = ranked[0] as Ranked;
    const who = top.unit.entry ? `${speakerName(top.unit.entry.speaker.person)} gives this reason` : 'The article gives this reason';
    return found(`${who} (¶${top.unit.paragraph}).`, ranked.map((r) => itemShowing(r.unit, [])), top.score);
  },
};
