/**
 * Interaction builders (what a user "does" in the Discord client) and the handle a test
 * gets back from `fake.sendInteraction()` to await the bot's responses.
 */
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ComponentType,
  InteractionResponseType,
  InteractionType,
} from 'discord.js';
import type { APIInteraction, APIMessage, APIUser } from 'discord.js';
import type { DispatchResult } from './gateway.js';
import type { FakeEvent, InteractionAction } from './events.js';
import type { EventLog, Logged, WaitOptions } from './log.js';
import type { JsonObject } from './util.js';

export type OptionValue = string | number | boolean;

export interface OptionInput {
  name: string;
  /** Inferred from `value` when omitted: string → String, integer → Integer, other number → Number, boolean → Boolean. */
  type?: ApplicationCommandOptionType;
  value?: OptionValue;
  focused?: boolean;
  /** For sub-commands / groups. */
  options?: OptionInput[];
}

/** Where the interaction happens and who triggers it. Defaults: the fake's first guild text channel, `fake.user`. */
export interface InteractionLocation {
  /** Trigger it from the user's DM with the bot (context 1, `user` instead of `member`). */
  dm?: boolean;
  guildId?: string;
  channelId?: string;
  user?: APIUser;
  /** User's client locale, default `en-US`. */
  locale?: string;
}

export interface InteractionInput extends InteractionLocation {
  type: InteractionType;
  data: JsonObject;
  /** For message components: the message the component is attached to. */
  message?: APIMessage;
  /** Raw fields merged into the final payload last (escape hatch). */
  overrides?: JsonObject;
}

export interface CommandBuilderOptions extends InteractionLocation {
  subcommand?: string;
  subcommandGroup?: string;
  /** Force a command id; by default the id of the registered command with that name is used. */
  commandId?: string;
}

function inferType(value: OptionValue | undefined): ApplicationCommandOptionType {
  if (typeof value === 'boolean') return ApplicationCommandOptionType.Boolean;
  if (typeof value === 'number') {
    return Number.isInteger(value) ? ApplicationCommandOptionType.Integer : ApplicationCommandOptionType.Number;
  }
  return ApplicationCommandOptionType.String;
}

function toOptionInputs(options: Record<string, OptionValue> | OptionInput[] | undefined): OptionInput[] {
  if (!options) return [];
  if (Array.isArray(options)) return options;
  return Object.entries(options).map(([name, value]) => ({ name, value }));
}

function wireOptions(options: OptionInput[]): JsonObject[] {
  return options.map((o) => {
    const out: JsonObject = { name: o.name, type: o.type ?? (o.options ? ApplicationCommandOptionType.Subcommand : inferType(o.value)) };
    if (o.value !== undefined) out['value'] = o.value;
    if (o.focused) out['focused'] = true;
    if (o.options) out['options'] = wireOptions(o.options);
    return out;
  });
}

function nestSubcommands(options: JsonObject[], opts: CommandBuilderOptions): JsonObject[] {
  let result = options;
  if (opts.subcommand) {
    result = [{ name: opts.subcommand, type: ApplicationCommandOptionType.Subcommand, options: result }];
  }
  if (opts.subcommandGroup) {
    result = [{ name: opts.subcommandGroup, type: ApplicationCommandOptionType.SubcommandGroup, options: result }];
  }
  return result;
}

function location(opts: InteractionLocation): InteractionLocation {
  const { dm, guildId, channelId, user, locale } = opts;
  return { dm, guildId, channelId, user, locale };
}

/** A CHAT_INPUT (slash) command: `/name option:value …`. */
export function slashCommand(
  name: string,
  options?: Record<string, OptionValue> | OptionInput[],
  opts: CommandBuilderOptions = {},
): InteractionInput {
  const data: JsonObject = { name, type: ApplicationCommandType.ChatInput };
  const wired = nestSubcommands(wireOptions(toOptionInputs(options)), opts);
  if (wired.length > 0) data['options'] = wired;
  if (opts.commandId) data['id'] = opts.commandId;
  return { type: InteractionType.ApplicationCommand, data, ...location(opts) };
}

