import { renderTopics } from '../discord/render.js';
import { EVERYWHERE, PUBLIC_OPTION, privateUnlessPublic, type SlashCommand } from './command.js';

export const topicsCommand = {
  data: { name: 'topics', description: 'The topics the article covers, and who spoke on each', options: [PUBLIC_OPTION], ...EVERYWHERE },
  isPrivate: privateUnlessPublic,
  execute(interaction, { engine }) {
    return renderTopics(engine.topics(), this.isPrivate(interaction));
  },
} satisfies SlashCommand;
