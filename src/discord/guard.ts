import { ApplicationCommandType, type APIApplicationCommandInteraction, type APIMessageComponentInteraction } from 'discord.js';
import { askMessageCommand } from '../commands/ask-message.js';
import { askCommand, MAX_QUESTION_LENGTH } from '../commands/ask.js';
import { quotesCommand } from '../commands/quotes.js';
import { optionValue, stripMentions, targetMessage } from './command.js';
import { decodeCustomId } from './custom-ids.js';
import type { RateLimiter } from './rate-limit.js';
import { RecentKeys } from './recent-keys.js';

/** The commands that ask the engine a question; each counts against the user's rate limit. */
const QUESTION_COMMANDS: ReadonlySet<string> = new Set([askCommand.data.name, quotesCommand.data.name, askMessageCommand.data.name]);

export type Refusal = { reason: 'too-long' | 'rate-limited' | 'already-posted'; text: string; firstRefusal: boolean };

/** The text a command would ask about, when it takes free text. */
function questionOf(interaction: APIApplicationCommandInteraction): string | undefined {
  if (interaction.data.type === ApplicationCommandType.Message) {
    return stripMentions(targetMessage({ data: interaction.data })?.content ?? '');
  }
  if (interaction.data.type === ApplicationCommandType.ChatInput && interaction.data.name === askCommand.data.name) {
    return String(optionValue({ data: interaction.data }, 'question') ?? '');
  }
  return undefined;
}

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
export function checkCommand(interaction: APIApplicationCommandInteraction, limiter: RateLimiter | undefined): Refusal | undefined {
  const isQuestion = QUESTION_COMMANDS.has(interaction.data.name) && interaction.data.type !== ApplicationCommandType.User;
  if (!isQuestion) return undefined;
  const question = questionOf(interaction);
  return (question === undefined ? undefined : tooLong(question)) ?? rateLimited(limiter, interaction.member?.user?.id ?? interaction.user?.id);
}

/**
 * Buttons that compute an answer (More, Back) or post one (Post to channel) count against the
 * presser's question budget; "Show in context" computes nothing and is free. A message's answer is
 * posted to the channel once: pressing Post again on it is refused.
 */
export function checkButton(interaction: APIMessageComponentInteraction, limiter: RateLimiter | undefined, posted: RecentKeys | undefined): Refusal | undefined {
  const action = decodeCustomId(interaction.data.custom_id);
  if (!action || action.action === 'context') return undefined;
  const limited = rateLimited(limiter, interaction.member?.user?.id ?? interaction.user?.id);
  if (limited || action.action !== 'post' || !posted) return limited;
  if (!posted.claim(`${interaction.message.id}\u0000${interaction.data.custom_id}`)) {
    return { reason: 'already-posted', text: 'This answer has already been posted to the channel.', firstRefusal: true };
  }
  return undefined;
}

/** A day of posts, at most 10,000 remembered: the buttons of a private reply stay pressable as long as the user keeps it open. */
export function createPostedAnswers(): RecentKeys {
  return new RecentKeys(24 * 60 * 60 * 1000, 10_000);
}
