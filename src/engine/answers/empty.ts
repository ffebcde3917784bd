import type { AnswerType } from './answer-type.js';
import { notFound } from './common.js';

/** Nothing asked: only greetings, punctuation or spaces. */
export const emptyQuestion: AnswerType = {
  name: 'empty',
  detect: (question) => (question.empty || question.words.length === 0 ? 1 : 0),
  direct: (_question, scope) => notFound(scope, `Ask a question about the article, for example “${scope.suggestions()[0] ?? 'what is the article about?'}”.`),
  word: (_question, _ranked, scope) => notFound(scope, 'Ask a question about the article.'),
};
