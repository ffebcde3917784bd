import type { APIMessageComponentInteraction } from 'discord.js';
import type { AnswerEngine } from '../engine/index.js';
import type { Services } from './command.js';
import { decodeCustomId, idRef, isIdRef, questionIsInMessage, type AnswerView } from './custom-ids.js';
import { renderAnswer, renderContext, renderNotice, type ReplyMessage } from './render.js';

/** How a button's reply relates to the message it sits on. */
export type ButtonReply = { update: true; message: ReplyMessage } | { update: false; message: ReplyMessage };

/** Answers a button press from its custom id alone (plus, for very long questions, the message's footer). */
export function handleButton(interaction: APIMessageComponentInteraction, { engine, articles }: Services): ButtonReply {
  const action = decodeCustomId(interaction.data.custom_id);
  if (!action) return { update: false, message: renderNotice('This button is from an older version of the bot; ask again to get fresh buttons.') };
  if (action.action === 'context') {
    const articleId = resolveId(engine, action.article);
    const article = articles.find((a) => a.id === articleId);
    if (!article) return { update: false, message: renderNotice('That article is no longer in the knowledge base.') };
    return { update: false, message: renderContext(article, action.start, action.end) };
  }
  const carried = resolveView(engine, action.view);
  const view = carried && questionIsInMessage(carried) ? questionFromFooter(interaction, carried) : carried;
  if (!view) return { update: false, message: renderNotice('I could not read the question back from this message; please ask again.') };
  const answer = view.kind === 'ask' ? engine.answer(view.question, { articleId: view.article }) : engine.quotesBy(view.speaker, view.topic, view.article);
  // Paging edits the message in place and keeps its privacy; posting sends a new, public message.
  const ephemeral = action.action === 'page' && isEphemeral(interaction);
  return { update: action.action === 'page', message: renderAnswer(answer, { page: action.page, view, ephemeral }) };
}

function questionFromFooter(interaction: APIMessageComponentInteraction, view: AnswerView): AnswerView | undefined {
  const footer = interaction.message.embeds[0]?.footer?.text ?? '';
  // The footer neutralises mentions with a zero-width space; the question itself had none.
  const question = /^Asked: (.*?)(?: · page \d+ of \d+)? · quotes are verbatim article text$/.exec(footer)?.[1]?.replace(/@\u200b/g, '@');
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
  const speaker = resolveId(engine, view.speaker);
  const topic = view.topic === undefined ? undefined : resolveId(engine, view.topic);
  if (speaker === undefined || (view.topic !== undefined && topic === undefined)) return undefined;
  return { kind: 'quotes', speaker, topic, ...where };
}
