/**
 * `npx tsx bench/gateway.ts`: the real gateway bot against the local fake Discord.
 *   1. throughput: one bot process (startGatewayBot) answering N /ask interactions, at most
 *      `--in-flight` outstanding; rate and dispatch → callback latency as the fake sees it.
 *   2. memory per shard: RSS of the bot entry (src/index.ts through tsx, and dist/src/index.js when
 *      built) after READY and after answering warm-up interactions. Under ShardingManager every shard
 *      is one such process.
 * The fake runs in this process, the bot in a child. The fake's REST rate limit is raised and its
 * 3 s interaction deadline disabled, so neither caps the measurement.
 *   Also N = 500 with one in flight: the latency of a bot that is not queueing.
 * Flags: --interactions=10000 --in-flight=32 --entry=path/to/index.(ts|js) (measured besides src/index.ts)
 */
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { InteractionResponseType, type APIEmbed } from 'discord.js';
import { questionSuite } from '../tests/engine/question-suite.js';
import { slashCommand, startFakeDiscord, type FakeDiscord } from '../tests/fake-discord/index.js';
import { cpuDescription, cpuSecondsOf, memoryOf, startChild, stopChild } from './lib/child.js';
import { machine, ms, numberFlag, stringFlag, summarise, table } from './lib/stats.js';

const INTERACTIONS = numberFlag('interactions', 10_000);
const SERIAL = 500;
const IN_FLIGHT = numberFlag('in-flight', 32);
const WARMUP = 300;
const MEMORY_WARMUP = 200;
const root = fileURLToPath(new URL('..', import.meta.url));
const questions = questionSuite.map((c) => c.question);

interface Burst {
  latenciesMs: number[];
  errors: Map<string, number>;
  elapsedMs: number;
}

/** Sends `count` /ask interactions with at most `inFlight` awaiting their callback. */
async function burst(fake: FakeDiscord, count: number, inFlight: number): Promise<Burst> {
  const latenciesMs: number[] = [];
  const errors = new Map<string, number>();
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < count) {
      const n = next++;
      const since = fake.checkpoint();
      const sent = performance.now();
      const handle = fake.sendInteraction(slashCommand('ask', { question: questions[n % questions.length] ?? 'who is quoted' }));
      let problem: string | null = null;
      try {
        const callback = await handle.waitForCallback({ since, timeoutMs: 30_000 });
        const embeds = (callback.data as { embeds?: APIEmbed[] } | undefined)?.embeds ?? [];
        if (callback.callbackType !== InteractionResponseType.ChannelMessageWithSource) problem = `callback type ${callback.callbackType}`;
        else if (embeds.length === 0) problem = 'answer without an embed';
        else latenciesMs.push(performance.now() - sent);
      } catch (error) {
        problem = error instanceof Error ? (error.message.split('\n')[0] ?? 'error') : String(error);
      }
      if (problem) errors.set(problem, (errors.get(problem) ?? 0) + 1);
    }
  };
  await Promise.all(Array.from({ length: inFlight }, worker));
  return { latenciesMs, errors, elapsedMs: performance.now() - started };
}

const errorCount = (b: Burst) => [...b.errors.values()].reduce((a, c) => a + c, 0);

async function throughput(fake: FakeDiscord) {
  const since = fake.checkpoint();
  const { child } = await startChild(fileURLToPath(new URL('./lib/gateway-bot.ts', import.meta.url)), {
    // Every answer computed: the replayed questions would otherwise come from the answer cache.
    env: { BENCH_TOKEN: fake.token, BENCH_API_URL: fake.apiUrl, ANSWER_CACHE_SIZE: '0' },
  });
  try {
    await fake.waitForEvent('ready', undefined, { since });
    const warm = await burst(fake, WARMUP, IN_FLIGHT);
    const pid = child.pid ?? 0;
    const botCpu = cpuSecondsOf(pid);
    const ownCpu = process.cpuUsage();
    const measured = await burst(fake, INTERACTIONS, IN_FLIGHT);
    const botCpuSeconds = cpuSecondsOf(pid) - botCpu;
    const own = process.cpuUsage(ownCpu);
    const serial = await burst(fake, SERIAL, 1);
    return { warm, measured, serial, botCpuSeconds, fakeCpuSeconds: (own.user + own.system) / 1e6, memory: memoryOf(pid) };
  } finally {
    await stopChild(child);
  }
}

