import type {
  APIApplicationCommandAutocompleteInteraction,
  APIApplicationCommandInteractionDataBasicOption,
  APIChatInputApplicationCommandInteraction,
  APIMessageApplicationCommandInteraction,
  APIMessageApplicationCommandInteractionData,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
  RESTPostAPIContextMenuApplicationCommandsJSONBody,
} from 'discord.js';
import { ApplicationIntegrationType, InteractionContextType } from 'discord.js';
import type { Article } from '../data/schema.js';
import type { AnswerEngine } from '../engine/index.js';
import type { ReplyMessage } from './render.js';

/** What every handler may use: the engine and the articles, nothing transport-specific. */
export interface Services {
  engine: AnswerEngine;
  articles: Article[];
}

/** Usable in servers and DMs, whether the app is installed to a server or to a user. */
export const EVERYWHERE = {
  integration_types: [ApplicationIntegrationType.GuildInstall, ApplicationIntegrationType.UserInstall],
  contexts: [InteractionContextType.Guild, InteractionContextType.BotDM, InteractionContextType.PrivateChannel],
};

export interface SlashCommand {
  data: RESTPostAPIChatInputApplicationCommandsJSONBody;
  /** Whether the reply is private, decided before the work so a deferral can carry the same flag. */
  isPrivate(interaction: APIChatInputApplicationCommandInteraction): boolean;
  execute(interaction: APIChatInputApplicationCommandInteraction, services: Services): ReplyMessage | Promise<ReplyMessage>;
  autocomplete?(interaction: APIApplicationCommandAutocompleteInteraction, services: Services): { name: string; value: string }[];
}

export interface MessageCommand {
  data: RESTPostAPIContextMenuApplicationCommandsJSONBody;
  isPrivate(interaction: APIMessageApplicationCommandInteraction): boolean;
  execute(interaction: APIMessageApplicationCommandInteraction, services: Services): ReplyMessage | Promise<ReplyMessage>;
}

export type Command = SlashCommand | MessageCommand;

type WithOptions = { data: { options?: APIApplicationCommandInteractionDataBasicOption[] | unknown[] } };

/** A top-level option's value from a slash command or autocomplete interaction. */
export function optionValue(interaction: WithOptions, name: string): string | number | boolean | undefined {
  const options = (interaction.data.options ?? []) as { name: string; value?: unknown }[];
  const value = options.find((o) => o.name === name)?.value;
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : undefined;
}

/** The option the user is typing into, for autocomplete. */
export function focusedOption(interaction: APIApplicationCommandAutocompleteInteraction): { name: string; value: string } | undefined {
  const options = (interaction.data.options ?? []) as { name: string; value?: unknown; focused?: boolean }[];
  const focused = options.find((o) => o.focused);
  return focused ? { name: focused.name, value: String(focused.value ?? '') } : undefined;
}

/** In a server (not a DM or group DM): answers there are private unless asked otherwise. */
export function inServer(interaction: { guild_id?: string; context?: InteractionContextType }): boolean {
  return interaction.context !== undefined ? interaction.context === InteractionContextType.Guild : interaction.guild_id !== undefined;
}

/** The message a context-menu command was used on; an own property only, whatever id the payload names. */
export function targetMessage(interaction: { data: APIMessageApplicationCommandInteractionData }): { content?: string } | undefined {
  const { messages } = interaction.data.resolved;
  return Object.hasOwn(messages, interaction.data.target_id) ? messages[interaction.data.target_id] : undefined;
}

/** Message text without user, nickname or role mentions: what a question read from a message asks. */
export function stripMentions(text: string): string {
  return text.replace(/<@[!&]?\d+>/g, ' ').trim();
}
