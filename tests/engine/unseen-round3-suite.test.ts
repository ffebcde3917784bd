import { join } from 'node:path';
import { chatCaseFailures } from './chat-case-failures.js';
import { describeHeldOutSuite } from './held-out-suite.js';
import { roundThreeSuite } from './unseen-round3/questions.js';

/**
 * The held-out suite's third round: four articles the engine was not developed on (a museum
 * theft, a cancelled festival, a moorland fire, a football ground sold for housing), ingested by
 * the project's own extractor, and questions typed as people type in chat, all written and
 * committed before the engine was run on them. The score is reported, not tuned: the README
 * records the first run; this test prints every miss and fails only if the engine gets worse.
 * First run (7 Dec 2026, main at cf8a17b with the suite committed as 8aa48f2): 30 of 65 (46 %).
 */
const FIRST_RUN_PASSED = 30;

describeHeldOutSuite({
  title: 'GIVEN the third round of articles the engine was not developed on, ingested from text',
  label: 'held-out round 3',
  dir: join(import.meta.dirname, 'unseen-round3'),
  cases: roundThreeSuite,
  failures: chatCaseFailures,
  firstRunPassed: FIRST_RUN_PASSED,
});
