/**
 * A local, protocol-faithful fake of Discord (REST API v10 + Gateway v10) for end-to-end
 * tests with the real discord.js Client.
 *
 *   const fake = await startFakeDiscord();
 *   const client = new Client({ intents, partials: [Partials.Channel], rest: { api: fake.apiUrl } });
 *   await client.login(fake.token);
 *
 * See README.md in this directory for the full API and the observed close-code behaviour.
 */
import { createServer } from 'node:http';
import type { Server, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ChannelType,
  GatewayDispatchEvents,
  GatewayIntentBits,
  GatewayOpcodes,
  InteractionContextType,
  InteractionResponseType,
  InteractionType,
  Locale,
  MessageFlags,
  MessageType,
  PermissionFlagsBits,
} from 'discord.js';
import type {
  APIApplicationCommand,
  APIAttachment,
  APIDMChannel,
  APIEmbed,
  APIGuildMember,
  APIInteraction,
  APIMessage,
  APIMessageInteractionMetadata,
  APITextChannel,
  APIUser,
  GatewayReadyDispatchData,
} from 'discord.js';
import { normalizeCommand, validateCommand, validateCommandList } from './commands.js';
import { describeEvent } from './events.js';
import type { Fault, FakeEvent, FakeEventKind, MessageBody, RecordedFile, RecordedRequest } from './events.js';
import { FakeGateway, PRIVILEGED_INTENTS } from './gateway.js';
import type { DispatchResult, GatewayHost } from './gateway.js';
import { ALLOWED_CALLBACKS, InteractionHandle } from './interactions.js';
import type { InteractionInput, InteractionRecord } from './interactions.js';
import { EventLog } from './log.js';
import type { Logged, WaitOptions } from './log.js';
import { LIMITS, applyEdit, asMessageBody, buildMessage, memberWithoutUser, resolveMentions, validateMessageBody } from './messages.js';
import type { MentionResult } from './messages.js';
import { FakeRest, requireObjectBody } from './rest.js';
import type { RateLimitOptions, RestHost, RouteContext, RouteDef, RouteMatcher, RouteResult } from './rest.js';
import { FakeState, makeUser } from './state.js';
import type { FakeGuild, GuildInit, UserInit } from './state.js';
import { Errors, HttpError, formError, getArray, getString, isObject, randomToken, shardForGuild, snowflake } from './util.js';
import type { JsonObject } from './util.js';

export * from './interactions.js';
export type * from './events.js';
export type { DispatchResult } from './gateway.js';
export { ALL_INTENTS, PRIVILEGED_INTENTS, SESSION_INVALIDATING_CLOSE_CODES } from './gateway.js';
export type { Logged, WaitOptions } from './log.js';
export type { RateLimitOptions, RouteMatcher } from './rest.js';
export type { FakeGuild, GuildInit, UserInit } from './state.js';
export { LIMITS } from './messages.js';
export { snowflake } from './util.js';

export interface FakeDiscordOptions {
  /** Bot token (default: a random, real-looking token). */
  token?: string;
  applicationId?: string;
  botUserId?: string;
  botUsername?: string;
  /** Recommended shard count returned by GET /gateway/bot (default 1). */
  shards?: number;
  /** HELLO heartbeat_interval in ms (default 41250, like Discord). */
  heartbeatIntervalMs?: number;
  /** Guilds the bot is in (default: one guild "Fake Guild" with a `general` text channel). */
  guilds?: GuildInit[];
  /** Privileged intents enabled "in the developer portal" (default: all). Others → close 4014. */
  enabledPrivilegedIntents?: number;
  /** Discord's 3 s deadline for the initial interaction response; null disables it. */
  interactionCallbackDeadlineMs?: number | null;
  /** Per-bucket REST rate limit (default 50 requests / 1000 ms). */
  rateLimit?: Partial<RateLimitOptions>;
  /** Send MESSAGE_CREATE/UPDATE/DELETE for the bot's own messages, like Discord (default true). */
  echoBotMessages?: boolean;
  /** Default timeout of every waitFor* helper (default 4000 ms). */
  defaultTimeoutMs?: number;
  sessionStartLimit?: { total?: number; remaining?: number; resetAfterMs?: number; maxConcurrency?: number };
}

export interface SendMessageOptions {
  content: string;
  /** Guild text channel or DM channel id. Default: the first text channel of `guildId`/the first guild. */
  channelId?: string;
  guildId?: string;
  /** Send in the author's DM channel with the bot. */
  dm?: boolean;
  /** Default `fake.user`. A `UserInit` creates a new user. */
  author?: APIUser | UserInit;
  /** Extra users mentioned (in addition to `<@id>` mentions parsed from content). */
  mentions?: (APIUser | string)[];
  embeds?: APIEmbed[];
  /** Makes the message a reply to this message. */
  replyTo?: APIMessage;
}

export interface SentMessage {
  /** The stored message (full content). */
  message: APIMessage;
  /** The MESSAGE_CREATE payload as dispatched (content stripped without MESSAGE_CONTENT), or null if not dispatched. */
  gatewayPayload: JsonObject | null;
  dispatch: DispatchResult | null;
  /** Whether the bot can see `content` (DM, mention, own message, or MessageContent intent). */
  contentVisibleToBot: boolean;
}

export type BotMessageEvent = Logged<Extract<FakeEvent, { kind: 'botMessage' }>>;

export interface BotMessageWaitOptions extends WaitOptions {
  channelId?: string;
  /** Default 'create'. */
  action?: 'create' | 'edit' | 'delete';
  predicate?: (message: APIMessage) => boolean;
}

const DM_APP_PERMISSIONS =
  PermissionFlagsBits.ViewChannel |
  PermissionFlagsBits.SendMessages |
  PermissionFlagsBits.EmbedLinks |
  PermissionFlagsBits.AttachFiles |
  PermissionFlagsBits.ReadMessageHistory |
  PermissionFlagsBits.AddReactions |
  PermissionFlagsBits.UseExternalEmojis |
  PermissionFlagsBits.UseApplicationCommands |
  PermissionFlagsBits.UseExternalStickers |
  PermissionFlagsBits.SendVoiceMessages |
  PermissionFlagsBits.SendPolls |
  PermissionFlagsBits.UseExternalApps;

const WEBHOOK_TOKEN_LIFETIME_MS = 15 * 60 * 1000;

export class FakeDiscord {
  readonly token: string;
  readonly applicationId: string;
  readonly botUser: APIUser;
  /** A human user (owner and member of every default guild) used as the default author / invoker. */
  readonly user: APIUser;
  readonly state: FakeState;
  heartbeatIntervalMs: number;
  /** Set to false to stop answering heartbeats (simulates a zombie connection). */
  ackHeartbeats = true;
  readonly enabledPrivilegedIntents: number;
  readonly rateLimit: RateLimitOptions;
  readonly interactionCallbackDeadlineMs: number | null;
  readonly echoBotMessages: boolean;
  readonly defaultTimeoutMs: number;
  readonly recommendedShards: number;
  readonly sessionStartLimit: { total: number; remaining: number; resetAfterMs: number; maxConcurrency: number };

  private readonly eventLog: EventLog<FakeEvent>;
  private readonly server: Server;
  private readonly rest: FakeRest;
  private readonly gateway: FakeGateway;
  private readonly interactionsById = new Map<string, InteractionRecord>();
  private readonly interactionsByToken = new Map<string, InteractionRecord>();
  private readonly sockets = new Set<Socket>();
  private readonly attachments = new Map<string, { attachment: APIAttachment; content: Buffer }>();
  /** Every download of an attachment's URL, in order (its id). */
  readonly attachmentDownloads: string[] = [];
  private port = 0;
  private closed = false;

