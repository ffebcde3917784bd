import { renderList } from '../discord/views.js';
import { EVERYWHERE, PUBLIC_OPTION, privateUnlessPublic, type SlashCommand } from './command.js';

export const topicsCommand = {
  data: { name: 'topics', description: 'The topics the article covers, and who spoke on each', options: [PUBLIC_OPTION], ...EVERYWHERE },
  isPrivate: privateUnlessPublic,
  execute(interaction, { engine, articles }) {
    return renderList('topics', engine, articles, { ephemeral: this.isPrivate(interaction) });
  },
} satisfies SlashCommand;
