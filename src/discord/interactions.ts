import {
  InteractionResponseType,
  InteractionType,
  MessageFlags,
  type APIInteraction,
  type APIInteractionResponse,
} from 'discord.js';
import { knowledgeFor, type KnowledgeBase, type KnowledgeSource } from '../knowledge/knowledge-base.js';
import type { Logger } from '../logger.js';
import type { FeedbackLog } from '../store/feedback-log.js';
import { handleButton, handleVote, type ButtonReply } from './buttons.js';
import { checkButton, checkCommand } from './guard.js';
import type { RateLimiter } from './rate-limit.js';
import type { RecentKeys } from './recent-keys.js';
import { renderError, renderNotice, type ReplyMessage } from './render.js';
import { serverScope } from './interaction-data.js';
import type { CommandSet, ServerArticles, Services } from './services.js';

/** How replies leave: the gateway bot posts them over REST, the HTTP endpoint answers its request. */
export interface InteractionResponder {
  /** The interaction's first response; Discord wants it within 3 seconds. */
  respond(response: APIInteractionResponse): Promise<void>;
  /** Replaces the original response's message, after a deferral. */
  editOriginal(message: ReplyMessage): Promise<void>;
  /** A further message after the first response (public unless flagged ephemeral). */
  followUp(message: ReplyMessage): Promise<void>;
}

export interface InteractionDeps {
  /** Read once per interaction: the reply comes from one generation of the knowledge base (with its server's articles when it knows servers). */
  knowledge: KnowledgeSource;
  /** The per-server article store and fetching, for `/article`; unset where servers keep no articles. */
  serverArticles?: ServerArticles;
  /** The commands this bot answers (src/commands builds them; this layer imports none). */
  commands: CommandSet;
  logger: Logger;
  /** Defer when a handler has not answered after this long (well inside Discord's 3 s). */
  deferAfterMs?: number;
  /** Per-user question budget for /ask, /quotes, the context menu and the buttons that compute or post; unset means unlimited. */
  rateLimiter?: RateLimiter;
  /** Answers already posted to a channel by "Post to channel" (one post per message); unset means not tracked. */
  postedAnswers?: RecentKeys;
  /** Votes and the unanswered-question log; unset records nothing. */
  feedback?: FeedbackLog;
}

export type Outcome = 'replied' | 'deferred' | 'autocomplete' | 'error' | 'unknown' | 'pong' | 'refused';

const DEFAULT_DEFER_AFTER_MS = 1500;

/** Every interaction goes through here: route, answer (deferring if slow), log one line, never throw. */
export async function handleInteraction(interaction: APIInteraction, responder: InteractionResponder, deps: InteractionDeps): Promise<Outcome> {
  // The line is built only when info is logged: a server with logging off does no per-interaction log work.
  const logged = deps.logger.isLevelEnabled('info');
  const started = logged ? performance.now() : 0;
  const tracked = new TrackedResponder(responder);
  let outcome: Outcome = 'error';
  const guildId = serverScope(interaction);
  let knowledge = deps.knowledge.current();
  try {
    const found = knowledgeFor(deps.knowledge, guildId);
    // Awaited only when it is a promise (a server's own articles): one knowledge base needs no trip through the microtask queue.
    knowledge = found instanceof Promise ? await found : found;
    outcome = await route(interaction, tracked, deps, servicesFor(knowledge, deps, guildId));
  } catch (error) {
    deps.logger.error({ err: error, interaction: interaction.id, command: commandName(interaction), customId: customIdOf(interaction) }, 'interaction handler failed');
    await apologise(interaction, responder, deps, tracked.acknowledged);
  } finally {
    if (logged) logInteraction(interaction, deps.logger, outcome, knowledge, started);
  }
  return outcome;
}

/** What every handler may use, from one generation of the knowledge base; optional fields only when set. */
function servicesFor(knowledge: KnowledgeBase, deps: InteractionDeps, guildId: string | undefined): Services {
  // Assigned one by one rather than spread from conditional objects: one object, no copies.
  const services: Services = { engine: knowledge.engine, articles: knowledge.articles, commands: deps.commands };
  if (guildId !== undefined) services.guildId = guildId;
  if (deps.serverArticles) services.serverArticles = deps.serverArticles;
  if (deps.feedback) services.feedback = deps.feedback;
  return services;
}

function commandName(interaction: APIInteraction): string | undefined {
  return 'data' in interaction && interaction.data && 'name' in interaction.data ? interaction.data.name : undefined;
}

