import { unitItem } from '../evidence.js';
import { capitalise, paragraphList, speakerName } from '../phrasing.js';
import type { AnswerType, Ranked, Understood } from './answer-type.js';
import { found, matchedSubject, namesOf, speakersOf } from './common.js';
import { set } from './clues.js';
import { SPEECH_WORDS } from '../lexicon.js';

const PERSON_NOUNS = set('person people official officials speaker speakers one ones politician politicians leader leaders diplomat diplomats expert experts');
const SOMEONE = set('anyone anybody someone somebody');

/** "who said …?", "who spoke about …?", "who questioned …?", "did anyone warn about …?" */
export const speaker: AnswerType = {
  name: 'who-said',
  detect: (question) => {
    const at = question.coreAt;
    const next = question.words[at + 1]?.word ?? '';
    if (question.wh === 'who' && !['is', 'was', 'are', 'were', 's'].includes(next)) return next === 'said' || next === 'says' ? 0.88 : 0.8;
    if (question.wh === 'which' && PERSON_NOUNS.has(next)) return 0.8;
    if (question.yesNo && question.words.slice(at, at + 4).some((w) => SOMEONE.has(w.word))) return 0.8;
    return 0;
  },
  narrationWeight: 0.6,
  // "who said <these words>" asks for one statement; "who spoke about X" for everyone on X.
  relevanceRatio: (question) => (asksForWords(question) ? 0.85 : 0.6),
  quotesFirst: true,
  word: (question, ranked, scope) => {
    const top = ranked[0] as Ranked;
    const items = ranked.map((r) => unitItem(r.unit));
    const quoteFirst = top.unit.entry;
    if (!quoteFirst) {
      const said = ranked.filter((r) => !r.unit.entry).map((r) => r.unit.paragraph);
      return found(`No one is quoted saying that; the article (${top.unit.article.source}) states it in ${paragraphList(said)}.`, items, top.score);
    }
    if (question.text.quoted !== '' || ['said', 'says'].includes(question.text.words[question.text.coreAt + 1]?.word ?? '')) {
      const via = quoteFirst.reportedBy ? `, as reported by ${speakerName(quoteFirst.reportedBy.person)}` : '';
      return found(`${capitalise(speakerName(quoteFirst.speaker.person))} said that${via}.`, items, top.score);
    }
    const verb = question.text.words[question.text.coreAt + 1]?.word ?? '';
    const subject = SPEECH_WORDS.has(verb) ? matchedSubject(question, ranked, scope) : undefined;
    if (subject) return found(`${namesOf(speakersOf(ranked))} spoke about ${subject}.`, items, top.score);
    return found(`${namesOf(speakersOf(ranked))} — ${paragraphList(ranked.map((r) => r.unit.paragraph))}.`, items, top.score);
  },
};

/** "who said …", "who mentioned X" or a quoted phrase: the asker has the words themselves in mind. */
function asksForWords(question: Understood): boolean {
  const verb = question.text.words[question.text.coreAt + 1]?.word ?? '';
  return question.text.quoted !== '' || WORD_VERBS.has(verb);
}

const WORD_VERBS = set('said says mentioned mentions named names used uses');
