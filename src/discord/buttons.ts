import type { APIMessageComponentInteraction } from 'discord.js';
import { ComponentType } from 'discord.js';
import type { AnswerEngine } from '../engine/index.js';
import type { Services } from './services.js';
import { inServer } from './interaction-data.js';
import type { Vote, VoteOutcome } from '../store/feedback-log.js';
import { checkPassage, decodeCustomId, idRef, isIdRef, questionIsInMessage, type AnswerView, type AskView } from './custom-ids.js';
import { renderAnswer, renderContext, renderNotice, VERBATIM_NOTE, type ReplyMessage } from './render.js';
import { answerForView, renderList } from './views.js';

/**
 * How a button's reply relates to the message it sits on: a new message, or an edit of it in place;
 * `followUp` is a further, public message (what "Post to channel" posts).
 */
export type ButtonReply = { update: boolean; message: ReplyMessage; followUp?: ReplyMessage };

/** Answers a button press or a menu pick from its custom id alone (plus, for very long questions, the message's footer). Votes go to handleVote. */
export function handleButton(interaction: APIMessageComponentInteraction, services: Services): ButtonReply {
  const { engine, articles } = services;
  const action = decodeCustomId(interaction.data.custom_id);
  if (!action) return { update: false, message: renderNotice('This button is from an older version of the bot; ask again to get fresh buttons.') };
  if (action.action === 'vote') return { update: false, message: renderNotice('Votes are not recorded here.') };
  // What a button opens for the first time is private in a server, as a command's answer is.
  const opened = (view: AnswerView): ButtonReply => ({ update: false, message: renderAnswer(answerForView(engine, view), { page: 0, view, ephemeral: inServer(interaction) }) });
  if (action.action === 'context') {
    const articleId = resolveId(engine, action.article);
    const article = articles.find((a) => a.id === articleId);
    if (!article) return { update: false, message: renderNotice('That article is no longer in the knowledge base.') };
    // The article was replaced by a new version since the answer: its offsets may hold other words now.
    if (action.check !== undefined && checkPassage(article.text.slice(action.start, action.end)) !== action.check) {
      return { update: false, message: renderNotice('That article has changed since this answer; ask again to see its current text.') };
    }
    return { update: false, message: renderContext(article, action.start, action.end) };
  }
  if (action.action === 'ask') return opened({ kind: 'ask', question: action.question });
  if (action.action === 'pick') {
    const picked = interaction.data.component_type === ComponentType.StringSelect ? interaction.data.values[0] : undefined;
    const id = picked === undefined ? undefined : resolveId(engine, picked);
    if (id === undefined) return { update: false, message: renderNotice('That choice is no longer in the knowledge base; run the command again.') };
    return opened(action.what === 'speaker' ? { kind: 'quotes', speaker: id, topic: undefined } : { kind: 'topic', topic: id });
  }
  if (action.action === 'share') {
    // As "Post to channel" under an answer: the private list keeps its Post disabled, the channel gets the list as it is now.
    const presser = interaction.member?.user?.id ?? interaction.user?.id;
    return {
      update: true,
      message: renderList(action.list, engine, articles, { ephemeral: true, posted: true }),
      followUp: renderList(action.list, engine, articles, { ephemeral: false, ...(presser ? { sharedBy: presser } : {}) }),
    };
  }
  const carried = resolveView(engine, action.view);
  const view = carried && questionIsInMessage(carried) ? questionFromFooter(interaction, carried) : carried;
  if (!view) return { update: false, message: renderNotice('I could not read the question back from this message; please ask again.') };
  const answer = answerForView(engine, view);
  if (action.action === 'post') {
    // The private message keeps its answer with Post disabled; the channel gets the answer, saying who shared it.
    const presser = interaction.member?.user?.id ?? interaction.user?.id;
    return {
      update: true,
      message: renderAnswer(answer, { page: action.page, view, ephemeral: true, posted: true }),
      followUp: renderAnswer(answer, { page: action.page, view, ephemeral: false, ...(presser ? { sharedBy: presser } : {}) }),
    };
  }
  // Paging edits the message in place and keeps its privacy.
  return { update: true, message: renderAnswer(answer, { page: action.page, view, ephemeral: isEphemeral(interaction) }) };
}

