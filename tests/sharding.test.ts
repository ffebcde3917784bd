import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InteractionResponseType, type APIEmbed } from 'discord.js';
import { pino } from 'pino';
import { loadShardCount } from '../src/config.js';
import { BUNDLED_ARTICLES_DIR } from '../src/data/load.js';
import { createShardFleet, recommendedShardCount, type ShardFleet } from '../src/shard-manager.js';
import { slashCommand, startFakeDiscord, type FakeDiscord, type FakeGuild } from './fake-discord/index.js';
import { LogCapture, msg } from './reliability/helpers.js';
import { TRAM_ID, TRAM_QUESTION, TRAM_V1, TRAM_V2 } from './support/reload-articles.js';
import { runCli } from './support/run-cli.js';
import { startWireServer } from './store/drivers.js';
import { citations, quotedPassages, viaGateway, type Reply } from './support/surfaces.js';

const SHARDS = 2;
const shardOf = (guildId: string) => Number((BigInt(guildId) >> 22n) % BigInt(SHARDS));
/** A snowflake whose timestamp part is one more than `guildId`'s: it lands on the next shard. */
const onNextShard = (guildId: string) => String(((BigInt(guildId) >> 22n) + 1n) << 22n);

// ShardingManager writes SHARDING_MANAGER, SHARDING_MANAGER_MODE and DISCORD_TOKEN into process.env.
const savedEnv = { ...process.env };
let fake: FakeDiscord;
let fleet: ShardFleet | undefined;
const guildByShard = new Map<number, FakeGuild>();
/** The shards' articles directory: the bundled article, and what the tests ingest while they run. */
const articlesDir = mkdtempSync(join(tmpdir(), 'sharded-articles-'));
const managerLog = new LogCapture();

/** More than one shard means more than one process: they share a Postgres (here PGlite over the wire on 127.0.0.1), as the README says. */
let wire: Awaited<ReturnType<typeof startWireServer>> | undefined;

beforeAll(async () => {
  wire = await startWireServer();
  fake = await startFakeDiscord({ shards: SHARDS, defaultTimeoutMs: 10_000 });
  const second = fake.addGuild({ id: onNextShard(fake.guild.id), name: 'Second Guild', channels: [{ name: 'general' }] });
  for (const guild of [fake.guild, second]) guildByShard.set(shardOf(guild.id), guild);

  fleet = await createShardFleet({
    token: fake.token,
    apiUrl: fake.apiUrl,
    totalShards: 'auto', // asks the fake's GET /gateway/bot, not discord.com
    file: fileURLToPath(new URL('../src/index.ts', import.meta.url)),
    execArgv: ['--import', 'tsx'],
    // No periodic rescan: the reloads tested here are the watcher's, which a rescan on a busy machine can beat.
    env: { DISCORD_CLIENT_ID: fake.applicationId, LOG_LEVEL: 'warn', ARTICLES_DIR: articlesDir, DATABASE_URL: wire.url, ARTICLES_RESCAN_SECONDS: '0' },
    spawnDelayMs: 0, // the fake does not pace IDENTIFYs; Discord does (discord.js waits 5.5 s)
    respawnDelayMs: 50,
    logger: managerLog.logger,
  });
  for (const ext of ['json', 'txt']) copyFileSync(join(BUNDLED_ARTICLES_DIR, `russia-ukraine-negotiations.${ext}`), join(articlesDir, `russia-ukraine-negotiations.${ext}`));
  await fleet.start();
}, 90_000);

afterAll(async () => {
  await fleet?.stop(5_000);
  await fake?.close();
  await wire?.stop();
  for (const key of Object.keys(process.env)) if (!(key in savedEnv)) delete process.env[key];
  Object.assign(process.env, savedEnv);
  rmSync(articlesDir, { recursive: true, force: true });
}, 15_000);

/** Waits until every shard reported a reload that `test` recognises to the manager (each watches ARTICLES_DIR on its own). */
function everyShardReloaded(test: (line: Record<string, unknown>) => boolean, since: number): Promise<Record<string, unknown>[]> {
  return Promise.all(
    [0, 1].map(async (shard) => {
      const line = await managerLog.waitFor((l) => msg('shard reloaded articles')(l) && test({ ...(JSON.parse(l) as Record<string, unknown>) }) && (JSON.parse(l) as { shard: number }).shard === shard, { since, timeoutMs: 5000, what: `shard ${shard}'s reload` });
      return JSON.parse(line) as Record<string, unknown>;
    }),
  );
}

