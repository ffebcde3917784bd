import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InteractionResponseType, MessageFlags, type APIMessage, type APIUser } from 'discord.js';
import { ConfigError, loadLimitsConfig } from '../../src/config.js';
import { createRateLimiter } from '../../src/discord/rate-limit.js';
import { autocomplete, button, messageContextMenu, slashCommand } from '../fake-discord/index.js';
import { descriptionOf, flagsOf, startBot, unanswered, type BotUnderTest } from './helpers.js';

const LIMIT = 3;
let t: BotUnderTest;
beforeAll(async () => {
  t = await startBot({ rateLimiter: createRateLimiter({ limit: LIMIT, windowMs: 60_000 }) });
});
afterAll(async () => {
  await t?.close();
});

const RATE_NOTICE = /asking faster than I can keep up with\. Please wait \d+ s/;

async function dmReply(user: APIUser, content: string): Promise<string> {
  const since = t.fake.checkpoint();
  const sent = t.fake.sendMessage({ content, dm: true, author: user });
  return descriptionOf((await t.fake.waitForBotMessage({ channelId: sent.message.channel_id, since })).body);
}

describe('GIVEN a per-user limit of 3 questions per window', () => {
  it('WHEN one user sends 5 /ask THEN 3 are answered and 2 get a private, friendly notice', async () => {
    const user = t.fake.addUser();
    const replies = [];
    for (let i = 0; i < 5; i++) replies.push((await t.fake.sendInteraction(slashCommand('ask', { question: 'who is peskov', public: true }, { user })).waitForCallback()).data);
    expect(replies.slice(0, 3).map(descriptionOf).every((d) => d.includes('Dmitry Peskov'))).toBe(true);
    for (const data of replies.slice(3)) {
      expect(descriptionOf(data)).toMatch(RATE_NOTICE);
      expect(flagsOf(data) & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    }
  });

  it('WHEN a user spreads questions over /ask, /quotes, the context menu and a DM THEN they share one budget; the DM gets one short notice, then silence', async () => {
    const user = t.fake.addUser();
    const target = t.fake.sendMessage({ content: 'what did Zakharova say?' }).message;
    await t.fake.sendInteraction(slashCommand('ask', { question: 'who is peskov' }, { user })).waitForCallback();
    await t.fake.sendInteraction(slashCommand('quotes', { speaker: 'maria-zakharova' }, { user })).waitForCallback();
    const menu = await t.fake.sendInteraction(messageContextMenu('Ask the article', target, { user })).waitForCallback();
    expect(descriptionOf(menu.data)).toContain('Maria Zakharova');
    expect(await dmReply(user, 'who is peskov')).toMatch(RATE_NOTICE);

    // A second over-limit DM is not answered at all; a later DM from someone else is, so the first was processed.
    const dm = t.fake.dmChannelFor(user);
    t.fake.sendMessage({ content: 'who is peskov', dm: true, author: user });
    expect(await dmReply(t.fake.addUser(), 'who is peskov')).toContain('Dmitry Peskov');
    expect(t.fake.botMessages(dm.id)).toHaveLength(1);
  });

  it('WHEN a user over the limit mentions the bot THEN they get one short notice in reply', async () => {
    const user = t.fake.addUser();
    for (let i = 0; i < LIMIT; i++) await t.fake.sendInteraction(slashCommand('ask', { question: 'who is peskov' }, { user })).waitForCallback();
    const since = t.fake.checkpoint();
    t.fake.sendMessage({ content: `<@${t.fake.botUser.id}> who is peskov`, mentions: [t.fake.botUser], author: user });
    const reply = await t.fake.waitForBotMessage({ channelId: t.fake.channel.id, since, action: 'create' });
    expect(descriptionOf(reply.body)).toMatch(RATE_NOTICE);
    expect((reply.body as { allowed_mentions?: unknown }).allowed_mentions).toEqual({ parse: [], replied_user: false });
  });

  it('WHEN a user over the limit types into autocomplete THEN every keystroke still gets choices, never an error', async () => {
    const user = t.fake.addUser();
    for (let i = 0; i < LIMIT + 1; i++) await t.fake.sendInteraction(slashCommand('ask', { question: 'who is peskov' }, { user })).waitForCallback();
    for (const typed of ['z', 'za', 'zak', 'zakh', 'zakha', 'zakhar']) {
      const callback = await t.fake.sendInteraction(autocomplete('quotes', { speaker: typed }, 'speaker', { user })).waitForCallback();
      expect(callback.callbackType).toBe(InteractionResponseType.ApplicationCommandAutocompleteResult);
      expect((callback.data as { choices: { value: string }[] }).choices[0]?.value).toBe('maria-zakharova');
    }
  });
});

/** A private /ask answer with its buttons, as the user sees it, and the id of the button labelled so. */
async function privateAnswer(user: APIUser, question: string): Promise<{ message: APIMessage; id: (label: string) => string }> {
  const handle = t.fake.sendInteraction(slashCommand('ask', { question }, { user }));
  await handle.waitForCallback();
  const message = handle.originalMessage() as APIMessage;
  const buttons = (message.components ?? []).flatMap((row) => ('components' in row ? (row.components as { label?: string; custom_id?: string }[]) : []));
  return { message, id: (label) => buttons.find((b) => b.label?.startsWith(label))?.custom_id ?? `no ${label} button` };
}

describe('GIVEN buttons under a private answer (limit 3 per window)', () => {
  it('WHEN "Post to channel" is pressed 12 times THEN it is posted once, its button is disabled on the private message, the second press is refused as already posted, and the rest count against the limit', async () => {
    const user = t.fake.addUser();
    const answer = await privateAnswer(user, 'who spoke about venues?');
    const replies = [];
    const presses = [];
    for (let i = 0; i < 12; i++) {
      const press = t.fake.sendInteraction(button(answer.id('Post to channel'), answer.message, { user }));
      replies.push(await press.waitForCallback());
      if (i === 0) await press.waitForFollowUp();
      presses.push(press);
    }
    // The first press edits the private message in place, Post disabled, and the answer goes out as a public follow-up.
    expect(replies[0]?.callbackType).toBe(InteractionResponseType.UpdateMessage);
    const rows = (replies[0]?.data as { components?: { components: { label?: string; disabled?: boolean }[] }[] }).components ?? [];
    expect(rows.flatMap((r) => r.components).find((c) => c.label?.includes('Posted'))?.disabled).toBe(true);
    const publicPosts = presses.flatMap((p) => p.followUpMessages()).filter((m) => ((m.flags ?? 0) & MessageFlags.Ephemeral) === 0);
    expect(publicPosts).toHaveLength(1);
    expect(publicPosts[0]?.embeds[0]?.description).toContain('Polishchuk');
    expect(publicPosts[0]?.content).toBe(`Shared by <@${user.id}>`);
    expect(publicPosts[0]?.mentions ?? []).toEqual([]);
    expect(replies.slice(1).every((r) => r.callbackType === InteractionResponseType.ChannelMessageWithSource)).toBe(true);
    expect(descriptionOf(replies[1]?.data)).toBe('This answer has already been posted to the channel.');
    // The /ask and the first two presses used the budget of 3; every later press is rate limited.
    for (const r of replies.slice(2)) expect(descriptionOf(r.data)).toMatch(RATE_NOTICE);
  });

  it('WHEN "Post to channel" under a private /speakers is pressed twice THEN the list is posted once, saying who shared it, and the second press is refused', async () => {
    const user = t.fake.addUser();
    const handle = t.fake.sendInteraction(slashCommand('speakers', {}, { user }));
    await handle.waitForCallback();
    const list = handle.originalMessage() as APIMessage;
    const buttons = (list.components ?? []).flatMap((row) => ('components' in row ? (row.components as { label?: string; custom_id?: string }[]) : []));
    const post = buttons.find((b) => b.label === 'Post to channel')?.custom_id ?? 'no Post to channel button';
    const first = t.fake.sendInteraction(button(post, list, { user }));
    expect((await first.waitForCallback()).callbackType).toBe(InteractionResponseType.UpdateMessage);
    await first.waitForFollowUp();
    const again = await t.fake.sendInteraction(button(post, list, { user })).waitForCallback();
    const publicPosts = first.followUpMessages().filter((m) => ((m.flags ?? 0) & MessageFlags.Ephemeral) === 0);
    expect(publicPosts).toHaveLength(1);
    expect(publicPosts[0]?.embeds[0]?.title).toMatch(/^Everyone quoted/);
    expect(publicPosts[0]?.content).toBe(`Shared by <@${user.id}>`);
    expect(publicPosts[0]?.mentions ?? []).toEqual([]);
    expect(descriptionOf(again.data)).toBe('This answer has already been posted to the channel.');
  });

  it('WHEN a user over the limit presses More THEN it is refused with the notice, and the message is not paged', async () => {
    const user = t.fake.addUser();
    const answer = await privateAnswer(user, 'who is quoted in the article?');
    for (let i = 0; i < LIMIT; i++) await t.fake.sendInteraction(slashCommand('ask', { question: 'who is peskov' }, { user })).waitForCallback();
    const press = await t.fake.sendInteraction(button(answer.id('More'), answer.message, { user })).waitForCallback();
    expect(press.callbackType).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(descriptionOf(press.data)).toMatch(RATE_NOTICE);
    expect(flagsOf(press.data) & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
  });

  it('WHEN a user pages within the limit THEN each press is answered, and "Show in context" is never limited', async () => {
    const user = t.fake.addUser();
    const answer = await privateAnswer(user, 'who is quoted in the article?');
    const more = await t.fake.sendInteraction(button(answer.id('More'), answer.message, { user })).waitForCallback();
    expect(more.callbackType).toBe(InteractionResponseType.UpdateMessage);
    for (let i = 0; i < LIMIT + 2; i++) {
      const context = await t.fake.sendInteraction(button(answer.id('Show in context'), answer.message, { user })).waitForCallback();
      expect(descriptionOf(context.data)).not.toMatch(RATE_NOTICE);
    }
  });
});

describe('GIVEN an over-long question', () => {
  const long = `who spoke about venues ${'and more '.repeat(40)}`.trim();

  it('WHEN /ask carries more than 300 characters (a client ignoring max_length) THEN it is refused with a clear private message, not cut', async () => {
    const callback = await t.fake.sendInteraction(slashCommand('ask', { question: long }, { user: t.fake.addUser() })).waitForCallback();
    expect(descriptionOf(callback.data)).toBe(`That question is ${long.length} characters long; I take at most 300. Please shorten it and ask again.`);
    expect(flagsOf(callback.data) & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
  });

  it('WHEN the context-menu target message is longer than 300 characters THEN it is refused the same way', async () => {
    const target = t.fake.sendMessage({ content: long }).message;
    const callback = await t.fake.sendInteraction(messageContextMenu('Ask the article', target, { user: t.fake.addUser() })).waitForCallback();
    expect(descriptionOf(callback.data)).toContain(`${long.length} characters long; I take at most 300`);
  });

  it('WHEN a DM or a mention is longer than 300 characters THEN a short reply says so', async () => {
    expect(await dmReply(t.fake.addUser(), long)).toContain('I take at most 300');
    const since = t.fake.checkpoint();
    t.fake.sendMessage({ content: `<@${t.fake.botUser.id}> ${long}`, mentions: [t.fake.botUser], author: t.fake.addUser() });
    const reply = await t.fake.waitForBotMessage({ channelId: t.fake.channel.id, since, action: 'create' });
    expect(descriptionOf(reply.body)).toContain('I take at most 300');
  });

  it('WHEN exactly 300 characters THEN it is answered', async () => {
    const question = `who is peskov${' '.repeat(280)}peskov?`.slice(0, 300);
    const callback = await t.fake.sendInteraction(slashCommand('ask', { question }, { user: t.fake.addUser() })).waitForCallback();
    expect(descriptionOf(callback.data)).toContain('Dmitry Peskov');
  });
});

describe('GIVEN the rate limiter on its own, with a clock the test controls', () => {
  it('THEN the window resets, the first refusal is flagged once, and users are independent', () => {
    let now = 0;
    const limiter = createRateLimiter({ limit: 2, windowMs: 10_000, now: () => now });
    expect([limiter.take('a'), limiter.take('a')].every((d) => d.allowed)).toBe(true);
    expect(limiter.take('a')).toEqual({ allowed: false, retryAfterMs: 10_000, firstRefusal: true });
    now = 4_000;
    expect(limiter.take('a')).toEqual({ allowed: false, retryAfterMs: 6_000, firstRefusal: false });
    expect(limiter.take('b').allowed).toBe(true);
    now = 10_000;
    expect(limiter.take('a').allowed).toBe(true);
  });

  it('THEN a limit of 0 means unlimited', () => {
    const limiter = createRateLimiter({ limit: 0, windowMs: 1 });
    for (let i = 0; i < 100; i++) expect(limiter.take('a').allowed).toBe(true);
  });

  it('THEN memory stays bounded: expired users are swept', () => {
    let now = 0;
    const limiter = createRateLimiter({ limit: 1, windowMs: 1_000, now: () => now });
    for (let i = 0; i < 10_000; i++) limiter.take(`user-${i}`);
    expect(limiter.size()).toBe(10_000);
    now = 5_000;
    limiter.take('late'); // the map is full: expired windows are swept before a new one is added
    expect(limiter.size()).toBe(1);
  });
});

describe('GIVEN more than 10,000 users asking within one window', () => {
  it('THEN each question looks at a constant number of windows (no sweep of everyone per new user), and the limit still holds for each', () => {
    let now = 0;
    const limiter = createRateLimiter({ limit: 2, windowMs: 60_000, now: () => now });
    const USERS = 30_000;
    for (let i = 0; i < USERS; i++) limiter.take(`user-${i}`);
    const before = limiter.examined();
    now = 1;
    for (let i = 0; i < USERS; i++) limiter.take(`newcomer-${i}`);
    // Two windows at most per question: the oldest (still live, so the sweep stops) and the asker's.
    expect(limiter.examined() - before).toBeLessThanOrEqual(2 * USERS);
    expect(limiter.size()).toBe(2 * USERS);
    expect(limiter.take('user-7').allowed).toBe(true);
    expect(limiter.take('user-7').allowed).toBe(false);
    now = 60_000; // the first users' windows have ended, the newcomers' have not
    expect(limiter.take('user-7').allowed).toBe(true);
    expect(limiter.size()).toBe(USERS + 1);
  });
});

describe('GIVEN the limits in the environment', () => {
  it('THEN RATE_LIMIT_QUESTIONS and RATE_LIMIT_WINDOW_SECONDS are read, with defaults 5 per 10 s', () => {
    expect(loadLimitsConfig({})).toMatchObject({ rateLimitQuestions: 5, rateLimitWindowMs: 10_000 });
    expect(loadLimitsConfig({ RATE_LIMIT_QUESTIONS: '2', RATE_LIMIT_WINDOW_SECONDS: '30' })).toMatchObject({ rateLimitQuestions: 2, rateLimitWindowMs: 30_000 });
    expect(loadLimitsConfig({ SHUTDOWN_TIMEOUT_SECONDS: '3', HTTP_BODY_TIMEOUT_MS: '250' })).toMatchObject({ shutdownTimeoutMs: 3_000, httpBodyTimeoutMs: 250 });
  });

  it('THEN ANSWER_CACHE_SIZE is read, 1000 by default and 0 to turn the cache off', () => {
    expect(loadLimitsConfig({}).answerCacheSize).toBe(1000);
    expect(loadLimitsConfig({ ANSWER_CACHE_SIZE: '0' }).answerCacheSize).toBe(0);
    expect(loadLimitsConfig({ ANSWER_CACHE_SIZE: '50' }).answerCacheSize).toBe(50);
    expect(() => loadLimitsConfig({ ANSWER_CACHE_SIZE: '-1' })).toThrow(/ANSWER_CACHE_SIZE/);
  });

  it('THEN a malformed value names the variable', () => {
    expect(() => loadLimitsConfig({ RATE_LIMIT_QUESTIONS: 'lots' })).toThrow(ConfigError);
    expect(() => loadLimitsConfig({ RATE_LIMIT_WINDOW_SECONDS: '0' })).toThrow(/RATE_LIMIT_WINDOW_SECONDS/);
  });
});

describe('GIVEN everything above', () => {
  it('THEN nothing was lost: every interaction, refused or not, got a reply', () => {
    const { sent, unanswered: missing } = unanswered(t.fake);
    expect(sent).toBeGreaterThan(20);
    expect(missing).toEqual([]);
  });
});
