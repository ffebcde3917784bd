import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InteractionResponseType, type APIEmbed } from 'discord.js';
import { pino } from 'pino';
import { loadShardCount } from '../src/config.js';
import { createShardFleet, recommendedShardCount, type ShardFleet } from '../src/shard-manager.js';
import { slashCommand, startFakeDiscord, type FakeDiscord, type FakeGuild } from './fake-discord/index.js';

const SHARDS = 2;
const shardOf = (guildId: string) => Number((BigInt(guildId) >> 22n) % BigInt(SHARDS));
/** A snowflake whose timestamp part is one more than `guildId`'s: it lands on the next shard. */
const onNextShard = (guildId: string) => String(((BigInt(guildId) >> 22n) + 1n) << 22n);

// ShardingManager writes SHARDING_MANAGER, SHARDING_MANAGER_MODE and DISCORD_TOKEN into process.env.
const savedEnv = { ...process.env };
let fake: FakeDiscord;
let fleet: ShardFleet | undefined;
const guildByShard = new Map<number, FakeGuild>();

beforeAll(async () => {
  fake = await startFakeDiscord({ shards: SHARDS, defaultTimeoutMs: 10_000 });
  const second = fake.addGuild({ id: onNextShard(fake.guild.id), name: 'Second Guild', channels: [{ name: 'general' }] });
  for (const guild of [fake.guild, second]) guildByShard.set(shardOf(guild.id), guild);

  fleet = await createShardFleet({
    token: fake.token,
    apiUrl: fake.apiUrl,
    totalShards: 'auto', // asks the fake's GET /gateway/bot, not discord.com
    file: fileURLToPath(new URL('../src/index.ts', import.meta.url)),
    execArgv: ['--import', 'tsx'],
    env: { DISCORD_CLIENT_ID: fake.applicationId, LOG_LEVEL: 'warn' },
    spawnDelayMs: 0, // the fake does not pace IDENTIFYs; Discord does (discord.js waits 5.5 s)
    respawnDelayMs: 50,
    logger: pino({ level: 'silent' }),
  });
  await fleet.start();
}, 30_000);

afterAll(async () => {
  await fleet?.stop(5_000);
  await fake?.close();
  for (const key of Object.keys(process.env)) if (!(key in savedEnv)) delete process.env[key];
  Object.assign(process.env, savedEnv);
}, 15_000);

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
