import { join } from 'node:path';
import type { Answer } from '../../src/engine/answer-types.js';
import { describeHeldOutSuite } from './held-out-suite.js';
import { unseenSuite, type UnseenCase } from './unseen/questions.js';

/**
 * The second suite: articles the engine was not developed on, ingested by the project's own
 * extractor and asked questions written before the engine ever saw them. The score is reported,
 * not tuned: the README records the first run; this test fails only if the engine gets worse.
 */
const FIRST_RUN_PASSED = 28;

/** What the case asks of the answer's first three items and summary; empty when it passes. */
export function unseenFailures(testCase: UnseenCase, answer: Answer): string[] {
  const failures: string[] = [];
  const top = answer.items.slice(0, 3);
  if (answer.found !== testCase.found) failures.push(`found=${answer.found}`);
  if (testCase.speaker && !top.some((i) => i.kind !== 'narration' && i.speaker?.name.toLowerCase().includes((testCase.speaker ?? '').toLowerCase()))) failures.push(`no statement by ${testCase.speaker} in the first three`);
  if (testCase.quoteIncludes && !top.some((i) => i.quote.toLowerCase().includes((testCase.quoteIncludes ?? '').toLowerCase()))) failures.push(`no item quotes "${testCase.quoteIncludes}"`);
  if (testCase.summaryIncludes && !answer.summary.toLowerCase().includes(testCase.summaryIncludes.toLowerCase())) failures.push(`summary lacks "${testCase.summaryIncludes}"`);
  return failures;
}

describeHeldOutSuite({
  title: 'GIVEN four articles the engine was not developed on, ingested from text',
  label: 'second suite',
  dir: join(import.meta.dirname, 'unseen'),
  cases: unseenSuite,
  failures: unseenFailures,
  firstRunPassed: FIRST_RUN_PASSED,
});
