import { ApplicationCommandType, type APIApplicationCommandInteraction, type APIMessageComponentInteraction } from 'discord.js';
import { decodeCustomId } from './custom-ids.js';
import type { RateLimiter } from './rate-limit.js';
import { RecentKeys } from './recent-keys.js';
import type { CommandSet } from './services.js';

/** The longest question any surface takes (Discord's option limit is set to it too). */
export const MAX_QUESTION_LENGTH = 300;

export type Refusal = { reason: 'too-long' | 'rate-limited' | 'already-posted'; text: string; firstRefusal: boolean };

export function tooLong(question: string): Refusal | undefined {
  if (question.length <= MAX_QUESTION_LENGTH) return undefined;
  return {
    reason: 'too-long',
    text: `That question is ${question.length} characters long; I take at most ${MAX_QUESTION_LENGTH}. Please shorten it and ask again.`,
    firstRefusal: true,
  };
}

export function rateLimited(limiter: RateLimiter | undefined, userId: string | undefined): Refusal | undefined {
  if (!limiter || !userId) return undefined;
  const decision = limiter.take(userId);
  if (decision.allowed) return undefined;
  const seconds = Math.max(1, Math.ceil(decision.retryAfterMs / 1000));
  return { reason: 'rate-limited', text: `You are asking faster than I can keep up with. Please wait ${seconds} s and ask again.`, firstRefusal: decision.firstRefusal };
}

/** Refuses an over-long or over-frequent question before any work is done; undefined means go ahead. */
export function checkCommand(interaction: APIApplicationCommandInteraction, commands: CommandSet, limiter: RateLimiter | undefined): Refusal | undefined {
  const isQuestion = commands.asksEngine(interaction) && interaction.data.type !== ApplicationCommandType.User;
  if (!isQuestion) return undefined;
  const question = commands.questionOf(interaction);
  return (question === undefined ? undefined : tooLong(question)) ?? rateLimited(limiter, interaction.member?.user?.id ?? interaction.user?.id);
}

/**
 * Buttons that compute an answer (More, Back) or post one (Post to channel, under an answer or a
 * list) count against the presser's question budget; "Show in context" computes nothing and is free. A message's answer is
 * posted to the channel once: pressing Post again on it is refused.
 */
export function checkButton(interaction: APIMessageComponentInteraction, limiter: RateLimiter | undefined, posted: RecentKeys | undefined): Refusal | undefined {
  const action = decodeCustomId(interaction.data.custom_id);
  // A vote asks nothing of the engine; it is one row, changed in place.
  if (!action || action.action === 'context' || action.action === 'vote') return undefined;
  const limited = rateLimited(limiter, interaction.member?.user?.id ?? interaction.user?.id);
  if (limited || (action.action !== 'post' && action.action !== 'share') || !posted) return limited;
  if (!posted.claim(`${interaction.message.id}\u0000${interaction.data.custom_id}`)) {
    return { reason: 'already-posted', text: 'This answer has already been posted to the channel.', firstRefusal: true };
  }
  return undefined;
}

/** A day of posts, at most 10,000 remembered: the buttons of a private reply stay pressable as long as the user keeps it open. */
export function createPostedAnswers(): RecentKeys {
  return new RecentKeys(24 * 60 * 60 * 1000, 10_000);
}
