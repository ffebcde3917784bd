/**
 * Message construction and validation with Discord's limits and error shapes.
 */
import { MessageFlags, MessageType } from 'discord.js';
import type {
  APIAttachment,
  APIEmbed,
  APIGuildMember,
  APIMessage,
  APIMessageInteractionMetadata,
  APIMessageReference,
  APIMessageTopLevelComponent,
  APIUser,
} from 'discord.js';
import type { MessageBody, RecordedFile } from './events.js';
import type { FakeGuild, FakeState } from './state.js';
import { Errors, formError, getArray, getString, isObject, mergeErrors, snowflake } from './util.js';
import type { JsonObject } from './util.js';

export const LIMITS = {
  content: 2000,
  embeds: 10,
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  embedFieldName: 256,
  embedFieldValue: 1024,
  embedFooter: 2048,
  embedAuthor: 256,
  embedTotal: 6000,
  actionRows: 5,
  autocompleteChoices: 25,
  choiceName: 100,
  choiceValue: 100,
} as const;

function maxLength(max: number): [string, string] {
  return ['BASE_TYPE_MAX_LENGTH', `Must be ${max} or fewer in length.`];
}

/**
 * Validates a message create/edit body the way Discord does (subset): content length,
 * embed limits, component row count, and "Cannot send an empty message" on create.
 * Throws an HttpError (400) with Discord's error body.
 */
export function validateMessageBody(body: JsonObject, opts: { create: boolean; fileCount: number }): void {
  const errors: JsonObject = {};
  const content = body['content'];
  if (content !== undefined && content !== null) {
    if (typeof content !== 'string') {
      mergeErrors(errors, formError(['content'], 'BASE_TYPE_STRING', 'Must be a string.'));
    } else if ([...content].length > LIMITS.content) {
      mergeErrors(errors, formError(['content'], ...maxLength(LIMITS.content)));
    }
  }
  const embeds = getArray(body, 'embeds') ?? [];
  if (embeds.length > LIMITS.embeds) {
    mergeErrors(errors, formError(['embeds'], ...maxLength(LIMITS.embeds)));
  }
  let embedTotal = 0;
  embeds.forEach((embed, i) => {
    if (!isObject(embed)) return;
    const check = (value: unknown, max: number, path: (string | number)[]) => {
      if (typeof value !== 'string') return;
      embedTotal += value.length;
      if (value.length > max) mergeErrors(errors, formError(['embeds', i, ...path], ...maxLength(max)));
    };
    check(embed['title'], LIMITS.embedTitle, ['title']);
    check(embed['description'], LIMITS.embedDescription, ['description']);
    if (isObject(embed['footer'])) check(embed['footer']['text'], LIMITS.embedFooter, ['footer', 'text']);
    if (isObject(embed['author'])) check(embed['author']['name'], LIMITS.embedAuthor, ['author', 'name']);
    const fields = getArray(embed, 'fields') ?? [];
    if (fields.length > LIMITS.embedFields) {
      mergeErrors(errors, formError(['embeds', i, 'fields'], ...maxLength(LIMITS.embedFields)));
    }
    fields.forEach((field, j) => {
      if (!isObject(field)) return;
      if (typeof field['name'] !== 'string' || field['name'] === '') {
        mergeErrors(errors, formError(['embeds', i, 'fields', j, 'name'], 'BASE_TYPE_REQUIRED', 'This field is required'));
      }
      if (typeof field['value'] !== 'string' || field['value'] === '') {
        mergeErrors(errors, formError(['embeds', i, 'fields', j, 'value'], 'BASE_TYPE_REQUIRED', 'This field is required'));
      }
      check(field['name'], LIMITS.embedFieldName, ['fields', j, 'name']);
      check(field['value'], LIMITS.embedFieldValue, ['fields', j, 'value']);
    });
  });
  if (embedTotal > LIMITS.embedTotal) {
    mergeErrors(
      errors,
      formError(['embeds'], 'MAX_EMBED_SIZE_EXCEEDED', `Embed size exceeds maximum size of ${LIMITS.embedTotal}`),
    );
  }
  const flags = typeof body['flags'] === 'number' ? body['flags'] : 0;
  const components = getArray(body, 'components') ?? [];
  if (!(flags & MessageFlags.IsComponentsV2) && components.length > LIMITS.actionRows) {
    mergeErrors(errors, formError(['components'], ...maxLength(LIMITS.actionRows)));
  }
  if (Object.keys(errors).length > 0) throw Errors.invalidFormBody(errors);

  if (opts.create) {
    const hasContent = typeof content === 'string' && content.trim().length > 0;
    const hasOther =
      embeds.length > 0 ||
      components.length > 0 ||
      opts.fileCount > 0 ||
      (getArray(body, 'sticker_ids') ?? []).length > 0 ||
      isObject(body['poll']);
    if (!hasContent && !hasOther) throw Errors.emptyMessage();
  }
}

