import { ApplicationCommandOptionType, type APIChatInputApplicationCommandInteraction } from 'discord.js';
import type { Article } from '../data/schema.js';
import type { ButtonReply } from '../discord/buttons.js';
import { canManageServer, resolvedAttachment, subcommandOf } from '../discord/interaction-data.js';
import { renderArticlePreview, renderChoices, renderNotice, renderServerArticles, type ReplyMessage } from '../discord/render.js';
import type { ServerArticles } from '../discord/services.js';
import { articleFromAttachment, articleFromLink } from '../sources/article-source.js';
import { ArticleSourceError } from '../sources/source-error.js';
import { ADMINS_IN_SERVER, type SlashCommand } from './command.js';

/** Custom ids of the preview's buttons: the prefix, what was pressed, and the key the store staged the article under. */
const PREFIX = 'article:';
const ADD = `${PREFIX}add:`;
const CANCEL = `${PREFIX}cancel:`;

const NOT_IN_SERVER = 'Server articles are added in a server where the bot is installed, not in DMs or from a user install.';
const NOT_ADMIN = "You need the Manage Server permission to change this server's articles.";
const NOT_KEPT = 'This bot keeps no server articles here.';

/**
 * The admins' command: `/article add` (a link or an attached file, previewed privately with Add and
 * Cancel), `/article remove` and `/article list`. Discord shows it only to members with Manage
 * Server (`default_member_permissions`), in servers; the permission is checked again on every use,
 * from the permissions Discord sends with the interaction, as an override can change who sees it.
 */
export const articleCommand = {
  data: {
    name: 'article',
    description: "Add, remove or list this server's own articles (Manage Server)",
    ...ADMINS_IN_SERVER,
    options: [
      {
        type: ApplicationCommandOptionType.Subcommand,
        name: 'add',
        description: 'Add a news article from a link or an attached .txt, .md or .html file',
        options: [
          { type: ApplicationCommandOptionType.String, name: 'url', description: "Link to the article's page (https://…)", max_length: 2000 },
          { type: ApplicationCommandOptionType.Attachment, name: 'file', description: 'The article as a .txt, .md or .html file' },
        ],
      },
      {
        type: ApplicationCommandOptionType.Subcommand,
        name: 'remove',
        description: 'Remove one of the articles this server added',
        options: [{ type: ApplicationCommandOptionType.String, name: 'article', description: 'The article to remove', required: true, autocomplete: true, max_length: 100 }],
      },
      { type: ApplicationCommandOptionType.Subcommand, name: 'list', description: 'The articles this server added' },
    ],
  },
  isPrivate: () => true,
  slow: true,
  async execute(interaction, services) {
    const { serverArticles, guildId } = services;
    if (!serverArticles) return renderNotice(NOT_KEPT);
    if (guildId === undefined) return renderNotice(NOT_IN_SERVER);
    if (!canManageServer(interaction)) return renderNotice(NOT_ADMIN);
    const sub = subcommandOf(interaction);
    if (sub?.name === 'add') return add(interaction, sub.options, guildId, serverArticles);
    if (sub?.name === 'remove') return remove(String(sub.options.find((o) => o.name === 'article')?.value ?? ''), guildId, serverArticles);
    if (sub?.name === 'list') return renderServerArticles(await serverArticles.store.list(guildId));
    return renderNotice('Use /article add, /article remove or /article list.');
  },
  async autocomplete(interaction, { serverArticles, guildId, engine }) {
    const sub = subcommandOf(interaction);
    const focused = sub?.options.find((o) => o.focused);
    if (!serverArticles || guildId === undefined || sub?.name !== 'remove' || focused?.name !== 'article' || !canManageServer(interaction)) return [];
    const own = await serverArticles.store.list(guildId);
    const typed = String(focused.value ?? '');
    const ids = new Set(own.map((a) => a.id));
    // The engine's own ranking of what was typed, kept to this server's articles; all of them when nothing matches.
    const ranked = engine.suggestArticles(typed, 25).filter((choice) => ids.has(choice.value));
    return renderChoices(ranked.length > 0 || typed.trim() !== '' ? ranked : own.map((a) => ({ value: a.id, label: a.title })));
  },
  buttons: {
    prefix: PREFIX,
    async press(interaction, { serverArticles, guildId }): Promise<ButtonReply> {
      const notice = (text: string): ButtonReply => ({ update: false, message: renderNotice(text) });
      if (!serverArticles) return notice(NOT_KEPT);
      if (guildId === undefined) return notice(NOT_IN_SERVER);
      if (!canManageServer(interaction)) return notice(NOT_ADMIN);
      const id = interaction.data.custom_id;
      if (id.startsWith(ADD)) {
        const added = await serverArticles.store.confirm(guildId, id.slice(ADD.length));
        if (!added) return { update: true, message: renderNotice('This preview has expired or was already handled; run /article add again.') };
        serverArticles.logger.info({ guild: guildId, article: added.id, quotes: added.quotes.length }, 'server article added');
        return { update: true, message: renderArticlePreview(added, { state: 'added' }) };
      }
      if (id.startsWith(CANCEL)) {
        await serverArticles.store.cancel(guildId, id.slice(CANCEL.length));
        return { update: true, message: renderNotice('Cancelled: nothing was added.') };
      }
      return notice('This button is from an older version of the bot; run /article again.');
    },
  },
} satisfies SlashCommand;

