import { EVERYWHERE, PUBLIC_OPTION, privateUnlessPublic, type SlashCommand } from './command.js';

export const helpCommand = {
  data: { name: 'help', description: 'What I can answer, with example questions', options: [PUBLIC_OPTION], ...EVERYWHERE },
  isPrivate: privateUnlessPublic,
  execute(interaction, services) {
    return services.commands.help(services, this.isPrivate(interaction));
  },
} satisfies SlashCommand;
