import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pageHtml } from '../scripts/preview/discord-html.js';
import { replyAsText } from '../scripts/preview/discord-text.js';
import { previewReplies } from '../scripts/preview/replies.js';

/**
 * `npm run preview` without Chromium: the replies it draws are real and complete, each page holds
 * its reply, and the README's sample reply and short help are those replies, rendered as text.
 */

const replies = await previewReplies();
const byName = new Map(replies.map((r) => [r.name, r.message]));
const readme = readFileSync(join(import.meta.dirname, '..', 'README.md'), 'utf8');

/** The fenced block the README marks with `<!-- name -->` above it. */
function readmeBlock(name: string): string {
  const match = new RegExp(`<!-- ${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} -->\\n\`\`\`text\\n([\\s\\S]*?)\\n\`\`\``).exec(readme);
  if (!match?.[1]) throw new Error(`README has no block marked <!-- ${name} -->`);
  return match[1];
}

describe('GIVEN the replies npm run preview draws', () => {
  it('THEN they cover every reply the issue lists: venues, Zakharova, who is Peskov, Merkel, Trump and Xi, /speakers, /topics, /about, help, a DM', () => {
    for (const name of ['ask-venues', 'ask-zakharova', 'ask-who-is-peskov', 'ask-merkel', 'ask-trump-xi', 'speakers', 'topics', 'about', 'help', 'dm-question', 'dm-hi', 'mention-empty']) {
      expect(byName.has(name), name).toBe(true);
    }
  });

  it('THEN each page shows its reply: every embed title, author and footer, and every button label', () => {
    for (const { name, message } of replies) {
      const html = pageHtml(message);
      for (const embed of message.reply.embeds) {
        for (const text of [embed.author?.name, embed.footer?.text]) if (text) expect(html, name).toContain(text.replace(/&/g, '&amp;').replace(/</g, '&lt;'));
      }
      for (const row of message.reply.components) {
        for (const c of row.components) if ('label' in c && c.label) expect(html, name).toContain(c.label.replace(/&/g, '&amp;').replace(/</g, '&lt;'));
      }
    }
  });
});

describe('GIVEN the README', () => {
  it('THEN its sample reply is /ask question: who spoke about venues? exactly as the bot renders it', () => {
    const venues = byName.get('ask-venues');
    if (!venues) throw new Error('no venues reply');
    expect(readmeBlock('reply: /ask who spoke about venues?')).toBe(replyAsText(venues.reply));
  });

  it('THEN its short help is what an empty mention of the bot gets', () => {
    const help = byName.get('mention-empty');
    if (!help) throw new Error('no help reply');
    expect(readmeBlock('reply: @mention')).toBe(replyAsText(help.reply));
  });
});
