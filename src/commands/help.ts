import { EVERYWHERE, type SlashCommand } from '../discord/command.js';
import { renderHelp } from '../discord/render.js';

export const helpCommand = {
  data: { name: 'help', description: 'What I can answer, with example questions', ...EVERYWHERE },
  isPrivate: () => true,
  execute: (_interaction, { engine }) => {
    // Examples come from the knowledge base itself, so they always have answers.
    const speakers = engine
      .speakers()
      .slice(0, 2)
      .map(({ person }) => `/ask question: what did ${person.kind === 'organisation' ? person.name.toLowerCase() : person.name.split(' ').pop()} say?`);
    const topics = engine.topics().slice(0, 2).map((t) => `/ask question: who spoke about ${t.label.toLowerCase()}?`);
    return renderHelp([...topics, ...speakers, '/ask question: what is the article about?']);
  },
} satisfies SlashCommand;
