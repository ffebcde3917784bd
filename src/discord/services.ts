import type {
  APIApplicationCommandAutocompleteInteraction,
  APIApplicationCommandInteraction,
  RESTPostAPIApplicationCommandsJSONBody,
} from 'discord.js';
import type { Article } from '../data/schema.js';
import type { AnswerEngine } from '../engine/index.js';
import type { FeedbackLog } from '../store/feedback-log.js';
import type { ReplyMessage } from './render.js';

/** What every handler may use: one generation's engine and articles (read once per interaction) and the commands, nothing transport-specific. */
export interface Services {
  engine: AnswerEngine;
  articles: readonly Article[];
  commands: CommandSet;
  /** Votes and the unanswered-question log (the database); unset where nothing is recorded (tests, tools). */
  feedback?: FeedbackLog;
}

/** A command matched to an interaction of its own kind: its work, and whether its reply is private (known before the work, so a deferral carries the same flag). */
export interface BoundCommand {
  run: () => ReplyMessage | Promise<ReplyMessage>;
  isPrivate: boolean;
}

/**
 * The commands as the Discord layer sees them: src/commands builds this from its list, so the
 * dispatcher, the guard and the help reach every command without importing any.
 */
export interface CommandSet {
  /** Every command's definition, as registered with Discord. */
  definitions(): RESTPostAPIApplicationCommandsJSONBody[];
  /** The command this interaction invokes, bound to it; 'mismatch' when the payload is not that command's kind; undefined when there is no such command. */
  bind(interaction: APIApplicationCommandInteraction, services: Services): BoundCommand | 'mismatch' | undefined;
  autocomplete(interaction: APIApplicationCommandAutocompleteInteraction, services: Services): { name: string; value: string }[];
  /** The free text the interaction asks the engine, for the length check; undefined when it asks none. */
  questionOf(interaction: APIApplicationCommandInteraction): string | undefined;
  /** The interaction asks the engine something, so it counts against the user's question budget. */
  asksEngine(interaction: APIApplicationCommandInteraction): boolean;
  /** The short help: what to ask, examples that work, and the commands. */
  help(services: Services, ephemeral: boolean): ReplyMessage;
}
