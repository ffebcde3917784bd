import { quoteItem } from '../knowledge.js';
import { describe, plural, speakerName } from '../phrasing.js';
import type { AnswerType } from './answer-type.js';
import { found, notFound } from './common.js';
import { meaningfulWords, set } from './clues.js';

/** Words that ask for the people in the article rather than for anything they said. */
const PEOPLE = set('people persons speakers speaker quoted cited interviewed featured officials everyone everybody names jobs roles titles positions who');
const ROLES = set('jobs roles titles positions job role title position');
const ALLOWED = set('list name show give all every each else many how spoke speak speaks speaking talked talking quote quotes quoted commented comment say said says their they them whole mentioned mention named');

/** "who is quoted?", "who are the people in this article and what are their jobs?", "how many speakers?" */
export const listSpeakers: AnswerType = {
  name: 'list-speakers',
  detect: (question) => {
    const list = meaningfulWords(question);
    if (list.length === 0) return question.wh === 'who' ? 0.5 : 0;
    const onlyPeople = list.every((w) => PEOPLE.has(w) || ALLOWED.has(w)) && (list.some((w) => PEOPLE.has(w) && w !== 'who') || question.wh === 'who');
    return onlyPeople && question.slot.length === 0 ? 0.95 : 0;
  },
  direct: (question, scope) => {
    const speakers = scope.speakerEntries();
    if (speakers.length === 0) return notFound(scope, 'The article quotes no one by name.');
    const items = speakers.flatMap((p) => (p.quotes[0] ? [quoteItem(p.quotes[0])] : []));
    // Roles are for who asks for them; otherwise each appears once, with the speaker's quote.
    const withRoles = meaningfulWords(question.text).some((w) => ROLES.has(w));
    const list = speakers.map((p) => (withRoles ? `${describe(p)}: ${p.quotes.length}` : `${speakerName(p.person)} ${p.quotes.length}`)).join(withRoles ? '; ' : ', ');
    return found(`${speakers.length} ${plural(speakers.length, 'speaker')} quoted — ${list}.`, items, 1);
  },
  word: (question, _ranked, scope) => listSpeakers.direct?.(question, scope) ?? notFound(scope, ''),
};