export interface MentionResult {
  users: APIUser[];
  roles: string[];
  everyone: boolean;
}

/**
 * Works out who a message actually pings, honouring `allowed_mentions` like Discord:
 * without `allowed_mentions` everything in the content pings (and a reply pings the
 * replied-to author); with it, only what `parse` / `users` / `roles` / `replied_user` allow.
 */
export function resolveMentions(
  state: FakeState,
  content: string,
  allowedMentions: unknown,
  repliedTo: APIUser | null,
): MentionResult {
  const userIds = [...content.matchAll(/<@!?(\d{15,25})>/g)].map((m) => m[1] ?? '');
  const roleIds = [...content.matchAll(/<@&(\d{15,25})>/g)].map((m) => m[1] ?? '');
  const mentionsEveryone = /@(everyone|here)/.test(content);
  let allowUser: (id: string) => boolean = () => true;
  let allowRole: (id: string) => boolean = () => true;
  let allowEveryone = true;
  let allowReplied = true;
  if (isObject(allowedMentions)) {
    const parse = (getArray(allowedMentions, 'parse') ?? []).filter((p): p is string => typeof p === 'string');
    const users = (getArray(allowedMentions, 'users') ?? []).map(String);
    const roles = (getArray(allowedMentions, 'roles') ?? []).map(String);
    allowUser = (id) => parse.includes('users') || users.includes(id);
    allowRole = (id) => parse.includes('roles') || roles.includes(id);
    allowEveryone = parse.includes('everyone');
    allowReplied = allowedMentions['replied_user'] === true;
  }
  const pinged = new Map<string, APIUser>();
  for (const id of userIds) {
    const user = state.users.get(id);
    if (user && allowUser(id)) pinged.set(id, user);
  }
  if (repliedTo && allowReplied) pinged.set(repliedTo.id, repliedTo);
  return {
    users: [...pinged.values()],
    roles: [...new Set(roleIds.filter(allowRole))],
    everyone: mentionsEveryone && allowEveryone,
  };
}

export function attachmentsFromFiles(channelId: string, files: RecordedFile[], body: JsonObject): APIAttachment[] {
  const described = getArray(body, 'attachments') ?? [];
  return files.map((file, i) => {
    const id = snowflake();
    const meta = described.find((a) => isObject(a) && String(a['id']) === String(i));
    const attachment: APIAttachment = {
      id,
      filename: file.filename,
      size: file.size,
      url: `https://cdn.discordapp.com/attachments/${channelId}/${id}/${encodeURIComponent(file.filename)}`,
      proxy_url: `https://media.discordapp.net/attachments/${channelId}/${id}/${encodeURIComponent(file.filename)}`,
      content_type: file.contentType,
    };
    if (isObject(meta) && typeof meta['description'] === 'string') attachment.description = meta['description'];
    return attachment;
  });
}

function normalizeEmbeds(raw: unknown[]): APIEmbed[] {
  return raw.filter(isObject).map((e) => ({ type: 'rich', ...e }) as APIEmbed);
}

export interface BuildMessageInit {
  channelId: string;
  guild?: FakeGuild;
  author: APIUser;
  body: JsonObject;
  files?: RecordedFile[];
  type?: MessageType;
  reference?: APIMessage | null;
  webhookId?: string;
  applicationId?: string;
  interactionMetadata?: APIMessageInteractionMetadata;
  /** Extra flags to OR in (e.g. Loading for a deferred response). */
  extraFlags?: number;
  mentions: MentionResult;
}

