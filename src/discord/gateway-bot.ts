import {
  Client,
  GatewayDispatchEvents,
  GatewayIntentBits,
  Partials,
  Routes,
  type APIInteraction,
  type GatewayDispatchPayload,
  type GatewayMessageCreateDispatchData,
} from 'discord.js';
import type { Logger } from '../logger.js';
import type { Services } from './command.js';
import { handleInteraction, type InteractionResponder } from './interactions.js';
import { answerMessage } from './messages.js';

/**
 * Guilds: to receive interactions and know our servers. GuildMessages + DirectMessages: to see
 * messages that mention the bot and DMs to it. No privileged intent: Discord includes the content
 * of exactly those messages without Message Content.
 */
export const BOT_INTENTS = [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages];

export interface GatewayBotOptions extends Services {
  token: string;
  /** REST base without version; unset for Discord itself. The gateway address comes from GET /gateway/bot on it. */
  apiUrl?: string;
  logger: Logger;
  deferAfterMs?: number;
}

export interface GatewayBot {
  client: Client;
  /** Stops taking new work, lets in-flight replies finish, and disconnects. */
  stop(): Promise<void>;
}

/** Logs in with discord.js and moves payloads between the gateway and the shared handlers. */
export async function startGatewayBot(options: GatewayBotOptions): Promise<GatewayBot> {
  const { logger } = options;
  const client = new Client({
    intents: BOT_INTENTS,
    partials: [Partials.Channel], // DM channels are not cached; without this discord.js drops DMs
    rest: options.apiUrl ? { api: options.apiUrl } : {},
  });
  const inFlight = new Set<Promise<unknown>>();
  let stopping = false;
  const track = (work: Promise<unknown>) => {
    inFlight.add(work);
    void work.finally(() => inFlight.delete(work));
  };

  // Raw payloads: the commands take Discord's own JSON, identical to what the HTTP endpoint receives.
  client.on('raw', (packet: GatewayDispatchPayload) => {
    if (stopping) return;
    if (packet.t === GatewayDispatchEvents.InteractionCreate) track(onInteraction(packet.d));
    else if (packet.t === GatewayDispatchEvents.MessageCreate) track(onMessage(packet.d));
  });

  const onInteraction = async (interaction: APIInteraction) => {
    const responder: InteractionResponder = {
      respond: async (response) => {
        await client.rest.post(Routes.interactionCallback(interaction.id, interaction.token), { body: response, auth: false });
      },
      editOriginal: async (message) => {
        await client.rest.patch(Routes.webhookMessage(interaction.application_id, interaction.token, '@original'), { body: message, auth: false });
      },
    };
    await handleInteraction(interaction, responder, options);
  };

  const onMessage = async (message: GatewayMessageCreateDispatchData) => {
    const botId = client.user?.id;
    if (!botId) return;
    const started = performance.now();
    try {
      const reply = answerMessage(message, botId, options);
      if (!reply) return;
      await client.rest.post(Routes.channelMessages(message.channel_id), { body: reply });
      logger.info({ message: message.id, guild: message.guild_id ?? null, user: message.author.id, outcome: 'replied', ms: Math.round(performance.now() - started) }, 'message');
    } catch (error) {
      logger.error({ err: error, message: message.id, channel: message.channel_id }, 'could not answer a message');
    }
  };

  client.on('error', (error) => logger.error({ err: error }, 'discord client error'));
  client.on('warn', (warning) => logger.warn({ warning }, 'discord client warning'));
  client.on('shardDisconnect', (event, shard) => logger.warn({ shard, code: event.code }, 'gateway disconnected'));
  client.on('shardReconnecting', (shard) => logger.info({ shard }, 'gateway reconnecting'));
  client.on('shardResume', (shard, replayed) => logger.info({ shard, replayed }, 'gateway resumed'));

  const ready = new Promise<void>((resolve) => client.once('clientReady', () => resolve()));
  await client.login(options.token);
  await ready;
  logger.info({ user: client.user?.tag, guilds: client.guilds.cache.size }, 'bot ready');

  return {
    client,
    async stop() {
      stopping = true;
      await Promise.allSettled([...inFlight]);
      await client.destroy();
      logger.info('bot stopped');
    },
  };
}
