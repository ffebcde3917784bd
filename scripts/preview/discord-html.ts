import { ButtonStyle, ComponentType, MessageFlags, type APIEmbed } from 'discord.js';
import type { ReplyMessage } from '../../src/discord/render.js';

/**
 * A reply payload drawn the way Discord's dark theme draws it: the message header, embeds (colour
 * bar, author, description markdown, fields, footer), buttons and select menus, and the "Only you
 * can see this" line of an ephemeral reply. Enough of Discord's markdown for what the bot sends:
 * escapes, bold, italics, inline code, block quotes.
 */

export interface PreviewMessage {
  /** What the user did, shown above the reply as Discord shows it. */
  trigger: string;
  reply: Pick<ReplyMessage, 'content' | 'embeds' | 'components' | 'flags'>;
}

const STYLE = `
body { margin: 0; background: #313338; font-family: "gg sans", "Noto Sans", "Helvetica Neue", Helvetica, Arial, sans-serif; color: #dbdee1; font-size: 16px; }
.message { display: flex; gap: 16px; padding: 12px 16px 16px 16px; width: 760px; }
.avatar { width: 40px; height: 40px; border-radius: 50%; background: #5865f2; flex: none; display: flex; align-items: center; justify-content: center; color: white; font-weight: 700; }
.body { min-width: 0; flex: 1; }
.trigger { color: #949ba4; font-size: 14px; margin-bottom: 2px; }
.trigger b { color: #c9cdfb; font-weight: 500; }
.header { display: flex; align-items: baseline; gap: 6px; }
.name { color: #f2f3f5; font-weight: 500; }
.tag { background: #5865f2; color: white; font-size: 10px; font-weight: 600; padding: 1px 4px; border-radius: 3px; }
.time { color: #949ba4; font-size: 12px; }
.content { margin: 2px 0 4px 0; line-height: 1.375; }
.mention { background: rgba(88,101,242,.3); color: #c9cdfb; border-radius: 3px; padding: 0 2px; }
.embed { display: grid; max-width: 520px; background: #2b2d31; border-left: 4px solid #1e1f22; border-radius: 4px; padding: 8px 16px 16px 12px; margin-top: 4px; }
.author { font-size: 14px; font-weight: 600; color: #f2f3f5; margin-top: 8px; }
.title { font-weight: 600; color: #f2f3f5; margin-top: 8px; }
.description { font-size: 14px; line-height: 1.375; margin-top: 8px; white-space: pre-wrap; overflow-wrap: anywhere; }
.description .blockquote { display: flex; }
.description .blockquote::before { content: ""; width: 4px; border-radius: 4px; background: #4e5058; margin-right: 8px; flex: none; }
.description code { background: #1e1f22; border-radius: 3px; padding: 0 2px; font-size: 85%; font-family: Consolas, "Noto Mono", monospace; }
.fields { display: grid; grid-template-columns: repeat(3, 1fr); gap: 8px; margin-top: 8px; }
.field { grid-column: 1 / 4; font-size: 14px; }
.field.inline { grid-column: auto; }
.field-name { font-weight: 600; color: #f2f3f5; margin-bottom: 2px; }
.field-value { white-space: pre-wrap; line-height: 1.375; }
.footer { font-size: 12px; color: #b5bac1; margin-top: 8px; }
.row { display: flex; flex-wrap: wrap; gap: 8px; margin-top: 8px; }
.button { height: 32px; padding: 0 16px; border-radius: 3px; font-size: 14px; font-weight: 500; display: flex; align-items: center; color: white; background: #4e5058; }
.button.primary { background: #5865f2; }
.button.disabled { opacity: .5; }
.select { width: 400px; height: 40px; background: #1e1f22; border-radius: 4px; display: flex; align-items: center; justify-content: space-between; padding: 0 12px; color: #949ba4; font-size: 14px; box-sizing: border-box; }
.ephemeral { font-size: 12px; color: #949ba4; margin-top: 6px; }
.ephemeral a { color: #00a8fc; }
`;

