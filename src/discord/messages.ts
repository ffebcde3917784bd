import type { GatewayMessageCreateDispatchData } from 'discord.js';
import { MAX_QUESTION_LENGTH } from '../commands/ask.js';
import type { Services } from './command.js';
import { renderAnswer, type ReplyMessage } from './render.js';

/** A message body that replies to the question without pinging its author. */
export interface MessageReply extends Omit<ReplyMessage, 'allowed_mentions'> {
  allowed_mentions: { parse: []; replied_user: false };
  message_reference: { message_id: string; fail_if_not_exists: false };
}

/**
 * Decides whether a message is a question for the bot — any DM, or a server message that mentions
 * the bot — and answers it. Needs no Message Content intent: Discord sends content for both.
 */
export function answerMessage(message: GatewayMessageCreateDispatchData, botUserId: string, { engine }: Services): MessageReply | undefined {
  if (message.author.bot || message.webhook_id) return undefined;
  const isDm = message.guild_id === undefined;
  const mentionsBot = message.mentions.some((user) => user.id === botUserId);
  if (!isDm && !mentionsBot) return undefined;
  const question = message.content.replace(new RegExp(`<@!?${botUserId}>`, 'g'), ' ').trim().slice(0, MAX_QUESTION_LENGTH);
  if (!question) return undefined;
  const reply = renderAnswer(engine.answer(question), { page: 0, view: { kind: 'ask', question }, ephemeral: false });
  return {
    ...reply,
    allowed_mentions: { parse: [], replied_user: false },
    message_reference: { message_id: message.id, fail_if_not_exists: false },
  };
}
