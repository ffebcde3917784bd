import { generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApplicationCommandOptionType, ButtonStyle, InteractionResponseType, MessageFlags, type APIEmbed, type APIMessage, type APIUser } from 'discord.js';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withServerArticles } from '../src/bootstrap.js';
import { commandSet } from '../src/commands/index.js';
import { loadKnowledgeBase } from '../src/data/load.js';
import { startGatewayBot, type GatewayBot } from '../src/discord/gateway-bot.js';
import { createInteractionsServer } from '../src/http/interactions-server.js';
import { ed25519PublicKey } from '../src/http/signature.js';
import { LiveKnowledgeBase } from '../src/knowledge/live-knowledge-base.js';
import type { ArticleReader } from '../src/sources/article-reader.js';
import { WorkerArticleReader } from '../src/sources/article-reader.js';
import type { ServerArticleStore } from '../src/store/server-article-store.js';
import { autocomplete, button, slashCommand, startFakeDiscord, type FakeDiscord, type FakeGuild, type InteractionHandle, type OptionInput } from './fake-discord/index.js';
import { endlessPage, page, redirect, silentPage, startPageServer, type PageServer } from './support/page-server.js';
import { openTestServerArticleStore } from './support/server-article-store.js';
import { isShownArticleText } from './support/shown-quote.js';
import { quotedPassages, viaHttp, type Surface } from './support/surfaces.js';

/**
 * The admin's whole loop in Discord: `/article add` with a file or a link, the private preview,
 * Add or Cancel, and members' questions answered from the server's own articles, in that server
 * only. Every page is served on 127.0.0.1 by the test; attachments by the fake Discord.
 */

const NEWS_PAGE = readFileSync(new URL('./fixtures/pages/lighthouse-museum.html', import.meta.url), 'utf8');
const FERRY_TEXT = readFileSync(new URL('./fixtures/ingest/harbour-ferry.txt', import.meta.url), 'utf8');
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
const NAV_ONLY = '<html><body><nav><a href="/">Home</a> <a href="/news">News</a></nav><div class="ad">Win a cruise</div><footer>Contact us</footer></body></html>';
const LIGHTHOUSE_ID = 'old-lighthouse-to-reopen-as-a-maritime-museum';
/** The server every interaction from tests/support/surfaces.ts' HTTP surface comes from. */
const HTTP_GUILD_ID = '1400000000000000002';
const { publicKey, privateKey } = generateKeyPairSync('ed25519');
const publicKeyHex = publicKey.export({ format: 'der', type: 'spki' }).subarray(12).toString('hex');

let fake: FakeDiscord;
let bot: GatewayBot;
let store: ServerArticleStore & { close(): Promise<void> };
let site: PageServer;
let elsewhere: PageServer;
let harbourClub: FakeGuild;
let chessClub: FakeGuild;
let member: APIUser;
/** A second instance: the HTTP interactions endpoint, with its own engines over the same store. */
let endpoint: Server;
let viaEndpoint: Surface;