/** RSS of the bot entry itself (what ShardingManager runs per shard), idle after READY and after answering. */
async function entryMemory(fake: FakeDiscord, entry: string) {
  const since = fake.checkpoint();
  const child: ChildProcess = fork(entry, [], {
    execArgv: entry.endsWith('.ts') ? ['--import', 'tsx'] : [],
    env: { ...process.env, DISCORD_TOKEN: fake.token, DISCORD_CLIENT_ID: fake.applicationId, DISCORD_API_URL: fake.apiUrl, LOG_LEVEL: 'warn', NODE_ENV: 'production' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = once(child, 'exit');
  try {
    await Promise.race([
      fake.waitForEvent('ready', undefined, { since, timeoutMs: 30_000 }),
      exited.then(() => Promise.reject(new Error(`${entry} exited before READY`))),
    ]);
    await burst(fake, 5, 1); // handlers loaded
    const idle = memoryOf(child.pid ?? 0);
    const after = await burst(fake, MEMORY_WARMUP, 8);
    return { idle, warmed: memoryOf(child.pid ?? 0), errors: errorCount(after) };
  } finally {
    await stopChild(child);
  }
}

const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');
const loadBefore = load();
const fake = await startFakeDiscord({ rateLimit: { limit: 1_000_000, windowMs: 1000 }, interactionCallbackDeadlineMs: null, defaultTimeoutMs: 30_000 });
try {
  process.stderr.write(`bench/gateway: ${INTERACTIONS} /ask interactions, ${IN_FLIGHT} in flight (after ${WARMUP} warm-up)\n`);
  const result = await throughput(fake);
  const summary = summarise(result.measured.latenciesMs);
  const rate = (result.measured.latenciesMs.length / result.measured.elapsedMs) * 1000;
  const serial = summarise(result.serial.latenciesMs);
  const serialRate = (result.serial.latenciesMs.length / result.serial.elapsedMs) * 1000;
  const errors = errorCount(result.measured) + errorCount(result.warm) + errorCount(result.serial);
  for (const [kind, count] of [...result.warm.errors, ...result.measured.errors, ...result.serial.errors]) process.stderr.write(`  error ×${count}: ${kind}\n`);

  const extra = stringFlag('entry') ?? (existsSync(`${root}dist/src/index.js`) ? 'dist/src/index.js' : undefined);
  const entries = ['src/index.ts', ...(extra ? [extra] : [])];
  const memoryRows = [['bot process (one shard)', 'RSS after READY', `RSS after ${MEMORY_WARMUP} answers`, 'peak RSS (VmHWM)']];
  for (const entry of entries) {
    const path = entry.startsWith('/') ? entry : `${root}${entry}`;
    process.stderr.write(`  memory: ${entry}\n`);
    const memory = await entryMemory(fake, path);
    memoryRows.push([`${entry}${entry.endsWith('.ts') ? ' (tsx)' : ''}`, `${memory.idle.rssMiB.toFixed(0)} MiB`, `${memory.warmed.rssMiB.toFixed(0)} MiB`, `${memory.warmed.peakMiB.toFixed(0)} MiB`]);
    if (memory.errors > 0) process.stderr.write(`  ${memory.errors} warm-up interactions failed\n`);
  }
  memoryRows.push([
    `bench/lib/gateway-bot.ts (tsx) after ${INTERACTIONS + WARMUP} answers`,
    '',
    `${result.memory.rssMiB.toFixed(0)} MiB`,
    `${result.memory.peakMiB.toFixed(0)} MiB`,
  ]);

  console.log(`\n${machine()}, ${cpuDescription()}; load average before ${loadBefore}, after ${load()}`);
  console.log('fake Discord in this process, bot in a child process\n');
  console.log(
    table([
      ['interactions', 'in flight', 'answered/s', 'p50 dispatch→callback', 'p99', 'errors', 'bot CPU / answer', 'fake CPU / answer'],
      [
        String(INTERACTIONS),
        String(IN_FLIGHT),
        rate.toFixed(0),
        ms(summary.p50),
        ms(summary.p99),
        `${errorCount(result.measured)}/${INTERACTIONS}`,
        `${Math.round((result.botCpuSeconds / Math.max(1, summary.count)) * 1e6)} µs`,
        `${Math.round((result.fakeCpuSeconds / Math.max(1, summary.count)) * 1e6)} µs`,
      ],
      [String(SERIAL), '1', serialRate.toFixed(0), ms(serial.p50), ms(serial.p99), `${errorCount(result.serial)}/${SERIAL}`, '', ''],
    ]),
  );
  console.log(`\n${table(memoryRows)}`);
  console.log(`\nerrors over all ${WARMUP + INTERACTIONS + SERIAL} interactions (warm-up included): ${errors}`);
  console.log(`reproduce: npx tsx bench/gateway.ts --interactions=${INTERACTIONS} --in-flight=${IN_FLIGHT}   (run npm run build first to include dist/src/index.js)`);
  process.exitCode = errors > 0 ? 1 : 0;
} finally {
  await fake.close();
}
