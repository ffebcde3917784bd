import { describe, expect, it } from 'vitest';
import { MessageFlags } from 'discord.js';
import { renderArticlePreview, renderServerArticles } from '../../src/discord/render.js';
import { problemsWith } from '../reliability/discord-limits.js';
import { isShownArticleText } from '../support/shown-quote.js';
import { writtenArticle } from '../support/written-article.js';

/** The preview `/article add` shows must fit Discord whatever the article holds, ping no one, and quote it verbatim. */

const huge = writtenArticle({
  id: 'a'.repeat(90),
  title: `A title far longer than Discord allows ${'and longer '.repeat(40)}`,
  source: `@everyone ${'The Very Long Gazette '.repeat(20)}`,
  people: Array.from({ length: 40 }, (_, i) => ({ id: `person-${i}`, name: `Person ${i} <@&123456789012345678>`, role: `spokesperson for the **department** number ${i} ${'x'.repeat(200)}` })),
  paragraphs: Array.from({ length: 40 }, (_, i) => {
    const words = `@everyone look at https://example.com/${i} — ${'a long sentence of **markdown** and _words_ '.repeat(30)}`;
    return { text: `Person ${i} said: "${words}"`, quotes: [{ speaker: `person-${i}`, words }] };
  }),
});

/** The block-quoted lines, un-escaped, without the cut mark. */
function quoted(description: string): string[] {
  return description
    .split('\n')
    .filter((line) => line.startsWith('> '))
    .map((line) => line.slice(2).replace(/\\([*_~`|>#\-[\]()\\:])/g, '$1').replace(/@\u200b/g, '@').replace(/:\u200b\/\//g, '://').replace(/…$/, ''));
}

describe('GIVEN an article with many speakers and long, markdown-laden quotes', () => {
  it.each([
    ['waiting for Add', { state: 'staged', add: `article:add:${'k'.repeat(36)}`, cancel: `article:cancel:${'k'.repeat(36)}` }],
    ['added', { state: 'added' }],
  ] as const)('WHEN the preview is %s THEN it fits Discord, is private, pings no one and quotes the article verbatim', (_state, state) => {
    const reply = renderArticlePreview(huge.article, state);
    expect(problemsWith(reply)).toEqual([]);
    expect(reply.flags).toBe(MessageFlags.Ephemeral);
    const embed = reply.embeds[0];
    const lines = quoted(embed?.description ?? '');
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(isShownArticleText(line, [huge.text]), line).toBe(true);
    expect(embed?.description).not.toMatch(/@everyone|<@&/);
    expect(embed?.description).toContain('…and 30 more');
    expect(reply.components.length).toBe(state.state === 'staged' ? 1 : 0);
  });

  it('WHEN a server lists hundreds of its articles THEN the list fits Discord too', () => {
    const reply = renderServerArticles(Array.from({ length: 300 }, () => huge.article));
    expect(problemsWith(reply)).toEqual([]);
    expect(reply.flags).toBe(MessageFlags.Ephemeral);
  });
});
