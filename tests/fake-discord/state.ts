/**
 * In-memory "Discord database" of the fake: users, guilds, channels, members, roles,
 * messages, application commands, plus builders for wire-shaped objects.
 *
 * All objects are typed with discord-api-types (re-exported by discord.js) so the type
 * checker enforces that every required field of the real API is present.
 */
import {
  ApplicationFlags,
  ChannelType,
  GuildDefaultMessageNotifications,
  GuildExplicitContentFilter,
  GuildMFALevel,
  GuildNSFWLevel,
  GuildPremiumTier,
  GuildVerificationLevel,
  Locale,
  PermissionFlagsBits,
} from 'discord.js';
import type {
  APIApplication,
  APIApplicationCommand,
  APIDMChannel,
  APIGuild,
  APIGuildMember,
  APIMessage,
  APIRole,
  APITextChannel,
  APIUser,
  ApplicationCommandType,
  ChannelFlags,
  GatewayGuildCreateDispatchData,
  GuildHubType,
  GuildMemberFlags,
  GuildSystemChannelFlags,
  RoleFlags,
  UserFlags,
} from 'discord.js';
import { snowflake } from './util.js';

/** Permissions Discord gives @everyone in a new guild (roughly), as a bitfield. */
export const DEFAULT_EVERYONE_PERMISSIONS =
  PermissionFlagsBits.CreateInstantInvite |
  PermissionFlagsBits.AddReactions |
  PermissionFlagsBits.Stream |
  PermissionFlagsBits.ViewChannel |
  PermissionFlagsBits.SendMessages |
  PermissionFlagsBits.EmbedLinks |
  PermissionFlagsBits.AttachFiles |
  PermissionFlagsBits.ReadMessageHistory |
  PermissionFlagsBits.MentionEveryone |
  PermissionFlagsBits.UseExternalEmojis |
  PermissionFlagsBits.Connect |
  PermissionFlagsBits.Speak |
  PermissionFlagsBits.UseVAD |
  PermissionFlagsBits.ChangeNickname |
  PermissionFlagsBits.UseApplicationCommands |
  PermissionFlagsBits.RequestToSpeak |
  PermissionFlagsBits.CreatePublicThreads |
  PermissionFlagsBits.CreatePrivateThreads |
  PermissionFlagsBits.UseExternalStickers |
  PermissionFlagsBits.SendMessagesInThreads |
  PermissionFlagsBits.UseEmbeddedActivities |
  PermissionFlagsBits.SendVoiceMessages |
  PermissionFlagsBits.SendPolls |
  PermissionFlagsBits.UseExternalApps;

/** Permissions of the bot's managed role (what an invite with "Send Messages" etc. grants). */
export const DEFAULT_BOT_ROLE_PERMISSIONS =
  PermissionFlagsBits.ViewChannel |
  PermissionFlagsBits.SendMessages |
  PermissionFlagsBits.SendMessagesInThreads |
  PermissionFlagsBits.EmbedLinks |
  PermissionFlagsBits.AttachFiles |
  PermissionFlagsBits.ReadMessageHistory |
  PermissionFlagsBits.AddReactions |
  PermissionFlagsBits.UseApplicationCommands;

export interface FakeGuild {
  id: string;
  name: string;
  ownerId: string;
  joinedAt: string;
  roles: APIRole[];
  channels: APITextChannel[];
  /** userId → member (member objects always include `user`). */
  members: Map<string, APIGuildMember>;
  botRoleId: string;
}

export interface UserInit {
  id?: string;
  username?: string;
  globalName?: string | null;
  bot?: boolean;
}

export function makeUser(init: UserInit = {}): APIUser {
  const username = init.username ?? `user${Math.floor(Math.random() * 10000)}`;
  const user: APIUser = {
    id: init.id ?? snowflake(),
    username,
    discriminator: init.bot ? String(1000 + Math.floor(Math.random() * 8999)) : '0',
    global_name: init.globalName === undefined ? (init.bot ? null : username) : init.globalName,
    avatar: null,
    public_flags: 0 as UserFlags,
    flags: 0 as UserFlags,
    banner: null,
    accent_color: null,
    avatar_decoration_data: null,
    collectibles: null,
    primary_guild: null,
  };
  if (init.bot) user.bot = true;
  return user;
}

export function makeRole(init: {
  id: string;
  name: string;
  permissions: bigint;
  position: number;
  managed?: boolean;
  botId?: string;
}): APIRole {
  const role: APIRole = {
    id: init.id,
    name: init.name,
    color: 0,
    colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
    hoist: false,
    icon: null,
    unicode_emoji: null,
    position: init.position,
    permissions: init.permissions.toString(),
    managed: init.managed ?? false,
    mentionable: false,
    flags: 0 as RoleFlags,
  };
  if (init.botId) role.tags = { bot_id: init.botId };
  return role;
}