/**
 * An APPLICATION_COMMAND_AUTOCOMPLETE interaction. `focused` names the option being typed;
 * its value is sent as the (partial) string typed so far, like Discord does.
 */
export function autocomplete(
  name: string,
  options: Record<string, OptionValue> | OptionInput[],
  focused: string,
  opts: CommandBuilderOptions = {},
): InteractionInput {
  const inputs = toOptionInputs(options).map((o) =>
    o.name === focused ? { ...o, focused: true, value: o.value === undefined ? '' : String(o.value), type: o.type ?? ApplicationCommandOptionType.String } : o,
  );
  if (!inputs.some((o) => o.focused)) {
    inputs.push({ name: focused, value: '', focused: true, type: ApplicationCommandOptionType.String });
  }
  const data: JsonObject = { name, type: ApplicationCommandType.ChatInput, options: nestSubcommands(wireOptions(inputs), opts) };
  if (opts.commandId) data['id'] = opts.commandId;
  return { type: InteractionType.ApplicationCommandAutocomplete, data, ...location(opts) };
}

/** A button click on `message` (usually a message the bot sent, e.g. `handle.originalMessage()`). */
export function button(customId: string, message: APIMessage, opts: InteractionLocation = {}): InteractionInput {
  return {
    type: InteractionType.MessageComponent,
    data: { custom_id: customId, component_type: ComponentType.Button },
    message,
    channelId: opts.channelId ?? message.channel_id,
    ...location(opts),
  };
}

/** A string select menu choice on `message`. */
export function stringSelect(customId: string, values: string[], message: APIMessage, opts: InteractionLocation = {}): InteractionInput {
  return {
    type: InteractionType.MessageComponent,
    data: { custom_id: customId, component_type: ComponentType.StringSelect, values },
    message,
    channelId: opts.channelId ?? message.channel_id,
    ...location(opts),
  };
}

/** A MESSAGE context-menu command ("Apps → name") on `target`. */
export function messageContextMenu(
  name: string,
  target: APIMessage,
  opts: Omit<CommandBuilderOptions, 'subcommand' | 'subcommandGroup'> = {},
): InteractionInput {
  const data: JsonObject = {
    name,
    type: ApplicationCommandType.Message,
    target_id: target.id,
    resolved: { messages: { [target.id]: target } },
  };
  if (opts.commandId) data['id'] = opts.commandId;
  return { type: InteractionType.ApplicationCommand, data, channelId: opts.channelId ?? target.channel_id, ...location(opts) };
}

/** A USER context-menu command on `target` (the fake fills `resolved.members` in guilds). */
export function userContextMenu(
  name: string,
  target: APIUser,
  opts: Omit<CommandBuilderOptions, 'subcommand' | 'subcommandGroup'> = {},
): InteractionInput {
  const data: JsonObject = {
    name,
    type: ApplicationCommandType.User,
    target_id: target.id,
    resolved: { users: { [target.id]: target } },
  };
  if (opts.commandId) data['id'] = opts.commandId;
  return { type: InteractionType.ApplicationCommand, data, ...location(opts) };
}

/** A MODAL_SUBMIT with text-input values keyed by custom_id. */
export function modalSubmit(customId: string, fields: Record<string, string>, opts: InteractionLocation = {}): InteractionInput {
  return {
    type: InteractionType.ModalSubmit,
    data: {
      custom_id: customId,
      components: Object.entries(fields).map(([id, value]) => ({
        type: ComponentType.ActionRow,
        components: [{ type: ComponentType.TextInput, custom_id: id, value }],
      })),
    },
    ...location(opts),
  };
}

