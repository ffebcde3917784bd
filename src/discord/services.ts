import type {
  APIApplicationCommandAutocompleteInteraction,
  APIApplicationCommandInteraction,
  APIMessageComponentInteraction,
  RESTPostAPIApplicationCommandsJSONBody,
} from 'discord.js';
import type { Article } from '../data/schema.js';
import type { AnswerEngine } from '../engine/index.js';
import type { Logger } from '../logger.js';
import type { SourceOptions } from '../sources/article-source.js';
import type { ServerArticleStore } from '../store/server-article-store.js';
import type { FeedbackLog } from '../store/feedback-log.js';
import type { ButtonReply } from './buttons.js';
import type { ReplyMessage } from './render.js';

/** What every handler may use: one generation's engine and articles (read once per interaction) and the commands, nothing transport-specific. */
export interface Services {
  engine: AnswerEngine;
  articles: readonly Article[];
  commands: CommandSet;
  /** The server whose own articles `engine` includes; undefined in DMs, user installs and where servers keep no articles. */
  guildId?: string;
  /** What `/article` needs to change a server's articles; unset where the bot keeps none (the CLI). */
  serverArticles?: ServerArticles;
  /** Votes and the unanswered-question log (the database); unset where nothing is recorded (tests, tools). */
  feedback?: FeedbackLog;
}

/** The per-server article store and how articles are fetched, for `/article add|remove|list` and its buttons. */
export interface ServerArticles {
  store: ServerArticleStore;
  sources: SourceOptions;
  /** The shared (bundled or ARTICLES_DIR) articles now: a server article may not take one's id. */
  sharedArticles(): readonly Article[];
  logger: Logger;
}

export type Choices = { name: string; value: string }[];

/** A command matched to an interaction of its own kind: its work, and whether its reply is private (known before the work, so a deferral carries the same flag). */
export interface BoundCommand {
  run: () => ReplyMessage | Promise<ReplyMessage>;
  isPrivate: boolean;
  /** Its work is slow (it fetches from the network): defer at once rather than after a wait. */
  slow?: boolean;
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
  autocomplete(interaction: APIApplicationCommandAutocompleteInteraction, services: Services): Choices | Promise<Choices>;
  /** A button of a command's own (its custom id starts with the command's prefix), answered by that command; undefined for every other button. */
  component(interaction: APIMessageComponentInteraction, services: Services): Promise<ButtonReply> | undefined;
  /** The free text the interaction asks the engine, for the length check; undefined when it asks none. */
  questionOf(interaction: APIApplicationCommandInteraction): string | undefined;
  /** The interaction asks the engine something, so it counts against the user's question budget. */
  asksEngine(interaction: APIApplicationCommandInteraction): boolean;
  /** The short help: what to ask, examples that work, and the commands. */
  help(services: Services, ephemeral: boolean): ReplyMessage;
}