function customIdOf(interaction: APIInteraction): string | undefined {
  return interaction.type === InteractionType.MessageComponent ? interaction.data?.custom_id : undefined;
}

/** The one line every interaction gets. */
function logInteraction(interaction: APIInteraction, logger: Logger, outcome: Outcome, knowledge: KnowledgeBase, started: number): void {
  logger.info(
    {
      interaction: interaction.id,
      type: interaction.type,
      command: commandName(interaction),
      customId: customIdOf(interaction),
      guild: interaction.guild_id ?? null,
      // Optional chaining throughout: a malformed payload must not make the log line itself throw.
      user: interaction.member?.user?.id ?? interaction.user?.id ?? null,
      outcome,
      knowledge: knowledge.generation,
      ...(knowledge.server ? { serverRevision: knowledge.server.revision } : {}),
      ms: Math.round((performance.now() - started) * 10) / 10,
    },
    'interaction',
  );
}

/**
 * Remembers whether the first response went out: once Discord has one, an apology must be an edit
 * (a second response is refused). A class, not closures, since one is made per interaction.
 */
class TrackedResponder implements InteractionResponder {
  acknowledged = false;

  constructor(private readonly responder: InteractionResponder) {}

  async respond(response: APIInteractionResponse): Promise<void> {
    await this.responder.respond(response);
    this.acknowledged = true;
  }

  editOriginal(message: ReplyMessage): Promise<void> {
    return this.responder.editOriginal(message);
  }

  followUp(message: ReplyMessage): Promise<void> {
    return this.responder.followUp(message);
  }
}

/** Answers without doing any work: used while shutting down. Autocomplete gets an empty list, not an error. */
export async function refuseInteraction(interaction: APIInteraction, responder: InteractionResponder, text: string): Promise<void> {
  if (interaction.type === InteractionType.Ping) return responder.respond({ type: InteractionResponseType.Pong });
  if (interaction.type === InteractionType.ApplicationCommandAutocomplete) {
    return responder.respond({ type: InteractionResponseType.ApplicationCommandAutocompleteResult, data: { choices: [] } });
  }
  return responder.respond({ type: InteractionResponseType.ChannelMessageWithSource, data: renderNotice(text) });
}

/** How a command's reply is sent: made once, not per interaction (the deferral carries the reply's privacy). */
interface ReplyShapes {
  reply: (message: ReplyMessage) => APIInteractionResponse;
  defer: APIInteractionResponse;
}
const messageWithSource = (message: ReplyMessage): APIInteractionResponse => ({ type: InteractionResponseType.ChannelMessageWithSource, data: message });
const PRIVATE_COMMAND_REPLY: ReplyShapes = { reply: messageWithSource, defer: { type: InteractionResponseType.DeferredChannelMessageWithSource, data: { flags: MessageFlags.Ephemeral } } };
const PUBLIC_COMMAND_REPLY: ReplyShapes = { reply: messageWithSource, defer: { type: InteractionResponseType.DeferredChannelMessageWithSource, data: {} } };