/** Builds a stored message (full content) from a bot-supplied body. */
export function buildMessage(init: BuildMessageInit): APIMessage {
  const { body } = init;
  const id = snowflake();
  const member = init.guild?.members.get(init.author.id);
  const message: APIMessage = {
    id,
    channel_id: init.channelId,
    author: init.author,
    content: getString(body, 'content') ?? '',
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: body['tts'] === true,
    mention_everyone: init.mentions.everyone,
    mentions: init.mentions.users,
    mention_roles: init.mentions.roles,
    attachments: attachmentsFromFiles(init.channelId, init.files ?? [], body),
    embeds: normalizeEmbeds(getArray(body, 'embeds') ?? []),
    pinned: false,
    type: init.type ?? (init.reference ? MessageType.Reply : MessageType.Default),
    flags: ((typeof body['flags'] === 'number' ? body['flags'] : 0) | (init.extraFlags ?? 0)) as MessageFlags,
    components: (getArray(body, 'components') ?? []) as APIMessageTopLevelComponent[],
  };
  if (typeof body['nonce'] === 'string' || typeof body['nonce'] === 'number') message.nonce = body['nonce'];
  if (init.webhookId) message.webhook_id = init.webhookId;
  if (init.applicationId) message.application_id = init.applicationId;
  if (init.interactionMetadata) message.interaction_metadata = init.interactionMetadata;
  if (init.reference) {
    const ref: APIMessageReference = { type: 0, message_id: init.reference.id, channel_id: init.reference.channel_id };
    if (init.guild) ref.guild_id = init.guild.id;
    message.message_reference = ref;
    message.referenced_message = init.reference;
  }
  if (init.guild) {
    // Gateway/REST messages in guilds carry guild_id; `member` is added on the gateway copy.
    (message as APIMessage & { guild_id?: string }).guild_id = init.guild.id;
  }
  if (member) {
    (message as APIMessage & { member?: Omit<APIGuildMember, 'user'> }).member = memberWithoutUser(member);
  }
  return message;
}

export function memberWithoutUser(member: APIGuildMember): Omit<APIGuildMember, 'user'> {
  const { user: _user, ...rest } = member;
  return rest;
}

/** Applies an edit body (content / embeds / components / attachments / flags) to a message. */
export function applyEdit(message: APIMessage, body: JsonObject, files: RecordedFile[], mentions: MentionResult | null): APIMessage {
  const next: APIMessage = { ...message, edited_timestamp: new Date().toISOString() };
  if ('content' in body) next.content = getString(body, 'content') ?? '';
  if ('embeds' in body) next.embeds = normalizeEmbeds(getArray(body, 'embeds') ?? []);
  if ('components' in body) next.components = (getArray(body, 'components') ?? []) as APIMessageTopLevelComponent[];
  if ('attachments' in body || files.length > 0) {
    const keep = (getArray(body, 'attachments') ?? [])
      .filter(isObject)
      .map((a) => String(a['id']))
      .filter((id) => message.attachments.some((existing) => existing.id === id));
    next.attachments = [
      ...message.attachments.filter((a) => keep.includes(a.id)),
      ...attachmentsFromFiles(message.channel_id, files, body),
    ];
  }
  if (typeof body['flags'] === 'number') {
    // Only SUPPRESS_EMBEDS can be toggled by an edit; ephemeral / loading are preserved.
    const keepFlags = (message.flags ?? 0) & ~MessageFlags.SuppressEmbeds & ~MessageFlags.Loading;
    next.flags = (keepFlags | (body['flags'] & MessageFlags.SuppressEmbeds)) as MessageFlags;
  } else {
    next.flags = ((message.flags ?? 0) & ~MessageFlags.Loading) as MessageFlags;
  }
  if (mentions) {
    next.mentions = mentions.users;
    next.mention_roles = mentions.roles;
    next.mention_everyone = mentions.everyone;
  }
  return next;
}

export function asMessageBody(value: unknown): MessageBody | null {
  return isObject(value) ? (value as MessageBody) : null;
}
