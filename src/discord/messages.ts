import type { GatewayMessageCreateDispatchData } from 'discord.js';
import type { Services } from './services.js';
import { rateLimited, tooLong } from './guard.js';
import type { RateLimiter } from './rate-limit.js';
import { isSmallTalk } from './small-talk.js';
import { noteIfDeclined } from './unanswered.js';
import { renderAnswer, renderError, renderMessageReply, renderNotice, type MessageReply, type ReplyMessage } from './render.js';

export type { MessageReply };

export interface MessageGuards {
  rateLimiter?: RateLimiter;
}

/** The question a message asks the bot — any DM, or a server message that mentions it ('' for a bare mention) — or undefined when it is not for the bot. */
function questionFor(message: GatewayMessageCreateDispatchData, botUserId: string): string | undefined {
  if (message.author.bot || message.webhook_id) return undefined;
  const isDm = message.guild_id === undefined;
  const mentionsBot = message.mentions.some((user) => user.id === botUserId);
  if (!isDm && !mentionsBot) return undefined;
  return message.content.replace(new RegExp(`<@!?${botUserId}>`, 'g'), ' ').trim();
}

/**
 * Decides whether a message is a question for the bot and answers it. Needs no Message Content
 * intent: Discord sends content for DMs and mentions. Over-long questions get a short refusal;
 * over-frequent ones get one notice per window, then silence.
 */
export function answerMessage(message: GatewayMessageCreateDispatchData, botUserId: string, services: Services, guards: MessageGuards = {}): MessageReply | undefined {
  const question = questionFor(message, botUserId);
  if (question === undefined) return undefined;
  // A bare mention, "help" or "hi" asks for the bot, not the article: the short help (a channel reply cannot be private).
  if (isSmallTalk(question)) return replyTo(message, services.commands.help(services, false));
  const { engine } = services;
  const refusal = tooLong(question) ?? rateLimited(guards.rateLimiter, message.author.id);
  if (refusal) return refusal.firstRefusal ? replyTo(message, renderNotice(refusal.text)) : undefined;
  const answer = engine.answer(question);
  // The reply does not wait for the log: a DM or mention answer is one REST call, and noteIfDeclined never rejects.
  void noteIfDeclined(services, answer, { guildId: message.guild_id ?? null, articleScope: null, question });
  return replyTo(message, renderAnswer(answer, { page: 0, view: { kind: 'ask', question }, ephemeral: false }));
}

/** A question sent while the bot is stopping gets `notice` instead of an answer; other messages get nothing. */
export function refuseMessage(message: GatewayMessageCreateDispatchData, botUserId: string, notice: string): MessageReply | undefined {
  return questionFor(message, botUserId) !== undefined ? replyTo(message, renderNotice(notice)) : undefined;
}

/** What a failed message answer gets: the same apology, with the message id as the log reference. */
export function messageApology(message: GatewayMessageCreateDispatchData): MessageReply {
  return replyTo(message, renderError(message.id));
}

function replyTo(message: GatewayMessageCreateDispatchData, reply: ReplyMessage): MessageReply {
  return renderMessageReply(reply, message.id);
}
