import type {
  APIApplicationCommandAutocompleteInteraction,
  APIApplicationCommandInteractionDataBasicOption,
  APIMessageApplicationCommandInteractionData,
} from 'discord.js';
import { InteractionContextType, PermissionFlagsBits } from 'discord.js';

/** Reading Discord's interaction payloads: option values, the focused option, where it was used. */

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

/** Manage Server, or Administrator (which implies every permission). */
const MANAGE_SERVER = PermissionFlagsBits.ManageGuild | PermissionFlagsBits.Administrator;

/**
 * The member may manage this server, by the permissions Discord computed for them in this channel.
 * `default_member_permissions` only hides a command: an admin can grant it to anyone, and a stale
 * client can still send it, so a command for admins checks again with this.
 */
export function canManageServer(interaction: { guild_id?: string; member?: { permissions?: string } }): boolean {
  const permissions = interaction.member?.permissions;
  if (!interaction.guild_id || !permissions || !/^\d+$/.test(permissions)) return false;
  return (BigInt(permissions) & MANAGE_SERVER) !== 0n;
}
