import type { EvidenceUnit } from '../evidence.js';
import { PLACE_NOUNS } from '../lexicon.js';
import { speakerName } from '../phrasing.js';
import type { AnswerType, Ranked } from './answer-type.js';
import { stem } from '../../text/stem.js';
import { found, itemShowing } from './common.js';
import { set, whNoun } from './clues.js';

const CUES = set('place places location locations where');
const CUE_STEMS = [...CUES].map(stem);

/** "where", "which country", "in what city". */
export const place: AnswerType = {
  name: 'where',
  detect: (question) => {
    if (question.wh === 'where') return 0.85;
    if (whNoun(question, PLACE_NOUNS)) return 0.8;
    const first = question.words[question.coreAt]?.word;
    return first === 'in' && ['which', 'what'].includes(question.words[question.coreAt + 1]?.word ?? '') ? 0.6 : 0;
  },
  cueWords: CUES,
  whWeight: 0.3,
  // One fact is asked for: only evidence nearly as good as the best is shown with it.
  relevanceRatio: () => 0.7,
  fit: (unit, _question, scope) => (scope.index.topicSays(unit, CUE_STEMS) ? 1 : placeFit(unit)),
  word: (_question, ranked, scope) => {
    const top = ranked[0] as Ranked;
    const placed = ranked.filter((r) => placeFit(r.unit) >= 0.8 || scope.index.topicSays(r.unit, CUE_STEMS));
    const shown = placed.length > 0 ? placed : ranked;
    const items = shown.map((r) => itemShowing(r.unit, r.unit.mentions.places));
    const who = top.unit.entry ? `${speakerName(top.unit.entry.speaker.person)} speaks to where` : 'The article says where';
    return found(`${who} (¶${top.unit.paragraph}).`, items, top.score);
  },
};

/** A place named after "in", "at", "from" … in the unit (best), in its attribution, or nowhere. */
function placeFit(unit: EvidenceUnit): number {
  if (unit.mentions.places.some((s) => s.start >= unit.start && s.end <= unit.end)) return 0.85;
  if (unit.mentions.places.length > 0) return 0.75;
  // A name that is no one's (a country, a city) still says where.
  const named = unit.tokens.some((t, i) => i > 0 && t.capital && !unit.mentions.people.size);
  return named ? 0.65 : 0.45;
}
