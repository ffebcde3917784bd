import { ApplicationCommandOptionType } from 'discord.js';
import type { Answer, AnswerEngine } from '../engine/index.js';
import { focusedOption, optionValue } from '../discord/interaction-data.js';
import { renderAnswer, renderChoices, type ReplyMessage } from '../discord/render.js';
import { MAX_QUESTION_LENGTH } from '../discord/guard.js';
import { isSmallTalk } from '../discord/small-talk.js';
import { noteIfDeclined } from '../discord/unanswered.js';
import { EVERYWHERE, PUBLIC_OPTION, privateUnlessPublic, type SlashCommand } from './command.js';


/**
 * First pages of answers the engine remembered, one per privacy. The engine returns the same answer
 * object only for the same question and article, which are all the page depends on; entries go
 * when the engine forgets the answer.
 */
const firstPages = new WeakMap<Answer, { private?: ReplyMessage; public?: ReplyMessage }>();

export const askCommand = {
  data: {
    name: 'ask',
    description: 'Ask a question about the article; get cited, verbatim quotes',
    options: [
      { type: ApplicationCommandOptionType.String, name: 'question', description: 'e.g. who spoke about venues?', required: true, max_length: MAX_QUESTION_LENGTH },
      PUBLIC_OPTION,
      { type: ApplicationCommandOptionType.String, name: 'article', description: 'Ask one article only (default: every article)', autocomplete: true, max_length: 100 },
    ],
    ...EVERYWHERE,
  },
  isPrivate: privateUnlessPublic,
  question: (interaction) => String(optionValue(interaction, 'question') ?? ''),
  asksEngine: true,
  execute(interaction, services) {
    const { engine } = services;
    const question = String(optionValue(interaction, 'question') ?? '').slice(0, MAX_QUESTION_LENGTH);
    if (isSmallTalk(question)) return services.commands.help(services, this.isPrivate(interaction));
    const article = pickArticle(engine, optionValue(interaction, 'article'));
    const answer = engine.answer(question, { articleId: article });
    const page = firstPage(answer, question, article, this.isPrivate(interaction), engine.remembersAnswers !== false);
    const noting = noteIfDeclined(services, answer, { guildId: interaction.guild_id ?? null, articleScope: article ?? null, question });
    return noting ? noting.then(() => page) : page;
  },
  autocomplete(interaction, { engine }) {
    const focused = focusedOption(interaction);
    return focused?.name === 'article' ? renderChoices(engine.suggestArticles(focused.value)) : [];
  },
} satisfies SlashCommand;

/**
 * The first page of an answer, remembered per privacy while the engine remembers the answer. An engine that
 * computes every answer afresh never hands the same one back: nothing is remembered then (a weak map filled with
 * answers nobody asks for again only costs the garbage collector).
 */
function firstPage(answer: Answer, question: string, article: string | undefined, ephemeral: boolean, remember: boolean): ReplyMessage {
  const pages = remember ? (firstPages.get(answer) ?? {}) : {};
  const privacy = ephemeral ? 'private' : 'public';
  const remembered = pages[privacy];
  if (remembered) return remembered;
  const page = renderAnswer(answer, { page: 0, view: article === undefined ? { kind: 'ask', question } : { kind: 'ask', question, article }, ephemeral });
  // Frozen only when kept: a page handed to later requests must not change under them.
  if (remember) firstPages.set(answer, { ...pages, [privacy]: Object.freeze(page) });
  return page;
}

/** An article option: an id picked from the list, or typed text resolved the way autocomplete would. */
export function pickArticle(engine: AnswerEngine, typed: string | number | boolean | undefined): string | undefined {
  if (typed === undefined || String(typed).trim() === '') return undefined;
  const value = String(typed);
  return engine.articles.some((a) => a.id === value) ? value : (engine.suggestArticles(value, 1)[0]?.value ?? value);
}
