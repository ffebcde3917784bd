import { EVERYWHERE, type SlashCommand } from '../discord/command.js';
import { renderTopics } from '../discord/render.js';

export const topicsCommand = {
  data: { name: 'topics', description: 'The topics the article covers, and who spoke on each', ...EVERYWHERE },
  isPrivate: () => false,
  execute: (_interaction, { engine }) => renderTopics(engine.topics()),
} satisfies SlashCommand;