/** Which callback types Discord accepts for each interaction type. */
export const ALLOWED_CALLBACKS: Record<number, readonly number[]> = {
  [InteractionType.ApplicationCommand]: [
    InteractionResponseType.ChannelMessageWithSource,
    InteractionResponseType.DeferredChannelMessageWithSource,
    InteractionResponseType.Modal,
    InteractionResponseType.PremiumRequired,
    InteractionResponseType.LaunchActivity,
  ],
  [InteractionType.MessageComponent]: [
    InteractionResponseType.ChannelMessageWithSource,
    InteractionResponseType.DeferredChannelMessageWithSource,
    InteractionResponseType.DeferredMessageUpdate,
    InteractionResponseType.UpdateMessage,
    InteractionResponseType.Modal,
    InteractionResponseType.PremiumRequired,
    InteractionResponseType.LaunchActivity,
  ],
  [InteractionType.ApplicationCommandAutocomplete]: [InteractionResponseType.ApplicationCommandAutocompleteResult],
  [InteractionType.ModalSubmit]: [
    InteractionResponseType.ChannelMessageWithSource,
    InteractionResponseType.DeferredChannelMessageWithSource,
    InteractionResponseType.DeferredMessageUpdate,
    InteractionResponseType.UpdateMessage,
    InteractionResponseType.PremiumRequired,
  ],
};

/** Server-side state of one interaction (token validity, acknowledgement, messages). */
export interface InteractionRecord {
  id: string;
  token: string;
  type: InteractionType;
  payload: APIInteraction;
  createdAt: number;
  channelId: string;
  guildId: string | null;
  user: APIUser;
  callbackType: number | null;
  /** The message `@original` refers to (reply, deferred placeholder, or component message). */
  originalMessageId: string | null;
  followUpIds: string[];
  /** True while a deferred (type 5) placeholder has not been edited / replaced yet. */
  loading: boolean;
}

export type InteractionResponseEvent = Logged<Extract<FakeEvent, { kind: 'interactionResponse' }>>;

export interface ResponseWaitOptions extends WaitOptions {
  /** Resolve on the n-th (1-based) matching response of this interaction. Default 1. */
  nth?: number;
  predicate?: (event: InteractionResponseEvent) => boolean;
}

export class InteractionHandle {
  constructor(
    private readonly log: EventLog<FakeEvent>,
    private readonly record: InteractionRecord,
    private readonly messageLookup: (id: string) => APIMessage | undefined,
    /** The INTERACTION_CREATE payload as dispatched. */
    readonly payload: APIInteraction,
    readonly dispatch: DispatchResult,
  ) {}

  get id(): string {
    return this.record.id;
  }

  get token(): string {
    return this.record.token;
  }

  /** All responses so far (callback, edits, follow-ups…), in order. */
  get responses(): InteractionResponseEvent[] {
    return this.log.list('interactionResponse', (e) => e.interactionId === this.record.id);
  }

  /** The current state of the `@original` message, or null if there is none (yet). */
  originalMessage(): APIMessage | null {
    return this.record.originalMessageId ? (this.messageLookup(this.record.originalMessageId) ?? null) : null;
  }

  followUpMessages(): APIMessage[] {
    return this.record.followUpIds.map((id) => this.messageLookup(id)).filter((m): m is APIMessage => m !== undefined);
  }

  waitForAction(action: InteractionAction, options: ResponseWaitOptions = {}): Promise<InteractionResponseEvent> {
    const nth = options.nth ?? 1;
    const matches = (e: InteractionResponseEvent) =>
      e.interactionId === this.record.id && e.action === action && (!options.predicate || options.predicate(e));
    return this.log.waitFor(
      'interactionResponse',
      (e) => matches(e) && this.log.list('interactionResponse', matches, options.since ?? 0).indexOf(e) === nth - 1,
      `${action}${nth > 1 ? ` #${nth}` : ''} for interaction ${this.record.id} (type ${this.record.type})`,
      options,
    );
  }

  /** The initial response: `POST /interactions/:id/:token/callback` (reply, defer, update, autocomplete, modal). */
  waitForCallback(options: ResponseWaitOptions = {}): Promise<InteractionResponseEvent> {
    return this.waitForAction('callback', options);
  }

  /** `PATCH /webhooks/:appId/:token/messages/@original` (editReply). */
  waitForEdit(options: ResponseWaitOptions = {}): Promise<InteractionResponseEvent> {
    return this.waitForAction('editOriginal', options);
  }

  /** `POST /webhooks/:appId/:token` (followUp). */
  waitForFollowUp(options: ResponseWaitOptions = {}): Promise<InteractionResponseEvent> {
    return this.waitForAction('followUp', options);
  }
}