beforeAll(async () => {
  // Harbour Club has the id the HTTP surface's payloads carry, so both instances serve the same server.
  fake = await startFakeDiscord({ guilds: [{ id: HTTP_GUILD_ID, name: 'Harbour Club' }, { name: 'Chess Club' }] });
  [harbourClub, chessClub] = fake.guilds as [FakeGuild, FakeGuild];
  member = fake.addUser({ username: 'member' });
  elsewhere = await startPageServer({ '/admin': page('<p>internal</p>') });
  site = await startPageServer({
    '/news/lighthouse': page(NEWS_PAGE),
    '/slow': silentPage(),
    '/photo.png': page(PNG.toString('latin1'), 'image/png'),
    '/huge': endlessPage(50 * 1024 * 1024),
    '/to-private': redirect(elsewhere.url('/admin')),
    '/front-page': page(NAV_ONLY),
  });
  store = await openTestServerArticleStore();
  const logger = pino({ level: 'silent' });
  const shared = new LiveKnowledgeBase('directory', loadKnowledgeBase().articles, { answerCacheSize: 100 });
  // Private addresses are refused except the two local servers a real deployment would reach publicly: the news site and Discord's CDN.
  const fakeCdn = new URL(fake.apiUrl).host;
  const { knowledge, serverArticles } = withServerArticles(shared, store, logger, {
    sources: { fetchTimeoutMs: 500, fetchMaxBytes: 1024 * 1024, allowPrivate: [site.hostPort, fakeCdn] },
    articleMaxBytes: 2 * 1024 * 1024,
    answerCacheSize: 100,
  });
  bot = await startGatewayBot({ knowledge, ...(serverArticles ? { serverArticles } : {}), commands: commandSet(), token: fake.token, apiUrl: fake.apiUrl, logger });
  const second = withServerArticles(new LiveKnowledgeBase('directory', loadKnowledgeBase().articles), store, logger, { sources: { fetchTimeoutMs: 500, fetchMaxBytes: 1024 * 1024, allowPrivate: [] }, articleMaxBytes: 2 * 1024 * 1024 });
  endpoint = createInteractionsServer({ knowledge: second.knowledge, ...(second.serverArticles ? { serverArticles: second.serverArticles } : {}), commands: commandSet(), publicKey: ed25519PublicKey(publicKeyHex), logger });
  await new Promise<void>((resolve) => endpoint.listen(0, '127.0.0.1', resolve));
  viaEndpoint = viaHttp(() => (endpoint.address() as AddressInfo).port, privateKey);
});

afterAll(async () => {
  await bot?.stop();
  await new Promise((resolve) => endpoint?.close(resolve));
  await fake?.close();
  await store?.close();
  await site?.close();
  await elsewhere?.close();
});

interface Shown {
  embed: APIEmbed;
  private: boolean;
  buttons: { label?: string; custom_id?: string; style?: number }[];
  message: APIMessage;
}

/** The reply as the user finally sees it: the first response, or the edit after a deferral. */
async function shown(handle: InteractionHandle): Promise<Shown> {
  const callback = await handle.waitForCallback();
  const deferred = callback.callbackType === InteractionResponseType.DeferredChannelMessageWithSource || callback.callbackType === InteractionResponseType.DeferredMessageUpdate;
  const final = deferred ? await handle.waitForEdit() : callback;
  const data = (final.data ?? {}) as { embeds?: APIEmbed[]; flags?: number; allowed_mentions?: unknown };
  expect(data.allowed_mentions).toEqual({ parse: [] });
  const flags = ((callback.data ?? {}) as { flags?: number }).flags ?? 0;
  const message = handle.originalMessage() as APIMessage;
  const buttons = (message?.components ?? []).flatMap((row) => ('components' in row ? (row.components as Shown['buttons']) : []));
  return { embed: data.embeds?.[0] ?? {}, private: (flags & MessageFlags.Ephemeral) !== 0, buttons, message };
}

function addCommand(source: { url?: string; file?: string }, guild: FakeGuild, user?: APIUser) {
  const options: OptionInput[] = [];
  if (source.url !== undefined) options.push({ name: 'url', value: source.url });
  if (source.file !== undefined) options.push({ name: 'file', type: ApplicationCommandOptionType.Attachment, value: source.file });
  return slashCommand('article', options, { subcommand: 'add', guildId: guild.id, ...(user ? { user } : {}) });
}

function ask(question: string, guild: FakeGuild, extra: { article?: string } = {}) {
  return slashCommand('ask', { question, ...extra }, { guildId: guild.id, user: member });
}