export function makeTextChannel(init: {
  id?: string;
  guildId: string;
  name: string;
  position?: number;
  topic?: string | null;
}): APITextChannel {
  return {
    id: init.id ?? snowflake(),
    type: ChannelType.GuildText,
    guild_id: init.guildId,
    name: init.name,
    position: init.position ?? 0,
    permission_overwrites: [],
    parent_id: null,
    nsfw: false,
    topic: init.topic ?? null,
    last_message_id: null,
    rate_limit_per_user: 0,
    flags: 0 as ChannelFlags,
    last_pin_timestamp: null,
  };
}

export function makeDMChannel(id: string, recipient: APIUser): APIDMChannel {
  return {
    id,
    type: ChannelType.DM,
    last_message_id: null,
    flags: 0 as ChannelFlags,
    recipients: [recipient],
    name: null,
    last_pin_timestamp: null,
  };
}

export function makeMember(user: APIUser, roles: string[], joinedAt: string): APIGuildMember {
  return {
    user,
    nick: null,
    avatar: null,
    banner: null,
    roles,
    joined_at: joinedAt,
    premium_since: null,
    deaf: false,
    mute: false,
    flags: 0 as GuildMemberFlags,
    pending: false,
    communication_disabled_until: null,
  };
}

export interface GuildInit {
  id?: string;
  name?: string;
  /** Text channels to create (default: `general`). */
  channels?: { id?: string; name: string; topic?: string }[];
}

export class FakeState {
  readonly users = new Map<string, APIUser>();
  readonly guilds = new Map<string, FakeGuild>();
  /** Every channel (guild text channels and DM channels) by id. */
  readonly channels = new Map<string, APITextChannel | APIDMChannel>();
  /** recipient user id → DM channel id. */
  readonly dmChannelByUser = new Map<string, string>();
  /** channel id → (message id → message). Insertion order = creation order. */
  readonly messages = new Map<string, Map<string, APIMessage>>();
  readonly globalCommands = new Map<string, APIApplicationCommand>();
  readonly guildCommands = new Map<string, Map<string, APIApplicationCommand>>();
  readonly application: APIApplication;

  constructor(
    readonly botUser: APIUser,
    readonly applicationId: string,
    readonly owner: APIUser,
  ) {
    this.users.set(botUser.id, botUser);
    this.users.set(owner.id, owner);
    this.application = {
      id: applicationId,
      name: botUser.username,
      icon: null,
      description: 'A fake application',
      summary: '',
      bot_public: true,
      bot_require_code_grant: false,
      bot: botUser,
      verify_key: 'f'.repeat(64),
      team: null,
      owner,
      flags: ApplicationFlags.ApplicationCommandBadge,
      flags_new: String(ApplicationFlags.ApplicationCommandBadge),
      redirect_uris: [],
      interactions_endpoint_url: null,
      role_connections_verification_url: null,
      approximate_guild_count: 1,
      approximate_user_install_count: 0,
      integration_types_config: { '0': {}, '1': {} },
    };
  }

  addGuild(init: GuildInit = {}): FakeGuild {
    const id = init.id ?? snowflake();
    const joinedAt = new Date().toISOString();
    const botRoleId = snowflake();
    const guild: FakeGuild = {
      id,
      name: init.name ?? 'Fake Guild',
      ownerId: this.owner.id,
      joinedAt,
      botRoleId,
      roles: [
        makeRole({ id, name: '@everyone', permissions: DEFAULT_EVERYONE_PERMISSIONS, position: 0 }),
        makeRole({
          id: botRoleId,
          name: this.botUser.username,
          permissions: DEFAULT_BOT_ROLE_PERMISSIONS,
          position: 1,
          managed: true,
          botId: this.botUser.id,
        }),
      ],
      channels: [],
      members: new Map(),
    };
    const channelInits = init.channels ?? [{ name: 'general' }];
    channelInits.forEach((c, position) => {
      const channel = makeTextChannel({ id: c.id, guildId: id, name: c.name, position, topic: c.topic });
      guild.channels.push(channel);
      this.channels.set(channel.id, channel);
    });
    guild.members.set(this.botUser.id, makeMember(this.botUser, [botRoleId], joinedAt));
    guild.members.set(this.owner.id, makeMember(this.owner, [], joinedAt));
    this.guilds.set(id, guild);
    return guild;
  }

  addUser(init: UserInit = {}): APIUser {
    const user = makeUser(init);
    this.users.set(user.id, user);
    return user;
  }

  /** Ensures the user is known and (for a guild) a member; returns the member. */
  ensureMember(guild: FakeGuild, user: APIUser): APIGuildMember {
    if (!this.users.has(user.id)) this.users.set(user.id, user);
    let member = guild.members.get(user.id);
    if (!member) {
      member = makeMember(user, [], new Date().toISOString());
      guild.members.set(user.id, member);
    }
    return member;
  }

