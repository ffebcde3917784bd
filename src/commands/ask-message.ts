import { ApplicationCommandType } from 'discord.js';
import { inServer, stripMentions, targetMessage } from '../discord/interaction-data.js';
import { renderAnswer, renderNotice } from '../discord/render.js';
import { MAX_QUESTION_LENGTH } from '../discord/guard.js';
import { EVERYWHERE, type MessageCommand } from './command.js';
import { isSmallTalk } from '../discord/small-talk.js';
import { noteIfDeclined } from '../discord/unanswered.js';

/** Right-click a message → Apps → "Ask the article": its text becomes the question. */
export const askMessageCommand = {
  data: { type: ApplicationCommandType.Message, name: 'Ask the article', ...EVERYWHERE },
  isPrivate: (interaction) => inServer(interaction),
  question: (interaction) => stripMentions(targetMessage(interaction)?.content ?? ''),
  asksEngine: true,
  execute(interaction, services) {
    const question = stripMentions(targetMessage(interaction)?.content ?? '').slice(0, MAX_QUESTION_LENGTH);
    if (!question) return renderNotice('That message has no text to ask about.');
    if (isSmallTalk(question)) return services.commands.help(services, this.isPrivate(interaction));
    const answer = services.engine.answer(question);
    const reply = renderAnswer(answer, { page: 0, view: { kind: 'ask', question }, ephemeral: this.isPrivate(interaction) });
    const noting = noteIfDeclined(services, answer, { guildId: interaction.guild_id ?? null, articleScope: null, question });
    return noting ? noting.then(() => reply) : reply;
  },
} satisfies MessageCommand;
