import { describe, expect, it } from 'vitest';
import { askCommand } from '../../src/commands/ask.js';
import { commandSet } from '../../src/commands/index.js';
import type { FeedbackLog } from '../../src/store/feedback-log.js';
import { loggedFeedback } from '../../src/store/stores.js';
import { bundledEngine, slash } from '../discord/interaction-kit.js';
import { LogCapture } from '../reliability/helpers.js';

/** A database that refuses every write, as one that went away would. */
const broken: FeedbackLog = {
  vote: () => Promise.reject(new Error('connection terminated')),
  recordUnanswered: () => Promise.reject(new Error('connection terminated')),
  report: () => Promise.reject(new Error('connection terminated')),
};

describe('GIVEN the database fails while a question is declined', () => {
  it('THEN the user still gets the reply, and the failure is logged with the server', async () => {
    const logs = new LogCapture();
    const feedback = loggedFeedback(broken, await logs.productionLogger([]));
    const services = { engine: bundledEngine, articles: bundledEngine.articles, commands: commandSet(), feedback };
    const reply = await askCommand.execute(slash('ask', { question: 'how many moons does the harbour cat own?' }), services);
    expect(reply.embeds[0]?.description).toBeTruthy();
    const failure = logs.parsed().find((l) => l['msg'] === 'could not log an unanswered question');
    expect(failure).toMatchObject({ level: 50, guild: '200000000000000002' });
  });
});
