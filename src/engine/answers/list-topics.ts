import { quoteItem } from '../knowledge.js';
import { speakerName } from '../phrasing.js';
import type { AnswerType } from './answer-type.js';
import { found, notFound } from './common.js';
import { onlyWords, set } from './clues.js';

const TOPIC_WORDS = set('topic topics subject subjects theme themes issues');
const ALLOWED = set('main key different cover covers covered discuss discusses discussed list show name all');

/** "what topics does it cover?" */
export const listTopics: AnswerType = {
  name: 'list-topics',
  detect: (question) => (onlyWords(question, ALLOWED, TOPIC_WORDS) ? 0.95 : 0),
  direct: (_question, scope) => {
    const topics = [...scope.knowledge.topics.values()].filter((t) => t.quotes.length > 0).sort((a, b) => b.quotes.length - a.quotes.length);
    if (topics.length === 0) return notFound(scope, 'The article has no topics with quotes.');
    const summary = `The article covers: ${topics.map((t) => `${t.topic.label} (${[...new Set(t.quotes.map((q) => speakerName(q.speaker.person)))].join(', ')})`).join('; ')}.`;
    return found(summary, topics.flatMap((t) => (t.quotes[0] ? [quoteItem(t.quotes[0])] : [])), 1);
  },
  word: (question, _ranked, scope) => listTopics.direct?.(question, scope) ?? notFound(scope, ''),
};
