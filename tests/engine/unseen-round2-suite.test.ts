import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Answer } from '../../src/engine/answer-types.js';
import { createAnswerEngine } from '../../src/engine/index.js';
import { ingestedKnowledgeBase } from '../support/ingested-kb.js';
import { invariantFailures } from './question-suite.js';
import { roundTwoSuite, type RoundTwoCase } from './unseen-round2/questions.js';

/**
 * The held-out suite's second round: five articles the engine was not developed on, ingested by
 * the project's own extractor, and questions typed as people type in chat, all written and
 * committed before the engine was run on them. The score is reported, not tuned: the README
 * records the first run; this test prints every miss and fails only if the engine gets worse.
 * First run (7 Dec 2026, main at 472983a): 47 of 88 (53 %).
 */
const FIRST_RUN_PASSED = 47;

const names = roundTwoSuite.map((c) => c.article);
const { articles, errors, cleanup } = ingestedKnowledgeBase(join(import.meta.dirname, 'unseen-round2'), names);
afterAll(cleanup);
const engine = createAnswerEngine(articles);

const lower = (s: string): string => s.toLowerCase();

/** What the case asks of the answer's first three items and summary; empty when it passes. */
function roundTwoFailures(testCase: RoundTwoCase, answer: Answer): string[] {
  const failures: string[] = [];
  if (answer.found !== testCase.found) failures.push(`found=${answer.found}`);
  const top = answer.items.slice(0, 3);
  const quotes = (item: Answer['items'][number]): boolean => !testCase.quoteIncludes || testCase.quoteIncludes.some((p) => lower(item.quote).includes(lower(p)));
  const { speaker } = testCase;
  if (speaker) {
    const bySpeaker = top.filter((i) => i.kind !== 'narration' && lower(i.speaker?.name ?? '').includes(lower(speaker)));
    if (bySpeaker.length === 0) failures.push(`no statement by ${speaker} in the first three`);
    else if (!bySpeaker.some(quotes)) failures.push(`no statement by ${speaker} quotes one of ${JSON.stringify(testCase.quoteIncludes)}`);
  } else if (testCase.quoteIncludes && !top.some(quotes)) failures.push(`no item quotes one of ${JSON.stringify(testCase.quoteIncludes)}`);
  if (testCase.summaryIncludes && !lower(answer.summary).includes(lower(testCase.summaryIncludes))) failures.push(`summary lacks "${testCase.summaryIncludes}"`);
  return failures;
}

describe('GIVEN the second round of articles the engine was not developed on, ingested from text', () => {
  it('THEN every article loads', () => {
    expect(errors).toEqual([]);
    expect(articles).toHaveLength(new Set(names).size);
  });

  const results = roundTwoSuite.map((c) => {
    const answer = engine.answer(c.question, { articleId: c.article });
    return { c, answer, failures: roundTwoFailures(c, answer) };
  });

  it('THEN every answer keeps the universal rules (verbatim quotes, real speakers)', () => {
    for (const { c, answer } of results) expect(invariantFailures(answer, articles), c.question).toEqual([]);
  });

  it(`THEN at least as many questions pass as on the first run (${FIRST_RUN_PASSED} of ${roundTwoSuite.length})`, () => {
    const passed = results.filter((r) => r.failures.length === 0).length;
    const report = results.filter((r) => r.failures.length > 0).map((r) => `${r.c.article}: ${r.c.question} — ${r.failures.join('; ')} (${r.answer.summary.slice(0, 100)})`);
    console.log(`held-out round 2: ${passed}/${roundTwoSuite.length} passed\n${report.join('\n')}`);
    expect(passed).toBeGreaterThanOrEqual(FIRST_RUN_PASSED);
  });
});
