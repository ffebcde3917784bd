import { once } from 'node:events';
import zlib from 'node:zlib';
import { describe, it, expect } from 'vitest';
import {
  ActionRowBuilder,
  ButtonBuilder,
  ButtonStyle,
  ChannelType,
  Client,
  Events,
  GatewayIntentBits,
  InteractionResponseType,
  MessageFlags,
  Partials,
  REST,
  Routes,
} from 'discord.js';
import type { ClientOptions, Interaction, Message } from 'discord.js';
import { WebSocket } from 'ws';
import {
  autocomplete,
  button,
  messageContextMenu,
  slashCommand,
  startFakeDiscord,
} from './fake-discord/index.js';
import type { FakeDiscord, FakeDiscordOptions } from './fake-discord/index.js';

const INTENTS = [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages];

/** No-op identify throttler: @discordjs/ws otherwise waits ~5 s between IDENTIFYs of a shard. */
const noIdentifyThrottle: NonNullable<ClientOptions['ws']>['buildIdentifyThrottler'] = () => ({
  async waitForIdentify() {},
});

async function withFake(
  options: FakeDiscordOptions,
  run: (fake: FakeDiscord) => Promise<void>,
): Promise<void> {
  const fake = await startFakeDiscord(options);
  try {
    await run(fake);
  } finally {
    await fake.close();
  }
}

async function withClient(
  fake: FakeDiscord,
  run: (client: Client) => Promise<void>,
  extra: Partial<ClientOptions> = {},
): Promise<void> {
  const client = new Client({
    intents: INTENTS,
    partials: [Partials.Channel],
    rest: { api: fake.apiUrl },
    ...extra,
  });
  try {
    const ready = once(client, Events.ClientReady);
    await client.login(fake.token);
    await ready;
    await run(client);
  } finally {
    await client.destroy();
  }
}

/** Resolves with the next interaction of the client (rejects after timeoutMs). */
function nextInteraction(client: Client, timeoutMs = 3000): Promise<Interaction> {
  return once(client, Events.InteractionCreate, { signal: AbortSignal.timeout(timeoutMs) }).then(
    ([interaction]) => interaction as Interaction,
  );
}

