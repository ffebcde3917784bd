import {
  Client,
  GatewayDispatchEvents,
  GatewayIntentBits,
  Partials,
  Routes,
  type APIInteraction,
  type GatewayDispatchPayload,
  type GatewayMessageCreateDispatchData,
  type WebSocketOptions,
} from 'discord.js';
import type { Logger } from '../logger.js';
import { knowledgeFor, type KnowledgeSource } from '../knowledge/knowledge-base.js';
import type { FeedbackLog } from '../store/feedback-log.js';
import type { CommandSet, ServerArticles } from './services.js';
import { handleInteraction, refuseInteraction, type InteractionResponder } from './interactions.js';
import { answerMessage, messageApology, refuseMessage } from './messages.js';
import { createPostedAnswers } from './guard.js';
import type { RateLimiter } from './rate-limit.js';
import type { RecentKeys } from './recent-keys.js';

/**
 * Guilds: to receive interactions and know our servers. GuildMessages + DirectMessages: to see
 * messages that mention the bot and DMs to it. No privileged intent: Discord includes the content
 * of exactly those messages without Message Content.
 */
export const BOT_INTENTS = [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages];

/** Gateway close codes after which discord.js gives up for good (bad token, bad shard, bad intents). */
const FATAL_CLOSE_CODES: ReadonlyMap<number, string> = new Map([
  [4004, 'Discord rejected the bot token (authentication failed); reset it in Developer Portal → Bot and update DISCORD_TOKEN'],
  [4010, 'Discord rejected the shard configuration (invalid shard)'],
  [4011, 'the bot is in too many servers for one shard; it needs sharding'],
  [4012, 'Discord rejected the gateway API version'],
  [4013, 'Discord rejected the gateway intents as invalid'],
  [4014, 'the bot asked for a privileged intent that is not enabled in Developer Portal → Bot'],
]);

export const SHUTTING_DOWN_NOTICE = 'I am restarting right now; please ask again in a few seconds.';

export interface GatewayBotOptions {
  /** Read once per interaction or message, so a reload between two never mixes them. */
  knowledge: KnowledgeSource;
  commands: CommandSet;
  /** The per-server article store and fetching, for `/article`; unset where servers keep no articles. */
  serverArticles?: ServerArticles;
  token: string;
  /** REST base without version; unset for Discord itself. The gateway address comes from GET /gateway/bot on it. */
  apiUrl?: string;
  /** The shards this process runs and the bot's total (from the config); default shard 0 of 1. */
  shards?: number[];
  shardCount?: number;
  logger: Logger;
  deferAfterMs?: number;
  /** Per-user question budget shared by commands, buttons, DMs and mentions; unset means unlimited. */
  rateLimiter?: RateLimiter;
  /** Answers already posted by "Post to channel"; one per bot by default. */
  postedAnswers?: RecentKeys;
  /** How long one REST call may take before it is aborted (and retried by discord.js); default 15 s. */
  restTimeoutMs?: number;
  /** Tests only: discord.js waits ~5 s between IDENTIFYs; a no-op throttler makes re-identify tests fast. */
  buildIdentifyThrottler?: WebSocketOptions['buildIdentifyThrottler'];
  /** Votes and the unanswered-question log; unset records nothing. */
  feedback?: FeedbackLog;
  /** Called when Discord closed the gateway for good (e.g. the token was revoked): the bot cannot continue. */
  onFatalDisconnect?: (code: number, reason: string) => void;
}

export interface GatewayBot {
  client: Client;
  /** Stops taking new work (new interactions get a "restarting" notice), lets in-flight replies finish, and disconnects. */
  stop(): Promise<void>;
}

/** A start-up failure phrased for the person running the bot; never carries the token. */
export class GatewayStartError extends Error {
  override name = 'GatewayStartError';
}

