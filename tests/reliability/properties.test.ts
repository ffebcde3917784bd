import { isShownArticleText } from '../support/shown-quote.js';
import { commandSet } from '../../src/commands/index.js';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { GatewayMessageCreateDispatchData } from 'discord.js';
import { answerMessage } from '../../src/discord/messages.js';
import { renderAnswer, shownItems, type ReplyMessage } from '../../src/discord/render.js';
import type { AnswerView } from '../../src/discord/custom-ids.js';
import { MAX_FUZZY_CANDIDATES, examinedSoFar } from '../../src/engine/limits.js';
import { articles, realEngine } from './helpers.js';
import { problemsWith, quotedLines } from './discord-limits.js';

/** Runs per property; RELIABILITY.md reports their sum. */
export const PROPERTY_RUNS = { mixed: 1000, raw: 300, messages: 500 };
/** What the runs covered, so a generator that stopped producing answers would be noticed. */
const seen = { questions: 0, pages: 0, quotes: 0, longest: 0 };
/** The engine's work budget per question (vocabulary words compared, as tests/engine/bounded-work checks); its time is the bench's to measure. */
const WORK_BUDGET = 12 * MAX_FUZZY_CANDIDATES;
const MAX_QUESTION = 10_000;

const NASTY = [
  '@everyone', '@here', '<@&123456789012345678>', '<@123456789012345678>', '<@!123456789012345678>', '<#123456789012345678>',
  '\u200b', '\u200d', '\u2060', '\ufeff', '\u202e', '\u202d', '\u2066', 'مرحبا بالعالم', 'שלום', '👨‍👩‍👧‍👦', '🏳️‍🌈', '🇺🇦', 'e\u0301',
  '**', '__', '~~', '||spoiler||', '`code`', '```js\nx\n```', '> quote', '# heading', '[link](https://example.com)', '\\', '\u0000', '\u0007', '\u001b[31m', '\r\n', '\t',
  '\ud800', '\udfff', // lone surrogates
];
const WORDS = ['who', 'said', 'what', 'did', 'say', 'about', 'venues', 'peskov', 'zakharova', 'zaharova', 'trump', 'belarus', 'negotiations', 'is', 'the', 'article', 'when', 'where', 'why', '"we have no shortage"', '?'];

/** Questions built from nasty fragments, real question words and random Unicode, up to 10,000 characters. */
const fragment = fc.oneof(fc.constantFrom(...NASTY), fc.constantFrom(...WORDS), fc.string({ unit: 'grapheme', maxLength: 20 }), fc.string({ unit: 'binary', maxLength: 20 }));
const REAL = ['who spoke about venues?', 'what did Zakharova say?', 'who is quoted in the article?', 'what did Peskov say about legitimacy?', 'who mentioned Belarus?', 'what did trump say'];
// fast-check favours short values; the second arm forces long questions (1,000 fragments and more) into every run,
// and the third wraps questions the article answers in hostile text, so the verbatim check has quotes to check.
const question = fc
  .oneof(
    fc.array(fragment, { maxLength: 40 }),
    fc.array(fragment, { minLength: 1000, maxLength: 2000 }),
    fc.tuple(fc.array(fragment, { maxLength: 5 }), fc.constantFrom(...REAL), fc.array(fragment, { maxLength: 5 })).map(([before, real, after]) => [...before, real, ...after]),
  )
  .map((parts) => parts.join(' ').slice(0, MAX_QUESTION));
const rawQuestion = fc.oneof(fc.string({ unit: 'binary', maxLength: MAX_QUESTION }), fc.string({ unit: 'binary', minLength: 5_000, maxLength: MAX_QUESTION }));

const texts = articles.map((a) => a.text);
/** Article text, but for a quotation mark the reply may add at either end to balance one the quoted span cuts through. */
const isArticleText = (line: string) => line === '' || isShownArticleText(line, texts);

