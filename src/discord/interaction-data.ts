import type {
  APIApplicationCommandAutocompleteInteraction,
  APIApplicationCommandInteractionDataBasicOption,
  APIMessageApplicationCommandInteractionData,
} from 'discord.js';
import { ApplicationCommandOptionType, ApplicationIntegrationType, InteractionContextType, PermissionFlagsBits, type APIAttachment } from 'discord.js';

/** Reading Discord's interaction payloads: option values, the focused option, where it was used. */

type WithOptions = { data: { options?: APIApplicationCommandInteractionDataBasicOption[] | unknown[] } };

/** A top-level option's value from a slash command or autocomplete interaction. */
export function optionValue(interaction: WithOptions, name: string): string | number | boolean | undefined {
  const options = (interaction.data.options ?? []) as { name: string; value?: unknown }[];
  // A loop, not find(): read several times for every command, and a callback would be made each time.
  let value: unknown;
  for (const option of options) {
    if (option.name === name) {
      value = option.value;
      break;
    }
  }
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

/**
 * The server whose own articles answer this interaction: the server it was used in, when the app is
 * installed there. A user-installed app used in a server it is not in, a DM or a group DM has none.
 */
export function serverScope(interaction: { guild_id?: string; authorizing_integration_owners?: Partial<Record<ApplicationIntegrationType, string>> }): string | undefined {
  const guildId = interaction.guild_id;
  if (guildId === undefined) return undefined;
  const owners = interaction.authorizing_integration_owners;
  // Payloads from before user installs name no owners: the app was installed to the server.
  if (owners === undefined) return guildId;
  return owners[ApplicationIntegrationType.GuildInstall] === guildId ? guildId : undefined;
}

type SubcommandOptions = { data: { options?: unknown[] } };

/** The subcommand used (`/article add` → add) and its options. */
export function subcommandOf(interaction: SubcommandOptions): { name: string; options: { name: string; value?: unknown; focused?: boolean }[] } | undefined {
  const first = (interaction.data.options ?? [])[0] as { name?: unknown; type?: unknown; options?: unknown } | undefined;
  if (!first || first.type !== ApplicationCommandOptionType.Subcommand || typeof first.name !== 'string') return undefined;
  return { name: first.name, options: Array.isArray(first.options) ? (first.options as { name: string; value?: unknown; focused?: boolean }[]) : [] };
}

/** An attachment option's file, as Discord resolved it in the interaction's data. */
export function resolvedAttachment(interaction: { data: { resolved?: { attachments?: Record<string, APIAttachment> } } }, id: unknown): APIAttachment | undefined {
  const attachments = interaction.data.resolved?.attachments;
  return typeof id === 'string' && attachments && Object.hasOwn(attachments, id) ? attachments[id] : undefined;
}
