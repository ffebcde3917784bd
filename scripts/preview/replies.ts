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
import { renderArticlePreview, type ReplyMessage } from '../../src/discord/render.js';
import { readFileSync } from 'node:fs';
import { articleText, ingestText } from '../../src/sources/ingest-text.js';
import { readPage } from '../../src/sources/page-text.js';
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

/** A press of a component under a reply (a button, or a menu pick when `value` is given): the button's reply. */
function press(under: ReplyMessage, customId: string, value?: string): ReturnType<typeof handleButton> {
  const on = { id: id(), channel_id: '300000000000000003', author: USER, content: '', embeds: under.embeds, components: under.components, flags: under.flags, type: MessageType.ChatInputCommand } as unknown as APIMessage;
  const data = value === undefined ? { custom_id: customId, component_type: ComponentType.Button } : { custom_id: customId, component_type: ComponentType.StringSelect, values: [value] };
  return handleButton({ ...place(true), type: InteractionType.MessageComponent, data, message: on } as unknown as APIMessageComponentInteraction, services);
}

/** The custom id of the first control under a reply whose label or placeholder starts so. */
function control(under: ReplyMessage, label: string): string {
  for (const c of under.components.flatMap((row) => row.components)) {
    const text = c.type === ComponentType.StringSelect ? c.placeholder : c.type === ComponentType.Button && 'label' in c ? c.label : undefined;
    if ((c.type === ComponentType.StringSelect || (c.type === ComponentType.Button && 'custom_id' in c)) && text?.startsWith(label)) return c.custom_id;
  }
  throw new Error(`no "${label}" under the reply`);
}

/** "Post to channel" pressed under a private reply: the public post it sends. */
function posted(under: ReplyMessage): ReplyMessage {
  const reply = press(under, control(under, 'Post to channel'));
  if (!reply.followUp) throw new Error('Post to channel sent nothing');
  return reply.followUp;
}


/** What `/article add` previews for the test suite's news page (read from the file as it would be from its link), and the same after Add. */
function articlePreviews(): { staged: ReplyMessage; added: ReplyMessage } {
  const page = readPage(readFileSync(new URL('../../tests/fixtures/pages/lighthouse-museum.html', import.meta.url), 'utf8'));
  if (!page) throw new Error('the test news page has no article');
  const article = ingestText(articleText(page.title, page.paragraphs), { source: page.siteName ?? 'unknown', maxArticleBytes: 2 * 1024 * 1024 });
  return { staged: renderArticlePreview(article, { state: 'staged', add: 'article:add:preview', cancel: 'article:cancel:preview' }), added: renderArticlePreview(article, { state: 'added' }) };
}

/** The replies the preview draws, each with what the user did to get it. */
export async function previewReplies(): Promise<{ name: string; message: PreviewMessage }[]> {
  const venues = await command('ask', { question: 'who spoke about venues?' });
  const topics = await command('topics');
  const admin = articlePreviews();
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
    { name: 'topics', message: { trigger: 'Reader used /topics', reply: topics } },
    { name: 'topic-picked', message: { trigger: 'Reader picked "Where talks could be held" under /topics', reply: press(topics, control(topics, 'Read the quotes'), 'venues').message } },
    { name: 'show-in-context', message: { trigger: 'Reader pressed Show in context ¶3 under /ask who spoke about venues?', reply: press(venues, control(venues, 'Show in context ¶3')).message } },
    { name: 'about', message: { trigger: 'Reader used /about', reply: await command('about') } },
    { name: 'help', message: { trigger: 'Reader used /help', reply: await command('help') } },
    { name: 'article-add', message: { trigger: 'Admin used /article add url: https://…/news/lighthouse', reply: admin.staged } },
    { name: 'article-added', message: { trigger: 'Admin pressed Add under the preview', reply: admin.added } },
    { name: 'dm-hi', message: { trigger: 'Reader, in a DM: hi', reply: dmOrMention('hi', false) } },
    { name: 'dm-question', message: { trigger: 'Reader, in a DM: what did Peskov say about legitimacy?', reply: dmOrMention('what did Peskov say about legitimacy?', false) } },
    { name: 'mention-empty', message: { trigger: 'Reader, in a channel: @Article Quotes', reply: dmOrMention(`<@${APP}>`, true) } },
  ];
}