describe('fake Discord', () => {
  it('lets the real discord.js Client log in (READY + GUILD_CREATE)', async () => {
    await withFake({}, async (fake) => {
      await withClient(fake, async (client) => {
        expect(client.user?.id).toBe(fake.botUser.id);
        expect(client.user?.username).toBe(fake.botUser.username);
        expect(client.user?.bot).toBe(true);
        expect(client.application?.id).toBe(fake.applicationId);

        const guild = client.guilds.cache.get(fake.guild.id);
        expect(guild?.available).toBe(true);
        expect(guild?.name).toBe('Fake Guild');
        expect(guild?.roles.everyone.id).toBe(fake.guild.id);
        expect(guild?.members.me?.id).toBe(fake.botUser.id);
        const channel = client.channels.cache.get(fake.channel.id);
        expect(channel?.type).toBe(ChannelType.GuildText);
        expect(channel?.isSendable()).toBe(true);

        const identify = await fake.waitForIdentify();
        expect(identify.accepted).toBe(true);
        expect(identify.shard).toEqual([0, 1]);
        expect(identify.intents).toBe(
          GatewayIntentBits.Guilds | GatewayIntentBits.GuildMessages | GatewayIntentBits.DirectMessages,
        );
        expect(identify.compress).toBe(false);
        const [conn] = fake.connections();
        expect(conn?.url).toBe('/?v=10&encoding=json');

        const app = await client.application?.fetch();
        expect(app?.id).toBe(fake.applicationId);
        expect((await client.users.fetch(fake.user.id, { force: true })).username).toBe('alice');
        expect((await client.user?.fetch(true))?.id).toBe(fake.botUser.id);

        const gatewayBot = await fake.waitForRequest((r) => r.path === '/gateway/bot');
        expect(gatewayBot.auth).toBe('valid');
        expect(gatewayBot.headers['user-agent']).toMatch(/^DiscordBot/);
        expect(fake.unexpectedRequests()).toEqual([]);
      });
    });
  });

  it('routes interactions: reply, defer+edit, follow-up, autocomplete, button update, context menu, DM', async () => {
    await withFake({}, async (fake) => {
      await withClient(fake, async (client) => {
        // 1. plain reply
        let pending = nextInteraction(client);
        const hello = fake.sendInteraction(slashCommand('ask', { question: 'who?', count: 3 }));
        let interaction = await pending;
        expect(interaction.isChatInputCommand()).toBe(true);
        if (!interaction.isChatInputCommand()) return;
        expect(interaction.options.getString('question')).toBe('who?');
        expect(interaction.options.getInteger('count')).toBe(3);
        expect(interaction.inGuild()).toBe(true);
        expect(interaction.user.id).toBe(fake.user.id);
        await interaction.reply({ content: 'hi', allowedMentions: { parse: [] } });
        const callback = await hello.waitForCallback();
        expect(callback.callbackType).toBe(InteractionResponseType.ChannelMessageWithSource);
        expect(callback.body).toEqual({
          type: InteractionResponseType.ChannelMessageWithSource,
          data: expect.objectContaining({ content: 'hi', allowed_mentions: { parse: [] } }),
        });
        expect(hello.originalMessage()?.content).toBe('hi');
        const reply = await interaction.fetchReply();
        expect(reply.content).toBe('hi');

        // 2. deferReply + editReply + followUp
        pending = nextInteraction(client);
        const slow = fake.sendInteraction(slashCommand('ask', { question: 'slow' }));
        interaction = await pending;
        if (!interaction.isChatInputCommand()) throw new Error('expected a chat input command');
        await interaction.deferReply({ flags: MessageFlags.Ephemeral });
        const deferred = await slow.waitForCallback();
        expect(deferred.body).toEqual({
          type: InteractionResponseType.DeferredChannelMessageWithSource,
          data: { flags: MessageFlags.Ephemeral },
        });
        expect(slow.originalMessage()?.flags).toBe(MessageFlags.Ephemeral | MessageFlags.Loading);
        const edited = await interaction.editReply({ content: 'the answer' });
        expect(edited.content).toBe('the answer');
        expect((await slow.waitForEdit()).data?.content).toBe('the answer');
        expect(slow.originalMessage()?.flags).toBe(MessageFlags.Ephemeral);
        await interaction.followUp({ content: 'more' });
        expect((await slow.waitForFollowUp()).data?.content).toBe('more');

        // 3. autocomplete
        pending = nextInteraction(client);
        const auto = fake.sendInteraction(autocomplete('ask', { question: 'wh' }, 'question'));
        interaction = await pending;
        if (!interaction.isAutocomplete()) throw new Error('expected autocomplete');
        expect(interaction.options.getFocused()).toBe('wh');
        await interaction.respond([{ name: 'who', value: 'who' }]);
        const choices = await auto.waitForCallback();
        expect(choices.body).toEqual({
          type: InteractionResponseType.ApplicationCommandAutocompleteResult,
          data: { choices: [{ name: 'who', value: 'who' }] },
        });

        // 4. button on the bot's reply → update
        const withButton = hello.originalMessage();
        if (!withButton) throw new Error('no original message');
        pending = nextInteraction(client);
        const click = fake.sendInteraction(button('more', withButton));
        interaction = await pending;
        if (!interaction.isButton()) throw new Error('expected a button');
        expect(interaction.customId).toBe('more');
        expect(interaction.message.id).toBe(withButton.id);
        const row = new ActionRowBuilder<ButtonBuilder>().addComponents(
          new ButtonBuilder().setCustomId('less').setLabel('Less').setStyle(ButtonStyle.Secondary),
        );
        await interaction.update({ content: 'updated', components: [row] });
        const update = await click.waitForCallback();
        expect(update.callbackType).toBe(InteractionResponseType.UpdateMessage);
        expect(update.data?.content).toBe('updated');
        expect(fake.state.findMessage(withButton.id)?.content).toBe('updated');

        // 5. message context menu on a user message
        const userMessage = fake.sendMessage({ content: 'an article quote', channelId: fake.channel.id }).message;
        pending = nextInteraction(client);
        const menu = fake.sendInteraction(messageContextMenu('Explain', userMessage));
        interaction = await pending;
        if (!interaction.isMessageContextMenuCommand()) throw new Error('expected a message context menu');
        expect(interaction.targetId).toBe(userMessage.id);
        expect(interaction.targetMessage.content).toBe('an article quote');
        await interaction.reply({ content: 'explained', flags: MessageFlags.Ephemeral });
        expect((await menu.waitForCallback()).data).toMatchObject({ content: 'explained', flags: MessageFlags.Ephemeral });

        // 6. slash command in a DM
        pending = nextInteraction(client);
        const dm = fake.sendInteraction(slashCommand('ask', { question: 'dm?' }, { dm: true }));
        interaction = await pending;
        if (!interaction.isChatInputCommand()) throw new Error('expected a chat input command');
        expect(interaction.inGuild()).toBe(false);
        expect(interaction.channel?.type).toBe(ChannelType.DM);
        expect(interaction.user.id).toBe(fake.user.id);
        await interaction.reply('dm reply');
        expect((await dm.waitForCallback()).data?.content).toBe('dm reply');

        expect(fake.unexpectedRequests()).toEqual([]);
      });
    });
  });

  it('delivers DM messages as messageCreate and receives message.reply()', async () => {
    await withFake({}, async (fake) => {
      await withClient(fake, async (client) => {
        const received = once(client, Events.MessageCreate, { signal: AbortSignal.timeout(3000) });
        const sent = fake.sendMessage({ content: 'hello bot', dm: true });
        const [message] = (await received) as [Message];
        expect(message.content).toBe('hello bot');
        expect(message.channel.type).toBe(ChannelType.DM);
        expect(message.author.id).toBe(fake.user.id);
        expect(message.inGuild()).toBe(false);

        const since = fake.checkpoint();
        // Like Discord, the bot also receives MESSAGE_CREATE for its own messages.
        const echoed = once(client, Events.MessageCreate, { signal: AbortSignal.timeout(3000) });
        await message.reply({ content: 'hello human', allowedMentions: { repliedUser: false } });
        const reply = await fake.waitForBotMessage({ channelId: sent.message.channel_id, since });
        expect(reply.body?.content).toBe('hello human');
        expect(reply.message.message_reference?.message_id).toBe(sent.message.id);
        expect(reply.message.mentions).toEqual([]);
        expect(reply.message.author.id).toBe(fake.botUser.id);
        const [own] = (await echoed) as [Message];
        expect(own.author.id).toBe(client.user?.id);

        // Opening a DM (POST /users/@me/channels) and sending into it.
        const bob = fake.addUser({ username: 'bob' });
        await (await client.users.fetch(bob.id)).send('hi bob');
        const dmOpen = await fake.waitForRequest((r) => r.method === 'POST' && r.path === '/users/@me/channels');
        expect(dmOpen.body).toEqual({ recipient_id: bob.id });
        const toBob = await fake.waitForBotMessage({ channelId: fake.dmChannelFor(bob).id });
        expect(toBob.message.content).toBe('hi bob');
        expect(fake.unexpectedRequests()).toEqual([]);
      });
    });
  });

  it('withholds guild message content without the MessageContent intent unless the bot is mentioned', async () => {
    await withFake({}, async (fake) => {
      await withClient(fake, async (client) => {
        let received = once(client, Events.MessageCreate, { signal: AbortSignal.timeout(3000) });
        const plain = fake.sendMessage({ content: 'not for you' });
        const [first] = (await received) as [Message];
        expect(plain.contentVisibleToBot).toBe(false);
        expect(first.content).toBe('');

        received = once(client, Events.MessageCreate, { signal: AbortSignal.timeout(3000) });
        fake.sendMessage({ content: `<@${fake.botUser.id}> what does the article say?` });
        const [second] = (await received) as [Message];
        expect(second.content).toContain('what does the article say?');
        expect(second.mentions.users.has(fake.botUser.id)).toBe(true);
      });
    });
  });

  it('reconnects and resumes after a dropped connection, replaying missed events', async () => {
    await withFake({}, async (fake) => {
      await withClient(fake, async (client) => {
        const since = fake.checkpoint();
        const resumed = once(client, Events.ShardResume, { signal: AbortSignal.timeout(3000) });
        await fake.dropConnections(); // abrupt, client sees 1006
        // Dispatched while disconnected: buffered and replayed on RESUME.
        const missed = fake.sendInteraction(slashCommand('ask', { question: 'missed?' }));
        expect(missed.dispatch.status).toBe('buffered');
        const pending = nextInteraction(client);
        const resume = await fake.waitForResume({ since });
        expect(resume.outcome).toBe('resumed');
        expect(resume.replayed).toBe(1);
        await resumed;
        expect(fake.connections().filter((c) => c.open)[0]?.viaResumeUrl).toBe(true);

        const interaction = await pending;
        expect(interaction.id).toBe(missed.id);
        if (!interaction.isChatInputCommand()) throw new Error('expected a chat input command');
        await interaction.reply('after resume');
        expect((await missed.waitForCallback()).data?.content).toBe('after resume');

        // and a fresh one after the resume
        const next = nextInteraction(client);
        const fresh = fake.sendInteraction(slashCommand('ask', { question: 'again' }));
        const again = await next;
        if (!again.isChatInputCommand()) throw new Error('expected a chat input command');
        await again.reply('still here');
        expect((await fresh.waitForCallback()).data?.content).toBe('still here');
        expect(fake.events.filter((e) => e.kind === 'identify')).toHaveLength(1);
      });
    });
  });

  it('stores application commands put through discord.js REST', async () => {
    await withFake({}, async (fake) => {
      const rest = new REST({ api: fake.apiUrl }).setToken(fake.token);
      const body = [
        {
          name: 'ask',
          description: 'Ask about an article',
          options: [{ name: 'question', description: 'Your question', type: 3, required: true, autocomplete: true }],
        },
        { name: 'Explain', type: 3 },
      ];
      const put = (await rest.put(Routes.applicationGuildCommands(fake.applicationId, fake.guild.id), { body })) as {
        id: string;
        name: string;
      }[];
      expect(put.map((c) => c.name)).toEqual(['ask', 'Explain']);
      const got = (await rest.get(Routes.applicationGuildCommands(fake.applicationId, fake.guild.id))) as typeof put;
      expect(got).toEqual(put);
      expect(fake.commands(fake.guild.id)).toHaveLength(2);
      // re-putting keeps ids (Discord's bulk overwrite semantics)
      const again = (await rest.put(Routes.applicationGuildCommands(fake.applicationId, fake.guild.id), { body })) as typeof put;
      expect(again.map((c) => c.id)).toEqual(put.map((c) => c.id));

      await expect(
        rest.put(Routes.applicationGuildCommands(fake.applicationId, fake.guild.id), { body: [{ name: 'Bad Name', description: 'x' }] }),
      ).rejects.toMatchObject({ status: 400, code: 50035 });
      await expect(new REST({ api: fake.apiUrl }).setToken('wrong').get(Routes.user('@me'))).rejects.toMatchObject({ status: 401 });

      // Rate-limit headers discord.js reads.
      const res = await fetch(`${fake.apiUrl}/v10/users/@me`, { headers: { Authorization: `Bot ${fake.token}` } });
      expect(res.status).toBe(200);
      expect(Number(res.headers.get('x-ratelimit-limit'))).toBeGreaterThan(0);
      expect(res.headers.get('x-ratelimit-remaining')).toMatch(/^\d+$/);
      expect(res.headers.get('x-ratelimit-reset-after')).toMatch(/^\d+\.\d{3}$/);
      expect(res.headers.get('x-ratelimit-bucket')).toBeTruthy();

      // Unknown routes: Discord-shaped 404, recorded for "nothing unexpected was called" assertions.
      await expect(rest.get('/definitely/not/a/route')).rejects.toMatchObject({ status: 404, code: 0 });
      expect(fake.unexpectedRequests().map((r) => `${r.method} ${r.path}`)).toEqual(['GET /definitely/not/a/route']);
    });
  });

  it('follows discord.js reconnect rules per close code (observed)', async () => {
    type Trigger = (fake: FakeDiscord) => Promise<unknown> | unknown;
    const cases: { name: string; trigger: Trigger; expected: string[] }[] = [
      { name: 'abrupt drop (1006)', trigger: (f) => f.dropConnections(), expected: ['resume:resumed'] },
      { name: '4000 unknown error', trigger: (f) => f.dropConnections(4000), expected: ['resume:resumed'] },
      { name: '1001 going away', trigger: (f) => f.dropConnections(1001), expected: ['resume:resumed'] },
      { name: 'op 7 reconnect', trigger: (f) => f.sendReconnect(), expected: ['resume:resumed'] },
      { name: 'op 9 resumable', trigger: (f) => f.invalidateSession(true), expected: ['resume:resumed'] },
      { name: '4009 session timed out', trigger: (f) => f.dropConnections(4009), expected: ['resume:invalid-session', 'identify'] },
      { name: '4007 invalid seq', trigger: (f) => f.dropConnections(4007), expected: ['identify'] },
      { name: '1000 normal', trigger: (f) => f.dropConnections(1000), expected: ['identify'] },
      { name: 'op 9 not resumable', trigger: (f) => f.invalidateSession(false), expected: ['identify'] },
      { name: '4004 authentication failed', trigger: (f) => f.dropConnections(4004), expected: [] },
      {
        name: 'zombie (no heartbeat ACK)',
        trigger: async (f) => {
          f.ackHeartbeats = false;
          const since = f.checkpoint();
          await f.waitForDisconnect({ since });
          f.ackHeartbeats = true;
        },
        expected: ['resume:resumed'],
      },
    ];

    const results = await Promise.all(
      cases.map(async ({ name, trigger, expected }) => {
        let observed: string[] = [];
        await withFake({ heartbeatIntervalMs: name.startsWith('zombie') ? 40 : 41250 }, async (fake) => {
          await withClient(
            fake,
            async (client) => {
              const since = fake.checkpoint();
              const signal = AbortSignal.timeout(3500);
              const settled = Promise.race([
                once(client, Events.ShardResume, { signal }),
                once(client, Events.ShardReady, { signal }),
                once(client, Events.ShardDisconnect, { signal }),
              ]);
              await trigger(fake);
              await settled;
              observed = fake.events
                .slice(since)
                .flatMap((e) =>
                  e.kind === 'resume' ? [`resume:${e.outcome}`] : e.kind === 'identify' ? ['identify'] : [],
                );
              if (expected.length === 0) return;
              // the client is usable again
              const pending = nextInteraction(client);
              const handle = fake.sendInteraction(slashCommand('ask', { question: name }));
              const interaction = await pending;
              if (!interaction.isChatInputCommand()) throw new Error('expected a chat input command');
              await interaction.reply(name);
              await handle.waitForCallback();
            },
            { ws: { buildIdentifyThrottler: noIdentifyThrottle } },
          );
        });
        return { name, observed, expected };
      }),
    );
    for (const r of results) expect(r.observed, r.name).toEqual(r.expected);
  });

  it('injects REST faults: 429 + Retry-After, 5xx retries, delays, dropped sockets', async () => {
    await withFake({}, async (fake) => {
      await withClient(fake, async (client) => {
        const channel = client.channels.cache.get(fake.channel.id);
        if (!channel?.isSendable()) throw new Error('channel not sendable');

        // 429 on the interaction callback: discord.js waits Retry-After and retries.
        fake.failNext('POST /interactions/:id/:token/callback', { status: 429, retryAfter: 0.05 });
        const pending = nextInteraction(client);
        const handle = fake.sendInteraction(slashCommand('ask', { question: 'rate limited?' }));
        const interaction = await pending;
        if (!interaction.isChatInputCommand()) throw new Error('expected a chat input command');
        await interaction.reply('eventually');
        const callbacks = fake.requests.filter((r) => r.path.startsWith(`/interactions/${handle.id}/`));
        expect(callbacks.map((r) => r.status)).toEqual([429, 204]);
        expect(callbacks[0]?.fault).toEqual({ status: 429, retryAfter: 0.05 });

        // 500 twice then success: discord.js retries 5xx up to 3 times.
        fake.failNext('POST /channels/:id/messages', { status: 500 }, { times: 2 });
        const since = fake.checkpoint();
        const sent = await channel.send('after 500s');
        expect(sent.content).toBe('after 500s');
        const posts = fake.events
          .slice(since)
          .flatMap((e) => (e.kind === 'request' && e.request.route === 'POST /channels/:channelId/messages' ? [e.request.status] : []));
        expect(posts).toEqual([500, 500, 200]);

        // 503 four times: retries exhausted → HTTPError.
        fake.failNext('/channels/*', { status: 503 }, { times: 4 });
        await expect(channel.send('doomed')).rejects.toMatchObject({ status: 503 });

        // A delay, then normal handling.
        fake.failNext('POST /channels/:id/typing', { delayMs: 100 });
        const start = Date.now();
        await channel.sendTyping();
        expect(Date.now() - start).toBeGreaterThanOrEqual(90);
        await fake.waitForEvent('typing');

        // A dropped socket is NOT retried by discord.js (only ECONNRESET / aborts are).
        fake.failNext('POST /channels/:id/messages', { dropConnection: true });
        await expect(channel.send('lost')).rejects.toThrow(/other side closed/);

        // Validation errors come back like Discord's.
        await expect(channel.send('x'.repeat(2001))).rejects.toMatchObject({ status: 400, code: 50035 });
        await expect(channel.send({ content: ' ', embeds: [] })).rejects.toMatchObject({ status: 400, code: 50006 });
        expect(fake.pendingFaults()).toEqual([]);
      });
    });
  });

  it('speaks the raw protocol: zlib-stream, heartbeats, and IDENTIFY validation', async () => {
    await withFake({ heartbeatIntervalMs: 1000, enabledPrivilegedIntents: 0 }, async (fake) => {
      // zlib-stream transport compression (what discord.js uses when zlib-sync is installed)
      const zc = await RawGateway.connect(`${fake.gatewayUrl}/?v=10&encoding=json&compress=zlib-stream`);
      expect(await zc.next()).toMatchObject({ op: 10, d: { heartbeat_interval: 1000 } });
      zc.send({ op: 1, d: null });
      expect(await zc.next()).toMatchObject({ op: 11 });
      zc.send({ op: 2, d: { token: fake.token, intents: 1, properties: { os: 'linux', browser: 'x', device: 'x' } } });
      const ready = await zc.next();
      expect(ready).toMatchObject({ op: 0, t: 'READY', s: 1, d: { v: 10, user: { id: fake.botUser.id }, shard: [0, 1] } });
      expect(await zc.next()).toMatchObject({ op: 0, t: 'GUILD_CREATE', s: 2, d: { id: fake.guild.id } });
      fake.dispatch('TYPING_START', { channel_id: fake.channel.id, user_id: fake.user.id, timestamp: 1 });
      expect(await zc.next()).toMatchObject({ op: 0, t: 'TYPING_START', s: 3 });
      zc.ws.close(1000);
      await zc.closed;

      const expectClose = async (payload: unknown, code: number, query = 'v=10&encoding=json') => {
        const c = await RawGateway.connect(`${fake.gatewayUrl}/?${query}`);
        if (query.includes('v=10')) expect(await c.next()).toMatchObject({ op: 10 });
        if (payload !== undefined) c.send(payload);
        expect((await c.closed).code).toBe(code);
      };
      const properties = { os: 'linux', browser: 'x', device: 'x' };
      await expectClose({ op: 2, d: { token: 'nope', intents: 1, properties } }, 4004);
      await expectClose({ op: 2, d: { token: fake.token, intents: 1 << 30, properties } }, 4013);
      await expectClose({ op: 2, d: { token: fake.token, intents: GatewayIntentBits.MessageContent, properties } }, 4014);
      await expectClose({ op: 2, d: { token: fake.token, intents: 1, properties, shard: [1, 1] } }, 4010);
      await expectClose({ op: 3, d: { status: 'online', afk: false, since: null, activities: [] } }, 4003);
      await expectClose({ op: 99, d: null }, 4003);
      await expectClose('not json', 4002);
      await expectClose(undefined, 4012, 'v=6&encoding=json');
      // RESUME of an unknown session → op 9 (d: false)
      const r = await RawGateway.connect(`${fake.gatewayUrl}/?v=10&encoding=json`);
      await r.next();
      r.send({ op: 6, d: { token: fake.token, session_id: 'nope', seq: 1 } });
      expect(await r.next()).toEqual({ op: 9, d: false, s: null, t: null });
      r.ws.close(1000);
      await r.closed;
    });
  });
});

