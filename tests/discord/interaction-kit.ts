import { expect } from 'vitest';
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  ChannelType,
  ComponentType,
  InteractionContextType,
  InteractionResponseType,
  InteractionType,
  Locale,
  MessageType,
  type APIApplicationCommandAutocompleteInteraction,
  type APIApplicationCommandInteractionDataBasicOption,
  type APIChatInputApplicationCommandInteraction,
  type APIInteraction,
  type APIInteractionResponse,
  type APIMessage,
  type APIMessageApplicationCommandInteraction,
  type APIMessageComponentInteraction,
  type APIPingInteraction,
} from 'discord.js';
import type { DestinationStream } from 'pino';
import { commands, commandSet } from '../../src/commands/index.js';
import { loadKnowledgeBase } from '../../src/data/load.js';
import { handleInteraction, type InteractionDeps, type InteractionResponder, type Outcome } from '../../src/discord/interactions.js';
import type { ReplyMessage } from '../../src/discord/render.js';
import { createAnswerEngine, type AnswerEngine } from '../../src/engine/index.js';
import { fixedKnowledge } from '../../src/knowledge/knowledge-base.js';
import { createLogger } from '../../src/logger.js';

/**
 * Interactions as Discord sends them, and a recorder for what the shared dispatcher answers:
 * the in-process way to drive every command, button and autocomplete without a transport.
 */

export const bundledEngine = createAnswerEngine(loadKnowledgeBase().articles);

// ── interaction JSON, as Discord sends it ───────────────────────────────────

export const APP_ID = '100000000000000001';
export const GUILD_ID = '200000000000000002';
export const CHANNEL_ID = '300000000000000003';
export const USER = { id: '400000000000000004', username: 'reader', discriminator: '0', global_name: 'Reader', avatar: null };
export const BOT = { id: APP_ID, username: 'article-bot', discriminator: '0', global_name: null, avatar: null, bot: true };

export type Place = 'guild' | 'dm';
let nextId = 500000000000000000n;
export const newId = (): string => String(nextId++);

export function where(place: Place) {
  const common = {
    id: newId(),
    application_id: APP_ID,
    token: 'interaction-token',
    version: 1 as const,
    app_permissions: '0',
    locale: Locale.EnglishUS,
    entitlements: [],
    attachment_size_limit: 8_388_608,
    channel_id: CHANNEL_ID,
  };
  if (place === 'dm') {
    return {
      ...common,
      channel: { id: CHANNEL_ID, type: ChannelType.DM as const },
      user: USER,
      context: InteractionContextType.BotDM,
      authorizing_integration_owners: { [ApplicationIntegrationType.UserInstall]: USER.id },
    };
  }
  return {
    ...common,
    channel: { id: CHANNEL_ID, type: ChannelType.GuildText as const },
    guild_id: GUILD_ID,
    member: { user: USER, roles: [], joined_at: '2025-01-01T00:00:00.000Z', deaf: false, mute: false, flags: 0, permissions: '0' },
    context: InteractionContextType.Guild,
    authorizing_integration_owners: { [ApplicationIntegrationType.GuildInstall]: GUILD_ID },
  };
}

export type OptionValues = Record<string, string | boolean>;

export function options(values: OptionValues, focused?: string): APIApplicationCommandInteractionDataBasicOption[] {
  return Object.entries(values).map(([name, value]): APIApplicationCommandInteractionDataBasicOption =>
    typeof value === 'boolean'
      ? { name, type: ApplicationCommandOptionType.Boolean, value }
      : { name, type: ApplicationCommandOptionType.String, value, ...(name === focused ? { focused: true } : {}) },
  );
}

export function slash(name: string, values: OptionValues = {}, place: Place = 'guild'): APIChatInputApplicationCommandInteraction {
  return { ...where(place), type: InteractionType.ApplicationCommand, data: { id: newId(), name, type: ApplicationCommandType.ChatInput, options: options(values) } };
}

export function autocomplete(name: string, values: OptionValues, focused: string, place: Place = 'guild'): APIApplicationCommandAutocompleteInteraction {
  return { ...where(place), type: InteractionType.ApplicationCommandAutocomplete, data: { id: newId(), name, type: ApplicationCommandType.ChatInput, options: options(values, focused) } };
}

