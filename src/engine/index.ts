export { createAnswerEngine, type AnswerEngine, type AskOptions, type EngineOptions, type SpeakerSummary, type TopicSummary } from './answer-engine.js';
export type { Answer, AnswerItem, ArticleRef, QuestionIntent, QuotePart } from './answer-types.js';
export type { Choice } from './choices.js';
export { joinNames, lowerFirst, speakerName } from './phrasing.js';
export { PART_SEPARATOR, quotedWords } from './quoted-words.js';