const idsOf = (line: Record<string, unknown>) => line['ids'] as { added: string[]; changed: string[]; removed: string[] };
const askTram = (guild: FakeGuild) => viaGateway(fake).send(slashCommand('ask', { question: TRAM_QUESTION }, { guildId: guild.id }));

/** `npm run ingest` of the tram article into the shards' ARTICLES_DIR, from a file outside it. */
async function ingestTram(text: string, force = false): Promise<void> {
  const file = join(articlesDir, '..', `${TRAM_ID}-${process.pid}.txt`);
  writeFileSync(file, text);
  const run = await runCli('ingest', [file, '--id', TRAM_ID, ...(force ? ['--force'] : [])], { env: { ARTICLES_DIR: articlesDir } });
  rmSync(file);
  expect(run.code, run.stderr).toBe(0);
}

/** A reply citing the tram article, its quotes verbatim in `version`'s text and showing the words only that version has. */
function expectTramQuoted(reply: Reply, version: { text: string; quoted: string }, where: string): void {
  expect(citations(reply).map((c) => c.article), where).toContain(TRAM_ID);
  const passages = quotedPassages(reply);
  for (const passage of passages) expect(version.text, where).toContain(passage);
  expect(passages.join(' '), where).toContain(version.quoted);
}

describe('npm run start:sharded (ShardingManager)', () => {
  it('reads SHARD_COUNT as auto by default, or a number', () => {
    expect(loadShardCount({})).toBe('auto');
    expect(loadShardCount({ SHARD_COUNT: '' })).toBe('auto');
    expect(loadShardCount({ SHARD_COUNT: 'auto' })).toBe('auto');
    expect(loadShardCount({ SHARD_COUNT: '4' })).toBe(4);
    expect(() => loadShardCount({ SHARD_COUNT: '0' })).toThrow(/SHARD_COUNT/);
    expect(() => loadShardCount({ SHARD_COUNT: 'two' })).toThrow(/SHARD_COUNT/);
  });

  it("takes the recommended count from the configured REST base's GET /gateway/bot", async () => {
    expect(await recommendedShardCount(fake.token, fake.apiUrl)).toBe(SHARDS);
    expect(fleet?.totalShards).toBe(SHARDS);
    expect(fleet?.recommendedShards).toBe(SHARDS);
    expect(fake.requests.some((r) => r.method === 'GET' && r.path === '/gateway/bot' && r.auth === 'valid')).toBe(true);
  });

  it('refuses a bad token before forking any shard', async () => {
    const attempt = createShardFleet({ token: 'bad.token.value', apiUrl: fake.apiUrl, totalShards: 2, logger: pino({ level: 'silent' }) });
    await expect(attempt).rejects.toThrow(/rejected the bot token/);
  });

  it('runs one process per shard, each identifying as its own shard', async () => {
    const pids = [0, 1].map((id) => fleet?.manager.shards.get(id)?.process?.pid);
    expect(pids.every((pid) => typeof pid === 'number' && pid !== process.pid)).toBe(true);
    expect(new Set(pids).size).toBe(SHARDS);

    for (const id of [0, 1]) {
      const identify = await fake.waitForEvent('identify', (e) => e.accepted && e.shard[0] === id);
      expect(identify.shard).toEqual([id, SHARDS]);
      expect(fake.sessionIntents(id)).not.toBeNull();
    }
    const open = fake.connections().filter((c) => c.open);
    expect(open.map((c) => c.shardId).sort()).toEqual([0, 1]);
  });

  it('answers an interaction on each shard from that shard’s process', async () => {
    expect([...guildByShard.keys()].sort()).toEqual([0, 1]);
    for (const [shardId, guild] of guildByShard) {
      const handle = fake.sendInteraction(slashCommand('ask', { question: 'who spoke about venues?' }, { guildId: guild.id }));
      expect(handle.dispatch.shardId).toBe(shardId);
      expect(handle.dispatch.status).toBe('sent');
      const callback = await handle.waitForCallback();
      expect(callback.callbackType).toBe(InteractionResponseType.ChannelMessageWithSource);
      const embed = ((callback.data as { embeds?: APIEmbed[] }).embeds ?? [])[0];
      expect(embed?.description).toContain('Alexei Polishchuk');
    }
  });

  it('every shard declines a question about an article not yet added', async () => {
    for (const [shardId, guild] of guildByShard) expect(citations(await askTram(guild)), `shard ${shardId}`).toEqual([]);
  });

  it('every shard picks up an article ingested while it runs, and answers from it', async () => {
    const since = managerLog.lines.length;
    await ingestTram(TRAM_V1.text);
    const lines = await everyShardReloaded((l) => idsOf(l).added.includes(TRAM_ID), since);
    for (const line of lines) expect(line).toMatchObject({ trigger: 'change', generation: 2, articles: 2, added: 1 });
    for (const [shardId, guild] of guildByShard) expectTramQuoted(await askTram(guild), TRAM_V1, `shard ${shardId}`);
  });

  it('SIGHUP to the manager (fleet.reload) makes every shard read its articles again', async () => {
    const since = managerLog.lines.length;
    fleet?.reload();
    const lines = await everyShardReloaded((l) => l['trigger'] === 'SIGHUP', since);
    for (const line of lines) expect(line).toMatchObject({ generation: 2, articles: 2, read: 2, added: 0, changed: 0, removed: 0 });
  });

  it('every shard picks up the article re-ingested with --force and cites its new text', async () => {
    const since = managerLog.lines.length;
    await ingestTram(TRAM_V2.text, true);
    const lines = await everyShardReloaded((l) => idsOf(l).changed.includes(TRAM_ID), since);
    for (const line of lines) expect(line).toMatchObject({ generation: 3, articles: 2, added: 0, changed: 1, removed: 0 });
    for (const [shardId, guild] of guildByShard) {
      const reply = await askTram(guild);
      expectTramQuoted(reply, TRAM_V2, `shard ${shardId}`);
      expect(quotedPassages(reply).join(' ')).not.toContain(TRAM_V1.quoted);
    }
  });

  it('every shard declines again once the article is removed', async () => {
    const since = managerLog.lines.length;
    for (const ext of ['json', 'txt']) rmSync(join(articlesDir, `${TRAM_ID}.${ext}`));
    const lines = await everyShardReloaded((l) => idsOf(l).removed.includes(TRAM_ID), since);
    for (const line of lines) expect(line).toMatchObject({ generation: 4, articles: 1, added: 0, changed: 0, removed: 1 });
    for (const [shardId, guild] of guildByShard) expect(citations(await askTram(guild)), `shard ${shardId}`).toEqual([]);
  });

  it('restarts a shard whose process dies, and the new process answers for it', async () => {
    const shard = fleet?.manager.shards.get(1);
    const oldPid = shard?.process?.pid;
    const since = fake.checkpoint();
    shard?.process?.kill('SIGKILL');
    const ready = await fake.waitForEvent('ready', (e) => e.shard[0] === 1, { since });
    expect(ready.shard).toEqual([1, SHARDS]);
    expect(shard?.process?.pid).toBeTypeOf('number');
    expect(shard?.process?.pid).not.toBe(oldPid);

    const guild = guildByShard.get(1) as FakeGuild;
    const handle = fake.sendInteraction(slashCommand('ask', { question: 'what did zakharova say' }, { guildId: guild.id }));
    expect(handle.dispatch.shardId).toBe(1);
    expect((await handle.waitForCallback()).callbackType).toBe(InteractionResponseType.ChannelMessageWithSource);
  });

  it('stops every shard process gracefully (SIGTERM → the bot disconnects and exits 0)', async () => {
    const since = fake.checkpoint();
    const sockets = fake.connections().filter((c) => c.open);
    const closed = sockets.map((socket) =>
      fake.waitForEvent('disconnect', (e) => e.connectionId === socket.id && e.by === 'client' && e.code === 1000, { since }),
    );
    const exits = (await fleet?.stop(5_000)) ?? [];
    expect(exits.map((e) => [e.shard, e.code, e.signal]).sort()).toEqual([
      [0, 0, null],
      [1, 0, null],
    ]);
    await Promise.all(closed);
    expect(fake.connections().filter((c) => c.open)).toEqual([]);
  });
});
