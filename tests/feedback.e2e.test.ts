import { rmSync } from 'node:fs';
import { InteractionContextType, InteractionResponseType, MessageFlags, PermissionFlagsBits, type APIEmbed, type APIMessage, type APIUser } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandSet } from '../src/commands/index.js';
import { loadStoreConfig } from '../src/config.js';
import { DISCORD_LIMITS } from '../src/discord/render.js';
import { openStores, type Stores } from '../src/store/stores.js';
import { button, messageContextMenu, slashCommand, type FakeDiscord } from './fake-discord/index.js';
import { freshDataDir } from './support/data-dir.js';
import { LogCapture, startBot, type BotUnderTest } from './reliability/helpers.js';

/**
 * Feedback end to end, with the real discord.js client against the local fake Discord and the
 * embedded database: 👍/👎 under every answer (once per user per answer, changeable, surviving a
 * restart), declined questions in /report, /report for admins only, DMs unaffected.
 */

const ANSWERED = 'what did Zakharova say?';
const DECLINED = 'how many moons does the harbour cat own?';
let dataDir: string;
let stores: Stores;
let under: BotUnderTest;
let member: APIUser;

async function start(fake?: FakeDiscord): Promise<void> {
  const logs = new LogCapture();
  stores = await openStores(loadStoreConfig({ DATA_DIR: dataDir }), await logs.productionLogger([]));
  under = await startBot({ feedback: stores.feedback, ...(fake ? { fake } : {}) });
}

beforeAll(async () => {
  dataDir = freshDataDir();
  await start();
  member = under.fake.addUser({ username: 'plain-member' });
}, 60_000);

