import { join } from 'node:path';
import { afterAll, expect } from 'vitest';
import type { Article } from '../../src/data/schema.js';
import { createAnswerEngine, type Answer, type AnswerEngine } from '../../src/engine/index.js';
import { invariantFailures } from '../engine/question-suite.js';
import { ingestedKnowledgeBase } from './ingested-kb.js';

/**
 * An article of tests/fixtures/engine/ ingested from its plain text as a user would add it, loaded
 * into a knowledge base of its own (removed after the file's tests), and `ask`, which checks every
 * answer's invariants (verbatim quotes and the like) before returning it.
 */
export function ingestedFixture(name: string): { engine: AnswerEngine; articles: Article[]; ask: (question: string) => Answer } {
  const { articles, cleanup } = ingestedKnowledgeBase(join(import.meta.dirname, '..', 'fixtures', 'engine'), [name]);
  afterAll(cleanup);
  const engine = createAnswerEngine(articles);
  const ask = (question: string): Answer => {
    const answer = engine.answer(question);
    expect(invariantFailures(answer, articles), question).toEqual([]);
    return answer;
  };
  return { engine, articles, ask };
}