export function pageHtml(message: PreviewMessage): string {
  const { reply } = message;
  const ephemeral = ((reply.flags ?? 0) & MessageFlags.Ephemeral) !== 0;
  return `<!doctype html><html><head><meta charset="utf-8"><style>${STYLE}</style></head><body>
<div class="message" id="message">
  <div class="avatar">AQ</div>
  <div class="body">
    <div class="trigger">${escapeHtml(message.trigger)}</div>
    <div class="header"><span class="name">Article Quotes</span><span class="tag">APP</span><span class="time">Today at 12:00</span></div>
    ${reply.content ? `<div class="content">${inline(reply.content)}</div>` : ''}
    ${reply.embeds.map(embedHtml).join('\n')}
    ${reply.components.map(rowHtml).join('\n')}
    ${ephemeral ? '<div class="ephemeral">Only you can see this • <a>Dismiss message</a></div>' : ''}
  </div>
</div></body></html>`;
}

function embedHtml(embed: APIEmbed): string {
  const colour = embed.color === undefined ? '#1e1f22' : `#${embed.color.toString(16).padStart(6, '0')}`;
  const fields = (embed.fields ?? [])
    .map((f) => `<div class="field${f.inline ? ' inline' : ''}"><div class="field-name">${inline(f.name)}</div><div class="field-value">${markdown(f.value)}</div></div>`)
    .join('');
  return `<div class="embed" style="border-left-color:${colour}">
    ${embed.author ? `<div class="author">${escapeHtml(embed.author.name)}</div>` : ''}
    ${embed.title ? `<div class="title">${inline(embed.title)}</div>` : ''}
    ${embed.description ? `<div class="description">${markdown(embed.description)}</div>` : ''}
    ${fields ? `<div class="fields">${fields}</div>` : ''}
    ${embed.footer ? `<div class="footer">${escapeHtml(embed.footer.text)}</div>` : ''}
  </div>`;
}

function rowHtml(row: ReplyMessage['components'][number]): string {
  const parts = row.components.map((component) => {
    if (component.type === ComponentType.Button) {
      const primary = component.style === ButtonStyle.Primary ? ' primary' : '';
      const disabled = component.disabled ? ' disabled' : '';
      return `<div class="button${primary}${disabled}">${escapeHtml('label' in component ? (component.label ?? '') : '')}</div>`;
    }
    if (component.type === ComponentType.StringSelect) return `<div class="select"><span>${escapeHtml(component.placeholder ?? 'Make a selection')}</span><span>⌄</span></div>`;
    return '';
  });
  return `<div class="row">${parts.join('')}</div>`;
}

/** Lines, with runs of `> ` lines drawn as one block quote. */
function markdown(text: string): string {
  const out: string[] = [];
  let quote: string[] = [];
  const flush = () => {
    if (quote.length > 0) out.push(`<div class="blockquote"><div>${quote.map(inline).join('<br>')}</div></div>`);
    quote = [];
  };
  for (const line of text.split('\n')) {
    if (line.startsWith('> ')) quote.push(line.slice(2));
    else {
      flush();
      out.push(inline(line));
    }
  }
  flush();
  // Block quotes are block elements: no line break of their own after them.
  return out.join('\n').replace(/<\/div><\/div>\n/g, '</div></div>');
}

/** Escapes first (a backslash keeps the next character literal), then bold, italics, code and mentions. */
function inline(text: string): string {
  const literal: string[] = [];
  const held = text.replace(/\\([^A-Za-z0-9\s])/g, (_, char: string) => `\uE000${literal.push(char) - 1}\uE001`);
  const html = escapeHtml(held)
    .replace(/`([^`]+)`/g, '<code>$1</code>')
    .replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>')
    .replace(/(^|[^*])\*([^*\s][^*]*?)\*(?!\*)/g, '$1<em>$2</em>')
    .replace(/&lt;@!?(\d+)&gt;/g, '<span class="mention">@reader</span>');
  return html.replace(/\uE000(\d+)\uE001/g, (_, i: string) => escapeHtml(literal[Number(i)] ?? ''));
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
