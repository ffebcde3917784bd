import { commandSet } from '../../src/commands/index.js';
import { ChannelType, type GatewayMessageCreateDispatchData } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { answerMessage } from '../../src/discord/messages.js';
import type { ReplyMessage } from '../../src/discord/render.js';
import { bundledEngine, message, messageCommand, reply, run, slash } from './interaction-kit.js';

/**
 * Text a user typed comes back in replies ("The article doesn't quote anyone saying “…”", "There is
 * no article “…”", "No speaker matches “…”"). Whatever markdown Discord renders in it must arrive
 * inert: no link, heading, list, block quote, emphasis, code, spoiler, mention or `<…>` form.
 * Each construct is sent through every surface that echoes, and the payloads are checked.
 */

const CONSTRUCTS: Record<string, string> = {
  'masked link': '[Claim your free Nitro](https://example.invalid/login)',
  'two masked links on a line': '[one](https://one.invalid) and [two](https://two.invalid)',
  'masked link to an angle-bracketed URL': '[Claim](<https://example.invalid/x>)',
  'bare link': 'https://example.invalid/login',
  'angle-bracketed link': '<https://example.invalid/login>',
  heading: '# Free Nitro',
  'second-level heading': '## Free Nitro',
  'third-level heading': '### Free Nitro',
  subtext: '-# small print here',
  'bulleted list (-)': '- first item',
  'bulleted list (*)': '* first item',
  'numbered list': '1. first item',
  'block quote': '> quoted words',
  'multi-line block quote': '>>> quoted words',
  bold: '**bold words**',
  italics: '*italic words*',
  'underscore italics': '_italic words_',
  underline: '__underlined words__',
  strikethrough: '~~struck words~~',
  spoiler: '||hidden words||',
  'inline code': '`code words`',
  'code block': '```code words```',
  '@everyone': '@everyone look',
  '@here': '@here look',
  'user mention': '<@123456789012345678>',
  'role mention': '<@&123456789012345678>',
  'channel link': '<#123456789012345678>',
  'slash command mention': '</ask:123456789012345678>',
  timestamp: '<t:1700000000:R>',
  'custom emoji': '<:nitro:123456789012345678>',
  'animated emoji': '<a:nitro:123456789012345678>',
};

/** Even-length runs of backslashes before `at` leave the character there unescaped. */
function unescaped(text: string, at: number): boolean {
  let slashes = 0;
  while (at - slashes - 1 >= 0 && text[at - slashes - 1] === '\\') slashes++;
  return slashes % 2 === 0;
}

/** Constructs Discord renders only at the start of a line: typed elsewhere in a line, they are plain text. */
const LINE_START = /^(?:#|-#|- |\* |\d+\. |>)/;

/** What Discord would render in `text`, by kind; empty when everything echoed is inert. */
function liveConstructs(text: string, echoed: string): string[] {
  const found: string[] = [];
  // Escaping puts a backslash or an invisible space inside every inline construct, so it never survives as typed.
  if (!LINE_START.test(echoed) && text.toLowerCase().includes(echoed.toLowerCase())) found.push(`"${echoed}" as typed`);
  if (/^ *>/m.test(text) && LINE_START.test(echoed) && echoed.startsWith('>') && text.split('\n').some((line) => line.toLowerCase().startsWith(echoed.toLowerCase()))) found.push('block quote');
  if ([...text.matchAll(/\[[^\]\n]*\]\(\s*<?[a-z]+:/gi)].some((m) => unescaped(text, m.index))) found.push('masked link');
  if (/\b[a-z][a-z0-9+.-]*:\/\//i.test(text)) found.push('link');
  if (/^ {0,2}#{1,3} \S/m.test(text)) found.push('heading');
  if (/^ *-# \S/m.test(text)) found.push('subtext');
  if (/^ *[-*] +\S/m.test(text)) found.push('bulleted list');
  if (/^ *\d+\. +\S/m.test(text)) found.push('numbered list');
  if ([...text.matchAll(/<(?:[@#:/]|a:|t:)/g)].some((m) => unescaped(text, m.index))) found.push('<…> form');
  if (/@(?:everyone|here)/.test(text)) found.push('@everyone/@here');
  return found;
}

/** Every part of a reply where Discord renders markdown (footers and button labels do not). */
function renderedTexts(payload: Pick<ReplyMessage, 'content' | 'embeds'>): string[] {
  return [payload.content ?? '', ...payload.embeds.flatMap((e) => [e.description ?? '', ...(e.fields ?? []).map((f) => f.value)])];
}

function expectInert(payload: Pick<ReplyMessage, 'content' | 'embeds' | 'allowed_mentions'>, echoed: string, where: string): void {
  for (const text of renderedTexts(payload)) expect(liveConstructs(text, echoed), `${where}: ${JSON.stringify(text.slice(0, 200))}`).toEqual([]);
  expect(payload.allowed_mentions.parse).toEqual([]);
}

/** A DM to the bot, as the gateway delivers it (no guild). */
function dm(content: string): GatewayMessageCreateDispatchData {
  return { ...message(content), channel_type: ChannelType.DM } as GatewayMessageCreateDispatchData;
}

describe('GIVEN the detector of live markdown', () => {
  it.each(Object.entries(CONSTRUCTS))('THEN it sees the %s as typed (a control: the checks below can fail)', (_, construct) => {
    expect(liveConstructs(`x\n${construct} x`, construct).length).toBeGreaterThan(0);
  });
});

describe.each(Object.entries(CONSTRUCTS))('GIVEN a user types a %s', (_, construct) => {
  it('WHEN it is the name asked about in a public /ask THEN the reply restates it inert', async () => {
    const { data } = reply(await run(slash('ask', { question: `who is ${construct} look`, public: true })));
    expect(data.embeds[0]?.description?.toLowerCase()).toContain('look');
    expectInert(data, construct, '/ask');
  });

  it('WHEN it is an unknown article option THEN "There is no article …" echoes it inert', async () => {
    const { data } = reply(await run(slash('ask', { question: 'who is peskov', article: construct, public: true })));
    expectInert(data, construct, '/ask article');
  });

  it('WHEN it is an unknown /quotes speaker or topic THEN the notice echoes it inert', async () => {
    expectInert(reply(await run(slash('quotes', { speaker: construct }))).data, construct, '/quotes speaker');
    expectInert(reply(await run(slash('quotes', { speaker: 'zakharova', topic: construct }))).data, construct, '/quotes topic');
  });

  it('WHEN it stands on its own line of a DM or of a message asked about with "Ask the article" THEN the reply echoes it inert', async () => {
    const text = `who said "look\n${construct}\nlook"`;
    const answered = answerMessage(dm(text), '100000000000000001', { engine: bundledEngine, articles: [...bundledEngine.articles], commands: commandSet() });
    if (!answered) throw new Error('the DM was not answered');
    expectInert(answered, construct, 'DM');
    expectInert(reply(await run(messageCommand(message(text)))).data, construct, 'Ask the article');
  });
});
