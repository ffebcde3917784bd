import type {
  APIApplicationCommandAutocompleteInteraction,
  APIChatInputApplicationCommandInteraction,
  APIMessageComponentInteraction,
  APIMessageApplicationCommandInteraction,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
  RESTPostAPIContextMenuApplicationCommandsJSONBody,
} from 'discord.js';
import { ApplicationCommandOptionType, ApplicationIntegrationType, InteractionContextType, PermissionFlagsBits } from 'discord.js';
import { inServer, optionValue } from '../discord/interaction-data.js';
import type { ButtonReply } from '../discord/buttons.js';
import type { ReplyMessage } from '../discord/render.js';
import type { Choices, Services } from '../discord/services.js';

export type { Services };

/** Usable in servers and DMs, whether the app is installed to a server or to a user. */
export const EVERYWHERE = {
  integration_types: [ApplicationIntegrationType.GuildInstall, ApplicationIntegrationType.UserInstall],
  contexts: [InteractionContextType.Guild, InteractionContextType.BotDM, InteractionContextType.PrivateChannel],
};

/**
 * For server admins: shown only to members with Manage Server, only in servers the app is installed
 * to. It only hides the command (an override can show it to anyone), so each such command also
 * checks `canManageServer` on use.
 */
export const ADMINS_IN_SERVER = {
  default_member_permissions: String(PermissionFlagsBits.ManageGuild),
  integration_types: [ApplicationIntegrationType.GuildInstall],
  contexts: [InteractionContextType.Guild],
};

/** Every command's reply is private in a server unless this is set. */
export const PUBLIC_OPTION = {
  type: ApplicationCommandOptionType.Boolean,
  name: 'public',
  description: 'Show the answer to everyone in the channel (default: only you)',
} as const;

/** Private in a server unless the user chose `public`; a DM is private anyway. */
export function privateUnlessPublic(interaction: APIChatInputApplicationCommandInteraction): boolean {
  return inServer(interaction) && optionValue(interaction, PUBLIC_OPTION.name) !== true;
}

export interface SlashCommand {
  data: RESTPostAPIChatInputApplicationCommandsJSONBody;
  /** Whether the reply is private, decided before the work so a deferral can carry the same flag. */
  isPrivate(interaction: APIChatInputApplicationCommandInteraction): boolean;
  execute(interaction: APIChatInputApplicationCommandInteraction, services: Services): ReplyMessage | Promise<ReplyMessage>;
  autocomplete?(interaction: APIApplicationCommandAutocompleteInteraction, services: Services): Choices | Promise<Choices>;
  /** Its work is slow (it fetches from the network): the dispatcher defers at once. */
  slow?: boolean;
  /** Buttons on this command's replies whose custom ids start with `prefix` are answered by `press`. */
  buttons?: { prefix: string; press(interaction: APIMessageComponentInteraction, services: Services): Promise<ButtonReply> };
  /** The free text it asks the engine (checked for length before any work). */
  question?(interaction: APIChatInputApplicationCommandInteraction): string | undefined;
  /** It asks the engine something: it counts against the user's question budget. */
  asksEngine?: boolean;
}

export interface MessageCommand {
  data: RESTPostAPIContextMenuApplicationCommandsJSONBody;
  isPrivate(interaction: APIMessageApplicationCommandInteraction): boolean;
  execute(interaction: APIMessageApplicationCommandInteraction, services: Services): ReplyMessage | Promise<ReplyMessage>;
  question?(interaction: APIMessageApplicationCommandInteraction): string | undefined;
  asksEngine?: boolean;
}

export type Command = SlashCommand | MessageCommand;
