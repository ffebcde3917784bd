import { ApplicationCommandOptionType } from 'discord.js';
import { EVERYWHERE, inServer, optionValue, type SlashCommand } from '../discord/command.js';
import { renderAnswer } from '../discord/render.js';

export const MAX_QUESTION_LENGTH = 300;

export const askCommand = {
  data: {
    name: 'ask',
    description: 'Ask a question about the article; get cited, verbatim quotes',
    options: [
      { type: ApplicationCommandOptionType.String, name: 'question', description: 'e.g. who spoke about venues?', required: true, max_length: MAX_QUESTION_LENGTH },
      { type: ApplicationCommandOptionType.Boolean, name: 'public', description: 'Show the answer to everyone in the channel (default: only you)' },
    ],
    ...EVERYWHERE,
  },
  isPrivate: (interaction) => inServer(interaction) && optionValue(interaction, 'public') !== true,
  execute(interaction, { engine }) {
    const question = String(optionValue(interaction, 'question') ?? '').slice(0, MAX_QUESTION_LENGTH);
    return renderAnswer(engine.answer(question), { page: 0, view: { kind: 'ask', question }, ephemeral: this.isPrivate(interaction) });
  },
} satisfies SlashCommand;
