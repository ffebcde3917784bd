import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, onTestFinished, vi } from 'vitest';
import { BUNDLED_ARTICLES_DIR } from '../../src/data/load.js';
import { slashCommand, startFakeDiscord, type FakeDiscord } from '../fake-discord/index.js';
import { descriptionOf, msg, spawnBot, type BotProcess, PROCESS_START_MS } from './helpers.js';

// Each test starts a real process, which opens its database: seconds on a busy machine.
vi.setConfig({ testTimeout: 2 * PROCESS_START_MS });

/** These tests run the real bot process, `node --import tsx src/index.ts`, against the fake Discord. */

const CALLBACK = 'POST /interactions/:id/:token/callback';
const ARTICLE = 'russia-ukraine-negotiations';
const dirs: string[] = [];

/** A fake Discord and a bot process for one test, both gone when the test ends. */
async function launch(env: Record<string, string> = {}, token?: (fake: FakeDiscord) => string): Promise<{ fake: FakeDiscord; bot: BotProcess }> {
  const fake = await startFakeDiscord();
  const bot = spawnBot({ DISCORD_TOKEN: token ? token(fake) : fake.token, DISCORD_API_URL: fake.apiUrl, ...env });
  onTestFinished(async () => {
    await bot.stop();
    await fake.close();
  });
  return { fake, bot };
}

afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** An articles directory with the bundled article and three broken files beside it. */
function brokenArticlesDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'articles-'));
  dirs.push(dir);
  for (const ext of ['json', 'txt']) copyFileSync(join(BUNDLED_ARTICLES_DIR, `${ARTICLE}.${ext}`), join(dir, `${ARTICLE}.${ext}`));
  const json = readFileSync(join(BUNDLED_ARTICLES_DIR, `${ARTICLE}.json`), 'utf8');
  writeFileSync(join(dir, 'a-truncated.json'), json.slice(0, json.length / 2));
  const data = JSON.parse(json) as { id: string; quotes: { start: number }[] };
  writeFileSync(join(dir, 'zz-duplicate.json'), JSON.stringify(data));
  const shifted = { ...data, id: 'shifted-offsets', quotes: data.quotes.map((q, i) => (i === 1 ? { ...q, start: q.start + 1 } : q)) };
  writeFileSync(join(dir, 'b-shifted.json'), JSON.stringify(shifted));
  return dir;
}

function expectNoToken(bot: BotProcess, token: string): void {
  const all = bot.output.lines.join('');
  expect(all.length).toBeGreaterThan(0);
  expect(all).not.toContain(token);
  // Each dot-separated part is a secret too (the last is the HMAC); none may appear on its own.
  for (const part of token.split('.').filter((p) => p.length >= 20)) expect(all).not.toContain(part);
}

