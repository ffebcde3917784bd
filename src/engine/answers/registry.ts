import type { QuestionText } from '../question.js';
import { amount } from './amount.js';
import type { AnswerType, Scope } from './answer-type.js';
import { articleAbout } from './article-about.js';
import { articleSource } from './article-source.js';
import { emptyQuestion } from './empty.js';
import { identity } from './identity.js';
import { listSpeakers } from './list-speakers.js';
import { listTopics } from './list-topics.js';
import { mention } from './mention.js';
import { place } from './place.js';
import { reason } from './reason.js';
import { speaker } from './speaker.js';
import { statement } from './statement.js';
import { time } from './time.js';

/** Every kind of answer, in the order ties are broken. A new kind of question is one module and one line here. */
export const ANSWER_TYPES: readonly AnswerType[] = [
  emptyQuestion,
  listSpeakers,
  listTopics,
  articleSource,
  articleAbout,
  identity,
  time,
  place,
  amount,
  reason,
  statement,
  speaker,
  mention,
];

/** The kind of answer the question asks for most strongly. */
export function answerTypeOf(question: QuestionText, scope: Scope): AnswerType {
  let best: AnswerType = mention;
  let bestScore = 0;
  for (const type of ANSWER_TYPES) {
    const score = type.detect(question, scope);
    if (score > bestScore) {
      best = type;
      bestScore = score;
    }
  }
  return best;
}

/** Kinds about the articles as a whole: on a knowledge base of many, they are answered for all of it. */
const OVERVIEW: readonly AnswerType[] = [emptyQuestion, listSpeakers, listTopics, articleSource, articleAbout];

/** The overview kind a question asks for, read without any article (their cues need none), or null. */
export function overviewOf(question: QuestionText): AnswerType | null {
  for (const type of OVERVIEW) if (type.detect(question) >= 0.9) return type;
  return null;
}
