import { generateKeyPairSync } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { APIEmbed } from 'discord.js';
import { BUNDLED_ARTICLES_DIR } from '../src/data/load.js';
import { autocomplete, button, slashCommand, startFakeDiscord, type FakeDiscord } from './fake-discord/index.js';
import { msg, spawnBot, spawnEntry, type BotProcess } from './reliability/helpers.js';
import { TRAM_ID, TRAM_QUESTION, TRAM_SPEAKER, TRAM_V1, TRAM_V2 } from './support/reload-articles.js';
import { runCli } from './support/run-cli.js';
import { buttons, citations, quotedPassages, textOf, viaGateway, viaHttp, type Reply, type Surface } from './support/surfaces.js';

/**
 * The README's "Adding, changing and removing articles while the bot runs", as an admin does it:
 * the gateway bot (`src/index.ts`) and the HTTP endpoint (`src/serve-http.ts`) run as real
 * processes on one ARTICLES_DIR, and `npm run ingest` writes into it. Each step waits for the
 * reload line of both processes (at most 5 s), never for a fixed time.
 */

const SEED = 'russia-ukraine-negotiations';
const work = mkdtempSync(join(tmpdir(), 'reload-e2e-'));
const articlesDir = join(work, 'articles');
const { publicKey, privateKey } = generateKeyPairSync('ed25519');
const publicKeyHex = publicKey.export({ format: 'der', type: 'spki' }).subarray(12).toString('hex');

let fake: FakeDiscord;
let bot: BotProcess;
let http: BotProcess;
let surfaces: Surface[] = [];
const processes = () => [bot, http];

beforeAll(async () => {
  mkdirSync(articlesDir);
  for (const ext of ['json', 'txt']) copyFileSync(join(BUNDLED_ARTICLES_DIR, `${SEED}.${ext}`), join(articlesDir, `${SEED}.${ext}`));
  fake = await startFakeDiscord();
  // Not rate limited: the test asks many questions in a row. No periodic rescan: on a busy machine it
  // can see the new files before the watcher's quiet period ends, and these steps are the watcher's
  // (the rescan has its own tests in tests/knowledge/directory-reloader.test.ts).
  const env = { ARTICLES_DIR: articlesDir, RATE_LIMIT_QUESTIONS: '0', ARTICLES_RESCAN_SECONDS: '0' };
  bot = spawnBot({ ...env, DISCORD_TOKEN: fake.token, DISCORD_API_URL: fake.apiUrl });
  http = spawnEntry('src/serve-http.ts', { ...env, DISCORD_PUBLIC_KEY: publicKeyHex, PORT: '0', HOST: '127.0.0.1' });
  await bot.output.waitFor(msg('bot ready'), { what: 'bot ready', timeoutMs: 20_000 });
  const listening = await http.output.waitFor(msg('interactions endpoint listening'), { what: 'the endpoint to listen', timeoutMs: 20_000 });
  const { port } = JSON.parse(listening) as { port: number };
  surfaces = [viaGateway(fake), viaHttp(() => port, privateKey)];
}, 30_000);

afterAll(async () => {
  await bot?.stop();
  await http?.stop();
  await fake?.close();
  rmSync(work, { recursive: true, force: true });
});

type ReloadLine = Record<string, unknown> & { trigger: string; generation: number; ids: { added: string[]; changed: string[]; removed: string[] } };

/** Runs `change`, then waits (at most 5 s) until both processes logged the reload that `test` recognises. */
async function afterReload(change: () => unknown, test: (line: ReloadLine) => boolean): Promise<ReloadLine[]> {
  const since = processes().map((p) => p.output.lines.length);
  await change();
  return Promise.all(
    processes().map(async (p, i) => {
      const line = await p.output.waitFor((l) => msg('knowledge base reloaded')(l) && test(JSON.parse(l) as ReloadLine), { since: since[i], timeoutMs: 5000, what: 'the reload line' });
      return JSON.parse(line) as ReloadLine;
    }),
  );
}

