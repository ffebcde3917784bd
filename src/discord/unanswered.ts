import type { Answer } from '../engine/index.js';
import type { AskedQuestion } from '../store/feedback-log.js';
import type { Services } from './services.js';

/**
 * Logs a question the engine declined (with its server, or none in a DM, and its scope) so admins
 * see it in /report. The log records nothing about who asked. Never rejects: a failure is logged by
 * the store's wrapper (see loggedFeedback) and the answer is shown all the same. Undefined when there is nothing to
 * note (an answer, or no store).
 */
export function noteIfDeclined(services: Services, answer: Answer, asked: AskedQuestion): Promise<void> | undefined {
  // Nothing to note: no promise, so a command replies synchronously (no deferral timer for the answer).
  if (answer.found || !services.feedback) return undefined;
  return services.feedback.recordUnanswered(asked).then(
    () => undefined,
    () => undefined,
  );
}
