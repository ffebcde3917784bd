import { renderList } from '../discord/views.js';
import { EVERYWHERE, PUBLIC_OPTION, privateUnlessPublic, type SlashCommand } from './command.js';

export const speakersCommand = {
  data: { name: 'speakers', description: 'Everyone quoted in the article, with roles and how many quotes each', options: [PUBLIC_OPTION], ...EVERYWHERE },
  isPrivate: privateUnlessPublic,
  execute(interaction, { engine, articles }) {
    return renderList('speakers', engine, articles, { ephemeral: this.isPrivate(interaction) });
  },
} satisfies SlashCommand;