export function message(content: string, reply?: ReplyMessage): APIMessage {
  return {
    id: newId(),
    channel_id: CHANNEL_ID,
    author: reply ? BOT : USER,
    content,
    timestamp: '2026-02-04T12:00:00.000Z',
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [],
    embeds: reply?.embeds ?? [],
    components: reply?.components ?? [],
    pinned: false,
    type: reply ? MessageType.ChatInputCommand : MessageType.Default,
    flags: reply?.flags,
  };
}

export function messageCommand(target: APIMessage, place: Place = 'guild'): APIMessageApplicationCommandInteraction {
  return {
    ...where(place),
    type: InteractionType.ApplicationCommand,
    data: { id: newId(), name: 'Ask the article', type: ApplicationCommandType.Message, target_id: target.id, resolved: { messages: { [target.id]: target } } },
  };
}

export function click(customId: string, on: APIMessage, place: Place = 'guild'): APIMessageComponentInteraction {
  return { ...where(place), type: InteractionType.MessageComponent, data: { custom_id: customId, component_type: ComponentType.Button }, message: on };
}

/** A pick from a string select menu under a message. */
export function select(customId: string, value: string, on: APIMessage, place: Place = 'guild'): APIMessageComponentInteraction {
  return { ...where(place), type: InteractionType.MessageComponent, data: { custom_id: customId, component_type: ComponentType.StringSelect, values: [value] }, message: on };
}

export function ping(): APIPingInteraction {
  const { id, application_id, token, version, app_permissions, entitlements, authorizing_integration_owners, attachment_size_limit } = where('dm');
  return { id, application_id, token, version, app_permissions, entitlements, authorizing_integration_owners, attachment_size_limit, type: InteractionType.Ping };
}

// ── the transport and the logs, recorded ────────────────────────────────────

export interface Recorded {
  responses: APIInteractionResponse[];
  edits: ReplyMessage[];
  followUps: ReplyMessage[];
  calls: string[];
  outcome: Outcome;
  logs: Record<string, unknown>[];
}

/** Runs one interaction through the shared handler, over the bundled article or the engine given. */
export async function run(interaction: APIInteraction, { engine = bundledEngine, ...overrides }: Partial<InteractionDeps> & { engine?: AnswerEngine } = {}): Promise<Recorded> {
  const lines: string[] = [];
  const destination: DestinationStream = { write: (line: string) => void lines.push(line) };
  const logger = await createLogger({ level: 'debug', secrets: [], destination });
  const recorded: Omit<Recorded, 'outcome' | 'logs'> = { responses: [], edits: [], followUps: [], calls: [] };
  const responder: InteractionResponder = {
    async respond(response) {
      recorded.calls.push(`respond:${response.type}`);
      recorded.responses.push(response);
    },
    async editOriginal(edit) {
      recorded.calls.push('edit');
      recorded.edits.push(edit);
    },
    async followUp(message) {
      recorded.calls.push('followUp');
      recorded.followUps.push(message);
    },
  };
  const outcome = await handleInteraction(interaction, responder, { knowledge: fixedKnowledge(engine), commands: commandSet(commands), logger, ...overrides });
  const logs = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  return { ...recorded, outcome, logs };
}

/** The only response, which must be a message (new or updated). */
export function reply(recorded: Recorded): { type: InteractionResponseType; data: ReplyMessage } {
  expect(recorded.responses).toHaveLength(1);
  const response = recorded.responses[0];
  if (!response || (response.type !== InteractionResponseType.ChannelMessageWithSource && response.type !== InteractionResponseType.UpdateMessage)) {
    throw new Error(`expected a message response, got ${JSON.stringify(response)}`);
  }
  return { type: response.type, data: response.data as ReplyMessage };
}

export function choicesOf(recorded: Recorded): { name: string; value: string }[] {
  const response = recorded.responses[0];
  if (!response || response.type !== InteractionResponseType.ApplicationCommandAutocompleteResult) throw new Error(`expected choices, got ${JSON.stringify(response)}`);
  return (response.data.choices ?? []).map((c) => ({ name: c.name, value: String(c.value) }));
}

export const description = (m: ReplyMessage): string => m.embeds[0]?.description ?? '';
export const footer = (m: ReplyMessage): string => m.embeds[0]?.footer?.text ?? '';

export function buttonId(m: ReplyMessage, label: string): string {
  for (const row of m.components) {
    for (const component of row.components) {
      if (component.type === ComponentType.Button && 'custom_id' in component && (component.label ?? '').startsWith(label)) return component.custom_id;
    }
  }
  throw new Error(`no "${label}" button in ${JSON.stringify(m.components)}`);
}