async function ingest(text: string, force = false): Promise<void> {
  const file = join(work, `${TRAM_ID}.txt`);
  writeFileSync(file, text);
  const run = await runCli('ingest', [file, '--id', TRAM_ID, ...(force ? ['--force'] : [])], { env: { ARTICLES_DIR: articlesDir } });
  expect(run.code, run.stderr).toBe(0);
}

const ask = (surface: Surface, question: string) => surface.send(slashCommand('ask', { question }));

/** The gateway bot's reply to a DM: its first embed's text, and the quotes it shows. */
async function askByDm(question: string): Promise<{ text: string; passages: string[] }> {
  const since = fake.checkpoint();
  const sent = fake.sendMessage({ content: question, dm: true });
  const reply = await fake.waitForBotMessage({ channelId: sent.message.channel_id, since });
  const embeds = (reply.body as { embeds?: APIEmbed[] }).embeds ?? [];
  return { text: JSON.stringify(embeds), passages: quotedPassages({ data: { embeds } }) };
}
const tramCitations = (reply: Reply) => citations(reply).filter((c) => c.article === TRAM_ID);

/** A reply that cites the tram article, every quote of it verbatim in `version`'s text. */
function expectAnsweredFrom(reply: Reply, version: { text: string; quoted: string }): void {
  const cited = tramCitations(reply);
  expect(cited.length).toBeGreaterThan(0);
  for (const { start, end } of cited) expect(version.text.slice(start, end).length).toBe(end - start);
  const passages = quotedPassages(reply);
  expect(passages.length).toBeGreaterThan(0);
  for (const passage of passages) expect(version.text).toContain(passage);
  expect(passages.join(' ')).toContain(version.quoted);
}

/** Remembered between steps: a reply from the first version, whose buttons are pressed after the article changes and goes. */
const earlier = new Map<string, Reply>();

