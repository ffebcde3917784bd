import { isShownArticleText } from './support/shown-quote.js';
import { commandSet } from '../src/commands/index.js';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApplicationIntegrationType, ComponentType, GatewayIntentBits, InteractionContextType, InteractionResponseType, MessageFlags, PermissionFlagsBits, type APIEmbed, type APIMessage } from 'discord.js';
import { pino } from 'pino';
import { loadKnowledgeBase } from '../src/data/load.js';
import { createAnswerEngine, type AnswerEngine } from '../src/engine/index.js';
import { startGatewayBot, type GatewayBot } from '../src/discord/gateway-bot.js';
import { fixedKnowledge } from '../src/knowledge/knowledge-base.js';
import { autocomplete, button, messageContextMenu, slashCommand, startFakeDiscord, stringSelect, type FakeDiscord } from './fake-discord/index.js';

const run = promisify(execFile);
const articles = loadKnowledgeBase().articles;
const articleText = articles[0]?.text ?? '';
const realEngine = createAnswerEngine(articles);

/** Lets a test make one engine call fail, to prove the bot survives a broken handler. */
let failNextAnswer = false;
const engine: AnswerEngine = {
  articles: realEngine.articles,
  hasSpeaker: (id) => realEngine.hasSpeaker(id),
  hasTopic: (id) => realEngine.hasTopic(id),
  suggestArticles: (typed, limit) => realEngine.suggestArticles(typed, limit),
  answer: (question) => {
    if (failNextAnswer) {
      failNextAnswer = false;
      throw new Error('engine exploded');
    }
    return realEngine.answer(question);
  },
  quotesBy: (speaker, topic) => realEngine.quotesBy(speaker, topic),
  speakers: () => realEngine.speakers(),
  topics: () => realEngine.topics(),
  suggestSpeakers: (typed, limit) => realEngine.suggestSpeakers(typed, limit),
  suggestTopics: (typed, limit) => realEngine.suggestTopics(typed, limit),
};

const logLines: string[] = [];
let fake: FakeDiscord;
let bot: GatewayBot;

beforeAll(async () => {
  fake = await startFakeDiscord();
  const logger = pino({ level: 'debug' }, { write: (line: string) => void logLines.push(line) });
  bot = await startGatewayBot({ knowledge: fixedKnowledge(engine), commands: commandSet(), token: fake.token, apiUrl: fake.apiUrl, logger });
});

afterAll(async () => {
  await bot?.stop();
  await fake?.close();
});

function firstEmbed(data: unknown): APIEmbed {
  const embeds = (data as { embeds?: APIEmbed[] }).embeds ?? [];
  expect(embeds.length).toBeGreaterThan(0);
  return embeds[0] as APIEmbed;
}

