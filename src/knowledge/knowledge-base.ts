import type { Article } from '../data/schema.js';
import type { AnswerEngine } from '../engine/index.js';

/**
 * One generation of the knowledge base: the articles and the engine built over exactly them.
 * Never changed once made; a reload makes a new one.
 */
export interface KnowledgeBase {
  /** 1 at start-up, one more at every swap; logged with each interaction and each reload. */
  readonly generation: number;
  readonly engine: AnswerEngine;
  readonly articles: readonly Article[];
}

/**
 * Where a handler gets the knowledge base. It is asked once per interaction (or message), so a
 * reply is made from one generation whatever reloads happen meanwhile.
 */
export interface KnowledgeSource {
  current(): KnowledgeBase;
}

/** A knowledge base that never changes: one engine, generation 1 (the CLI, benchmarks, tests). */
export function fixedKnowledge(engine: AnswerEngine): KnowledgeSource {
  const knowledge: KnowledgeBase = Object.freeze({ generation: 1, engine, articles: engine.articles });
  return { current: () => knowledge };
}
