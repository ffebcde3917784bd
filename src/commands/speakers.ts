import { EVERYWHERE, type SlashCommand } from '../discord/command.js';
import { renderSpeakers } from '../discord/render.js';

export const speakersCommand = {
  data: { name: 'speakers', description: 'Everyone quoted in the article, with roles and how many quotes each', ...EVERYWHERE },
  isPrivate: () => false,
  execute: (_interaction, { engine }) => {
    const labels = new Map(engine.topics().map((t) => [t.id, t.label]));
    return renderSpeakers(engine.speakers(), (id) => labels.get(id) ?? id);
  },
} satisfies SlashCommand;