/** Logs in with discord.js and moves payloads between the gateway and the shared handlers. */
export async function startGatewayBot(options: GatewayBotOptions): Promise<GatewayBot> {
  const { logger } = options;
  const client = new Client({
    intents: BOT_INTENTS,
    // Given explicitly, so discord.js does not read them from the environment itself.
    shards: options.shards ?? [0],
    shardCount: options.shardCount ?? 1,
    partials: [Partials.Channel], // DM channels are not cached; without this discord.js drops DMs
    rest: { ...(options.apiUrl ? { api: options.apiUrl } : {}), ...(options.restTimeoutMs ? { timeout: options.restTimeoutMs } : {}) },
    ...(options.buildIdentifyThrottler ? { ws: { buildIdentifyThrottler: options.buildIdentifyThrottler } } : {}),
  });
  const deps = { ...options, postedAnswers: options.postedAnswers ?? createPostedAnswers() };
  const inFlight = new Set<Promise<unknown>>();
  let stopping = false;
  const track = (work: Promise<unknown>, context: Record<string, unknown>) => {
    // The handlers catch their own errors; this is the last net, so nothing becomes an unhandled rejection.
    const guarded = work.catch((error: unknown) => logger.error({ err: error, ...context }, 'gateway event handler failed'));
    inFlight.add(guarded);
    void guarded.finally(() => inFlight.delete(guarded));
  };

  const responderFor = (interaction: APIInteraction): InteractionResponder => ({
    respond: async (response) => {
      await client.rest.post(Routes.interactionCallback(interaction.id, interaction.token), { body: response, auth: false });
    },
    editOriginal: async (message) => {
      await client.rest.patch(Routes.webhookMessage(interaction.application_id, interaction.token, '@original'), { body: message, auth: false });
    },
    followUp: async (message) => {
      await client.rest.post(Routes.webhook(interaction.application_id, interaction.token), { body: message, auth: false });
    },
  });

  // Raw payloads: the commands take Discord's own JSON, identical to what the HTTP endpoint receives.
  client.on('raw', (packet: GatewayDispatchPayload) => {
    if (packet.t === GatewayDispatchEvents.InteractionCreate) {
      const interaction = packet.d;
      logger.debug({ interaction: interaction.id }, 'interaction received');
      if (stopping) track(refuseInteraction(interaction, responderFor(interaction), SHUTTING_DOWN_NOTICE), { interaction: interaction.id });
      else track(handleInteraction(interaction, responderFor(interaction), deps), { interaction: interaction.id });
    } else if (packet.t === GatewayDispatchEvents.MessageCreate) {
      track(onMessage(packet.d), { message: packet.d.id });
    }
  });

  const onMessage = async (message: GatewayMessageCreateDispatchData) => {
    const botId = client.user?.id;
    if (!botId) return;
    const started = performance.now();
    const context = { message: message.id, channel: message.channel_id, guild: message.guild_id ?? null, user: message.author?.id ?? null };
    try {
      // While stopping, a question still gets a reply: the restarting notice, as interactions do.
      // A mention in a server is answered with that server's articles too; a DM with the shared ones.
      const knowledge = await knowledgeFor(options.knowledge, message.guild_id);
      const reply = stopping ? refuseMessage(message, botId, SHUTTING_DOWN_NOTICE) : answerMessage(message, botId, { engine: knowledge.engine, articles: knowledge.articles, commands: options.commands, ...(options.feedback ? { feedback: options.feedback } : {}) }, options);
      if (!reply) return;
      await client.rest.post(Routes.channelMessages(message.channel_id), { body: reply });
      logger.info({ ...context, outcome: 'replied', knowledge: knowledge.generation, ms: Math.round(performance.now() - started) }, 'message');
    } catch (error) {
      logger.error({ err: error, ...context }, 'could not answer a message');
      // The apology is a best effort: if Discord itself is failing, it may fail too, and that is logged.
      await client.rest
        .post(Routes.channelMessages(message.channel_id), { body: messageApology(message) })
        .catch((again: unknown) => logger.error({ err: again, ...context }, 'could not send the apology either'));
    }
  };

  let fatal: ((error: GatewayStartError) => void) | undefined;
  client.on('error', (error) => logger.error({ err: error }, 'discord client error'));
  client.on('warn', (warning) => logger.warn({ warning }, 'discord client warning'));
  client.on('shardReconnecting', (shard) => logger.info({ shard }, 'gateway reconnecting'));
  client.on('shardResume', (shard, replayed) => logger.info({ shard, replayed }, 'gateway resumed'));
  client.on('shardDisconnect', (event, shard) => {
    const reason = FATAL_CLOSE_CODES.get(event.code);
    if (!reason || stopping) return void logger.warn({ shard, code: event.code }, 'gateway disconnected');
    logger.fatal({ shard, code: event.code }, `gateway closed for good: ${reason}`);
    fatal?.(new GatewayStartError(`gateway closed with ${event.code}: ${reason}`));
    options.onFatalDisconnect?.(event.code, reason);
  });

  try {
    const ready = new Promise<void>((resolve, reject) => {
      fatal = reject;
      client.once('clientReady', () => resolve());
    });
    // Together, so a fatal close before READY rejects instead of leaving login waiting forever.
    await Promise.all([client.login(options.token), ready]);
  } catch (error) {
    await client.destroy().catch(() => undefined);
    throw startError(error);
  } finally {
    fatal = undefined;
  }
  logger.info({ user: client.user?.tag, guilds: client.guilds.cache.size }, 'bot ready');

  return {
    client,
    async stop() {
      stopping = true;
      // Refusals sent while waiting join the set, so wait until it is really empty.
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
      await client.destroy();
      logger.info('bot stopped');
    },
  };
}

/** Turns discord.js's login failures into one line that says what to fix. */
function startError(error: unknown): Error {
  if (error instanceof GatewayStartError) return error;
  const status = typeof error === 'object' && error !== null && 'status' in error ? error.status : undefined;
  const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
  if (status === 401 || code === 'TokenInvalid') {
    return new GatewayStartError('Discord rejected the bot token (401 Unauthorized); reset it in Developer Portal → Bot and update DISCORD_TOKEN', { cause: error });
  }
  return error instanceof Error ? error : new Error(String(error));
}
