import { renderList } from '../discord/views.js';
import { EVERYWHERE, PUBLIC_OPTION, privateUnlessPublic, type SlashCommand } from './command.js';

export const articleCommand = {
  data: { name: 'article', description: 'Title, source, date, a short summary and the speakers', options: [PUBLIC_OPTION], ...EVERYWHERE },
  isPrivate: privateUnlessPublic,
  execute(interaction, { engine, articles }) {
    return renderList('articles', engine, articles, { ephemeral: this.isPrivate(interaction) });
  },
} satisfies SlashCommand;