/** The block-quoted lines of an answer, un-escaped. */
function quotedLines(embed: APIEmbed): string[] {
  return (embed.description ?? '')
    .split('\n')
    .filter((line) => line.startsWith('> '))
    .map((line) => line.slice(2).replace(/\\([*_~`|>#\-[\]()\\:])/g, '$1').replace(/@\u200b/g, '@').replace(/…$/, ''));
}

async function pressAdd(preview: Shown, guild: FakeGuild, user?: APIUser): Promise<Shown> {
  const add = preview.buttons.find((b) => b.label === 'Add');
  expect(add?.custom_id).toMatch(/^article:add:/);
  return shown(fake.sendInteraction(button(add?.custom_id ?? '', preview.message, user ? { user } : {})));
}

const articleIds = async (guild: FakeGuild) => (await store.list(guild.id)).map((a) => a.id);

describe('GIVEN a server admin adding articles from Discord', () => {
  it('WHEN they attach a .txt file and press Add THEN members of that server are answered from it, verbatim, and another server is not', async () => {
    const file = fake.addAttachment({ filename: 'harbour-ferry.txt', content: FERRY_TEXT, contentType: 'text/plain; charset=utf-8' });
    const preview = await shown(fake.sendInteraction(addCommand({ file: file.id }, harbourClub)));
    expect(preview.private).toBe(true);
    expect(fake.attachmentDownloads).toContain(file.id);
    expect(preview.embed.title).toBe(FERRY_TEXT.split('\n')[0]);
    expect(preview.embed.description).toContain('Karen Lowe');
    expect(preview.embed.description).toMatch(/\d+ quotes?/);
    for (const line of quotedLines(preview.embed)) expect(isShownArticleText(line, [FERRY_TEXT]), line).toBe(true);
    expect(preview.buttons.map((b) => [b.label, b.style])).toEqual([
      ['Add', ButtonStyle.Success],
      ['Cancel', ButtonStyle.Secondary],
    ]);
    // Previewed, not added yet: members are not answered from it.
    expect(await articleIds(harbourClub)).toEqual([]);

    const added = await pressAdd(preview, harbourClub);
    expect(added.embed.description).toContain('Added');
    expect(added.buttons).toEqual([]);
    expect(await articleIds(harbourClub)).toHaveLength(1);

    const answer = await shown(fake.sendInteraction(ask('what did Karen Lowe say?', harbourClub)));
    const lines = quotedLines(answer.embed);
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(isShownArticleText(line, [FERRY_TEXT]), line).toBe(true);
    expect(answer.embed.description).toContain('Karen Lowe');

    const elsewhereAnswer = await shown(fake.sendInteraction(ask('what did Karen Lowe say?', chessClub)));
    expect(elsewhereAnswer.embed.description).toContain("doesn't mention Karen Lowe");
    expect(elsewhereAnswer.embed.description).not.toContain('Alison McRae');
    for (const line of quotedLines(elsewhereAnswer.embed)) expect(isShownArticleText(line, [FERRY_TEXT]), line).toBe(false);
  });

  it('WHEN they give a link to a news page THEN the preview shows the article without the page around it, and after Add members are answered from it', async () => {
    const preview = await shown(fake.sendInteraction(addCommand({ url: site.url('/news/lighthouse') }, harbourClub)));
    expect(preview.private).toBe(true);
    expect(preview.embed.title).toBe('Old lighthouse to reopen as a maritime museum');
    expect(preview.embed.author?.name).toContain('The Kestrel Bay Courier');
    expect(preview.embed.description).toContain('Harriet Okafor');
    expect(preview.embed.description).toContain('Council leader');
    expect(preview.embed.description).not.toMatch(/ADVERTISEMENT|tourist trap|Cookie/);

    await pressAdd(preview, harbourClub);
    const answer = await shown(fake.sendInteraction(ask('what did Tomas Lindqvist say?', harbourClub)));
    const texts = (await store.list(harbourClub.id)).map((a) => a.text);
    const lines = quotedLines(answer.embed);
    expect(lines.join(' ')).toContain('two hundred and twelve');
    for (const line of lines) expect(isShownArticleText(line, texts), line).toBe(true);

    const other = await shown(fake.sendInteraction(ask('what did Tomas Lindqvist say?', chessClub)));
    expect(quotedLines(other.embed).join(' ')).not.toContain('two hundred and twelve');
    const inDm = await shown(fake.sendInteraction(slashCommand('ask', { question: 'what did Tomas Lindqvist say?' }, { dm: true, user: member })));
    expect(quotedLines(inDm.embed).join(' ')).not.toContain('two hundred and twelve');
    // A user-installed app used in the server answers from the bundled articles only.
    const userInstall = slashCommand('ask', { question: 'what did Tomas Lindqvist say?' }, { guildId: harbourClub.id, user: member });
    const viaUser = await shown(fake.sendInteraction({ ...userInstall, overrides: { authorizing_integration_owners: { '1': member.id } } }));
    expect(quotedLines(viaUser.embed).join(' ')).not.toContain('two hundred and twelve');

    const listed = await shown(fake.sendInteraction(slashCommand('article', [], { subcommand: 'list', guildId: harbourClub.id })));
    expect(listed.private).toBe(true);
    expect(listed.embed.description).toContain('Old lighthouse to reopen as a maritime museum');
    expect(listed.embed.description).toContain('Ferry operator fined');
  });

  it('WHEN the HTTP endpoint, another instance on the same store, is asked in that server THEN it answers from the article added through the gateway bot', async () => {
    const answer = await viaEndpoint.send(slashCommand('ask', { question: 'what did Karen Lowe say?' }));
    const lines = quotedPassages(answer);
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(isShownArticleText(line.replace(/…$/, ''), [FERRY_TEXT]), line).toBe(true);
    // Its member has no Manage Server: the endpoint checks the permission as the gateway bot does.
    const refused = await viaEndpoint.send(slashCommand('article', [], { subcommand: 'list' }));
    expect(JSON.stringify(refused.data)).toContain('Manage Server');
  });

  it('WHEN a member mentions the bot with a question in that server THEN the reply quotes the server’s article; in another server it does not', async () => {
    const inServer = async (guild: FakeGuild) => {
      const since = fake.checkpoint();
      const channelId = guild.channels[0]?.id ?? '';
      fake.sendMessage({ content: `<@${fake.botUser.id}> what did Karen Lowe say?`, mentions: [fake.botUser], author: member, guildId: guild.id, channelId });
      const reply = await fake.waitForBotMessage({ channelId, action: 'create', since });
      return (reply.message.embeds ?? [])[0] ?? {};
    };
    const here = await inServer(harbourClub);
    const lines = quotedLines(here);
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(isShownArticleText(line, [FERRY_TEXT]), line).toBe(true);
    expect(quotedLines(await inServer(chessClub)).filter((line) => isShownArticleText(line, [FERRY_TEXT]))).toEqual([]);
  });

  it('WHEN an article is removed THEN it leaves answers and autocomplete at once', async () => {
    const suggest = async (command: string, options: Record<string, string>, focused: string, subcommand?: string) => {
      const callback = await fake.sendInteraction(autocomplete(command, options, focused, { guildId: harbourClub.id, ...(subcommand ? { subcommand } : {}) })).waitForCallback();
      return ((callback.data ?? {}) as { choices: { value: string }[] }).choices.map((c) => c.value);
    };
    expect(await suggest('ask', { article: 'lighthouse' }, 'article')).toContain(LIGHTHOUSE_ID);
    expect(await suggest('article', { article: 'lighth' }, 'article', 'remove')).toContain(LIGHTHOUSE_ID);
    const chess = await fake.sendInteraction(autocomplete('ask', { article: 'lighthouse' }, 'article', { guildId: chessClub.id })).waitForCallback();
    expect(JSON.stringify(chess.data)).not.toContain(LIGHTHOUSE_ID);

    const removed = await shown(fake.sendInteraction(slashCommand('article', { article: LIGHTHOUSE_ID }, { subcommand: 'remove', guildId: harbourClub.id })));
    expect(removed.private).toBe(true);
    expect(removed.embed.description).toContain('Removed');
    expect(await articleIds(harbourClub)).not.toContain(LIGHTHOUSE_ID);

    const answer = await shown(fake.sendInteraction(ask('what did Tomas Lindqvist say?', harbourClub)));
    expect(quotedLines(answer.embed).join(' ')).not.toContain('two hundred and twelve');
    expect(await suggest('ask', { article: 'lighthouse' }, 'article')).not.toContain(LIGHTHOUSE_ID);
    expect(await suggest('article', { article: 'lighth' }, 'article', 'remove')).not.toContain(LIGHTHOUSE_ID);
    // The other article stays.
    const ferry = await shown(fake.sendInteraction(ask('what did Karen Lowe say?', harbourClub)));
    expect(ferry.embed.description).toContain('Karen Lowe');
  });

  it('WHEN they press Cancel THEN nothing is stored, and the preview’s Add no longer works', async () => {
    const before = await articleIds(harbourClub);
    const preview = await shown(fake.sendInteraction(addCommand({ url: site.url('/news/lighthouse') }, harbourClub)));
    const cancel = preview.buttons.find((b) => b.label === 'Cancel');
    const cancelled = await shown(fake.sendInteraction(button(cancel?.custom_id ?? '', preview.message)));
    expect(cancelled.embed.description).toContain('Cancelled');
    expect(cancelled.buttons).toEqual([]);
    expect(await articleIds(harbourClub)).toEqual(before);
    const late = await pressAdd(preview, harbourClub);
    expect(late.embed.description).toMatch(/expired or was already handled/);
    expect(await articleIds(harbourClub)).toEqual(before);
  });

  it('WHEN a member without Manage Server tries THEN they are refused, nothing is fetched and nothing stored', async () => {
    const before = await articleIds(chessClub);
    const fetched = site.requests.length;
    const refused = await shown(fake.sendInteraction(addCommand({ url: site.url('/news/lighthouse') }, chessClub, member)));
    expect(refused.private).toBe(true);
    expect(refused.embed.description).toContain('Manage Server');
    expect(site.requests.length).toBe(fetched);
    // An admin's preview pressed by a member is refused too.
    const preview = await shown(fake.sendInteraction(addCommand({ url: site.url('/news/lighthouse') }, chessClub)));
    const pressed = await pressAdd(preview, chessClub, member);
    expect(pressed.embed.description).toContain('Manage Server');
    expect(await articleIds(chessClub)).toEqual(before);
    const list = await shown(fake.sendInteraction(slashCommand('article', [], { subcommand: 'list', guildId: chessClub.id, user: member })));
    expect(list.embed.description).toContain('Manage Server');
  });

  it('WHEN /article is used in a DM THEN it says it works in servers', async () => {
    const reply = await shown(fake.sendInteraction(slashCommand('article', [], { subcommand: 'list', dm: true, user: member })));
    expect(reply.embed.description).toMatch(/in a server/);
  });
});

describe('GIVEN bad input to /article add', () => {
  const cases: [string, () => { url?: string; file?: string }, RegExp][] = [
    ['a link that never answers', () => ({ url: site.url('/slow') }), /did not send the page within 0\.5 s/],
    ['a link that is not found', () => ({ url: site.url('/missing') }), /answered 404/],
    ['a link to an image', () => ({ url: site.url('/photo.png') }), /image\/png, not a web page/],
    ['a 50 MB page', () => ({ url: site.url('/huge') }), /larger than the 1 MB/],
    ['a link that redirects to a private address', () => ({ url: site.url('/to-private') }), /private or local network/],
    ['a page with no article text', () => ({ url: site.url('/front-page') }), /no article text/i],
    ['a link to the local network', () => ({ url: 'http://192.168.1.1/router' }), /private or local network/],
    ['a binary file', () => ({ file: fake.addAttachment({ filename: 'scan.txt', content: PNG, contentType: 'text/plain' }).id }), /not text/],
    ['a huge file', () => ({ file: fake.addAttachment({ filename: 'dump.txt', content: Buffer.alloc(2 * 1024 * 1024, 'a'), contentType: 'text/plain' }).id }), /I take files up to 1 MB/],
    ['a file of another kind', () => ({ file: fake.addAttachment({ filename: 'article.pdf', content: '%PDF-1.4', contentType: 'application/pdf' }).id }), /\.txt, \.md and \.html/],
    ['both a link and a file', () => ({ url: site.url('/news/lighthouse'), file: fake.addAttachment({ filename: 'a.txt', content: FERRY_TEXT }).id }), /exactly one/],
    ['neither a link nor a file', () => ({}), /exactly one/],
  ];
  it.each(cases)('WHEN it is %s THEN the admin gets a clear private message and nothing is stored', async (_name, source, expected) => {
    const before = await articleIds(chessClub);
    const reply = await shown(fake.sendInteraction(addCommand(source(), chessClub)));
    expect(reply.private).toBe(true);
    expect(reply.embed.description).toMatch(expected);
    expect(reply.buttons).toEqual([]);
    expect(await articleIds(chessClub)).toEqual(before);
    expect(elsewhere.requests).toEqual([]);
  });
});

describe('GIVEN a store slow to confirm', () => {
  it('WHEN Add is pressed THEN the bot acknowledges within Discord’s 3 s with a deferred update, then edits the preview to say it was added', async () => {
    const slowFake = await startFakeDiscord();
    const inner = await openTestServerArticleStore();
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const slowStore: ServerArticleStore = {
      list: (g) => inner.list(g),
      revision: (g) => inner.revision(g),
      stage: (g, a) => inner.stage(g, a),
      cancel: (g, k) => inner.cancel(g, k),
      remove: (g, id) => inner.remove(g, id),
      confirm: async (g, k) => {
        await gate;
        return inner.confirm(g, k);
      },
    };
    const logger = pino({ level: 'silent' });
    const { knowledge, serverArticles } = withServerArticles(new LiveKnowledgeBase('directory', loadKnowledgeBase().articles), slowStore, logger, {
      sources: { fetchTimeoutMs: 500, fetchMaxBytes: 1024 * 1024, allowPrivate: [new URL(slowFake.apiUrl).host] },
      articleMaxBytes: 2 * 1024 * 1024,
    });
    const slowBot = await startGatewayBot({ knowledge, ...(serverArticles ? { serverArticles } : {}), commands: commandSet(), token: slowFake.token, apiUrl: slowFake.apiUrl, logger, deferAfterMs: 50 });
    try {
      const file = slowFake.addAttachment({ filename: 'harbour-ferry.txt', content: FERRY_TEXT, contentType: 'text/plain' });
      const command = slowFake.sendInteraction(slashCommand('article', [{ name: 'file', type: ApplicationCommandOptionType.Attachment, value: file.id }], { subcommand: 'add' }));
      await command.waitForEdit();
      const preview = command.originalMessage() as APIMessage;
      const add = (preview.components ?? []).flatMap((row) => ('components' in row ? (row.components as { label?: string; custom_id?: string }[]) : [])).find((b) => b.label === 'Add');
      const press = slowFake.sendInteraction(button(add?.custom_id ?? '', preview));
      const first = await press.waitForCallback();
      expect(first.callbackType).toBe(InteractionResponseType.DeferredMessageUpdate);
      expect(await inner.list(slowFake.guild.id)).toEqual([]);
      release();
      const edited = await press.waitForEdit();
      expect(JSON.stringify(edited.data)).toContain('Added');
      expect(press.originalMessage()?.id).toBe(preview.id);
      expect(press.originalMessage()?.components ?? []).toEqual([]);
      expect(await inner.list(slowFake.guild.id)).toHaveLength(1);
    } finally {
      release();
      await slowBot.stop();
      await slowFake.close();
    }
  });
});

describe('GIVEN an admin adding an article while members ask', () => {
  let busyFake: FakeDiscord;
  let busyBot: GatewayBot;
  let inner: ServerArticleStore & { close(): Promise<void> };
  let news: PageServer;
  let sources: { reader?: ArticleReader } = {};
  let realReader: ArticleReader | undefined;
  /** What happened, in order: a member's answer arriving, and an add handing the article it read to the store. */
  const order: string[] = [];
  let pageSent: () => void = () => undefined;

  beforeAll(async () => {
    busyFake = await startFakeDiscord();
    inner = await openTestServerArticleStore();
    const store: ServerArticleStore = {
      list: (g) => inner.list(g),
      revision: (g) => inner.revision(g),
      stage: (g, a) => {
        order.push('article read');
        return inner.stage(g, a);
      },
      cancel: (g, k) => inner.cancel(g, k),
      remove: (g, id) => inner.remove(g, id),
      confirm: (g, k) => inner.confirm(g, k),
    };
    news = await startPageServer({
      '/news/lighthouse': (request, response) => {
        response.once('finish', () => pageSent());
        page(NEWS_PAGE)(request, response);
      },
    });
    const logger = pino({ level: 'silent' });
    const { knowledge, serverArticles } = withServerArticles(new LiveKnowledgeBase('directory', loadKnowledgeBase().articles), store, logger, {
      sources: { fetchTimeoutMs: 5000, fetchMaxBytes: 1024 * 1024, allowPrivate: [news.hostPort, new URL(busyFake.apiUrl).host] },
      articleMaxBytes: 2 * 1024 * 1024,
    });
    if (serverArticles) sources = serverArticles.sources;
    realReader = sources.reader;
    busyBot = await startGatewayBot({ knowledge, ...(serverArticles ? { serverArticles } : {}), commands: commandSet(), token: busyFake.token, apiUrl: busyFake.apiUrl, logger });
  });

  afterAll(async () => {
    await busyBot?.stop();
    await busyFake?.close();
    await inner?.close();
    await news?.close();
  });

  const askWho = () => busyFake.sendInteraction(slashCommand('ask', { question: 'who is quoted?' }, { guildId: busyFake.guild.id, user: member }));

  it('WHEN a member asks while the page is being read THEN the member is answered before the add finishes reading it', async () => {
    const pageDone = new Promise<void>((resolve) => (pageSent = resolve));
    // The article is read only after the member has been answered: however fast or slow this machine, the member's
    // question comes in while the add is still reading, and only a bot that keeps serving meanwhile can answer it.
    let memberAnswered: () => void = () => undefined;
    const answered = new Promise<void>((resolve) => (memberAnswered = resolve));
    const reader = realReader;
    if (reader) sources.reader = { read: (job) => answered.then(() => reader.read(job)) };
    try {
      const adding = busyFake.sendInteraction(addCommand({ url: news.url('/news/lighthouse') }, busyFake.guild));
      await pageDone;
      const answer = await shown(askWho());
      order.push('member answered');
      memberAnswered();
      expect(answer.embed.description ?? '').not.toBe('');
      const preview = await shown(adding);
      expect(preview.embed.title).toBe('Old lighthouse to reopen as a maritime museum');
      expect(order).toEqual(['member answered', 'article read']);
    } finally {
      memberAnswered();
      sources.reader = realReader;
    }
  });

  it('WHEN the thread reading the article dies THEN the admin gets a private message saying so, nothing is stored, and members are still answered', async () => {
    const dying = new WorkerArticleReader({ script: new URL('./support/dying-reader-worker.ts', import.meta.url) });
    sources.reader = dying;
    try {
      const before = (await inner.list(busyFake.guild.id)).length;
      const file = busyFake.addAttachment({ filename: 'exit.txt', content: `EXIT\n\n${FERRY_TEXT}`, contentType: 'text/plain' });
      const reply = await shown(busyFake.sendInteraction(addCommand({ file: file.id }, busyFake.guild)));
      expect(reply.private).toBe(true);
      expect(reply.embed.description).toMatch(/failed on my side/);
      expect(reply.buttons).toEqual([]);
      expect(await inner.list(busyFake.guild.id)).toHaveLength(before);
      expect((await shown(askWho())).embed.description ?? '').not.toBe('');
      // The next add gets a new reading thread.
      const again = await shown(busyFake.sendInteraction(addCommand({ file: busyFake.addAttachment({ filename: 'ferry.txt', content: FERRY_TEXT, contentType: 'text/plain' }).id }, busyFake.guild)));
      expect(again.embed.title).toBe(FERRY_TEXT.split('\n')[0]);
    } finally {
      sources.reader = realReader;
      await dying.close();
    }
  });
});
