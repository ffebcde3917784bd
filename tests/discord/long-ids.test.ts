import { commandSet } from '../../src/commands/index.js';
import { ComponentType, type APIButtonComponent } from 'discord.js';
import { describe, expect, it } from 'vitest';
import type { ReplyMessage } from '../../src/discord/render.js';
import { createAnswerEngine } from '../../src/engine/index.js';
import { writtenArticle } from '../support/written-article.js';
import { click, description, footer, message, reply, run, slash } from './interaction-kit.js';

/**
 * Article, speaker and topic ids are valid at any length. A reply's buttons must work for every
 * one of them: paging reaches every quote, and "Show in context" opens each one.
 */

const ARTICLE = `harbour-authority-report-on-the-winter-closure-of-the-northern-quay-and-the-ferry-services`;
const SPEAKER = 'captain-sara-lind-harbour-master-of-the-northern-quay-authority';
const TOPIC = 'the-winter-closure-of-the-northern-quay-and-what-it-means-for-ferries';
const QUOTES = Array.from({ length: 7 }, (_, i) => `The quay will reopen in week ${i + 10} of the year`);

const written = writtenArticle({
  id: ARTICLE,
  title: 'Northern quay to close for the winter',
  people: [{ id: SPEAKER, name: 'Sara Lind', role: 'harbour master' }],
  topics: [{ id: TOPIC, label: 'The winter closure', keywords: ['closure', 'quay'] }],
  paragraphs: QUOTES.map((words) => ({ text: `“${words},” Sara Lind said of the closure.`, quotes: [{ speaker: SPEAKER, words, topics: [TOPIC] }] })),
});
const engine = createAnswerEngine([written.article]);
const deps = { engine, articles: [written.article], commands: commandSet() };

function buttons(m: ReplyMessage): { label: string; custom_id: string }[] {
  return m.components.flatMap((row) =>
    row.components.flatMap((c) => {
      if (c.type !== ComponentType.Button) return [];
      const b: APIButtonComponent = c;
      return 'custom_id' in b ? [{ label: b.label ?? '', custom_id: b.custom_id }] : [];
    }),
  );
}

function idOf(m: ReplyMessage, label: string): string {
  const found = buttons(m).find((b) => b.label.startsWith(label));
  if (!found) throw new Error(`no "${label}" button among ${JSON.stringify(buttons(m).map((b) => b.label))}`);
  return found.custom_id;
}

/** Every quote reached by pressing More from the first page to the last. */
async function pageThrough(first: ReplyMessage): Promise<string[]> {
  const seen: string[] = [];
  let page = first;
  for (let i = 0; i < 5; i++) {
    seen.push(...QUOTES.filter((q) => description(page).includes(q)));
    for (const b of buttons(page)) expect(b.custom_id.length).toBeLessThanOrEqual(100);
    if (!/page (\d+) of \1\b/.test(footer(page)) && footer(page).includes('page')) page = reply(await run(click(idOf(page, 'More'), message('', page)), deps)).data;
    else break;
  }
  return seen;
}

describe(`GIVEN an article id of ${ARTICLE.length} characters, a speaker id of ${SPEAKER.length} and a topic id of ${TOPIC.length}`, () => {
  it('WHEN /quotes shows the 7 quotes on the topic, in this article THEN the reply pages (3 pages, with More) and every quote is reached', async () => {
    const { data } = reply(await run(slash('quotes', { speaker: SPEAKER, topic: TOPIC, article: ARTICLE }), deps));
    expect(footer(data)).toContain('page 1 of 3');
    expect(new Set(await pageThrough(data))).toEqual(new Set(QUOTES));
  });

  it('WHEN /ask is asked of this article THEN More and Post to channel are there, and paging reaches every quote', async () => {
    const { data } = reply(await run(slash('ask', { question: 'what did Sara Lind say about the closure?', article: ARTICLE }), deps));
    expect(footer(data)).toMatch(/page 1 of 3/);
    expect(idOf(data, 'Post to channel').length).toBeLessThanOrEqual(100);
    expect(new Set(await pageThrough(data))).toEqual(new Set(QUOTES));
  });

  it('WHEN "Show in context" is pressed THEN it opens the quote’s paragraph', async () => {
    const { data } = reply(await run(slash('quotes', { speaker: SPEAKER, article: ARTICLE }), deps));
    const context = reply(await run(click(idOf(data, 'Show in context'), message('', data)), deps)).data;
    expect(description(context)).toContain(`**${QUOTES[0]}**`);
  });
});