  /** Gets or creates the DM channel between the bot and `user`. */
  dmChannelFor(user: APIUser): APIDMChannel {
    if (!this.users.has(user.id)) this.users.set(user.id, user);
    const existingId = this.dmChannelByUser.get(user.id);
    const existing = existingId ? this.channels.get(existingId) : undefined;
    if (existing && existing.type === ChannelType.DM) return existing;
    const channel = makeDMChannel(snowflake(), user);
    this.channels.set(channel.id, channel);
    this.dmChannelByUser.set(user.id, channel.id);
    return channel;
  }

  guildOfChannel(channelId: string): FakeGuild | undefined {
    const channel = this.channels.get(channelId);
    if (!channel || channel.type !== ChannelType.GuildText || !channel.guild_id) return undefined;
    return this.guilds.get(channel.guild_id);
  }

  /** Base permissions (@everyone + roles) of a member, as a bigint. Administrator → all. */
  memberPermissions(guild: FakeGuild, userId: string): bigint {
    if (userId === guild.ownerId) return allPermissions();
    const member = guild.members.get(userId);
    let perms = 0n;
    for (const role of guild.roles) {
      if (role.id === guild.id || member?.roles.includes(role.id)) perms |= BigInt(role.permissions);
    }
    if (perms & PermissionFlagsBits.Administrator) return allPermissions();
    return perms;
  }

  storeMessage(message: APIMessage): void {
    let channelMessages = this.messages.get(message.channel_id);
    if (!channelMessages) {
      channelMessages = new Map();
      this.messages.set(message.channel_id, channelMessages);
    }
    channelMessages.set(message.id, message);
    const channel = this.channels.get(message.channel_id);
    if (channel) channel.last_message_id = message.id;
  }

  getMessage(channelId: string, messageId: string): APIMessage | undefined {
    return this.messages.get(channelId)?.get(messageId);
  }

  findMessage(messageId: string): APIMessage | undefined {
    for (const channelMessages of this.messages.values()) {
      const m = channelMessages.get(messageId);
      if (m) return m;
    }
    return undefined;
  }

  guildCreatePayload(guild: FakeGuild): GatewayGuildCreateDispatchData {
    const base: APIGuild = {
      id: guild.id,
      name: guild.name,
      icon: null,
      icon_hash: null,
      splash: null,
      discovery_splash: null,
      owner_id: guild.ownerId,
      afk_channel_id: null,
      afk_timeout: 300,
      widget_enabled: false,
      widget_channel_id: null,
      verification_level: GuildVerificationLevel.None,
      default_message_notifications: GuildDefaultMessageNotifications.OnlyMentions,
      explicit_content_filter: GuildExplicitContentFilter.Disabled,
      roles: guild.roles,
      emojis: [],
      features: [],
      mfa_level: GuildMFALevel.None,
      application_id: null,
      system_channel_id: guild.channels[0]?.id ?? null,
      system_channel_flags: 0 as GuildSystemChannelFlags,
      rules_channel_id: null,
      max_presences: null,
      max_members: 500000,
      vanity_url_code: null,
      description: null,
      banner: null,
      premium_tier: GuildPremiumTier.None,
      premium_subscription_count: 0,
      preferred_locale: Locale.EnglishUS,
      public_updates_channel_id: null,
      max_video_channel_users: 25,
      max_stage_video_channel_users: 50,
      nsfw_level: GuildNSFWLevel.Default,
      stickers: [],
      premium_progress_bar_enabled: false,
      hub_type: null satisfies GuildHubType | null,
      safety_alerts_channel_id: null,
      incidents_data: null,
    };
    return {
      ...base,
      joined_at: guild.joinedAt,
      large: false,
      unavailable: false,
      member_count: guild.members.size,
      voice_states: [],
      members: [...guild.members.values()],
      channels: guild.channels,
      threads: [],
      presences: [],
      stage_instances: [],
      guild_scheduled_events: [],
      soundboard_sounds: [],
    };
  }

  /** Looks up a registered command by name (guild commands first, then global). */
  findCommand(name: string, type: ApplicationCommandType, guildId?: string): APIApplicationCommand | undefined {
    if (guildId) {
      for (const cmd of this.guildCommands.get(guildId)?.values() ?? []) {
        if (cmd.name === name && cmd.type === type) return cmd;
      }
    }
    for (const cmd of this.globalCommands.values()) {
      if (cmd.name === name && cmd.type === type) return cmd;
    }
    return undefined;
  }
}

export function allPermissions(): bigint {
  return Object.values(PermissionFlagsBits).reduce((acc, bit) => acc | bit, 0n);
}

