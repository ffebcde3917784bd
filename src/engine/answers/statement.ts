import { unitItem } from '../evidence.js';
import { describe, joinNames, plural, speakerLine, speakerName, unique } from '../phrasing.js';
import type { AnswerType, Ranked } from './answer-type.js';
import { found, matchedSubject, namesOf, speakersOf } from './common.js';

/** "what did X say (about Y)?", "did X say anything about Y?", "X's take on Y", "quotes from X". */
export const statement: AnswerType = {
  name: 'what-did-say',
  detect: (question) => (question.slot.length > 0 ? (question.softSlot ? 0.5 : 0.85) : 0),
  fit: (unit) => (unit.entry ? 1 : 0.5),
  quotesFirst: true,
  word: (question, ranked, scope) => {
    const speakers = speakersOf(ranked);
    const constraint = question.speaker?.status === 'resolved' ? question.speaker : null;
    const top = ranked[0] as Ranked;
    const items = ranked.map((r) => unitItem(r.unit));
    if (question.content.length === 0) {
      const asked = constraint?.people.filter((p) => p.quotes.length > 0) ?? speakers;
      const summary = constraint?.ambiguous
        ? `That could mean ${joinNames(asked.map(describe), 'or')}; here is what each said.`
        : asked.length > 1
          ? `Here is what ${joinNames(asked.map((p) => speakerName(p.person)), 'and')} said.`
          : asked[0]
            ? speakerLine(asked[0], (id) => scope.topicLabel(id))
            : 'Here is what was said.';
      return found(summary, items, top.score);
    }
    const quotes = ranked.filter((r) => r.unit.entry);
    const who = speakers.length > 0 ? namesOf(unique(speakers)) : (constraint?.people.map((p) => speakerName(p.person)).join(' and ') ?? 'The article');
    const subject = matchedSubject(question, ranked, scope);
    const summary = `What ${who} said${subject ? ` about ${subject}` : ''}: ${quotes.length} ${plural(quotes.length, 'quote')}${quotes.length < ranked.length ? ' and what the article reports' : ''}.`;
    return found(summary, items, top.score);
  },
};