  constructor(options: FakeDiscordOptions = {}) {
    this.applicationId = options.applicationId ?? options.botUserId ?? snowflake();
    const botUserId = options.botUserId ?? this.applicationId;
    this.token = options.token ?? `${Buffer.from(botUserId).toString('base64').replace(/=+$/, '')}.${randomToken(6)}.${randomToken(38)}`;
    this.botUser = makeUser({ id: botUserId, username: options.botUsername ?? 'FakeBot', bot: true });
    this.user = makeUser({ username: 'alice', globalName: 'Alice' });
    this.state = new FakeState(this.botUser, this.applicationId, this.user);
    for (const g of options.guilds ?? [{}]) this.state.addGuild(g);
    this.heartbeatIntervalMs = options.heartbeatIntervalMs ?? 41250;
    this.enabledPrivilegedIntents = options.enabledPrivilegedIntents ?? PRIVILEGED_INTENTS;
    this.rateLimit = { limit: options.rateLimit?.limit ?? 50, windowMs: options.rateLimit?.windowMs ?? 1000 };
    this.interactionCallbackDeadlineMs =
      options.interactionCallbackDeadlineMs === undefined ? 3000 : options.interactionCallbackDeadlineMs;
    this.echoBotMessages = options.echoBotMessages ?? true;
    this.defaultTimeoutMs = options.defaultTimeoutMs ?? 4000;
    this.recommendedShards = options.shards ?? 1;
    const total = options.sessionStartLimit?.total ?? 1000;
    this.sessionStartLimit = {
      total,
      remaining: options.sessionStartLimit?.remaining ?? total,
      resetAfterMs: options.sessionStartLimit?.resetAfterMs ?? 86_400_000,
      maxConcurrency: options.sessionStartLimit?.maxConcurrency ?? 1,
    };

    this.eventLog = new EventLog<FakeEvent>(this.defaultTimeoutMs, describeEvent);
    const restHost: RestHost = { token: this.token, log: this.eventLog, rateLimit: this.rateLimit };
    this.rest = new FakeRest(restHost, this.buildRoutes());
    this.server = createServer((req, res) => {
      // Discord's CDN serves attachments outside the API; the fake serves them from its own address.
      if ((req.url ?? '').startsWith('/attachments/')) this.serveAttachment(req.url ?? '', res);
      else this.rest.handle(req, res);
    });
    this.server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.once('close', () => this.sockets.delete(socket));
    });
    this.gateway = new FakeGateway(this.server, this.gatewayHost());
  }

  /** Starts listening on 127.0.0.1 with an ephemeral port. */
  async listen(): Promise<this> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(0, '127.0.0.1', () => {
        this.server.off('error', reject);
        resolve();
      });
    });
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  // ── addresses ────────────────────────────────────────────────────────────────────

  /** REST API base without version, for `new Client({ rest: { api } })` / `new REST({ api })`. */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  /** `url` returned by GET /gateway/bot. */
  get gatewayUrl(): string {
    return `ws://127.0.0.1:${this.port}`;
  }

  /** `resume_gateway_url` sent in READY (a distinct path, so tests can see which URL a client used). */
  get resumeGatewayUrl(): string {
    return `ws://127.0.0.1:${this.port}/resume`;
  }

  // ── fixtures ─────────────────────────────────────────────────────────────────────

  /** The first guild. */
  get guild(): FakeGuild {
    const first = this.state.guilds.values().next().value;
    if (!first) throw new Error('FakeDiscord: no guilds configured');
    return first;
  }

  /** The first text channel of the first guild. */
  get channel(): APITextChannel {
    const channel = this.guild.channels[0];
    if (!channel) throw new Error('FakeDiscord: the first guild has no text channel');
    return channel;
  }

  get guilds(): FakeGuild[] {
    return [...this.state.guilds.values()];
  }

  addUser(init: UserInit = {}): APIUser {
    return this.state.addUser(init);
  }

  /** Adds a guild; if a session for its shard exists, dispatches GUILD_CREATE (the bot "joined"). */
  addGuild(init: GuildInit = {}): FakeGuild {
    const guild = this.state.addGuild(init);
    const session = this.gateway.sessionByShard.get(shardForGuild(guild.id, this.shardCount()));
    if (session && session.valid && session.intents & GatewayIntentBits.Guilds) {
      this.gateway.dispatchToSession(session, GatewayDispatchEvents.GuildCreate, this.state.guildCreatePayload(guild));
    }
    return guild;
  }

  dmChannelFor(user: APIUser): APIDMChannel {
    return this.state.dmChannelFor(user);
  }

  /** Stored application commands: global when `guildId` is omitted. */
  commands(guildId?: string): APIApplicationCommand[] {
    return [...(guildId ? (this.state.guildCommands.get(guildId)?.values() ?? []) : this.state.globalCommands.values())];
  }

  // ── log & waiting ────────────────────────────────────────────────────────────────

  /** Everything that happened, in order. */
  get events(): readonly Logged<FakeEvent>[] {
    return this.eventLog.entries;
  }

  /** Every REST request, in order of completion. */
  get requests(): readonly RecordedRequest[] {
    return this.rest.requests;
  }

  /** Requests to routes the fake does not know (answered 404 `{ message, code: 0 }`). */
  unexpectedRequests(): RecordedRequest[] {
    return this.rest.requests.filter((r) => r.route === null && r.fault === null);
  }

  /** Current log position; pass as `since` to only wait for things that happen afterwards. */
  checkpoint(): number {
    return this.eventLog.checkpoint();
  }

  waitForEvent<K extends FakeEventKind>(
    kind: K,
    predicate?: (event: Logged<Extract<FakeEvent, { kind: K }>>) => boolean,
    options: WaitOptions & { description?: string } = {},
  ): Promise<Logged<Extract<FakeEvent, { kind: K }>>> {
    return this.eventLog.waitFor(kind, predicate, options.description ?? `a '${kind}' event`, options);
  }

  /** Resolves with the first recorded REST request (from `since`, default: all) matching `predicate`. */
  async waitForRequest(
    predicate: (request: RecordedRequest) => boolean,
    options: number | WaitOptions = {},
  ): Promise<RecordedRequest> {
    const opts = typeof options === 'number' ? { timeoutMs: options } : options;
    const event = await this.eventLog.waitFor('request', (e) => predicate(e.request), 'a matching REST request', opts);
    return event.request;
  }

  /** Resolves on an IDENTIFY (accepted or rejected). */
  waitForIdentify(options: WaitOptions = {}) {
    return this.waitForEvent('identify', undefined, { ...options, description: 'IDENTIFY (op 2)' });
  }

  /** Resolves when READY was sent to a client. */
  waitForReady(options: WaitOptions = {}) {
    return this.waitForEvent('ready', undefined, { ...options, description: 'READY dispatch' });
  }

  /** Resolves on a RESUME attempt (check `outcome === 'resumed'`). */
  waitForResume(options: WaitOptions = {}) {
    return this.waitForEvent('resume', undefined, { ...options, description: 'RESUME (op 6)' });
  }

  waitForDisconnect(options: WaitOptions = {}) {
    return this.waitForEvent('disconnect', undefined, { ...options, description: 'a gateway disconnect' });
  }

  waitForHeartbeat(options: WaitOptions = {}) {
    return this.waitForEvent('heartbeat', undefined, { ...options, description: 'HEARTBEAT (op 1)' });
  }

  /** Resolves when the bot creates (default) / edits / deletes a channel message via REST. */
  waitForBotMessage(options: BotMessageWaitOptions = {}): Promise<BotMessageEvent> {
    const action = options.action ?? 'create';
    return this.eventLog.waitFor(
      'botMessage',
      (e) =>
        e.action === action &&
        (options.channelId === undefined || e.channelId === options.channelId) &&
        (!options.predicate || options.predicate(e.message)),
      `bot message ${action}${options.channelId ? ` in channel ${options.channelId}` : ''}`,
      options,
    );
  }

  /** Messages the bot created via POST /channels/:id/messages (current state). */
  botMessages(channelId?: string): APIMessage[] {
    return this.eventLog
      .list('botMessage', (e) => e.action === 'create' && (channelId === undefined || e.channelId === channelId))
      .map((e) => this.state.getMessage(e.channelId, e.message.id) ?? e.message);
  }

  // ── fault injection ──────────────────────────────────────────────────────────────

  /**
   * Makes the next request matching `matcher` fail (or be delayed / dropped). Faults are
   * applied before auth and routing, in the order they were added.
   *   fake.failNext('POST /channels/:id/messages', { status: 429, retryAfter: 0.1 })
   *   fake.failNext('/interactions/*', { status: 500 }, { times: 2 })
   *   fake.failNext(/webhooks/, { delayMs: 200 })
   */
  failNext(matcher: RouteMatcher, fault: Fault, options: { times?: number } = {}): void {
    this.rest.failNext(matcher, fault, options.times ?? 1);
  }

  clearFaults(): void {
    this.rest.clearFaults();
  }

  pendingFaults() {
    return this.rest.pendingFaults();
  }

  // ── gateway controls ─────────────────────────────────────────────────────────────

  private shardCount(): number {
    for (const s of this.gateway.sessionByShard.values()) return s.shard[1];
    return this.recommendedShards;
  }

  /** Sends any dispatch (op 0) on a shard's session; buffered for RESUME replay while disconnected. */
  dispatch(eventName: string, data: unknown, shardId?: number): DispatchResult {
    let shard = shardId;
    if (shard === undefined) {
      const guildId = isObject(data) ? getString(data, 'guild_id') : undefined;
      shard = guildId ? shardForGuild(guildId, this.shardCount()) : 0;
    }
    return this.gateway.dispatch(eventName, data, shard);
  }

  /**
   * Drops the gateway connection(s).
   * - no code: abrupt TCP terminate (client sees 1006) — session stays resumable.
   * - 4000–4003, 4005, 4008, other codes: clean close, session stays resumable.
   * - 1000, 4004, 4007, 4009, 4010–4014: clean close and the session is invalidated
   *   (a RESUME gets op 9 INVALID_SESSION), see SESSION_INVALIDATING_CLOSE_CODES.
   * Resolves once the sockets are closed, with the number of connections dropped.
   */
  dropConnections(closeCode?: number, options: { shardId?: number } = {}): Promise<number> {
    return this.gateway.dropConnections(closeCode, options.shardId);
  }

  /** op 7 RECONNECT: the client should reconnect and RESUME. */
  sendReconnect(shardId?: number): number {
    return this.gateway.sendRaw({ op: GatewayOpcodes.Reconnect, d: null, s: null, t: null }, shardId);
  }

  /** op 9 INVALID_SESSION; `resumable=false` also invalidates the session server-side. */
  invalidateSession(resumable: boolean, shardId?: number): number {
    return this.gateway.invalidateSession(resumable, shardId);
  }

  /** op 1 HEARTBEAT from the server: the client must heartbeat immediately. */
  requestHeartbeat(shardId?: number): number {
    return this.gateway.sendRaw({ op: GatewayOpcodes.Heartbeat, d: null, s: null, t: null }, shardId);
  }

  /** Open gateway connections (id, shard, url, whether they went through resume_gateway_url). */
  connections() {
    return this.gateway.connections.map((c) => ({
      id: c.id,
      shardId: c.shardId,
      url: c.url,
      viaResumeUrl: c.path === '/resume',
      compression: c.compression,
      open: !c.closed,
      sessionId: c.session?.id ?? null,
    }));
  }

  /** Intents of the current session of a shard (null if never identified). */
  sessionIntents(shardId = 0): number | null {
    return this.gateway.sessionByShard.get(shardId)?.intents ?? null;
  }

  // ── user actions ─────────────────────────────────────────────────────────────────

  /** Dispatches MESSAGE_CREATE for a message a user sends in a guild channel or DM. */
  sendMessage(options: SendMessageOptions): SentMessage {
    const author = this.resolveUser(options.author);
    let channel: APITextChannel | APIDMChannel;
    if (options.dm) {
      channel = this.state.dmChannelFor(author);
    } else if (options.channelId) {
      const found = this.state.channels.get(options.channelId);
      if (!found) throw new Error(`FakeDiscord.sendMessage: unknown channel ${options.channelId}`);
      channel = found;
    } else {
      const guild = options.guildId ? this.state.guilds.get(options.guildId) : this.guild;
      const first = guild?.channels[0];
      if (!first) throw new Error(`FakeDiscord.sendMessage: guild ${options.guildId ?? '?'} has no text channel`);
      channel = first;
    }
    const guild = channel.type === ChannelType.GuildText ? this.state.guildOfChannel(channel.id) : undefined;
    if (guild) this.state.ensureMember(guild, author);

    const explicit = (options.mentions ?? []).map((m) => (typeof m === 'string' ? this.state.users.get(m) : m));
    const parsed = resolveMentions(this.state, options.content, undefined, null);
    const mentionUsers = new Map<string, APIUser>();
    for (const u of [...parsed.users, ...explicit]) if (u) mentionUsers.set(u.id, u);
    if (options.replyTo) mentionUsers.set(options.replyTo.author.id, options.replyTo.author);
    const mentions: MentionResult = { users: [...mentionUsers.values()], roles: parsed.roles, everyone: parsed.everyone };

    const body: JsonObject = { content: options.content, embeds: options.embeds ?? [] };
    const message = buildMessage({
      channelId: channel.id,
      guild,
      author,
      body,
      reference: options.replyTo ?? null,
      mentions,
    });
    this.state.storeMessage(message);

    const shardId = guild ? shardForGuild(guild.id, this.shardCount()) : 0;
    const intents = this.sessionIntents(shardId);
    const needed = guild ? GatewayIntentBits.GuildMessages : GatewayIntentBits.DirectMessages;
    const mentionsBot = mentionUsers.has(this.botUser.id);
    const contentVisibleToBot =
      !guild || author.id === this.botUser.id || mentionsBot || ((intents ?? 0) & GatewayIntentBits.MessageContent) !== 0;
    if (intents === null || (intents & needed) === 0) {
      return { message, gatewayPayload: null, dispatch: null, contentVisibleToBot };
    }
    const gatewayPayload = this.gatewayMessage(message, guild, contentVisibleToBot);
    const dispatch = this.gateway.dispatch(GatewayDispatchEvents.MessageCreate, gatewayPayload, shardId);
    return { message, gatewayPayload, dispatch, contentVisibleToBot };
  }

  /**
   * A file a user attaches to a command option of type Attachment (pass its `id` as the option's
   * value): the interaction's `resolved.attachments` describes it, and its `url` serves it over
   * HTTP on 127.0.0.1, as Discord's CDN serves `cdn.discordapp.com/attachments/…` with signed
   * expiry parameters.
   */
  addAttachment(init: { filename: string; content: string | Buffer; contentType?: string; channelId?: string }): APIAttachment {
    const id = snowflake();
    const content = typeof init.content === 'string' ? Buffer.from(init.content) : init.content;
    const expires = Math.floor(Date.now() / 1000) + 24 * 60 * 60;
    const url = `${this.apiUrl.replace(/\/api$/, '')}/attachments/${init.channelId ?? this.channel.id}/${id}/${encodeURIComponent(init.filename)}?ex=${expires.toString(16)}&is=${Math.floor(Date.now() / 1000).toString(16)}&hm=${randomToken(64)}&`;
    const attachment: APIAttachment = {
      id,
      filename: init.filename,
      size: content.length,
      url,
      proxy_url: url,
      // Files attached to a slash command option are ephemeral attachments on Discord.
      ephemeral: true,
      ...(init.contentType ? { content_type: init.contentType } : {}),
    };
    this.attachments.set(id, { attachment, content });
    return attachment;
  }

  private serveAttachment(requestUrl: string, res: ServerResponse): void {
    const id = /^\/attachments\/\d+\/(\d+)\//.exec(requestUrl)?.[1] ?? '';
    const stored = this.attachments.get(id);
    if (!stored) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('Not Found');
      return;
    }
    this.attachmentDownloads.push(id);
    res.writeHead(200, { 'content-type': stored.attachment.content_type ?? 'application/octet-stream', 'content-length': String(stored.content.length) });
    res.end(stored.content);
  }

  /**
   * Fills in a complete INTERACTION_CREATE payload (id, token, application_id, version,
   * app_permissions, locale, guild/member or DM channel/user, context, entitlements,
   * authorizing_integration_owners, attachment_size_limit, registered command id,
   * resolved data…), dispatches it and returns a handle to await the bot's responses.
   */
  sendInteraction(input: InteractionInput): InteractionHandle {
    const user = input.user ? this.resolveUser(input.user) : this.user;
    let channel: APITextChannel | APIDMChannel;
    if (input.dm) {
      channel = this.state.dmChannelFor(user);
    } else if (input.channelId) {
      const found = this.state.channels.get(input.channelId);
      if (!found) throw new Error(`FakeDiscord.sendInteraction: unknown channel ${input.channelId}`);
      channel = found;
    } else {
      const guild = input.guildId ? this.state.guilds.get(input.guildId) : this.guild;
      const first = guild?.channels[0];
      if (!first) throw new Error(`FakeDiscord.sendInteraction: unknown guild ${input.guildId ?? '?'}`);
      channel = first;
    }
    if (channel.type === ChannelType.DM && channel.recipients?.[0]?.id !== user.id) {
      throw new Error('FakeDiscord.sendInteraction: a DM interaction must come from the DM recipient');
    }
    const guild = channel.type === ChannelType.GuildText ? this.state.guildOfChannel(channel.id) : undefined;

    const id = snowflake();
    const token = `${Buffer.from(`interaction:${id}:`).toString('base64')}${randomToken(120)}`;
    const data: JsonObject = structuredClone(input.data);
    if (input.type === InteractionType.ApplicationCommand || input.type === InteractionType.ApplicationCommandAutocomplete) {
      const type = typeof data['type'] === 'number' ? (data['type'] as ApplicationCommandType) : ApplicationCommandType.ChatInput;
      data['type'] = type;
      const registered = this.state.findCommand(String(data['name']), type, guild?.id);
      if (data['id'] === undefined) data['id'] = registered?.id ?? snowflake();
      if (registered?.guild_id) data['guild_id'] = registered.guild_id;
      this.fillResolved(data, guild);
    }

    const payload: JsonObject = {
      id,
      application_id: this.applicationId,
      type: input.type,
      data,
      token,
      version: 1,
      locale: input.locale ?? Locale.EnglishUS,
      entitlements: [],
      attachment_size_limit: 10 * 1024 * 1024,
      channel: structuredClone(channel),
      channel_id: channel.id,
    };
    if (guild) {
      const member = this.state.ensureMember(guild, user);
      payload['guild_id'] = guild.id;
      payload['guild'] = { id: guild.id, locale: Locale.EnglishUS, features: [] };
      payload['guild_locale'] = Locale.EnglishUS;
      payload['member'] = { ...member, user, permissions: this.state.memberPermissions(guild, user.id).toString() };
      payload['app_permissions'] = this.state.memberPermissions(guild, this.botUser.id).toString();
      payload['context'] = InteractionContextType.Guild;
      payload['authorizing_integration_owners'] = { '0': guild.id };
    } else {
      payload['user'] = user;
      payload['app_permissions'] = DM_APP_PERMISSIONS.toString();
      payload['context'] = InteractionContextType.BotDM;
      payload['authorizing_integration_owners'] = { '0': '0' };
    }
    if (input.message) {
      const stored = this.state.findMessage(input.message.id);
      if (!stored) this.state.storeMessage(input.message);
      payload['message'] = stored ?? input.message;
    }
    if (input.overrides) Object.assign(payload, input.overrides);
    const interaction = payload as unknown as APIInteraction;

    const record: InteractionRecord = {
      id,
      token,
      type: input.type,
      payload: interaction,
      createdAt: Date.now(),
      channelId: channel.id,
      guildId: guild?.id ?? null,
      user,
      callbackType: null,
      originalMessageId: null,
      followUpIds: [],
      loading: false,
    };
    this.interactionsById.set(id, record);
    this.interactionsByToken.set(token, record);
    const shardId = guild ? shardForGuild(guild.id, this.shardCount()) : 0;
    const dispatch = this.gateway.dispatch(GatewayDispatchEvents.InteractionCreate, payload, shardId);
    this.eventLog.push({ kind: 'interactionCreate', interactionId: id, type: input.type, status: dispatch.status });
    return new InteractionHandle(this.eventLog, record, (mid) => this.state.findMessage(mid), interaction, dispatch);
  }

  // ── lifecycle ────────────────────────────────────────────────────────────────────

  /** Closes the gateway sockets, the HTTP server and all timers; pending waiters reject. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.eventLog.close();
    this.rest.dispose();
    await this.gateway.close();
    const serverClosed = new Promise<void>((resolve, reject) => this.server.close((err) => (err ? reject(err) : resolve())));
    const sockets = [...this.sockets].map((socket) => new Promise<void>((resolve) => {
      if (socket.destroyed && !this.sockets.has(socket)) resolve();
      else socket.once('close', () => resolve());
    }));
    for (const socket of this.sockets) socket.destroy();
    await Promise.all([serverClosed, ...sockets]);
  }

  // ── internals ────────────────────────────────────────────────────────────────────

  private resolveUser(user: APIUser | UserInit | undefined): APIUser {
    if (!user) return this.user;
    if ('discriminator' in user && 'username' in user && typeof user.id === 'string') {
      if (!this.state.users.has(user.id)) this.state.users.set(user.id, user as APIUser);
      return this.state.users.get(user.id) ?? (user as APIUser);
    }
    if (user.id && this.state.users.has(user.id)) return this.state.users.get(user.id) as APIUser;
    return this.state.addUser(user as UserInit);
  }

  private fillResolved(data: JsonObject, guild: FakeGuild | undefined): void {
    const resolved: JsonObject = isObject(data['resolved']) ? data['resolved'] : {};
    const ensure = (key: string): JsonObject => {
      const existing = resolved[key];
      if (isObject(existing)) return existing;
      const created: JsonObject = {};
      resolved[key] = created;
      return created;
    };
    const visit = (options: unknown[]) => {
      for (const opt of options) {
        if (!isObject(opt)) continue;
        if (Array.isArray(opt['options'])) visit(opt['options']);
        const value = opt['value'];
        if (typeof value !== 'string') continue;
        const type = opt['type'];
        if (type === ApplicationCommandOptionType.User || type === ApplicationCommandOptionType.Mentionable) {
          const user = this.state.users.get(value);
          if (user) {
            ensure('users')[value] = user;
            const member = guild?.members.get(value);
            if (member && guild) {
              ensure('members')[value] = { ...memberWithoutUser(member), permissions: this.state.memberPermissions(guild, value).toString() };
            }
          }
        }
        if (type === ApplicationCommandOptionType.Attachment) {
          const stored = this.attachments.get(value);
          if (stored) ensure('attachments')[value] = { ...stored.attachment };
        }
        if (type === ApplicationCommandOptionType.Channel) {
          const channel = this.state.channels.get(value);
          if (channel) ensure('channels')[value] = { ...channel, permissions: DM_APP_PERMISSIONS.toString() };
        }
        if (type === ApplicationCommandOptionType.Role || type === ApplicationCommandOptionType.Mentionable) {
          const role = guild?.roles.find((r) => r.id === value);
          if (role) ensure('roles')[value] = role;
        }
      }
    };
    visit(getArray(data, 'options') ?? []);
    if (data['type'] === ApplicationCommandType.User && typeof data['target_id'] === 'string' && guild) {
      const member = guild.members.get(data['target_id']);
      if (member) {
        ensure('members')[data['target_id']] = {
          ...memberWithoutUser(member),
          permissions: this.state.memberPermissions(guild, data['target_id']).toString(),
        };
      }
    }
    if (Object.keys(resolved).length > 0) data['resolved'] = resolved;
  }

  /** MESSAGE_CREATE/UPDATE payload: adds guild_id, member, channel_type, mentions[].member. */
  private gatewayMessage(message: APIMessage, guild: FakeGuild | undefined, contentVisible: boolean): JsonObject {
    const out: JsonObject = { ...message };
    out['channel_type'] = guild ? ChannelType.GuildText : ChannelType.DM;
    if (guild) {
      out['guild_id'] = guild.id;
      const member = guild.members.get(message.author.id);
      if (member && !message.webhook_id) out['member'] = memberWithoutUser(member);
      out['mentions'] = message.mentions.map((u) => {
        const m = guild.members.get(u.id);
        return m ? { ...u, member: memberWithoutUser(m) } : u;
      });
    }
    if (!contentVisible) {
      out['content'] = '';
      out['embeds'] = [];
      out['attachments'] = [];
      out['components'] = [];
      delete out['poll'];
    }
    return out;
  }

  /** Echoes the bot's own message events over the gateway, if subscribed (like Discord). */
  private echo(t: 'MESSAGE_CREATE' | 'MESSAGE_UPDATE' | 'MESSAGE_DELETE', message: APIMessage): void {
    if (!this.echoBotMessages || ((message.flags ?? 0) & MessageFlags.Ephemeral) !== 0) return;
    const guild = this.state.guildOfChannel(message.channel_id);
    const shardId = guild ? shardForGuild(guild.id, this.shardCount()) : 0;
    const session = this.gateway.sessionByShard.get(shardId);
    if (!session || !session.valid) return;
    const needed = guild ? GatewayIntentBits.GuildMessages : GatewayIntentBits.DirectMessages;
    if ((session.intents & needed) === 0) return;
    const data: JsonObject =
      t === 'MESSAGE_DELETE'
        ? { id: message.id, channel_id: message.channel_id, ...(guild ? { guild_id: guild.id } : {}) }
        : this.gatewayMessage(message, guild, true);
    this.gateway.dispatchToSession(session, t, data);
  }

  private gatewayHost(): GatewayHost {
    return {
      token: this.token,
      log: this.eventLog,
      heartbeatIntervalMs: () => this.heartbeatIntervalMs,
      ackHeartbeats: () => this.ackHeartbeats,
      enabledPrivilegedIntents: this.enabledPrivilegedIntents,
      readyData: (shard, sessionId): GatewayReadyDispatchData => ({
        v: 10,
        user: this.botUser,
        guilds: this.guildsForShard(shard).map((g) => ({ id: g.id, unavailable: true })),
        session_id: sessionId,
        resume_gateway_url: this.resumeGatewayUrl,
        shard,
        application: { id: this.applicationId, flags: this.state.application.flags, flags_new: this.state.application.flags_new },
      }),
      guildCreates: (shard) => this.guildsForShard(shard).map((g) => ({ ...this.state.guildCreatePayload(g) })),
      memberChunks: (request) => this.memberChunks(request),
      onIdentifyAccepted: () => {
        this.sessionStartLimit.remaining = Math.max(0, this.sessionStartLimit.remaining - 1);
      },
    };
  }

  private guildsForShard(shard: [number, number]): FakeGuild[] {
    return [...this.state.guilds.values()].filter((g) => shardForGuild(g.id, shard[1]) === shard[0]);
  }

  private memberChunks(request: JsonObject): { t: string; d: unknown }[] {
    const guildIds = Array.isArray(request['guild_id']) ? request['guild_id'].map(String) : [String(request['guild_id'])];
    const query = getString(request, 'query');
    const limit = typeof request['limit'] === 'number' && request['limit'] > 0 ? request['limit'] : Infinity;
    const userIds = request['user_ids'] === undefined ? null : ([] as unknown[]).concat(request['user_ids']).map(String);
    return guildIds.map((guildId) => {
      const guild = this.state.guilds.get(guildId);
      let members: APIGuildMember[] = guild ? [...guild.members.values()] : [];
      if (userIds) members = members.filter((m) => userIds.includes(m.user.id));
      else if (query) members = members.filter((m) => m.user.username.toLowerCase().startsWith(query.toLowerCase()));
      members = members.slice(0, limit);
      const d: JsonObject = { guild_id: guildId, members, chunk_index: 0, chunk_count: 1 };
      if (userIds) d['not_found'] = userIds.filter((id) => !members.some((m) => m.user.id === id));
      if (request['presences'] === true) d['presences'] = [];
      if (request['nonce'] !== undefined) d['nonce'] = request['nonce'];
      return { t: GatewayDispatchEvents.GuildMembersChunk, d };
    });
  }

  private requireChannel(channelId: string): APITextChannel | APIDMChannel {
    const channel = this.state.channels.get(channelId);
    if (!channel) throw Errors.unknownChannel();
    return channel;
  }

  private requireApp(appId: string): void {
    if (appId !== this.applicationId) throw new HttpError(403, { message: 'Missing Access', code: 50001 });
  }

  private requireGuild(guildId: string): FakeGuild {
    const guild = this.state.guilds.get(guildId);
    if (!guild) throw new HttpError(403, { message: 'Missing Access', code: 50001 });
    return guild;
  }

  /** What a bot sees through channel endpoints: no ephemeral messages, content gated by MESSAGE_CONTENT. */
  private visibleMessage(message: APIMessage): APIMessage {
    const guild = this.state.guildOfChannel(message.channel_id);
    if (!guild || message.author.id === this.botUser.id) return message;
    const intents = this.sessionIntents(shardForGuild(guild.id, this.shardCount())) ?? 0;
    if (intents & GatewayIntentBits.MessageContent) return message;
    if (message.mentions.some((u) => u.id === this.botUser.id)) return message;
    return { ...message, content: '', embeds: [], attachments: [], components: [] };
  }

  private interactionMetadata(rec: InteractionRecord): APIMessageInteractionMetadata {
    const meta: JsonObject = {
      id: rec.id,
      type: rec.type,
      user: rec.user,
      authorizing_integration_owners: rec.payload.authorizing_integration_owners,
    };
    const data = rec.payload.data;
    if (rec.type === InteractionType.ApplicationCommand && isObject(data)) {
      meta['name'] = data['name'];
      meta['command_type'] = data['type'];
      if (data['type'] === ApplicationCommandType.Message) meta['target_message_id'] = data['target_id'];
    }
    if (rec.type === InteractionType.MessageComponent && rec.payload.message) {
      meta['interacted_message_id'] = rec.payload.message.id;
    }
    return meta as unknown as APIMessageInteractionMetadata;
  }

  private interactionMessageType(rec: InteractionRecord): MessageType {
    if (rec.type !== InteractionType.ApplicationCommand) return MessageType.Default;
    const data = rec.payload.data;
    const cmdType = isObject(data) ? data['type'] : undefined;
    return cmdType === ApplicationCommandType.ChatInput ? MessageType.ChatInputCommand : MessageType.ContextMenuCommand;
  }

  private createInteractionMessage(rec: InteractionRecord, body: JsonObject, files: RecordedFile[], extraFlags = 0): APIMessage {
    const guild = rec.guildId ? this.state.guilds.get(rec.guildId) : undefined;
    const message = buildMessage({
      channelId: rec.channelId,
      guild,
      author: this.botUser,
      body: { ...body, flags: (typeof body['flags'] === 'number' ? body['flags'] : 0) & (MessageFlags.Ephemeral | MessageFlags.SuppressEmbeds | MessageFlags.SuppressNotifications | MessageFlags.IsComponentsV2) },
      files,
      type: this.interactionMessageType(rec),
      webhookId: this.applicationId,
      applicationId: this.applicationId,
      interactionMetadata: this.interactionMetadata(rec),
      extraFlags,
      mentions: resolveMentions(this.state, getString(body, 'content') ?? '', body['allowed_mentions'], null),
    });
    this.state.storeMessage(message);
    return message;
  }

  private logInteraction(
    rec: InteractionRecord,
    action: Extract<FakeEvent, { kind: 'interactionResponse' }>['action'],
    body: unknown,
    data: MessageBody | null,
    files: RecordedFile[],
    message: APIMessage | null,
    callbackType: number | null = null,
  ): void {
    this.eventLog.push({ kind: 'interactionResponse', interactionId: rec.id, action, callbackType, body, data, files, message });
  }

  private interactionCallback(ctx: RouteContext): RouteResult {
    const rec = this.interactionsById.get(ctx.params['interactionId'] ?? '');
    if (!rec || rec.token !== ctx.params['interactionToken']) throw Errors.unknownInteraction();
    if (this.interactionCallbackDeadlineMs !== null && Date.now() - rec.createdAt > this.interactionCallbackDeadlineMs) {
      throw Errors.unknownInteraction();
    }
    if (rec.callbackType !== null) throw Errors.alreadyAcknowledged();
    const body = requireObjectBody(ctx.body);
    const type = body['type'];
    const allowed = ALLOWED_CALLBACKS[rec.type] ?? [];
    if (typeof type !== 'number' || !allowed.includes(type)) {
      throw Errors.invalidFormBody(
        formError(['type'], 'INTERACTION_RESPONSE_TYPE_INVALID', `Interaction response type ${String(type)} is not valid for interaction type ${rec.type}`),
      );
    }
    const data: JsonObject = isObject(body['data']) ? body['data'] : {};
    let message: APIMessage | null = null;
    switch (type) {
      case InteractionResponseType.ChannelMessageWithSource:
        validateMessageBody(data, { create: true, fileCount: ctx.files.length });
        message = this.createInteractionMessage(rec, data, ctx.files);
        rec.originalMessageId = message.id;
        this.echo('MESSAGE_CREATE', message);
        break;
      case InteractionResponseType.DeferredChannelMessageWithSource: {
        const flags = typeof data['flags'] === 'number' ? data['flags'] & MessageFlags.Ephemeral : 0;
        message = this.createInteractionMessage(rec, { content: '', flags }, [], MessageFlags.Loading);
        rec.originalMessageId = message.id;
        rec.loading = true;
        this.echo('MESSAGE_CREATE', message);
        break;
      }
      case InteractionResponseType.DeferredMessageUpdate:
      case InteractionResponseType.UpdateMessage: {
        const target = rec.payload.message;
        if (!target) {
          throw Errors.invalidFormBody(formError(['type'], 'INTERACTION_RESPONSE_TYPE_INVALID', 'No message to update'));
        }
        rec.originalMessageId = target.id;
        message = this.state.findMessage(target.id) ?? target;
        if (type === InteractionResponseType.UpdateMessage) {
          validateMessageBody(data, { create: false, fileCount: ctx.files.length });
          message = applyEdit(message, data, ctx.files, null);
          this.state.storeMessage(message);
          this.echo('MESSAGE_UPDATE', message);
        }
        break;
      }
      case InteractionResponseType.ApplicationCommandAutocompleteResult: {
        const choices = getArray(data, 'choices');
        const errors: JsonObject = {};
        if (!choices) Object.assign(errors, formError(['data', 'choices'], 'BASE_TYPE_REQUIRED', 'This field is required'));
        else if (choices.length > LIMITS.autocompleteChoices) {
          Object.assign(errors, formError(['data', 'choices'], 'BASE_TYPE_MAX_LENGTH', 'Must be 25 or fewer in length.'));
        } else {
          choices.forEach((c, i) => {
            const name = isObject(c) ? getString(c, 'name') : undefined;
            const value = isObject(c) ? c['value'] : undefined;
            if (!name || name.length > LIMITS.choiceName) {
              Object.assign(errors, formError(['data', 'choices', i, 'name'], 'BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 100 in length.'));
            }
            if (typeof value === 'string' ? value.length > LIMITS.choiceValue : typeof value !== 'number') {
              Object.assign(errors, formError(['data', 'choices', i, 'value'], 'BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 100 in length.'));
            }
          });
        }
        if (Object.keys(errors).length > 0) throw Errors.invalidFormBody(errors);
        break;
      }
      case InteractionResponseType.Modal: {
        const title = getString(data, 'title') ?? '';
        const components = getArray(data, 'components') ?? [];
        if (!getString(data, 'custom_id') || title.length < 1 || title.length > 45 || components.length < 1 || components.length > 5) {
          throw Errors.invalidFormBody(formError(['data'], 'MODAL_INVALID', 'Modal needs custom_id, a 1-45 char title and 1-5 components'));
        }
        break;
      }
      default:
        break;
    }
    rec.callbackType = type;
    this.logInteraction(rec, 'callback', body, asMessageBody(body['data']), ctx.files, message, type);
    if (ctx.query['with_response'] !== 'true') return { status: 204 };
    const interaction: JsonObject = { id: rec.id, type: rec.type };
    if (message) {
      interaction['response_message_id'] = message.id;
      interaction['response_message_loading'] = type === InteractionResponseType.DeferredChannelMessageWithSource;
      interaction['response_message_ephemeral'] = ((message.flags ?? 0) & MessageFlags.Ephemeral) !== 0;
    }
    const resource: JsonObject = { type };
    if (message && type !== InteractionResponseType.DeferredMessageUpdate) resource['message'] = message;
    return { status: 200, body: { interaction, resource } };
  }

  private webhookRecord(ctx: RouteContext): InteractionRecord {
    if (ctx.params['webhookId'] !== this.applicationId) throw Errors.unknownWebhook();
    const rec = this.interactionsByToken.get(ctx.params['webhookToken'] ?? '');
    if (!rec || Date.now() - rec.createdAt > WEBHOOK_TOKEN_LIFETIME_MS) throw Errors.invalidWebhookToken();
    return rec;
  }

  private webhookTarget(rec: InteractionRecord, messageId: string): { message: APIMessage; original: boolean } {
    const original = messageId === '@original' || messageId === rec.originalMessageId;
    const id = messageId === '@original' ? rec.originalMessageId : messageId;
    if (!id || (!original && !rec.followUpIds.includes(id))) throw Errors.unknownMessage();
    const message = this.state.findMessage(id);
    if (!message) throw Errors.unknownMessage();
    return { message, original };
  }

  private webhookExecute(ctx: RouteContext): RouteResult {
    const rec = this.webhookRecord(ctx);
    if (rec.callbackType === null) throw Errors.unknownWebhook();
    const body = requireObjectBody(ctx.body);
    validateMessageBody(body, { create: true, fileCount: ctx.files.length });
    let message: APIMessage;
    const original = rec.originalMessageId ? this.state.findMessage(rec.originalMessageId) : undefined;
    if (rec.loading && original) {
      // Discord: the first follow-up after a deferred reply replaces the "thinking…" message.
      const mentions = resolveMentions(this.state, getString(body, 'content') ?? '', body['allowed_mentions'], null);
      message = applyEdit(original, body, ctx.files, mentions);
      message.edited_timestamp = null;
      rec.loading = false;
      this.state.storeMessage(message);
      this.echo('MESSAGE_UPDATE', message);
    } else {
      message = this.createInteractionMessage(rec, body, ctx.files);
      rec.followUpIds.push(message.id);
      this.echo('MESSAGE_CREATE', message);
    }
    this.logInteraction(rec, 'followUp', body, asMessageBody(body), ctx.files, message);
    return ctx.query['wait'] === 'true' ? { status: 200, body: message } : { status: 204 };
  }

  private webhookMessage(ctx: RouteContext): RouteResult {
    const rec = this.webhookRecord(ctx);
    const { message, original } = this.webhookTarget(rec, ctx.params['messageId'] ?? '');
    switch (ctx.method) {
      case 'GET':
        this.logInteraction(rec, original ? 'fetchOriginal' : 'fetchFollowUp', null, null, [], message);
        return { status: 200, body: message };
      case 'PATCH': {
        const body = requireObjectBody(ctx.body);
        validateMessageBody(body, { create: false, fileCount: ctx.files.length });
        const mentions = 'content' in body ? resolveMentions(this.state, getString(body, 'content') ?? '', body['allowed_mentions'], null) : null;
        const edited = applyEdit(message, body, ctx.files, mentions);
        if (original && rec.loading) {
          edited.edited_timestamp = null; // the first edit of a deferred reply is its content, not an "edit"
          rec.loading = false;
        }
        this.state.storeMessage(edited);
        this.echo('MESSAGE_UPDATE', edited);
        this.logInteraction(rec, original ? 'editOriginal' : 'editFollowUp', body, asMessageBody(body), ctx.files, edited);
        return { status: 200, body: edited };
      }
      default: {
        this.state.messages.get(message.channel_id)?.delete(message.id);
        if (original) rec.originalMessageId = null;
        else rec.followUpIds = rec.followUpIds.filter((id) => id !== message.id);
        this.echo('MESSAGE_DELETE', message);
        this.logInteraction(rec, original ? 'deleteOriginal' : 'deleteFollowUp', null, null, [], message);
        return { status: 204 };
      }
    }
  }

  private createChannelMessage(ctx: RouteContext): RouteResult {
    const channelId = ctx.params['channelId'] ?? '';
    const channel = this.requireChannel(channelId);
    const body = requireObjectBody(ctx.body);
    validateMessageBody(body, { create: true, fileCount: ctx.files.length });
    const guild = channel.type === ChannelType.GuildText ? this.state.guildOfChannel(channel.id) : undefined;
    let reference: APIMessage | null = null;
    const ref = body['message_reference'];
    if (isObject(ref)) {
      const refId = getString(ref, 'message_id') ?? '';
      const refChannel = getString(ref, 'channel_id') ?? channelId;
      reference = this.state.getMessage(refChannel, refId) ?? null;
      if (!reference && ref['fail_if_not_exists'] !== false) {
        throw Errors.invalidFormBody(formError(['message_reference'], 'MESSAGE_REFERENCE_UNKNOWN_MESSAGE', 'Unknown message'));
      }
    }
    const mentions = resolveMentions(this.state, getString(body, 'content') ?? '', body['allowed_mentions'], reference?.author ?? null);
    const message = buildMessage({
      channelId,
      guild,
      author: this.botUser,
      body: { ...body, flags: (typeof body['flags'] === 'number' ? body['flags'] : 0) & (MessageFlags.SuppressEmbeds | MessageFlags.SuppressNotifications | MessageFlags.IsComponentsV2) },
      files: ctx.files,
      reference,
      mentions,
    });
    this.state.storeMessage(message);
    this.eventLog.push({ kind: 'botMessage', action: 'create', channelId, message, body: asMessageBody(body), files: ctx.files });
    this.echo('MESSAGE_CREATE', message);
    return { status: 200, body: message };
  }

  private editChannelMessage(ctx: RouteContext): RouteResult {
    const channelId = ctx.params['channelId'] ?? '';
    this.requireChannel(channelId);
    const existing = this.state.getMessage(channelId, ctx.params['messageId'] ?? '');
    if (!existing) throw Errors.unknownMessage();
    if (existing.author.id !== this.botUser.id) {
      throw new HttpError(403, { message: 'Cannot edit a message authored by another user', code: 50005 });
    }
    const body = requireObjectBody(ctx.body);
    validateMessageBody(body, { create: false, fileCount: ctx.files.length });
    const mentions = 'content' in body ? resolveMentions(this.state, getString(body, 'content') ?? '', body['allowed_mentions'], null) : null;
    const edited = applyEdit(existing, body, ctx.files, mentions);
    this.state.storeMessage(edited);
    this.eventLog.push({ kind: 'botMessage', action: 'edit', channelId, message: edited, body: asMessageBody(body), files: ctx.files });
    this.echo('MESSAGE_UPDATE', edited);
    return { status: 200, body: edited };
  }

  private deleteChannelMessage(ctx: RouteContext): RouteResult {
    const channelId = ctx.params['channelId'] ?? '';
    this.requireChannel(channelId);
    const existing = this.state.getMessage(channelId, ctx.params['messageId'] ?? '');
    if (!existing) throw Errors.unknownMessage();
    this.state.messages.get(channelId)?.delete(existing.id);
    if (existing.author.id === this.botUser.id) {
      this.eventLog.push({ kind: 'botMessage', action: 'delete', channelId, message: existing, body: null, files: [] });
    }
    this.echo('MESSAGE_DELETE', existing);
    return { status: 204 };
  }

  private listChannelMessages(ctx: RouteContext): RouteResult {
    const channelId = ctx.params['channelId'] ?? '';
    this.requireChannel(channelId);
    const limit = Math.min(100, Math.max(1, Number(ctx.query['limit'] ?? 50)));
    let messages = [...(this.state.messages.get(channelId)?.values() ?? [])].filter(
      (m) => ((m.flags ?? 0) & MessageFlags.Ephemeral) === 0,
    );
    const before = ctx.query['before'];
    const after = ctx.query['after'];
    if (before) messages = messages.filter((m) => BigInt(m.id) < BigInt(before));
    if (after) messages = messages.filter((m) => BigInt(m.id) > BigInt(after));
    messages.sort((a, b) => (BigInt(b.id) > BigInt(a.id) ? 1 : -1));
    messages = after ? messages.slice(-limit) : messages.slice(0, limit);
    return { status: 200, body: messages.map((m) => this.visibleMessage(m)) };
  }

  private putCommands(ctx: RouteContext, guildId: string | undefined): RouteResult {
    validateCommandList(ctx.body);
    const list = ctx.body as JsonObject[];
    const store = guildId ? (this.state.guildCommands.get(guildId) ?? new Map<string, APIApplicationCommand>()) : this.state.globalCommands;
    const previous = [...store.values()];
    store.clear();
    const result = list.map((body) => {
      const type = typeof body['type'] === 'number' ? body['type'] : ApplicationCommandType.ChatInput;
      const existing = previous.find((c) => c.name === body['name'] && c.type === type);
      const cmd = normalizeCommand(body, this.applicationId, guildId, existing?.id);
      store.set(cmd.id, cmd);
      return cmd;
    });
    if (guildId) this.state.guildCommands.set(guildId, store);
    return { status: 200, body: result };
  }

  private postCommand(ctx: RouteContext, guildId: string | undefined): RouteResult {
    const errors = validateCommand(ctx.body);
    if (Object.keys(errors).length > 0) throw Errors.invalidFormBody(errors);
    const body = ctx.body as JsonObject;
    let store = guildId ? this.state.guildCommands.get(guildId) : this.state.globalCommands;
    if (!store) {
      store = new Map();
      if (guildId) this.state.guildCommands.set(guildId, store);
    }
    const type = typeof body['type'] === 'number' ? body['type'] : ApplicationCommandType.ChatInput;
    const existing = [...store.values()].find((c) => c.name === body['name'] && c.type === type);
    const cmd = normalizeCommand(body, this.applicationId, guildId, existing?.id);
    store.set(cmd.id, cmd);
    return { status: existing ? 200 : 201, body: cmd };
  }

  private commandStore(guildId: string | undefined): Map<string, APIApplicationCommand> {
    return (guildId ? this.state.guildCommands.get(guildId) : this.state.globalCommands) ?? new Map();
  }

  private buildRoutes(): RouteDef[] {
    const r = (method: string, pattern: string, handler: RouteDef['handler'], auth = true): RouteDef => ({ method, pattern, auth, handler });
    const ok = (body: unknown): RouteResult => ({ status: 200, body });
    const commandRoutes = (prefix: string, guildOf: (ctx: RouteContext) => string | undefined): RouteDef[] => [
      r('GET', prefix, (ctx) => {
        this.requireApp(ctx.params['applicationId'] ?? '');
        const guildId = guildOf(ctx);
        if (guildId) this.requireGuild(guildId);
        return ok([...this.commandStore(guildId).values()]);
      }),
      r('PUT', prefix, (ctx) => {
        this.requireApp(ctx.params['applicationId'] ?? '');
        const guildId = guildOf(ctx);
        if (guildId) this.requireGuild(guildId);
        return this.putCommands(ctx, guildId);
      }),
      r('POST', prefix, (ctx) => {
        this.requireApp(ctx.params['applicationId'] ?? '');
        const guildId = guildOf(ctx);
        if (guildId) this.requireGuild(guildId);
        return this.postCommand(ctx, guildId);
      }),
      r('GET', `${prefix}/:commandId`, (ctx) => {
        this.requireApp(ctx.params['applicationId'] ?? '');
        const cmd = this.commandStore(guildOf(ctx)).get(ctx.params['commandId'] ?? '');
        if (!cmd) throw Errors.unknownCommand();
        return ok(cmd);
      }),
      r('PATCH', `${prefix}/:commandId`, (ctx) => {
        this.requireApp(ctx.params['applicationId'] ?? '');
        const guildId = guildOf(ctx);
        const store = this.commandStore(guildId);
        const cmd = store.get(ctx.params['commandId'] ?? '');
        if (!cmd) throw Errors.unknownCommand();
        const merged = { ...cmd, ...requireObjectBody(ctx.body) } as JsonObject;
        const errors = validateCommand(merged);
        if (Object.keys(errors).length > 0) throw Errors.invalidFormBody(errors);
        const updated = normalizeCommand(merged, this.applicationId, guildId, cmd.id);
        store.set(cmd.id, updated);
        return ok(updated);
      }),
      r('DELETE', `${prefix}/:commandId`, (ctx) => {
        this.requireApp(ctx.params['applicationId'] ?? '');
        const store = this.commandStore(guildOf(ctx));
        if (!store.delete(ctx.params['commandId'] ?? '')) throw Errors.unknownCommand();
        return { status: 204 };
      }),
    ];

    return [
      // Gateway
      r('GET', '/gateway', () => ok({ url: this.gatewayUrl }), false),
      r('GET', '/gateway/bot', () =>
        ok({
          url: this.gatewayUrl,
          shards: this.recommendedShards,
          session_start_limit: {
            total: this.sessionStartLimit.total,
            remaining: this.sessionStartLimit.remaining,
            reset_after: this.sessionStartLimit.resetAfterMs,
            max_concurrency: this.sessionStartLimit.maxConcurrency,
          },
        }),
      ),
      // Users
      r('GET', '/users/@me', () => ok(this.botUser)),
      r('POST', '/users/@me/channels', (ctx) => {
        const body = requireObjectBody(ctx.body);
        const recipient = this.state.users.get(String(body['recipient_id']));
        if (!recipient) throw Errors.unknownUser();
        return ok(this.state.dmChannelFor(recipient));
      }),
      r('GET', '/users/:userId', (ctx) => {
        const user = this.state.users.get(ctx.params['userId'] ?? '');
        if (!user) throw Errors.unknownUser();
        return ok(user);
      }),
      // Applications
      r('GET', '/applications/@me', () => ok(this.state.application)),
      r('GET', '/oauth2/applications/@me', () => ok(this.state.application)),
      r('GET', '/applications/:applicationId/guilds/:guildId/commands/permissions', (ctx) => {
        this.requireApp(ctx.params['applicationId'] ?? '');
        this.requireGuild(ctx.params['guildId'] ?? '');
        return ok([]);
      }),
      ...commandRoutes('/applications/:applicationId/commands', () => undefined),
      ...commandRoutes('/applications/:applicationId/guilds/:guildId/commands', (ctx) => ctx.params['guildId']),
      r('GET', '/applications/:applicationId/entitlements', (ctx) => {
        this.requireApp(ctx.params['applicationId'] ?? '');
        return ok([]);
      }),
      r('GET', '/applications/:applicationId/emojis', (ctx) => {
        this.requireApp(ctx.params['applicationId'] ?? '');
        return ok({ items: [] });
      }),
      // Channels & messages
      r('GET', '/channels/:channelId', (ctx) => ok(this.requireChannel(ctx.params['channelId'] ?? ''))),
      r('POST', '/channels/:channelId/typing', (ctx) => {
        const channelId = ctx.params['channelId'] ?? '';
        this.requireChannel(channelId);
        this.eventLog.push({ kind: 'typing', channelId });
        return { status: 204 };
      }),
      r('GET', '/channels/:channelId/messages', (ctx) => this.listChannelMessages(ctx)),
      r('POST', '/channels/:channelId/messages', (ctx) => this.createChannelMessage(ctx)),
      r('GET', '/channels/:channelId/messages/:messageId', (ctx) => {
        const channelId = ctx.params['channelId'] ?? '';
        this.requireChannel(channelId);
        const message = this.state.getMessage(channelId, ctx.params['messageId'] ?? '');
        if (!message || ((message.flags ?? 0) & MessageFlags.Ephemeral) !== 0) throw Errors.unknownMessage();
        return ok(this.visibleMessage(message));
      }),
      r('PATCH', '/channels/:channelId/messages/:messageId', (ctx) => this.editChannelMessage(ctx)),
      r('DELETE', '/channels/:channelId/messages/:messageId', (ctx) => this.deleteChannelMessage(ctx)),
      ...(['PUT', 'DELETE'] as const).map((method) =>
        r(method, '/channels/:channelId/messages/:messageId/reactions/:emoji/@me', (ctx) => {
          const channelId = ctx.params['channelId'] ?? '';
          this.requireChannel(channelId);
          const messageId = ctx.params['messageId'] ?? '';
          if (!this.state.getMessage(channelId, messageId)) throw Errors.unknownMessage();
          this.eventLog.push({
            kind: 'reaction',
            action: method === 'PUT' ? 'add' : 'remove',
            channelId,
            messageId,
            emoji: ctx.params['emoji'] ?? '',
          });
          return { status: 204 };
        }),
      ),
      // Guilds
      r('GET', '/guilds/:guildId', (ctx) => {
        const guild = this.requireGuild(ctx.params['guildId'] ?? '');
        const {
          joined_at: _j,
          large: _l,
          member_count: _m,
          voice_states: _v,
          members: _mem,
          channels: _c,
          threads: _t,
          presences: _p,
          stage_instances: _s,
          guild_scheduled_events: _g,
          soundboard_sounds: _sb,
          unavailable: _u,
          ...rest
        } = this.state.guildCreatePayload(guild);
        return ok(rest);
      }),
      r('GET', '/guilds/:guildId/channels', (ctx) => ok(this.requireGuild(ctx.params['guildId'] ?? '').channels)),
      r('GET', '/guilds/:guildId/roles', (ctx) => ok(this.requireGuild(ctx.params['guildId'] ?? '').roles)),
      r('GET', '/guilds/:guildId/members', (ctx) => {
        const limit = Math.min(1000, Math.max(1, Number(ctx.query['limit'] ?? 1)));
        return ok([...this.requireGuild(ctx.params['guildId'] ?? '').members.values()].slice(0, limit));
      }),
      r('GET', '/guilds/:guildId/members/:userId', (ctx) => {
        const member = this.requireGuild(ctx.params['guildId'] ?? '').members.get(ctx.params['userId'] ?? '');
        if (!member) throw Errors.unknownMember();
        return ok(member);
      }),
      // Interactions (token-authenticated, no Authorization header)
      r('POST', '/interactions/:interactionId/:interactionToken/callback', (ctx) => this.interactionCallback(ctx), false),
      r('POST', '/webhooks/:webhookId/:webhookToken', (ctx) => this.webhookExecute(ctx), false),
      ...(['GET', 'PATCH', 'DELETE'] as const).map((method) =>
        r(method, '/webhooks/:webhookId/:webhookToken/messages/:messageId', (ctx) => this.webhookMessage(ctx), false),
      ),
    ];
  }
}

/** Starts a fake Discord (REST + Gateway) on 127.0.0.1 with an ephemeral port. */
export async function startFakeDiscord(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
  return new FakeDiscord(options).listen();
}