describe('GIVEN the gateway bot and the HTTP endpoint running on one ARTICLES_DIR', () => {
  it('WHEN asked about an article not yet added THEN both decline (no quote cited)', async () => {
    for (const surface of surfaces) {
      const reply = await ask(surface, TRAM_QUESTION);
      expect(citations(reply), surface.name).toEqual([]);
      expect(textOf(reply)).not.toContain(TRAM_V1.quoted);
    }
  });

  it('WHEN the article is ingested with npm run ingest THEN both reload it within 5 s and answer from it', async () => {
    const lines = await afterReload(() => ingest(TRAM_V1.text), (l) => l.ids.added.includes(TRAM_ID));
    for (const line of lines) expect(line).toMatchObject({ trigger: 'change', generation: 2, articles: 2, added: 1, changed: 0, removed: 0, rejected: 0 });
    for (const surface of surfaces) {
      const reply = await ask(surface, TRAM_QUESTION);
      expectAnsweredFrom(reply, TRAM_V1);
      earlier.set(surface.name, reply);
    }
    // A DM to the gateway bot is answered from it too.
    const dm = await askByDm(TRAM_QUESTION);
    expect(dm.passages.join(' ')).toContain(TRAM_V1.quoted);
    for (const passage of dm.passages) expect(TRAM_V1.text).toContain(passage);
    // Nothing was caught half-written and reported on the way.
    for (const p of processes()) expect(p.output.count((l) => l.includes('skipped article file'))).toBe(0);
  });

  it('WHEN it is ingested again with --force and changed text THEN both cite the new text, and a button from before does not show the old passage', async () => {
    const lines = await afterReload(() => ingest(TRAM_V2.text, true), (l) => l.ids.changed.includes(TRAM_ID));
    for (const line of lines) expect(line).toMatchObject({ generation: 3, articles: 2, added: 0, changed: 1, removed: 0 });
    for (const surface of surfaces) {
      const reply = await ask(surface, TRAM_QUESTION);
      expectAnsweredFrom(reply, TRAM_V2);
      expect(textOf(reply)).not.toContain(TRAM_V1.quoted);
      // "Show in context" on the answer from the first version: its offsets no longer hold that quote.
      const before = earlier.get(surface.name) as Reply;
      const context = buttons(before).find((b) => b.customId.startsWith('ctx:') && b.customId.includes(TRAM_ID));
      const shown = await surface.send(button(context?.customId ?? '', before.message));
      expect(textOf(shown)).not.toContain(TRAM_V1.quoted);
      expect(textOf(shown)).toContain('has changed since');
    }
    for (const p of processes()) expect(p.output.count((l) => l.includes('skipped article file'))).toBe(0);
  });

  it('WHEN its files are removed THEN both decline again, and no command, autocomplete or button of either shows it', async () => {
    await afterReload(
      () => {
        rmSync(join(articlesDir, `${TRAM_ID}.json`));
        rmSync(join(articlesDir, `${TRAM_ID}.txt`));
      },
      (l) => l.ids.removed.includes(TRAM_ID),
    );
    for (const surface of surfaces) {
      const declined = await ask(surface, TRAM_QUESTION);
      expect(citations(declined), surface.name).toEqual([]);
      expect(textOf(declined)).not.toContain('crowns');
      if (surface.name === 'gateway bot') expect((await askByDm(TRAM_QUESTION)).text).not.toContain('crowns');
      for (const command of ['speakers', 'topics', 'about']) expect(textOf(await surface.send(slashCommand(command))), `/${command}`).not.toMatch(/Solberg|Velmora/);
      const typed = await surface.send(autocomplete('ask', { question: 'fares', article: 'velmora' }, 'article'));
      expect((typed.data.choices ?? []).map((c) => c.value)).not.toContain(TRAM_ID);
      const speaker = await surface.send(autocomplete('quotes', { speaker: 'solberg' }, 'speaker'));
      expect(textOf(speaker)).not.toContain(TRAM_SPEAKER);
      expect(textOf(await surface.send(slashCommand('quotes', { speaker: 'ingrid-solberg' })))).not.toContain('crowns');
      // Buttons on an answer given while it was there.
      const before = earlier.get(surface.name) as Reply;
      expect(buttons(before).map((b) => b.customId.split(':')[0])).toEqual(expect.arrayContaining(['post', 'ctx']));
      for (const { label, customId } of buttons(before)) {
        const pressed = await surface.send(button(customId, before.message));
        expect(tramCitations(pressed), label).toEqual([]);
        expect(textOf(pressed), label).not.toContain('crowns');
        if (customId.startsWith('ctx:')) expect(textOf(pressed)).toContain('no longer in the knowledge base');
      }
    }
  });

  it('WHEN a malformed file is written THEN each process reports it once (file, field, problem) and keeps answering from the others', async () => {
    const lines = await afterReload(() => writeFileSync(join(articlesDir, 'broken.json'), '{"format": 1, "id": '), (l) => l['rejected'] === 1);
    for (const line of lines) expect(line).toMatchObject({ generation: 4, added: 0, removed: 0 });
    const reported = (p: BotProcess) => p.output.parsed().filter((l) => String(l['msg']).startsWith('skipped article file') && String(l['file']).endsWith('broken.json'));
    for (const p of processes()) expect(reported(p)).toEqual([expect.objectContaining({ level: 50, field: '(file)', problem: expect.stringContaining('is not valid JSON') })]);
    for (const surface of surfaces) expect(textOf(await ask(surface, 'who spoke about venues?'))).toContain('Polishchuk');

    // Later reloads do not report it again: the article added back is answered, the broken file stays one line.
    await afterReload(() => ingest(TRAM_V1.text), (l) => l.ids.added.includes(TRAM_ID));
    for (const surface of surfaces) expectAnsweredFrom(await ask(surface, TRAM_QUESTION), TRAM_V1);
    for (const p of processes()) expect(reported(p)).toHaveLength(1);
  });

  it('WHEN SIGHUP is sent THEN each process reads every file again, says so in one line, reports the broken file again and keeps serving', async () => {
    const lines = await afterReload(
      () => processes().forEach((p) => p.child.kill('SIGHUP')),
      (l) => l.trigger === 'SIGHUP',
    );
    for (const line of lines) expect(line).toMatchObject({ generation: 5, articles: 2, added: 0, changed: 0, removed: 0, rejected: 1, read: 3 });
    for (const p of processes()) expect(p.child.exitCode).toBeNull();
    for (const surface of surfaces) expectAnsweredFrom(await ask(surface, TRAM_QUESTION), TRAM_V1);
  });
});