const VOTE_REPLIES: Record<VoteOutcome, (mark: string) => string> = {
  recorded: (mark) => `Thanks, your ${mark} is recorded.`,
  changed: (mark) => `Changed your vote on this answer to ${mark}.`,
  unchanged: (mark) => `You already gave this answer a ${mark}; it counts once.`,
};

/** A 👍 or 👎 press, recorded in the database; undefined for any other button (handleButton answers those). */
export function handleVote(interaction: APIMessageComponentInteraction, services: Services): Promise<ReplyMessage> | undefined {
  const action = decodeCustomId(interaction.data.custom_id);
  return action?.action === 'vote' ? recordVote(interaction, action.vote, action.view, services) : undefined;
}

/** One vote per user per answer (changeable); a 👎 asks nothing more. The reply is a private acknowledgement. */
async function recordVote(interaction: APIMessageComponentInteraction, vote: Vote, carried: AskView, { engine, feedback }: Services): Promise<ReplyMessage> {
  const user = interaction.member?.user?.id ?? interaction.user?.id;
  if (!feedback || !user) return renderNotice('Votes are not recorded here.');
  const view = questionIsInMessage(carried) ? questionFromFooter(interaction, carried) : carried;
  if (!view || view.kind !== 'ask') return renderNotice('I could not read the question back from this message; your vote was not recorded.');
  // An article removed since keeps its reference: the vote still counts for that answer.
  const articleScope = view.article === undefined ? null : (resolveId(engine, view.article) ?? view.article);
  const outcome = await feedback.vote({ guildId: interaction.guild_id ?? null, articleScope, question: view.question }, user, vote);
  return renderNotice(VOTE_REPLIES[outcome](vote === 'up' ? '👍' : '👎'));
}

function questionFromFooter(interaction: APIMessageComponentInteraction, view: AnswerView): AnswerView | undefined {
  const footer = interaction.message.embeds[0]?.footer?.text ?? '';
  // The footer neutralises mentions with a zero-width space; the question itself had none.
  const question = new RegExp(`^Asked: (.*?)(?: · page \\d+ of \\d+)?(?: · ${VERBATIM_NOTE})?$`).exec(footer)?.[1]?.replace(/@\u200b/g, '@');
  if (!question) return undefined;
  return view.kind === 'ask' && view.article !== undefined ? { kind: 'ask', question, article: view.article } : { kind: 'ask', question };
}

function isEphemeral(interaction: APIMessageComponentInteraction): boolean {
  return ((interaction.message.flags ?? 0) & 64) !== 0;
}

/** Every article, speaker and topic id by its reference (see idRef), built on first need; a shared reference resolves to nothing. */
const references = new WeakMap<AnswerEngine, Map<string, string | undefined>>();

/** An id a button carried: itself, or the known id its reference stands for (undefined if none, or if ambiguous). */
function resolveId(engine: AnswerEngine, carried: string): string | undefined {
  if (!isIdRef(carried)) return carried;
  let table = references.get(engine);
  if (!table) {
    table = new Map();
    const ids = [...engine.articles.map((a) => a.id), ...engine.speakers().map((s) => s.person.id), ...engine.topics().map((t) => t.id)];
    for (const id of new Set(ids)) {
      const ref = idRef(id);
      table.set(ref, table.has(ref) ? undefined : id);
    }
    references.set(engine, table);
  }
  return table.get(carried);
}

/** The view a button carried, with every reference looked up; undefined when one names nothing known. */
function resolveView(engine: AnswerEngine, view: AnswerView): AnswerView | undefined {
  const article = view.article === undefined ? undefined : resolveId(engine, view.article);
  if (view.article !== undefined && article === undefined) return undefined;
  const where = article === undefined ? {} : { article };
  if (view.kind === 'ask') return { kind: 'ask', question: view.question, ...where };
  if (view.kind === 'topic') {
    const topic = resolveId(engine, view.topic);
    return topic === undefined ? undefined : { kind: 'topic', topic, ...where };
  }
  const speaker = resolveId(engine, view.speaker);
  const topic = view.topic === undefined ? undefined : resolveId(engine, view.topic);
  if (speaker === undefined || (view.topic !== undefined && topic === undefined)) return undefined;
  return { kind: 'quotes', speaker, topic, ...where };
}
