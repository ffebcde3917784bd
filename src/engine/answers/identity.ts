import { narrationItem, quoteItem, type PersonEntry } from '../knowledge.js';
import { asTyped, describe, identityLine, joinNames, speakerName, surname } from '../phrasing.js';
import type { QuestionText, QuestionWord } from '../question.js';
import { resolveSpeaker } from '../understand.js';
import type { AnswerType, Reply, Scope } from './answer-type.js';
import { articleSource, sourceReply } from './article-source.js';
import { found, notFound } from './common.js';
import { set } from './clues.js';

const COPULA = set('is was are were s');
const ROLE_NOUNS = set('role job position title function occupation post work');
const TELL_ABOUT = set('tell information describe background profile');

/** The words naming whom the question asks about: "who is [X]", "what is [X]'s job", "what does [X] do", "tell me about [X]". */
export function identitySubject(question: QuestionText): QuestionWord[] | null {
  const list = question.words;
  const at = question.coreAt;
  if (question.wh === 'who' && COPULA.has(list[at + 1]?.word ?? '')) return strip(list.slice(at + 2));
  // "(can you tell me) who the press secretary is"
  if (question.wh === 'who' && COPULA.has(list[list.length - 1]?.word ?? '') && list.length - at > 2) return strip(list.slice(at + 1, -1));
  if ((question.wh === 'what' || question.wh === 'which') && ROLE_NOUNS.has(list[list.length - 1]?.word ?? '')) {
    const from = COPULA.has(list[at + 1]?.word ?? '') ? at + 2 : at + 1;
    return strip(list.slice(from, -1));
  }
  if (question.wh === 'what' && ['does', 'did'].includes(list[at + 1]?.word ?? '') && ['do'].includes(list[list.length - 1]?.word ?? '')) return strip(list.slice(at + 2, -1));
  const tell = list.findIndex((w) => TELL_ABOUT.has(w.word));
  const about = list.findIndex((w, i) => i > tell && (w.word === 'about' || w.word === 'on'));
  if (tell >= 0 && about > tell) return strip(list.slice(about + 1));
  return null;
}

/** Articles and honorifics are not part of whom a question asks about, unless they are all it says. */
function strip(ws: QuestionWord[]): QuestionWord[] {
  return ws.filter((w) => !['the', 'a', 'an', 'mr', 'mrs', 'ms'].includes(w.word) || ws.length === 1);
}

/** "who is Okoye?", "what is Okoye's role?", "who is the council's treasurer?" Unknown names are restated as the asker typed them. */
export const identity: AnswerType = {
  name: 'who-is',
  detect: (question, scope) => {
    const subject = identitySubject(question);
    if (!subject || subject.length === 0 || !scope) return 0;
    const speaker = resolveSpeaker(subject, scope);
    if (speaker?.status === 'resolved') return 0.9;
    // "tell me about the phone call" is about a subject, not a person: the evidence answers it.
    const tellAbout = !(question.wh === 'who' || question.wh === 'what');
    return tellAbout ? 0 : 0.7;
  },
  direct: (question, scope) => {
    const subject = identitySubject(question.text) ?? [];
    const folded = subject.map((w) => w.word).join(' ');
    if (scope.knowledge.sources.has(folded)) return sourceReply(scope);
    const typed = asTyped(question.text.text, subject);
    const speaker = resolveSpeaker(subject, scope);
    if (!speaker || speaker.status === 'unknown') return unknownPerson(scope, typed);
    if (speaker.status === 'unsure') return didYouMean(scope, typed, speaker.candidates);
    const text = scope.knowledge.articles[0]?.text ?? '';
    const items = speaker.people.flatMap((p) => [...introduction(p), ...p.quotes.map(quoteItem)]);
    const summary = speaker.ambiguous ? `That could be ${joinNames(speaker.people.map(describe), 'or')}.` : speaker.people.map((p) => identityLine(p, text)).join(' ');
    return found(summary, items, 1);
  },
  word: (question, _ranked, scope) => identity.direct?.(question, scope) ?? articleSource.word(question, [], scope),
};

function introduction(person: PersonEntry) {
  const intro = person.person.introduction;
  if (!intro) return [];
  const at = person.mentions.find((m) => m.start <= intro.start && intro.end <= m.end);
  return at ? [{ ...narrationItem(at.article, at.paragraph, intro.start, intro.end), introduction: true as const }] : [];
}

export function unknownPerson(scope: Scope, typed: string): Reply {
  const quoted = scope.speakerEntries().map((p) => speakerName(p.person));
  return notFound(scope, `The article doesn't mention ${typed}.${quoted.length ? ` People quoted: ${quoted.slice(0, 8).join(', ')}${quoted.length > 8 ? ', …' : ''}.` : ''}`);
}

export function didYouMean(scope: Scope, typed: string, candidates: readonly PersonEntry[]): Reply {
  return notFound(
    scope,
    `The article doesn't name anyone as ${typed}. Did you mean ${joinNames(candidates.map(describe), 'or')}?`,
    candidates.map((p) => `who is ${surname(p)}?`),
  );
}
