import type { Answer } from '../engine/index.js';
import type { AskedQuestion } from '../store/feedback-log.js';
import type { Services } from './services.js';

/**
 * Logs a question the engine declined (with its server, or none in a DM, and its scope) so admins
 * see it in /report. The log records nothing about who asked. Never rejects: a failure is logged by
 * the store's wrapper (see loggedFeedback) and the answer is shown all the same.
 */
export async function noteIfDeclined(services: Services, answer: Answer, asked: AskedQuestion): Promise<void> {
  if (answer.found || !services.feedback) return;
  await services.feedback.recordUnanswered(asked).catch(() => undefined);
}
