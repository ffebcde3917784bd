export { createAnswerEngine, type AnswerEngine, type AskOptions, type EngineOptions, type SpeakerSummary, type TopicSummary } from './answer-engine.js';
export type { Answer, AnswerItem, ArticleRef, QuestionIntent } from './answer-types.js';
export type { Choice } from './choices.js';
