import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect } from 'vitest';
import { loadKnowledgeBase } from '../../src/data/load.js';
import type { Article } from '../../src/data/schema.js';
import { createAnswerEngine, type Answer, type AnswerEngine } from '../../src/engine/index.js';
import { extractArticle } from '../../src/ingest/extract.js';
import { invariantFailures } from '../engine/question-suite.js';

/**
 * An article of tests/fixtures/engine/ ingested from its plain text as a user would add it, loaded
 * into a knowledge base of its own (removed after the file's tests), and `ask`, which checks every
 * answer's invariants (verbatim quotes and the like) before returning it.
 */
export function ingestedFixture(name: string): { engine: AnswerEngine; articles: Article[]; ask: (question: string) => Answer } {
  const dir = mkdtempSync(join(tmpdir(), `${name}-kb-`));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const text = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'engine', `${name}.txt`), 'utf8');
  writeFileSync(join(dir, `${name}.txt`), text);
  writeFileSync(join(dir, `${name}.json`), JSON.stringify(extractArticle(text, { id: name })));
  const { articles } = loadKnowledgeBase(dir);
  const engine = createAnswerEngine(articles);
  const ask = (question: string): Answer => {
    const answer = engine.answer(question);
    expect(invariantFailures(answer, articles), question).toEqual([]);
    return answer;
  };
  return { engine, articles, ask };
}