/** The block-quoted lines of an embed, un-escaped: each must be article text. */
function quotedPassages(embed: APIEmbed): string[] {
  return (embed.description ?? '')
    .split('\n')
    .filter((line) => line.startsWith('> '))
    .map((line) => line.slice(2).replace(/\\([*_~`|>#\-[\]()\\:])/g, '$1').replace(/@\u200b/g, '@'));
}

function expectVerbatim(embed: APIEmbed): void {
  const passages = quotedPassages(embed);
  expect(passages.length).toBeGreaterThan(0);
  for (const passage of passages) expect(isShownArticleText(passage.replace(/…$/, ''), [articleText]), passage).toBe(true);
}

describe('the bot against a local Discord', () => {
  it('logs in, receives READY, and asks for no privileged intent', async () => {
    expect(bot.client.user?.id).toBe(fake.botUser.id);
    const intents = fake.sessionIntents() ?? 0;
    const privileged = GatewayIntentBits.GuildMembers | GatewayIntentBits.GuildPresences | GatewayIntentBits.MessageContent;
    expect(intents & privileged).toBe(0);
    expect(intents & GatewayIntentBits.Guilds).toBe(GatewayIntentBits.Guilds);
  });

  it('deploys its commands to the test guild with npm run deploy-commands', async () => {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'src/deploy-commands.ts'], {
      env: { ...process.env, DISCORD_TOKEN: fake.token, DISCORD_CLIENT_ID: fake.applicationId, DISCORD_GUILD_ID: fake.guild.id, DISCORD_API_URL: fake.apiUrl },
    });
    const names = fake.commands(fake.guild.id).map((c) => c.name).sort();
    expect(names).toEqual(['Ask the article', 'about', 'article', 'ask', 'help', 'quotes', 'report', 'speakers', 'topics']);
    expect(stdout).toContain(`Registered 9 commands guild ${fake.guild.id}`);
    // The admins' command: shown only to members with Manage Server, only in servers the app is installed to.
    const admin = fake.commands(fake.guild.id).find((c) => c.name === 'article');
    expect(admin?.default_member_permissions).toBe(String(PermissionFlagsBits.ManageGuild));
    expect(admin?.contexts).toEqual([InteractionContextType.Guild]);
    expect(admin?.integration_types).toEqual([ApplicationIntegrationType.GuildInstall]);
    expect(admin?.options?.map((o) => o.name)).toEqual(['add', 'remove', 'list']);
    expect(stdout).not.toContain(fake.token);
  });

  it('answers /ask privately in a server with cited, verbatim quotes and no mentions', async () => {
    const handle = fake.sendInteraction(slashCommand('ask', { question: 'who spoke about venues?' }));
    const callback = await handle.waitForCallback();
    expect(callback.callbackType).toBe(InteractionResponseType.ChannelMessageWithSource);
    const data = callback.data as { flags?: number; allowed_mentions?: unknown };
    expect((data.flags ?? 0) & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    expect(data.allowed_mentions).toEqual({ parse: [] });
    const embed = firstEmbed(data);
    expect(embed.description).toContain('Alexei Polishchuk');
    expect(embed.description).toMatch(/¶\d/);
    expect(embed.author?.name).toContain('TASS');
    expectVerbatim(embed);
  });

  it('never lets a question ping anyone', async () => {
    const handle = fake.sendInteraction(slashCommand('ask', { question: '@everyone <@&123456789012345678> what did the economy minister say?', public: true }));
    const callback = await handle.waitForCallback();
    const data = callback.data as { allowed_mentions?: unknown; flags?: number };
    expect(data.allowed_mentions).toEqual({ parse: [] });
    expect((data.flags ?? 0) & MessageFlags.Ephemeral).toBe(0);
    const message = handle.originalMessage();
    expect(message?.mention_everyone).toBe(false);
    expect(message?.mention_roles ?? []).toEqual([]);
    expect(JSON.stringify(data)).not.toMatch(/@everyone|<@&/);
  });

  it('autocompletes speakers from a partial, misspelt name', async () => {
    const handle = fake.sendInteraction(autocomplete('quotes', { speaker: 'zahar' }, 'speaker'));
    const callback = await handle.waitForCallback();
    expect(callback.callbackType).toBe(InteractionResponseType.ApplicationCommandAutocompleteResult);
    const choices = (callback.data as { choices: { name: string; value: string }[] }).choices;
    expect(choices[0]?.value).toBe('maria-zakharova');
    expect(choices.length).toBeLessThanOrEqual(25);
  });

  it('pages with More, editing the message in place', async () => {
    const handle = fake.sendInteraction(slashCommand('ask', { question: 'who is quoted in the article?' }));
    await handle.waitForCallback();
    const original = handle.originalMessage() as APIMessage;
    const buttons = (original.components ?? []).flatMap((row) => ('components' in row ? (row.components as { label?: string; custom_id?: string }[]) : []));
    const customId = buttons.find((c) => c.label === 'More ▶')?.custom_id ?? '';
    expect(customId).toMatch(/^pg:1:/);
    const press = fake.sendInteraction(button(customId, original));
    const update = await press.waitForCallback();
    expect(update.callbackType).toBe(InteractionResponseType.UpdateMessage);
    const embed = firstEmbed(update.data);
    expect(embed.footer?.text).toContain('page 2 of');
    expectVerbatim(embed);
  });

  it('answers the "Ask the article" context-menu command with the message text', async () => {
    const target = fake.sendMessage({ content: 'what did Zakharova say?' }).message;
    const handle = fake.sendInteraction(messageContextMenu('Ask the article', target));
    const callback = await handle.waitForCallback();
    const embed = firstEmbed(callback.data);
    expect(embed.description).toContain('Maria Zakharova');
    expectVerbatim(embed);
  });

  it('answers a plain-text DM as a question', async () => {
    const since = fake.checkpoint();
    const sent = fake.sendMessage({ content: 'who is peskov', dm: true });
    const reply = await fake.waitForBotMessage({ channelId: sent.message.channel_id, since });
    const body = reply.body as { embeds?: APIEmbed[]; allowed_mentions?: unknown };
    expect(body.allowed_mentions).toMatchObject({ parse: [] });
    expect(firstEmbed(body).description).toContain('Dmitry Peskov');
  });

  it('answers a server message that mentions it, and ignores one that does not', async () => {
    const since = fake.checkpoint();
    fake.sendMessage({ content: 'who spoke about venues? (not for the bot)' });
    const asked = fake.sendMessage({ content: `<@${fake.botUser.id}> who spoke about venues?`, mentions: [fake.botUser] });
    const reply = await fake.waitForBotMessage({ channelId: fake.channel.id, since, action: 'create' });
    const body = reply.body as { embeds?: APIEmbed[]; message_reference?: { message_id: string } };
    expect(body.message_reference?.message_id).toBe(asked.message.id);
    expect(firstEmbed(body).description).toContain('Polishchuk');
  });

  it('answers an empty mention with the short help: what to ask and three examples that work', async () => {
    const since = fake.checkpoint();
    const asked = fake.sendMessage({ content: `<@${fake.botUser.id}>`, mentions: [fake.botUser] });
    const reply = await fake.waitForBotMessage({ channelId: fake.channel.id, since, action: 'create' });
    const body = reply.body as { embeds?: APIEmbed[]; message_reference?: { message_id: string }; allowed_mentions?: unknown };
    expect(body.message_reference?.message_id).toBe(asked.message.id);
    expect(body.allowed_mentions).toMatchObject({ parse: [] });
    expect(firstEmbed(body).title).toBe('Ask the article');
    const examples = (firstEmbed(body).description ?? '').split('**Try**\n')[1]?.split('\n\n')[0]?.split('\n') ?? [];
    expect(examples).toHaveLength(3);
    for (const example of examples) expect(engine.answer(example.replace(/^• /, '')).found, example).toBe(true);
  });

  it.each(['help', 'hi', 'Hello!'])('answers "%s" in a DM with the short help, not "the article doesn\'t say"', async (text) => {
    const since = fake.checkpoint();
    const sent = fake.sendMessage({ content: text, dm: true });
    const reply = await fake.waitForBotMessage({ channelId: sent.message.channel_id, since });
    const embed = firstEmbed(reply.body);
    expect(embed.title).toBe('Ask the article');
    expect(embed.description).not.toMatch(/doesn't say/);
  });

  it('opens a speaker’s quotes from the menu under /speakers, privately', async () => {
    const listed = fake.sendInteraction(slashCommand('speakers'));
    await listed.waitForCallback();
    const message = listed.originalMessage() as APIMessage;
    const rows = (message.components ?? []) as { components?: { type: number; custom_id?: string }[] }[];
    const menu = rows.flatMap((row) => row.components ?? []).find((c) => c.type === ComponentType.StringSelect);
    if (!menu?.custom_id) throw new Error('no menu under /speakers');
    const picked = fake.sendInteraction(stringSelect(menu.custom_id, ['dmitry-peskov'], message));
    const callback = await picked.waitForCallback();
    expect(((callback.data as { flags?: number }).flags ?? 0) & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    expect(firstEmbed(callback.data).description).toContain('Dmitry Peskov');
  });

  it('answers a failing handler with a private apology and keeps serving', async () => {
    failNextAnswer = true;
    const handle = fake.sendInteraction(slashCommand('ask', { question: 'who is putin' }));
    const callback = await handle.waitForCallback();
    const data = callback.data as { flags?: number };
    expect((data.flags ?? 0) & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    expect(firstEmbed(data).description).toContain('something went wrong');
    expect(logLines.some((line) => line.includes('"level":50') && line.includes(handle.id))).toBe(true);

    const next = fake.sendInteraction(slashCommand('speakers'));
    const listed = await next.waitForCallback();
    expect(JSON.stringify(listed.data)).toContain('Maria Zakharova');
  });

  it('answers again after the gateway connection is dropped', async () => {
    const since = fake.checkpoint();
    await fake.dropConnections();
    await fake.waitForResume({ since });
    const handle = fake.sendInteraction(slashCommand('ask', { question: 'what did trump say' }));
    const callback = await handle.waitForCallback();
    expect(firstEmbed(callback.data).description).toContain('Donald Trump');
  });

  it('logs one line per interaction and never the token', () => {
    const interactionLines = logLines.filter((line) => line.includes('"msg":"interaction"'));
    expect(interactionLines.length).toBeGreaterThanOrEqual(6);
    for (const line of interactionLines) expect(JSON.parse(line)).toMatchObject({ outcome: expect.any(String), ms: expect.any(Number) });
    expect(logLines.join('\n')).not.toContain(fake.token);
  });
});