describe('GIVEN the real bot process', () => {
  it('WHEN article files are truncated, duplicated or have wrong offsets THEN each is reported at start-up (file, field, problem) and the valid article is served', async () => {
    const { fake, bot } = await launch({ ARTICLES_DIR: brokenArticlesDir() });
    await bot.output.waitFor(msg('bot ready'), { what: 'bot ready', timeoutMs: PROCESS_START_MS });
    const skipped = bot.output.parsed().filter((l) => String(l['msg']).startsWith('skipped article file'));
    expect(skipped.map((l) => [String(l['file']).split('/').pop(), l['field']])).toEqual([
      ['a-truncated.json', '(file)'],
      ['b-shifted.json', 'quotes[1].text'],
      ['zz-duplicate.json', 'id'],
    ]);
    expect(skipped.map((l) => l['problem'])).toEqual([expect.stringContaining('is not valid JSON'), expect.stringContaining('is not the article text at'), expect.stringContaining('is already used by')]);
    expect(bot.output.parsed().find((l) => l['msg'] === 'knowledge base loaded')).toMatchObject({ articles: 1, skipped: 3 });
    const handle = fake.sendInteraction(slashCommand('ask', { question: 'who spoke about venues?' }));
    expect(descriptionOf((await handle.waitForCallback()).data)).toContain('Polishchuk');
  });

  it('WHEN there is no valid article THEN it refuses to start with a clear message and exits 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'articles-'));
    dirs.push(dir);
    writeFileSync(join(dir, 'broken.json'), '{"format": 1, "id": ');
    const { bot } = await launch({ ARTICLES_DIR: dir });
    expect((await bot.exited).code).toBe(1);
    const fatal = bot.output.parsed().find((l) => l['level'] === 60);
    expect(fatal?.['msg']).toBe(`could not start the bot: no valid article in ${dir}; fix the files reported above or set ARTICLES_DIR`);
    expect(bot.output.lines.some((l) => l.includes('broken.json') && l.includes('is not valid JSON'))).toBe(true);
  });

  it('WHEN Discord rejects the token at start-up (REST 401) THEN it exits 1 saying so, and the token is never printed', async () => {
    const wrongToken = (fake: FakeDiscord) => `${fake.token.split('.')[0]}.AAAAAA.${'x'.repeat(38)}`;
    const { fake, bot } = await launch({ LOG_LEVEL: 'trace' }, wrongToken);
    const wrong = wrongToken(fake);
    expect((await bot.exited).code).toBe(1);
    expect(bot.output.lines.join('')).toContain('Discord rejected the bot token (401 Unauthorized); reset it in Developer Portal → Bot and update DISCORD_TOKEN');
    expectNoToken(bot, wrong);
  });

  it('WHEN handlers, REST and discord.js itself fail (malformed payloads, 500s, a 401 quoting the token) THEN it keeps answering, never prints the token, and on a gateway 4004 exits 1 saying why', async () => {
    const { fake, bot } = await launch({ LOG_LEVEL: 'trace' });
    await bot.output.waitFor(msg('bot ready'), { what: 'bot ready', timeoutMs: PROCESS_START_MS });

    // Payloads discord.js's own handlers choke on, before ours run: a command without data, a message without an author.
    fake.dispatch('INTERACTION_CREATE', { id: '1', type: 2, application_id: fake.applicationId, token: 'x', version: 1 });
    fake.dispatch('MESSAGE_CREATE', { id: '2', channel_id: fake.channel.id, content: 'hi' });
    await bot.output.waitFor((l) => l.includes('"msg":"interaction"') && l.includes('"interaction":"1"'), { what: 'the malformed interaction to be handled' });
    // A reply that fails on every retry, and a DM reply refused with a 401 whose message quotes the token.
    fake.failNext(CALLBACK, { status: 500 }, { times: 4 });
    const failed = fake.sendInteraction(slashCommand('ask', { question: 'who is peskov' }));
    expect(descriptionOf((await failed.waitForCallback()).data)).toContain(`ref \`${failed.id}\``);
    fake.failNext('POST /channels/:id/messages', { status: 401, message: `401: Unauthorized (token ${fake.token})` });
    const dm = fake.sendMessage({ content: 'who is peskov', dm: true });
    await bot.output.waitFor((l) => l.includes('could not answer a message') && l.includes(dm.message.id), { what: 'the 401 log line' });

    const next = fake.sendInteraction(slashCommand('ask', { question: 'what did trump say' }));
    expect(descriptionOf((await next.waitForCallback()).data)).toContain('Donald Trump');
    expect(bot.child.exitCode).toBeNull();

    // discord.js's own handler threw on the malformed command: logged as a stray rejection, and the process lived on.
    expect(bot.output.lines.some((l) => l.includes('unhandled rejection (kept running)') && l.includes('InteractionCreate'))).toBe(true);
    await fake.dropConnections(4004);
    expect((await bot.exited).code).toBe(1);
    expect(bot.output.parsed().find((l) => l['level'] === 60)?.['msg']).toBe(
      'gateway closed for good: Discord rejected the bot token (authentication failed); reset it in Developer Portal → Bot and update DISCORD_TOKEN',
    );
    expect(bot.output.lines.join('')).toContain('[REDACTED]');
    expectNoToken(bot, fake.token);
  });
});