afterAll(async () => {
  await under?.close();
  await stores?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

type Button = { label?: string; custom_id?: string };
function buttonsOf(message: Pick<APIMessage, 'components'> | null | undefined): Button[] {
  return (message?.components ?? []).flatMap((row) => ('components' in row ? (row.components as Button[]) : []));
}

function noticeOf(data: unknown): { text: string; private: boolean } {
  const body = data as { embeds?: APIEmbed[]; flags?: number };
  return { text: body.embeds?.[0]?.description ?? '', private: ((body.flags ?? 0) & MessageFlags.Ephemeral) !== 0 };
}

async function press(label: '👍' | '👎', message: APIMessage, opts: { user?: APIUser; dm?: boolean } = {}): Promise<{ text: string; private: boolean }> {
  const id = buttonsOf(message).find((b) => b.label === label)?.custom_id;
  expect(id, `a ${label} button`).toBeDefined();
  const handle = under.fake.sendInteraction(button(id ?? '', message, opts));
  const callback = await handle.waitForCallback();
  expect(callback.callbackType).toBe(InteractionResponseType.ChannelMessageWithSource);
  return noticeOf(callback.data);
}

async function ask(question: string, opts: { user?: APIUser; dm?: boolean } = {}): Promise<APIMessage> {
  const handle = under.fake.sendInteraction(slashCommand('ask', { question }, opts));
  await handle.waitForCallback();
  return handle.originalMessage() as APIMessage;
}

async function report(opts: { user?: APIUser; dm?: boolean } = {}): Promise<{ data: unknown; embed: APIEmbed | undefined; private: boolean }> {
  const handle = under.fake.sendInteraction(slashCommand('report', {}, opts));
  const callback = await handle.waitForCallback();
  const data = callback.data as { embeds?: APIEmbed[]; flags?: number; allowed_mentions?: unknown };
  return { data, embed: data.embeds?.[0], private: ((data.flags ?? 0) & MessageFlags.Ephemeral) !== 0 };
}

const field = (embed: APIEmbed | undefined, name: RegExp) => embed?.fields?.find((f) => name.test(f.name))?.value ?? '';

describe('GIVEN the bot with its database, in a server', () => {
  let answer: APIMessage;

  it('WHEN a member asks THEN the answer carries 👍 and 👎 with short, self-contained ids', async () => {
    answer = await ask(ANSWERED);
    const votes = buttonsOf(answer).filter((b) => b.label === '👍' || b.label === '👎');
    expect(votes.map((b) => b.label)).toEqual(['👍', '👎']);
    for (const b of votes) expect((b.custom_id ?? '').length).toBeLessThanOrEqual(DISCORD_LIMITS.customId);
    expect(votes[0]?.custom_id).toContain(ANSWERED);
  });

  it('WHEN users vote THEN each counts once per answer, a vote can be changed, and every reply is a private acknowledgement', async () => {
    expect(await press('👍', answer)).toEqual({ text: 'Thanks, your 👍 is recorded.', private: true });
    expect(await press('👍', answer)).toEqual({ text: 'You already gave this answer a 👍; it counts once.', private: true });
    expect(await press('👎', answer)).toEqual({ text: 'Changed your vote on this answer to 👎.', private: true });
    expect(await press('👎', answer, { user: member })).toEqual({ text: 'Thanks, your 👎 is recorded.', private: true });
    // The same question asked again is the same answer: its buttons do not open a second vote.
    expect(await press('👎', await ask(ANSWERED, { user: member }), { user: member })).toEqual({ text: 'You already gave this answer a 👎; it counts once.', private: true });
  });

  it('WHEN the "Ask the article" menu answers THEN its answer carries the votes too', async () => {
    const target = under.fake.sendMessage({ content: ANSWERED }).message;
    const handle = under.fake.sendInteraction(messageContextMenu('Ask the article', target));
    await handle.waitForCallback();
    expect(buttonsOf(handle.originalMessage()).map((b) => b.label)).toEqual(expect.arrayContaining(['👍', '👎']));
  });

  it('WHEN a question is declined THEN its reply asks for no vote, and the admin’s /report lists it with the 👎’d answer, privately and without mentions', async () => {
    const declined = await ask(DECLINED, { user: member });
    expect(buttonsOf(declined).some((b) => b.label === '👎')).toBe(false);
    await ask(DECLINED);
    const shown = await report();
    expect(shown.private).toBe(true);
    expect((shown.data as { allowed_mentions?: unknown }).allowed_mentions).toEqual({ parse: [] });
    expect(field(shown.embed, /unanswered/)).toContain(`**2×** “${DECLINED}”`);
    expect(field(shown.embed, /👎/)).toContain(`**2** 👎 · 0 👍 “${ANSWERED}”`);
  });

  it('WHEN a member without Manage Server runs /report THEN it is refused, whatever the client let through', async () => {
    const shown = await report({ user: member });
    expect(shown.private).toBe(true);
    expect(shown.embed?.description).toBe('Only members who can manage this server can see its report.');
    expect(shown.embed?.fields).toBeUndefined();
  });

  it('WHEN /report is registered THEN Discord is asked to offer it to Manage Server only, in servers only', () => {
    const definition = commandSet().definitions().find((c) => c.name === 'report');
    expect(definition).toMatchObject({ default_member_permissions: String(PermissionFlagsBits.ManageGuild), contexts: [InteractionContextType.Guild] });
  });

  it('WHEN /report arrives from a DM anyway THEN it says to use it in the server', async () => {
    expect((await report({ dm: true })).embed?.description).toBe('/report shows a server’s questions; use it in the server.');
  });
});

describe('GIVEN DMs', () => {
  it('WHEN a user asks and votes in a DM THEN both work, and the vote stays out of every server’s report', async () => {
    const answer = await ask(ANSWERED, { dm: true, user: member });
    expect(buttonsOf(answer).map((b) => b.label)).toEqual(expect.arrayContaining(['👍', '👎']));
    expect(await press('👎', answer, { dm: true, user: member })).toEqual({ text: 'Thanks, your 👎 is recorded.', private: true });
    const direct = under.fake.sendMessage({ content: ANSWERED, dm: true, author: member });
    const reply = await under.fake.waitForBotMessage({ channelId: direct.message.channel_id });
    expect(reply.message.embeds[0]?.description).toContain('Zakharova');
    expect(buttonsOf(reply.message).map((b) => b.label)).toEqual(expect.arrayContaining(['👍', '👎']));
    expect(field((await report()).embed, /👎/)).toContain(`**2** 👎`);
  });
});

describe('GIVEN a restart', () => {
  it('WHEN an old answer’s buttons are pressed on the new process THEN the vote is still one per user', async () => {
    const old = await ask(ANSWERED);
    const fake = under.fake;
    await under.bot.stop();
    await stores.close();
    await start(fake);
    expect(await press('👎', old)).toEqual({ text: 'You already gave this answer a 👎; it counts once.', private: true });
    expect(await press('👍', old)).toEqual({ text: 'Changed your vote on this answer to 👍.', private: true });
  }, 60_000);
});
