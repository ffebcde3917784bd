import { unitItem } from '../evidence.js';
import { paragraphList, speakerName, unique } from '../phrasing.js';
import type { AnswerType, Ranked } from './answer-type.js';
import { found, matchedSubject } from './common.js';

/** Anything else ("is there any talk about the border?", "tell me about the vote", a few keywords): the best evidence on it. */
export const mention: AnswerType = {
  name: 'passage-search',
  detect: () => 0.3,
  narrationWeight: 0.9,
  word: (question, ranked, scope) => {
    const top = ranked[0] as Ranked;
    const items = ranked.map((r) => unitItem(r.unit));
    const speakers = unique(ranked.flatMap((r) => (r.unit.entry ? [speakerName(r.unit.entry.speaker.person)] : [])));
    const who = speakers.length > 0 ? ` (${speakers.join(', ')})` : '';
    const subject = matchedSubject(question, ranked, scope);
    const about = subject ? `on ${subject}` : 'on that';
    return found(`The article speaks ${about} in ${paragraphList(ranked.map((r) => r.unit.paragraph))}${who}.`, items, top.score);
  },
};
