import {
  ApplicationCommandType,
  type APIApplicationCommandInteraction,
  type APIChatInputApplicationCommandInteraction,
  type APIMessageApplicationCommandInteraction,
} from 'discord.js';
import { renderHelp, type ReplyMessage } from '../discord/render.js';
import type { BoundCommand, CommandSet, Services } from '../discord/services.js';
import { aboutCommand } from './about.js';
import { articleCommand } from './article.js';
import { askMessageCommand } from './ask-message.js';
import { askCommand } from './ask.js';
import type { Command, MessageCommand } from './command.js';
import { exampleQuestions } from './examples.js';
import { helpCommand } from './help.js';
import { quotesCommand } from './quotes.js';
import { reportCommand } from './report.js';
import { speakersCommand } from './speakers.js';
import { topicsCommand } from './topics.js';

/** Every command the bot registers and answers; deploy-commands registers exactly this list. */
export const commands: Command[] = [askCommand, quotesCommand, speakersCommand, topicsCommand, aboutCommand, articleCommand, reportCommand, helpCommand, askMessageCommand];

export function commandDefinitions(): Command['data'][] {
  return commands.map((command) => command.data);
}

/** The commands as the dispatcher, the guard and the help see them. */
export function commandSet(list: readonly Command[] = commands): CommandSet {
  // Looked up by kind and name for every interaction (three times for a question): a map rather than a scan.
  const byKind = new Map<ApplicationCommandType, Map<string, Command>>();
  for (const command of [...list].reverse()) {
    const type = command.data.type ?? ApplicationCommandType.ChatInput;
    const named = byKind.get(type) ?? new Map<string, Command>();
    byKind.set(type, named.set(command.data.name, command));
  }
  const find = (name: string, type: ApplicationCommandType): Command | undefined => byKind.get(type)?.get(name);
  return {
    definitions: () => list.map((c) => c.data),
    bind(interaction, services) {
      const command = find(interaction.data.name, interaction.data.type);
      if (!command) return undefined;
      if (isMessageCommand(command)) {
        if (!isMessageMenuInteraction(interaction)) return 'mismatch';
        return new BoundToInteraction(command, interaction, services);
      }
      if (!isChatInputInteraction(interaction)) return 'mismatch';
      return new BoundToInteraction(command, interaction, services);
    },
    autocomplete(interaction, services) {
      const command = find(interaction.data.name, interaction.data.type);
      return command && 'autocomplete' in command && command.autocomplete ? command.autocomplete(interaction, services) : [];
    },
    component(interaction, services) {
      for (const command of list) {
        if ('buttons' in command && command.buttons && interaction.data.custom_id.startsWith(command.buttons.prefix)) return command.buttons.press(interaction, services);
      }
      return undefined;
    },
    questionOf(interaction) {
      const command = find(interaction.data.name, interaction.data.type);
      if (!command?.question) return undefined;
      if (isMessageCommand(command)) return isMessageMenuInteraction(interaction) ? command.question(interaction) : undefined;
      return isChatInputInteraction(interaction) ? command.question(interaction) : undefined;
    },
    asksEngine: (interaction) => find(interaction.data.name, interaction.data.type)?.asksEngine === true,
    // Members see what they can use: a command for those with a permission (the admins' /article) is left out.
    help: ({ engine }, ephemeral) => renderHelp(list.map((c) => c.data).filter((d) => !('default_member_permissions' in d && d.default_member_permissions)), exampleQuestions(engine), ephemeral),
  };
}

/** What a bound command needs of a command of either kind, for its own kind of interaction. */
interface Runnable<I> {
  isPrivate(interaction: I): boolean;
  execute(interaction: I, services: Services): ReplyMessage | Promise<ReplyMessage>;
  slow?: boolean;
}

/** A command bound to its interaction; a class, so binding one makes no closure per interaction. */
class BoundToInteraction<I> implements BoundCommand {
  readonly isPrivate: boolean;
  readonly slow: boolean;

  constructor(
    private readonly command: Runnable<I>,
    private readonly interaction: I,
    private readonly services: Services,
  ) {
    this.isPrivate = command.isPrivate(interaction);
    this.slow = command.slow === true;
  }

  run(): ReplyMessage | Promise<ReplyMessage> {
    return this.command.execute(this.interaction, this.services);
  }
}

function isMessageCommand(command: Command): command is MessageCommand {
  return command.data.type === ApplicationCommandType.Message;
}

function isMessageMenuInteraction(interaction: APIApplicationCommandInteraction): interaction is APIMessageApplicationCommandInteraction {
  return interaction.data.type === ApplicationCommandType.Message;
}

function isChatInputInteraction(interaction: APIApplicationCommandInteraction): interaction is APIChatInputApplicationCommandInteraction {
  return interaction.data.type === ApplicationCommandType.ChatInput;
}
