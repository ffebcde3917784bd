import { join } from 'node:path';
import { chatCaseFailures } from './chat-case-failures.js';
import { describeHeldOutSuite } from './held-out-suite.js';
import { roundTwoSuite } from './unseen-round2/questions.js';

/**
 * The held-out suite's second round: five articles the engine was not developed on, ingested by
 * the project's own extractor, and questions typed as people type in chat, all written and
 * committed before the engine was run on them. The score is reported, not tuned: the README
 * records the first run; this test prints every miss and fails only if the engine gets worse.
 * First run (7 Dec 2026, main at 472983a): 47 of 88 (53 %).
 */
const FIRST_RUN_PASSED = 47;

describeHeldOutSuite({
  title: 'GIVEN the second round of articles the engine was not developed on, ingested from text',
  label: 'held-out round 2',
  dir: join(import.meta.dirname, 'unseen-round2'),
  cases: roundTwoSuite,
  failures: chatCaseFailures,
  firstRunPassed: FIRST_RUN_PASSED,
});
