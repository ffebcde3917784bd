import { afterAll, describe, expect, it } from 'vitest';
import type { Answer } from '../../src/engine/answer-types.js';
import { createAnswerEngine } from '../../src/engine/index.js';
import { ingestedKnowledgeBase } from '../support/ingested-kb.js';
import { invariantFailures } from './question-suite.js';

/** A question of a held-out suite: asked of one article, judged by the suite's own pass rule. */
export interface HeldOutCase {
  article: string;
  question: string;
}

export interface HeldOutSuite<Case extends HeldOutCase> {
  /** What the suite is, for the describe line and the printed report. */
  title: string;
  label: string;
  /** The folder holding the suite's articles (`<article>.txt`). */
  dir: string;
  cases: readonly Case[];
  /** What the case asks of the answer that it does not get; empty when it passes. */
  failures: (testCase: Case, answer: Answer) => string[];
  /** The first run's score: the floor, never raised by tuning to the suite. */
  firstRunPassed: number;
}

/**
 * Runs a suite written before the engine saw its articles: ingests them with the project's own
 * extractor, asks every question, checks the universal rules on every answer, prints every miss
 * and fails only when fewer questions pass than on the first run.
 */
export function describeHeldOutSuite<Case extends HeldOutCase>(suite: HeldOutSuite<Case>): void {
  const names = suite.cases.map((c) => c.article);
  const { articles, errors, cleanup } = ingestedKnowledgeBase(suite.dir, names);
  afterAll(cleanup);
  const engine = createAnswerEngine(articles);

  describe(suite.title, () => {
    it('THEN every article loads', () => {
      expect(errors).toEqual([]);
      expect(articles).toHaveLength(new Set(names).size);
    });

    const results = suite.cases.map((c) => {
      const answer = engine.answer(c.question, { articleId: c.article });
      return { c, answer, failures: suite.failures(c, answer) };
    });

    it('THEN every answer keeps the universal rules (verbatim quotes, real speakers)', () => {
      for (const { c, answer } of results) expect(invariantFailures(answer, articles), c.question).toEqual([]);
    });

    it(`THEN at least as many questions pass as on the first run (${suite.firstRunPassed} of ${suite.cases.length})`, () => {
      const passed = results.filter((r) => r.failures.length === 0).length;
      const report = results.filter((r) => r.failures.length > 0).map((r) => `${r.c.article}: ${r.c.question} — ${r.failures.join('; ')} (${r.answer.summary.slice(0, 100)})`);
      console.log(`${suite.label}: ${passed}/${suite.cases.length} passed\n${report.join('\n')}`);
      expect(passed).toBeGreaterThanOrEqual(suite.firstRunPassed);
    });
  });
}
