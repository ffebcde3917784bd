import { ApplicationCommandType } from 'discord.js';
import { EVERYWHERE, inServer, stripMentions, targetMessage, type MessageCommand } from '../discord/command.js';
import { renderAnswer, renderNotice } from '../discord/render.js';
import { MAX_QUESTION_LENGTH } from './ask.js';

/** Right-click a message → Apps → "Ask the article": its text becomes the question. */
export const askMessageCommand = {
  data: { type: ApplicationCommandType.Message, name: 'Ask the article', ...EVERYWHERE },
  isPrivate: (interaction) => inServer(interaction),
  execute(interaction, { engine }) {
    const question = stripMentions(targetMessage(interaction)?.content ?? '').slice(0, MAX_QUESTION_LENGTH);
    if (!question) return renderNotice('That message has no text to ask about.');
    return renderAnswer(engine.answer(question), { page: 0, view: { kind: 'ask', question }, ephemeral: this.isPrivate(interaction) });
  },
} satisfies MessageCommand;
