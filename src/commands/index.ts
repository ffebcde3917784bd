import type { Command } from '../discord/command.js';
import { articleCommand } from './article.js';
import { askMessageCommand } from './ask-message.js';
import { askCommand } from './ask.js';
import { helpCommand } from './help.js';
import { quotesCommand } from './quotes.js';
import { speakersCommand } from './speakers.js';
import { topicsCommand } from './topics.js';

/** Every command the bot registers and answers; deploy-commands registers exactly this list. */
export const commands: Command[] = [askCommand, quotesCommand, speakersCommand, topicsCommand, articleCommand, helpCommand, askMessageCommand];

export function commandDefinitions(): Command['data'][] {
  return commands.map((command) => command.data);
}
