import type { Answer } from '../../src/engine/answer-types.js';
import type { RoundTwoCase } from './unseen-round2/questions.js';

const lower = (s: string): string => s.toLowerCase();

/**
 * The pass rule of the chat-typed held-out rounds (2 and 3): what the case asks of the answer's
 * first three items and summary; empty when it passes.
 */
export function chatCaseFailures(testCase: RoundTwoCase, answer: Answer): string[] {
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
