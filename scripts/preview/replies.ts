import {
  ApplicationCommandType,
  ChannelType,
  ComponentType,
  InteractionContextType,
  InteractionType,
  MessageType,
  type APIChatInputApplicationCommandInteraction,
  type APIInteractionDataResolvedChannel,
  type APIMessage,
  type APIMessageComponentInteraction,
  type GatewayMessageCreateDispatchData,
} from 'discord.js';
import { commandSet } from '../../src/commands/index.js';
import { loadKnowledgeBase } from '../../src/data/load.js';
import { handleButton } from '../../src/discord/buttons.js';
import { answerMessage } from '../../src/discord/messages.js';
import type { ReplyMessage } from '../../src/discord/render.js';
import type { Services } from '../../src/discord/services.js';
import { createAnswerEngine } from '../../src/engine/index.js';
import type { PreviewMessage } from './discord-html.js';

/** Real replies of the bot: the bundled article through the real commands, message handlers and buttons. */

const APP = '100000000000000001';
const USER = { id: '400000000000000004', username: 'reader', discriminator: '0', global_name: 'Reader', avatar: null };

const { articles } = loadKnowledgeBase();
const services: Services = { engine: createAnswerEngine(articles), articles, commands: commandSet() };

let nextId = 1_000_000_000_000_000;
const id = (): string => String(nextId++);

/** Where an interaction happens: a server channel (private replies by default) or a DM. */
function place(inServer: boolean) {
  const channel = { id: '300000000000000003', type: inServer ? ChannelType.GuildText : ChannelType.DM } as APIInteractionDataResolvedChannel;
  return {
    id: id(),
    application_id: APP,
    token: 'preview-token',
    version: 1 as const,
    app_permissions: '0',
    entitlements: [],
    authorizing_integration_owners: {},
    attachment_size_limit: 8_000_000,
    locale: 'en-US' as const,
    channel,
    channel_id: channel.id,
    ...(inServer
      ? { guild_id: '200000000000000002', guild_locale: 'en-US' as const, context: InteractionContextType.Guild, member: { user: USER, roles: [], joined_at: '', deaf: false, mute: false, flags: 0, permissions: '0' } }
      : { context: InteractionContextType.BotDM, user: USER }),
  };
}

function slash(name: string, values: Record<string, string | boolean> = {}): APIChatInputApplicationCommandInteraction {
  const options = Object.entries(values).map(([option, value]) => ({ name: option, type: typeof value === 'boolean' ? 5 : 3, value }));
  return { ...place(true), type: InteractionType.ApplicationCommand, data: { id: id(), name, type: ApplicationCommandType.ChatInput, options } } as APIChatInputApplicationCommandInteraction;
}

async function command(name: string, values: Record<string, string | boolean> = {}): Promise<ReplyMessage> {
  const bound = services.commands.bind(slash(name, values), services);
  if (!bound || bound === 'mismatch') throw new Error(`no command /${name}`);
  return bound.run();
}

function sentMessage(content: string, inServer: boolean): GatewayMessageCreateDispatchData {
  return {
    id: id(),
    channel_id: '300000000000000003',
    ...(inServer ? { guild_id: '200000000000000002' } : {}),
    author: USER,
    content,
    mentions: content.includes(`<@${APP}>`) ? [{ id: APP, username: 'article-bot', discriminator: '0', global_name: null, avatar: null }] : [],
  } as unknown as GatewayMessageCreateDispatchData;
}

function dmOrMention(content: string, inServer: boolean): ReplyMessage {
  const reply = answerMessage(sentMessage(content, inServer), APP, services);
  if (!reply) throw new Error(`no reply to "${content}"`);
  return reply;
}

/** "Post to channel" pressed under a private reply: the public post it sends. */
function posted(under: ReplyMessage): ReplyMessage {
  const post = under.components.flatMap((row) => row.components).find((c) => c.type === ComponentType.Button && 'label' in c && c.label === 'Post to channel');
  if (!post || post.type !== ComponentType.Button || !('custom_id' in post)) throw new Error('no Post to channel button');
  const on = { id: id(), channel_id: '300000000000000003', author: USER, content: '', embeds: under.embeds, components: under.components, flags: under.flags, type: MessageType.ChatInputCommand } as unknown as APIMessage;
  const press = { ...place(true), type: InteractionType.MessageComponent, data: { custom_id: post.custom_id, component_type: ComponentType.Button }, message: on } as unknown as APIMessageComponentInteraction;
  const reply = handleButton(press, services);
  if (!reply.followUp) throw new Error('Post to channel sent nothing');
  return reply.followUp;
}


/** The replies the preview draws, each with what the user did to get it. */
export async function previewReplies(): Promise<{ name: string; message: PreviewMessage }[]> {
  const venues = await command('ask', { question: 'who spoke about venues?' });
  return [
    { name: 'ask-venues', message: { trigger: 'Reader used /ask question: who spoke about venues?', reply: venues } },
    { name: 'ask-zakharova', message: { trigger: 'Reader used /ask question: what did Zakharova say?', reply: await command('ask', { question: 'what did Zakharova say?' }) } },
    { name: 'ask-who-is-peskov', message: { trigger: 'Reader used /ask question: who is Peskov?', reply: await command('ask', { question: 'who is Peskov?' }) } },
    { name: 'ask-merkel', message: { trigger: 'Reader used /ask question: who is Merkel?', reply: await command('ask', { question: 'who is Merkel?' }) } },
    { name: 'ask-trump-xi', message: { trigger: 'Reader used /ask question: when will Trump and Xi speak?', reply: await command('ask', { question: 'when will Trump and Xi speak?' }) } },
    { name: 'ask-china', message: { trigger: 'Reader used /ask question: is there any talk about china', reply: await command('ask', { question: 'is there any talk about china' }) } },
    { name: 'ask-negotiations', message: { trigger: 'Reader used /ask question: what did everyone say about negotiations', reply: await command('ask', { question: 'what did everyone say about negotiations' }) } },
    { name: 'post-to-channel', message: { trigger: 'Reader pressed Post to channel under /ask who spoke about venues?', reply: posted(venues) } },
    { name: 'speakers', message: { trigger: 'Reader used /speakers', reply: await command('speakers') } },
    { name: 'topics', message: { trigger: 'Reader used /topics', reply: await command('topics') } },
    { name: 'article', message: { trigger: 'Reader used /article', reply: await command('article') } },
    { name: 'help', message: { trigger: 'Reader used /help', reply: await command('help') } },
    { name: 'dm-hi', message: { trigger: 'Reader, in a DM: hi', reply: dmOrMention('hi', false) } },
    { name: 'dm-question', message: { trigger: 'Reader, in a DM: what did Peskov say about legitimacy?', reply: dmOrMention('what did Peskov say about legitimacy?', false) } },
    { name: 'mention-empty', message: { trigger: 'Reader, in a channel: @Article Quotes', reply: dmOrMention(`<@${APP}>`, true) } },
  ];
}