async function add(interaction: APIChatInputApplicationCommandInteraction, options: { name: string; value?: unknown }[], guildId: string, serverArticles: ServerArticles): Promise<ReplyMessage> {
  const url = options.find((o) => o.name === 'url')?.value;
  const fileId = options.find((o) => o.name === 'file')?.value;
  const link = typeof url === 'string' && url.trim() !== '' ? url : undefined;
  if ((link === undefined) === (fileId === undefined)) return renderNotice('Give either a url or a file (exactly one of them): /article add url:https://… or /article add file:(attach a .txt, .md or .html).');
  let article: Article;
  try {
    if (link !== undefined) {
      article = await articleFromLink(link, serverArticles.sources);
    } else {
      const file = resolvedAttachment(interaction, fileId);
      if (!file) return renderNotice('Discord did not send the attached file; attach it again.');
      article = await articleFromAttachment({ url: file.url, filename: file.filename, size: file.size }, serverArticles.sources);
    }
  } catch (error) {
    if (!(error instanceof ArticleSourceError)) throw error;
    // The reading thread dying is the bot's fault, not the admin's input: logged for whoever runs it.
    if (error.problem === 'reader-failed') serverArticles.logger.error({ err: error.cause, guild: guildId, problem: error.problem }, 'article not added: the reading thread failed');
    else serverArticles.logger.info({ guild: guildId, problem: error.problem }, 'article not added');
    return renderNotice(error.message);
  }
  const staged = withFreeId(article, serverArticles.sharedArticles());
  const key = await serverArticles.store.stage(guildId, staged);
  return renderArticlePreview(staged, { state: 'staged', add: `${ADD}${key}`, cancel: `${CANCEL}${key}` });
}

/** A server article may not take a shared article's id (the shared one would hide it): a number is added. */
function withFreeId(article: Article, shared: readonly Article[]): Article {
  const taken = new Set(shared.map((a) => a.id));
  if (!taken.has(article.id)) return article;
  let n = 2;
  while (taken.has(`${article.id}-${n}`)) n++;
  return { ...article, id: `${article.id}-${n}` };
}

async function remove(articleId: string, guildId: string, serverArticles: ServerArticles): Promise<ReplyMessage> {
  const own = await serverArticles.store.list(guildId);
  const article = own.find((a) => a.id === articleId);
  if (!article || !(await serverArticles.store.remove(guildId, articleId))) {
    return renderNotice(`This server has no article "${articleId}"; /article list shows the ones it added.`);
  }
  serverArticles.logger.info({ guild: guildId, article: articleId }, 'server article removed');
  return renderNotice(`Removed "${article.title}". Questions in this server are no longer answered from it.`);
}