/** Minimal raw gateway client for protocol-level assertions (handles zlib-stream). */
class RawGateway {
  private readonly queue: unknown[] = [];
  private readonly waiting: ((value: unknown) => void)[] = [];
  private compressed = Buffer.alloc(0);
  private decodedLength = 0;
  readonly closed: Promise<{ code: number; reason: string }>;

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data: Buffer, isBinary: boolean) => {
      let text: string;
      if (isBinary) {
        // zlib-stream: one zlib context for the connection; inflate everything so far and take the new tail.
        this.compressed = Buffer.concat([this.compressed, data]);
        const all = zlib.inflateSync(this.compressed, { finishFlush: zlib.constants.Z_SYNC_FLUSH }).toString();
        text = all.slice(this.decodedLength);
        this.decodedLength = all.length;
      } else {
        text = data.toString();
      }
      const payload: unknown = JSON.parse(text);
      const waiter = this.waiting.shift();
      if (waiter) waiter(payload);
      else this.queue.push(payload);
    });
    this.closed = new Promise((resolve) => ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })));
  }

  static async connect(url: string): Promise<RawGateway> {
    const ws = new WebSocket(url);
    const client = new RawGateway(ws);
    await once(ws, 'open');
    return client;
  }

  send(payload: unknown): void {
    this.ws.send(typeof payload === 'string' ? payload : JSON.stringify(payload));
  }

  next(timeoutMs = 2000): Promise<unknown> {
    if (this.queue.length > 0) return Promise.resolve(this.queue.shift());
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('RawGateway: no payload received')), timeoutMs);
      this.waiting.push((value) => {
        clearTimeout(timer);
        resolve(value);
      });
    });
  }
}