async function route(interaction: APIInteraction, responder: InteractionResponder, deps: InteractionDeps, services: Services): Promise<Outcome> {
  switch (interaction.type) {
    case InteractionType.Ping:
      await responder.respond({ type: InteractionResponseType.Pong });
      return 'pong';
    case InteractionType.ApplicationCommandAutocomplete: {
      const choices = await deps.commands.autocomplete(interaction, services);
      await responder.respond({ type: InteractionResponseType.ApplicationCommandAutocompleteResult, data: { choices } });
      return 'autocomplete';
    }
    case InteractionType.ApplicationCommand: {
      const bound = deps.commands.bind(interaction, services);
      const refusal = bound ? checkCommand(interaction, deps.commands, deps.rateLimiter) : undefined;
      if (refusal) {
        await responder.respond({ type: InteractionResponseType.ChannelMessageWithSource, data: renderNotice(refusal.text) });
        deps.logger.info({ interaction: interaction.id, reason: refusal.reason }, 'question refused');
        return 'refused';
      }
      if (!bound) {
        await responder.respond({ type: InteractionResponseType.ChannelMessageWithSource, data: renderNotice('I do not know that command any more; it may have been removed.') });
        return 'unknown';
      }
      if (bound === 'mismatch') {
        await responder.respond({ type: InteractionResponseType.ChannelMessageWithSource, data: renderNotice('That command was sent in a shape I do not understand.') });
        return 'unknown';
      }
      return answerWithin(bound.run(), responder, bound.slow ? { ...deps, deferAfterMs: 0 } : deps, bound.isPrivate ? PRIVATE_COMMAND_REPLY : PUBLIC_COMMAND_REPLY);
    }
    case InteractionType.MessageComponent: {
      const refusal = checkButton(interaction, deps.rateLimiter, deps.postedAnswers);
      if (refusal) {
        await responder.respond({ type: InteractionResponseType.ChannelMessageWithSource, data: renderNotice(refusal.text) });
        deps.logger.info({ interaction: interaction.id, reason: refusal.reason }, 'button refused');
        return 'refused';
      }
      const own = deps.commands.component(interaction, services);
      if (own) return answerComponent(own, responder, deps);
      const vote = handleVote(interaction, services);
      // A slow database must not miss Discord's 3 s: the private acknowledgement is deferred like a slow command.
      if (vote) {
        return answerWithin(vote, responder, deps, {
          reply: (message) => ({ type: InteractionResponseType.ChannelMessageWithSource, data: message }),
          defer: { type: InteractionResponseType.DeferredChannelMessageWithSource, data: { flags: MessageFlags.Ephemeral } },
        });
      }
      const reply = handleButton(interaction, services);
      const type = reply.update ? InteractionResponseType.UpdateMessage : InteractionResponseType.ChannelMessageWithSource;
      await responder.respond({ type, data: reply.message });
      if (reply.followUp) await responder.followUp(reply.followUp);
      return 'replied';
    }
    default:
      await responder.respond({ type: InteractionResponseType.ChannelMessageWithSource, data: renderNotice('I cannot handle that kind of interaction.') });
      return 'unknown';
  }
}

/** A command's own button (it may wait on the store): answered in place, or as a new private message, within Discord's 3 s. */
async function answerComponent(work: Promise<ButtonReply>, responder: InteractionResponder, deps: InteractionDeps): Promise<Outcome> {
  let update = true;
  const outcome = await answerWithin(
    work.then((reply) => ((update = reply.update), reply.message)),
    responder,
    deps,
    {
      reply: (message) => ({ type: update ? InteractionResponseType.UpdateMessage : InteractionResponseType.ChannelMessageWithSource, data: message }),
      defer: { type: InteractionResponseType.DeferredMessageUpdate },
    },
  );
  const reply = await work;
  if (reply.followUp) await responder.followUp(reply.followUp);
  return outcome;
}

/** Answers directly when the work (already started by the caller) is quick; otherwise defers first and edits the answer in. */
async function answerWithin(
  result: ReplyMessage | Promise<ReplyMessage>,
  responder: InteractionResponder,
  deps: InteractionDeps,
  shapes: ReplyShapes,
): Promise<Outcome> {
  // A command that answers synchronously (every real one) cannot be overtaken by a timer: reply at once.
  if (!(result instanceof Promise)) {
    await responder.respond(shapes.reply(result));
    return 'replied';
  }
  const work = result;
  // Marks a rejection as observed, so a failed deferral below cannot leave it unhandled; `await work` still throws.
  work.catch(() => undefined);
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), deps.deferAfterMs ?? DEFAULT_DEFER_AFTER_MS);
  });
  try {
    const first = await Promise.race([work, deadline]);
    if (first !== 'late') {
      await responder.respond(shapes.reply(first));
      return 'replied';
    }
  } finally {
    clearTimeout(timer);
  }
  await responder.respond(shapes.defer);
  // A failure from here on reaches handleInteraction, which logs it and edits the apology in.
  await responder.editOriginal(withoutFlags(await work));
  return 'deferred';
}

async function apologise(interaction: APIInteraction, responder: InteractionResponder, deps: InteractionDeps, acknowledged: boolean): Promise<void> {
  if (interaction.type === InteractionType.Ping) return;
  try {
    if (acknowledged) {
      await responder.editOriginal(withoutFlags(renderError(interaction.id)));
    } else if (interaction.type === InteractionType.ApplicationCommandAutocomplete) {
      await responder.respond({ type: InteractionResponseType.ApplicationCommandAutocompleteResult, data: { choices: [] } });
    } else {
      await responder.respond({ type: InteractionResponseType.ChannelMessageWithSource, data: renderError(interaction.id) });
    }
  } catch (error) {
    deps.logger.error({ err: error, interaction: interaction.id }, 'could not send the apology either');
  }
}

/** Edits cannot change a message's privacy; the flag was set by the deferral. */
function withoutFlags(message: ReplyMessage): ReplyMessage {
  const { flags: _flags, ...rest } = message;
  return rest;
}