/** Every page of the answer, as the buttons would show it. */
function everyPage(q: string): ReplyMessage[] {
  const before = examinedSoFar();
  const answer = realEngine.answer(q);
  expect(examinedSoFar() - before, `work for a ${q.length}-character question`).toBeLessThanOrEqual(WORK_BUDGET);
  const view: AnswerView = { kind: 'ask', question: q };
  const first = renderAnswer(answer, { page: 0, view, ephemeral: true });
  const pages = Math.max(1, Math.ceil(shownItems(answer.items).length / 3));
  return [first, ...Array.from({ length: pages - 1 }, (_, i) => renderAnswer(answer, { page: i + 1, view, ephemeral: i % 2 === 0 }))];
}

function checkReplies(q: string): void {
  seen.questions += 1;
  seen.longest = Math.max(seen.longest, q.length);
  for (const page of everyPage(q)) {
    seen.pages += 1;
    expect(problemsWith(page)).toEqual([]);
    for (const line of quotedLines(page.embeds[0]?.description ?? '')) {
      seen.quotes += 1;
      expect(isArticleText(line), `not article text: ${line}`).toBe(true);
    }
  }
}

describe('GIVEN arbitrary questions (fast-check)', () => {
  it(`WHEN ${PROPERTY_RUNS.mixed} questions mix @everyone, role and user mentions, RTL, emoji, markdown, zero-width and control characters (≤ 10,000 chars) THEN the engine never throws, compares at most ${WORK_BUDGET} vocabulary words, and every page fits Discord, pings no one and quotes only article text`, () => {
    fc.assert(fc.property(question, checkReplies), { numRuns: PROPERTY_RUNS.mixed });
  });

  it(`WHEN ${PROPERTY_RUNS.raw} questions are raw random UTF-16 (lone surrogates included) up to 10,000 chars THEN the same holds`, () => {
    fc.assert(fc.property(rawQuestion, checkReplies), { numRuns: PROPERTY_RUNS.raw });
  });

  it('THEN the runs really covered long questions, many pages and many quotes (the checks had something to check)', () => {
    expect(seen.questions).toBe(PROPERTY_RUNS.mixed + PROPERTY_RUNS.raw);
    expect(seen.longest).toBeGreaterThan(5_000);
    expect(seen.pages).toBeGreaterThan(seen.questions);
    expect(seen.quotes).toBeGreaterThan(100);
  });

  it('THEN the checker itself catches a live mention, a broken limit and a non-verbatim quote (negative controls)', () => {
    const message = (description: string) => ({ embeds: [{ description }], components: [], allowed_mentions: { parse: [] } });
    expect(problemsWith(message('hi @everyone'))).not.toEqual([]);
    expect(problemsWith(message('<@&123456789012345678>'))).not.toEqual([]);
    expect(problemsWith(message('x'.repeat(4097)))).not.toEqual([]);
    expect(problemsWith({ ...message('ok'), allowed_mentions: { parse: ['everyone'] } })).not.toEqual([]);
    expect(problemsWith(message('@\u200beveryone'))).toEqual([]);
    expect(quotedLines('> invented words').every(isArticleText)).toBe(false);
  });

  it(`WHEN ${PROPERTY_RUNS.messages} such DMs and mentions arrive THEN each reply (or refusal) fits Discord, pings no one, and never pings the author`, () => {
    const botId = '900000000000000009';
    fc.assert(
      fc.property(question, fc.boolean(), (content, inGuild) => {
        const message = {
          id: '1',
          channel_id: '2',
          ...(inGuild ? { guild_id: '3' } : {}),
          content: inGuild ? `<@${botId}> ${content}` : content,
          author: { id: '4', username: 'u', discriminator: '0', global_name: null, avatar: null },
          mentions: inGuild ? [{ id: botId, username: 'bot', discriminator: '0', global_name: null, avatar: null }] : [],
        } as unknown as GatewayMessageCreateDispatchData;
        const reply = answerMessage(message, botId, { engine: realEngine, articles, commands: commandSet() });
        if (!reply) return; // blank after removing the mention: nothing to answer
        expect(reply.allowed_mentions).toEqual({ parse: [], replied_user: false });
        expect(problemsWith(reply)).toEqual([]);
      }),
      { numRuns: PROPERTY_RUNS.messages },
    );
  });
});
