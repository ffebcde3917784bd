import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type * as EngineModule from '../../src/engine/index.js';
import { FIXTURES_DIR } from '../../src/ingest/evaluate.js';
import { ingestFile } from '../../src/cli/ingest-article.js';
import { IngestError } from '../../src/knowledge/verified-article.js';

/**
 * Ingest writes an article only after the bot's own engine has answered from it: an engine that
 * fails on the article, or answers with text that is not the article's, stops the write.
 */
const fault = vi.hoisted(() => ({ kind: 'none' as 'none' | 'throws' | 'misquotes' }));

vi.mock('../../src/engine/index.js', async (importOriginal) => {
  const original = await importOriginal<typeof EngineModule>();
  return {
    ...original,
    createAnswerEngine: (...args: Parameters<typeof original.createAnswerEngine>) => {
      const engine = original.createAnswerEngine(...args);
      const answer = (question: string) => {
        if (fault.kind === 'throws') throw new TypeError('mapped.split is not a function');
        const real = engine.answer(question);
        return fault.kind === 'misquotes' ? { ...real, items: real.items.map((item) => ({ ...item, quote: `${item.quote} (and more)` })) } : real;
      };
      return new Proxy(engine, { get: (target, key) => (key === 'answer' ? answer : (Reflect.get(target, key, target) as unknown)) });
    },
  };
});

const dir = mkdtempSync(join(tmpdir(), 'ingest-article-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const options = { dir, maxBytes: 2 * 1024 * 1024, force: false, dryRun: false };
const file = join(FIXTURES_DIR, 'bus-strike.txt');

describe('GIVEN an article the bot’s engine cannot answer from', () => {
  it.each([
    ['throws on it', 'throws', /the bot's engine cannot answer from it: mapped.split is not a function/],
    ['quotes text that is not the article’s', 'misquotes', /the bot's engine cannot answer from it: an answer to ".*" quotes text that is not the article's/],
  ] as const)('WHEN the engine %s THEN ingest refuses it and writes nothing', async (_, kind, problem) => {
    fault.kind = kind;
    await expect(ingestFile(file, 'bus', options)).rejects.toThrow(IngestError);
    await expect(ingestFile(file, 'bus', options)).rejects.toThrow(problem);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('WHEN the engine answers from it THEN both files are written', async () => {
    fault.kind = 'none';
    await ingestFile(file, 'bus', options);
    expect(readdirSync(dir).sort()).toEqual(['bus.json', 'bus.txt']);
  });
});
