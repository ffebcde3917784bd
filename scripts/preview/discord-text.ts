import { ComponentType, MessageFlags } from 'discord.js';
import type { ReplyMessage } from '../../src/discord/render.js';

/**
 * A reply as plain text, the way Discord shows it: markdown drawn (bold and italics dropped,
 * escapes undone, block quotes as a bar), the embed's header, body and footer, then the buttons
 * and menus. The README's sample reply is this rendering of a real reply (a test keeps it so).
 */
export function replyAsText(reply: Pick<ReplyMessage, 'content' | 'embeds' | 'components' | 'flags'>): string {
  const lines: string[] = [];
  if (reply.content) lines.push(plain(reply.content.replace(/<@!?\d+>/g, '@reader')), '');
  for (const embed of reply.embeds) {
    if (embed.author) lines.push(embed.author.name);
    if (embed.title) lines.push(plain(embed.title));
    if (embed.description) lines.push(...embed.description.split('\n').map((line) => (line.startsWith('> ') ? `▌ ${plain(line.slice(2))}` : plain(line))));
    for (const field of embed.fields ?? []) lines.push(plain(field.name), ...field.value.split('\n').map((line) => `  ${plain(line)}`));
    if (embed.footer) lines.push('', embed.footer.text);
  }
  for (const row of reply.components) {
    const parts = row.components.map((c) => {
      if (c.type === ComponentType.Button) return `[${'label' in c ? (c.label ?? '') : ''}]${c.disabled ? ' (disabled)' : ''}`;
      if (c.type === ComponentType.StringSelect) return `[${c.placeholder ?? 'Make a selection'} ▾]`;
      return '';
    });
    lines.push(parts.join(' '));
  }
  if (((reply.flags ?? 0) & MessageFlags.Ephemeral) !== 0) lines.push('Only you can see this');
  return lines.join('\n');
}

/** Markdown as a reader sees it: no bold or italic markers, escapes undone, zero-width spaces gone. */
function plain(text: string): string {
  const literal: string[] = [];
  const held = text.replace(/\\([^A-Za-z0-9\s])/g, (_, char: string) => `\uE000${literal.push(char) - 1}\uE001`);
  return held
    .replace(/\*\*(.+?)\*\*/g, '$1')
    .replace(/(^|[^*])\*([^*\s][^*]*?)\*(?!\*)/g, '$1$2')
    .replace(/`([^`]+)`/g, '$1')
    .replace(/\uE000(\d+)\uE001/g, (_, i: string) => literal[Number(i)] ?? '')
    .replace(/\u200b/g, '');
}
