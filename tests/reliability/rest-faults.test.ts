import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MessageFlags } from 'discord.js';
import { slashCommand } from '../fake-discord/index.js';
import { descriptionOf, flagsOf, startBot, unanswered, type BotUnderTest } from './helpers.js';

/** The one interaction Discord refused every reply to: its answer and its apology both got 500s. */
let bothFailed = '';

const CALLBACK = 'POST /interactions/:id/:token/callback';
const CHANNEL_MESSAGE = 'POST /channels/:id/messages';

let t: BotUnderTest;
/** A second bot whose REST calls give up after 300 ms, so timeouts are quick to provoke. */
let quick: BotUnderTest;
beforeAll(async () => {
  [t, quick] = await Promise.all([startBot(), startBot({ restTimeoutMs: 300 })]);
});
afterAll(async () => {
  await Promise.all([t?.close(), quick?.close()]);
});

const callbacksFor = (bot: BotUnderTest, id: string) => bot.fake.requests.filter((r) => r.path.startsWith(`/interactions/${id}/`));

describe('GIVEN Discord answers a REST call with 429 Too Many Requests', () => {
  it('WHEN it is the interaction reply THEN discord.js waits retry_after and the answer is delivered, not lost', async () => {
    t.fake.failNext(CALLBACK, { status: 429, retryAfter: 0.2 });
    const handle = t.fake.sendInteraction(slashCommand('ask', { question: 'who spoke about venues?' }));
    const callback = await handle.waitForCallback();
    expect(descriptionOf(callback.data)).toContain('Polishchuk');
    await t.fake.waitForRequest((r) => r.path.startsWith(`/interactions/${handle.id}/`) && r.status !== 429);
    expect(callbacksFor(t, handle.id).map((r) => r.status)).toEqual([429, 204]);
  });

  it('WHEN it is the reply to a DM THEN the reply is retried and delivered', async () => {
    t.fake.failNext(CHANNEL_MESSAGE, { status: 429, retryAfter: 0.2 });
    const since = t.fake.checkpoint();
    const sent = t.fake.sendMessage({ content: 'who is peskov', dm: true });
    const reply = await t.fake.waitForBotMessage({ channelId: sent.message.channel_id, since });
    expect(descriptionOf(reply.body)).toContain('Dmitry Peskov');
    const path = `/channels/${sent.message.channel_id}/messages`;
    await t.fake.waitForRequest((r) => r.path === path && r.status === 200);
    expect(t.fake.requests.filter((r) => r.path === path && r.method === 'POST').map((r) => r.status)).toEqual([429, 200]);
  });
});

describe('GIVEN Discord answers a REST call with 500', () => {
  it('WHEN it fails twice THEN discord.js retries and the answer is delivered', async () => {
    t.fake.failNext(CALLBACK, { status: 500 }, { times: 2 });
    const handle = t.fake.sendInteraction(slashCommand('ask', { question: 'what did trump say' }));
    expect(descriptionOf((await handle.waitForCallback()).data)).toContain('Donald Trump');
  });

  it('WHEN the reply fails on every retry THEN the error is logged with the interaction id and status, and the user gets a private apology', async () => {
    t.fake.failNext(CALLBACK, { status: 500 }, { times: 4 }); // the first try and discord.js's 3 retries
    const handle = t.fake.sendInteraction(slashCommand('ask', { question: 'who is peskov' }));
    const callback = await handle.waitForCallback();
    expect(descriptionOf(callback.data)).toMatch(/^Sorry, something went wrong.*ref `\d+`/);
    expect(descriptionOf(callback.data)).toContain(handle.id);
    expect(flagsOf(callback.data) & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    const error = t.logs.parsed().find((l) => l['level'] === 50 && l['interaction'] === handle.id);
    expect(error).toMatchObject({ msg: 'interaction handler failed', command: 'ask', err: { status: 500 } });
    // The interaction token in the failing URL is a credential too (15 minutes of replying as the bot): scrubbed.
    expect(error).toMatchObject({ err: { url: expect.stringMatching(new RegExp(`/interactions/${handle.id}/\\[REDACTED\\]/callback$`)) } });
    expect(JSON.stringify(error)).not.toContain(handle.token.slice(-60));
  });

  it('WHEN the reply and the apology both fail THEN both are logged, nothing escapes, and the next command is answered', async () => {
    t.fake.failNext(CALLBACK, { status: 500 }, { times: 8 });
    const handle = t.fake.sendInteraction(slashCommand('ask', { question: 'who is peskov' }));
    bothFailed = handle.id;
    await t.logs.waitFor((l) => l.includes('could not send the apology either') && l.includes(handle.id), { what: 'the failed apology log line' });
    const next = t.fake.sendInteraction(slashCommand('speakers'));
    expect(JSON.stringify((await next.waitForCallback()).data)).toContain('Maria Zakharova');
    expect(t.logs.count((l) => l.includes('gateway event handler failed'))).toBe(0);
  });

  it('WHEN a message reply fails on every retry THEN it is logged with the message and channel, and an apology is posted', async () => {
    t.fake.failNext(CHANNEL_MESSAGE, { status: 500 }, { times: 4 });
    const since = t.fake.checkpoint();
    const sent = t.fake.sendMessage({ content: 'who is peskov', dm: true });
    const reply = await t.fake.waitForBotMessage({ channelId: sent.message.channel_id, since });
    expect(descriptionOf(reply.body)).toContain(`ref \`${sent.message.id}\``);
    const error = t.logs.parsed().find((l) => l['msg'] === 'could not answer a message' && l['message'] === sent.message.id);
    expect(error).toMatchObject({ channel: sent.message.channel_id, err: { status: 500 } });
  });
});

describe('GIVEN a REST call times out', () => {
  it('WHEN the interaction reply hangs once THEN discord.js aborts it, retries, and the answer is delivered', async () => {
    quick.fake.failNext(CALLBACK, { delayMs: 900 });
    const handle = quick.fake.sendInteraction(slashCommand('ask', { question: 'who spoke about venues?' }));
    expect(descriptionOf((await handle.waitForCallback()).data)).toContain('Polishchuk');
  });

  it('WHEN every try of a message reply hangs THEN the timeout is logged with context and the bot keeps answering', async () => {
    quick.fake.failNext(CHANNEL_MESSAGE, { delayMs: 900 }, { times: 4 });
    const sent = quick.fake.sendMessage({ content: 'who is peskov', dm: true });
    const line = await quick.logs.waitFor((l) => l.includes('could not answer a message') && l.includes(sent.message.id), { what: 'the timeout log line' });
    expect(line).toMatch(/abort/i);
    const next = quick.fake.sendInteraction(slashCommand('ask', { question: 'what did trump say' }));
    expect(descriptionOf((await next.waitForCallback()).data)).toContain('Donald Trump');
  });
});

describe('GIVEN everything above', () => {
  it('THEN nothing was lost except where Discord refused both the answer and the apology (logged above)', () => {
    const all = [unanswered(t.fake), unanswered(quick.fake)];
    expect(all.reduce((n, r) => n + r.sent, 0)).toBeGreaterThan(6);
    expect(all.flatMap((r) => r.unanswered)).toEqual([bothFailed]);
  });
});
