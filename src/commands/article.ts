import { renderArticles } from '../discord/render.js';
import { speakerName } from '../engine/index.js';
import { EVERYWHERE, PUBLIC_OPTION, privateUnlessPublic, type SlashCommand } from './command.js';

export const articleCommand = {
  data: { name: 'article', description: 'Title, source, date, a short summary and the speakers', options: [PUBLIC_OPTION], ...EVERYWHERE },
  isPrivate: privateUnlessPublic,
  execute(interaction, { engine, articles }) {
    const speakers = engine.speakers();
    return renderArticles(
      articles,
      (article) => speakers.filter((s) => article.quotes.some((q) => q.speaker === s.person.id)).map((s) => speakerName(s.person)),
      this.isPrivate(interaction),
    );
  },
} satisfies SlashCommand;
