import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slashCommand } from '../fake-discord/index.js';
import { descriptionOf, startBot, unanswered, type BotUnderTest } from './helpers.js';

let t: BotUnderTest;
beforeAll(async () => {
  t = await startBot();
});
afterAll(async () => {
  await t?.close();
});

/** The proof that a session survived: a command sent after the fault is answered. */
async function answersNextCommand(question: string, expected: string): Promise<void> {
  const handle = t.fake.sendInteraction(slashCommand('ask', { question }));
  const callback = await handle.waitForCallback();
  expect(descriptionOf(callback.data)).toContain(expected);
}

describe('GIVEN the gateway connection fails mid-session', () => {
  it.each([
    ['an abrupt TCP drop (1006)', undefined],
    ['close 4000 (unknown error)', 4000],
    ['close 1001 (going away)', 1001],
  ])('WHEN it is %s THEN the bot RESUMEs and answers the next command', async (_what, code) => {
    const since = t.fake.checkpoint();
    await t.fake.dropConnections(code);
    const resume = await t.fake.waitForResume({ since });
    expect(resume.outcome).toBe('resumed');
    await answersNextCommand('who is peskov', 'Dmitry Peskov');
  });

  it('WHEN Discord sends op 7 RECONNECT THEN the bot RESUMEs and answers', async () => {
    const since = t.fake.checkpoint();
    t.fake.sendReconnect();
    expect((await t.fake.waitForResume({ since })).outcome).toBe('resumed');
    await answersNextCommand('what did zakharova say', 'Maria Zakharova');
  });

  it('WHEN the session is invalidated as resumable (op 9 d:true) THEN the bot RESUMEs and answers', async () => {
    const since = t.fake.checkpoint();
    t.fake.invalidateSession(true);
    await t.fake.waitForResume({ since });
    await answersNextCommand('who spoke about venues', 'Polishchuk');
  });

  it.each([
    ['close 4009 (session timed out): RESUME refused', 4009],
    ['close 4007 (invalid seq)', 4007],
    ['close 1000 (normal, session invalidated)', 1000],
  ])('WHEN it is %s THEN the bot re-IDENTIFYs and answers', async (_what, code) => {
    const since = t.fake.checkpoint();
    await t.fake.dropConnections(code);
    await t.fake.waitForReady({ since });
    await answersNextCommand('what did trump say', 'Donald Trump');
  });

  it('WHEN the session is invalidated for good (op 9 d:false) THEN the bot re-IDENTIFYs and answers', async () => {
    const since = t.fake.checkpoint();
    t.fake.invalidateSession(false);
    await t.fake.waitForIdentify({ since });
    await t.fake.waitForReady({ since });
    await answersNextCommand('who is peskov', 'Dmitry Peskov');
  });

  it('WHEN a dispatch is sent while the bot is disconnected THEN it is replayed on RESUME and answered', async () => {
    const since = t.fake.checkpoint();
    const dropped = t.fake.dropConnections();
    const handle = t.fake.sendInteraction(slashCommand('ask', { question: 'who is peskov' }));
    await dropped;
    await t.fake.waitForResume({ since });
    expect(descriptionOf((await handle.waitForCallback()).data)).toContain('Dmitry Peskov');
  });

  it('THEN every disconnect was logged and no error escaped', () => {
    const lines = t.logs.parsed();
    expect(lines.filter((l) => l['msg'] === 'gateway disconnected' || l['msg'] === 'gateway reconnecting').length).toBeGreaterThan(0);
    expect(lines.filter((l) => l['msg'] === 'gateway event handler failed')).toEqual([]);
  });
});

describe('GIVEN everything above', () => {
  it('THEN nothing was lost: every interaction sent around a disconnect got its answer', () => {
    const { sent, unanswered: missing } = unanswered(t.fake);
    expect(sent).toBe(10);
    expect(missing).toEqual([]);
  });
});