describe('GIVEN SIGTERM while an interaction is in flight', () => {
  it('THEN the in-flight reply is delivered, a new interaction is refused with a notice, and the process exits 0 promptly', async () => {
    const { fake, bot } = await launch();
    await bot.output.waitFor(msg('bot ready'), { what: 'bot ready', timeoutMs: PROCESS_START_MS });
    fake.failNext(CALLBACK, { delayMs: 1500 }); // keeps the first reply in flight
    const inFlight = fake.sendInteraction(slashCommand('ask', { question: 'who spoke about venues?' }));
    await bot.output.waitFor((l) => l.includes('interaction received') && l.includes(inFlight.id), { what: 'the bot to receive the interaction' });

    const signalled = performance.now();
    bot.child.kill('SIGTERM');
    await bot.output.waitFor(msg('shutting down'), { what: 'shutting down' });
    const late = fake.sendInteraction(slashCommand('ask', { question: 'who is peskov' }));
    expect(descriptionOf((await late.waitForCallback()).data)).toBe('I am restarting right now; please ask again in a few seconds.');
    expect(descriptionOf((await inFlight.waitForCallback()).data)).toContain('Polishchuk');

    expect(await bot.exited).toEqual({ code: 0, signal: null });
    expect(performance.now() - signalled).toBeLessThan(5_000);
    expect(bot.output.lines.some(msg('bot stopped'))).toBe(true);
  });

  it('THEN a DM and a mention sent while it stops get the restarting notice, not silence', async () => {
    const { fake, bot } = await launch();
    await bot.output.waitFor(msg('bot ready'), { what: 'bot ready', timeoutMs: PROCESS_START_MS });
    fake.failNext(CALLBACK, { delayMs: 1500 }); // keeps the process stopping while the messages arrive
    const inFlight = fake.sendInteraction(slashCommand('ask', { question: 'who spoke about venues?' }));
    await bot.output.waitFor((l) => l.includes('interaction received') && l.includes(inFlight.id), { what: 'the bot to receive the interaction' });
    bot.child.kill('SIGTERM');
    await bot.output.waitFor(msg('shutting down'), { what: 'shutting down' });
    const since = fake.checkpoint();
    const dm = fake.sendMessage({ content: 'who is peskov', dm: true });
    const mention = fake.sendMessage({ content: `<@${fake.botUser.id}> who is peskov`, mentions: [fake.botUser] });
    const [dmReply, mentionReply] = await Promise.all([
      fake.waitForBotMessage({ channelId: dm.message.channel_id, since }),
      fake.waitForBotMessage({ channelId: mention.message.channel_id, since }),
    ]);
    expect(descriptionOf(dmReply.body)).toBe('I am restarting right now; please ask again in a few seconds.');
    expect(descriptionOf(mentionReply.body)).toBe('I am restarting right now; please ask again in a few seconds.');
    expect(descriptionOf((await inFlight.waitForCallback()).data)).toContain('Polishchuk');
    expect(await bot.exited).toEqual({ code: 0, signal: null });
  });

  it('WHEN a reply hangs past SHUTDOWN_TIMEOUT_SECONDS THEN the process still exits (1), saying why', async () => {
    const { fake, bot } = await launch({ SHUTDOWN_TIMEOUT_SECONDS: '1' });
    await bot.output.waitFor(msg('bot ready'), { what: 'bot ready', timeoutMs: PROCESS_START_MS });
    fake.failNext(CALLBACK, { delayMs: 8_000 });
    const hung = fake.sendInteraction(slashCommand('ask', { question: 'who is peskov' }));
    await bot.output.waitFor((l) => l.includes('interaction received') && l.includes(hung.id), { what: 'the bot to receive the interaction' });
    const signalled = performance.now();
    bot.child.kill('SIGTERM');
    expect((await bot.exited).code).toBe(1);
    expect(performance.now() - signalled).toBeLessThan(6_000); // well before the hung reply would have finished
    expect(bot.output.lines.some(msg('in-flight replies did not finish in time'))).toBe(true);
  });
});
