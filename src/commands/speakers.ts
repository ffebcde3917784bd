import { renderSpeakers } from '../discord/render.js';
import { EVERYWHERE, PUBLIC_OPTION, privateUnlessPublic, type SlashCommand } from './command.js';

export const speakersCommand = {
  data: { name: 'speakers', description: 'Everyone quoted in the article, with roles and how many quotes each', options: [PUBLIC_OPTION], ...EVERYWHERE },
  isPrivate: privateUnlessPublic,
  execute(interaction, { engine }) {
    const labels = new Map(engine.topics().map((t) => [t.id, t.label]));
    return renderSpeakers(engine.speakers(), (id) => labels.get(id) ?? id, this.isPrivate(interaction));
  },
} satisfies SlashCommand;
