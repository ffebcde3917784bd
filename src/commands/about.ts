import { renderList } from '../discord/views.js';
import { EVERYWHERE, PUBLIC_OPTION, privateUnlessPublic, type SlashCommand } from './command.js';

/** Everyone's view of the articles: title, source, date, summary and speakers (`/article` is the admins' command). */
export const aboutCommand = {
  data: { name: 'about', description: 'The articles: title, source, date, a short summary and the speakers', options: [PUBLIC_OPTION], ...EVERYWHERE },
  isPrivate: privateUnlessPublic,
  execute(interaction, { engine, articles }) {
    return renderList('articles', engine, articles, { ephemeral: this.isPrivate(interaction) });
  },
} satisfies SlashCommand;
