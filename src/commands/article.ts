import { EVERYWHERE, type SlashCommand } from '../discord/command.js';
import { renderArticles } from '../discord/render.js';
import { speakerName } from '../engine/index.js';

export const articleCommand = {
  data: { name: 'article', description: 'Title, source, date, a short summary and the speakers', ...EVERYWHERE },
  isPrivate: () => false,
  execute: (_interaction, { engine, articles }) => {
    const speakers = engine.speakers();
    return renderArticles(articles, (article) =>
      speakers.filter((s) => article.quotes.some((q) => q.speaker === s.person.id)).map((s) => speakerName(s.person)),
    );
  },
} satisfies SlashCommand;
