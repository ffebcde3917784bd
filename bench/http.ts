/**
 * `npx tsx bench/http.ts`: throughput and latency of the HTTP interactions endpoint on loopback.
 *   (a) ceiling — node:http + Ed25519 signature check + fixed reply (what any correct endpoint must do)
 *   (b) real    — createInteractionsServer answering signed /ask interactions (the question suite),
 *                 with the answer cache as deployed (ANSWER_CACHE_SIZE default): the suite is replayed,
 *                 so after its first round every answer comes from the cache
 *   (b0) real, ANSWER_CACHE_SIZE=0 — every answer computed by the engine, as for questions never asked before
 *   (c) 2 × real behind a minimal round-robin reverse proxy, all on this machine
 * Every server runs in its own child process; this process is only the load generator.
 * Flags: --seconds=10 --warmup=5 --warmup-requests=10000 --connections=10, and --only=a,b0 (see ONLY) to run only some scenarios.
 */
import { generateKeyPairSync, sign } from 'node:crypto';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { ChildProcess } from 'node:child_process';
import { InteractionResponseType, type APIInteraction } from 'discord.js';
import { pino } from 'pino';
import { openKnowledgeBase } from '../src/bootstrap.js';
import { commandSet } from '../src/commands/index.js';
import { BUNDLED_ARTICLES_DIR } from '../src/data/load.js';
import { handleInteraction } from '../src/discord/interactions.js';
import { checkSignature, ed25519PublicKey } from '../src/http/signature.js';
import { questionSuite } from '../tests/engine/question-suite.js';
import { askInteraction } from './lib/ask-interaction.js';
import { CEILING_REPLY } from './lib/ceiling-reply.js';
import { cpuDescription, cpuSecondsOf, startChild, stopChild } from './lib/child.js';
import { runLoad, type LoadRequest, type LoadResult } from './lib/load.js';
import { machine, ms, numberFlag, summarise, table } from './lib/stats.js';

const SECONDS = numberFlag('seconds', 10);
const CONNECTIONS = numberFlag('connections', 10);
/** Long enough for the JIT to finish optimising the engine's many paths: the figures are a running server's … */
const WARMUP_MS = numberFlag('warmup', 5);
/**
 * … and at least this many requests: the engine's code settles only after some thousands of different answers
 * (its suite replayed about 40 times, in process), which a server computing every answer on a busy machine
 * does not reach in a few seconds.
 */
const WARMUP_REQUESTS = numberFlag('warmup-requests', 10_000);
/** `--only=a,b0`: just these scenarios, of cost (the in-process breakdown), a, b, b0 and c; all of them by default. */
const SCENARIOS = ['cost', 'a', 'b', 'b0', 'c'];
const ONLY_FLAG = process.argv.find((arg) => arg.startsWith('--only='))?.slice('--only='.length);
const ONLY = new Set(ONLY_FLAG?.split(',') ?? SCENARIOS);
const unknownScenario = [...ONLY].find((key) => !SCENARIOS.includes(key));
if (unknownScenario !== undefined) {
  process.stderr.write(`--only: unknown scenario ${JSON.stringify(unknownScenario)}; use ${SCENARIOS.join(', ')}\n`);
  process.exit(2);
}
const commands = commandSet();
const SERVER = fileURLToPath(new URL('./lib/http-server.ts', import.meta.url));

const { publicKey, privateKey } = generateKeyPairSync('ed25519');
const publicKeyHex = publicKey.export({ format: 'der', type: 'spki' }).subarray(12).toString('hex');

/**
 * The reply each question must get, word for word: computed in this process by the same handler,
 * with no cache. A remembered answer that differed from a fresh one in any byte would count as an error.
 */
async function expectedReplies(): Promise<Buffer[]> {
  const logger = pino({ level: 'silent' });
  const { knowledge } = await openKnowledgeBase(BUNDLED_ARTICLES_DIR, logger);
  return Promise.all(
    questionSuite.map(async ({ question }, n) => {
      let reply = '';
      await handleInteraction(askInteraction(question, n), { respond: async (r) => void (reply = JSON.stringify(r)), editOriginal: async () => undefined, followUp: async () => undefined }, { knowledge, commands, logger });
      const parsed = JSON.parse(reply) as { type?: number; data?: { embeds?: unknown[] } };
      if (parsed.type !== InteractionResponseType.ChannelMessageWithSource || !parsed.data?.embeds?.length) throw new Error(`no answer in process for ${JSON.stringify(question)}`);
      return Buffer.from(reply);
    }),
  );
}
const expected = await expectedReplies();

/** Signed requests, built before the clock starts (Discord's timestamps are valid for 5 minutes). */
function signedRequests(): LoadRequest[] {
  const timestamp = String(Math.floor(Date.now() / 1000));
  return questionSuite.map(({ question }, n) => {
    const body = Buffer.from(JSON.stringify(askInteraction(question, n)));
    const signature = sign(null, Buffer.concat([Buffer.from(timestamp), body]), privateKey).toString('hex');
    return { body, headers: { 'content-type': 'application/json', 'x-signature-ed25519': signature, 'x-signature-timestamp': timestamp }, expected: expected[n] };
  });
}

/**
 * The load generator shares the machine with the server, so it does the same work for every scenario:
 * each reply is compared byte for byte with the one expected (the ceiling's fixed reply, or the real
 * answer to that very question, computed in process by the same handler).
 */
function exactReply(expected: (request: LoadRequest) => Buffer | undefined) {
  return (status: number, body: Buffer, request: LoadRequest): string | null => {
    if (status !== 200) return `HTTP ${status}`;
    return body.equals(expected(request) ?? Buffer.alloc(0)) ? null : 'reply differs from the one expected';
  };
}
const ceilingReply = exactReply(() => CEILING_REPLY);
const realAnswer = exactReply((request) => request.expected);

interface Scenario {
  name: string;
  result: LoadResult;
  serverCpuSeconds: number;
  /** CPU seconds of each server process, in start order. */
  perProcessCpuSeconds: number[];
}

async function measure(name: string, port: number, servers: ChildProcess[], check: (status: number, body: Buffer, request: LoadRequest) => string | null): Promise<Scenario> {
  const requests = signedRequests();
  const next = (i: number) => requests[i % requests.length] as LoadRequest;
  let warmed = (await runLoad({ port, path: '/interactions', connections: CONNECTIONS, durationMs: WARMUP_MS * 1000, next, check })).completed; // JIT, sockets, cache
  while (warmed < WARMUP_REQUESTS) warmed += (await runLoad({ port, path: '/interactions', connections: CONNECTIONS, durationMs: 1000, next, check })).completed;
  const cpuBefore = servers.map((s) => cpuSecondsOf(s.pid ?? 0));
  const result = await runLoad({ port, path: '/interactions', connections: CONNECTIONS, durationMs: SECONDS * 1000, next, check });
  const perProcessCpuSeconds = servers.map((s, i) => cpuSecondsOf(s.pid ?? 0) - (cpuBefore[i] ?? 0));
  const serverCpuSeconds = perProcessCpuSeconds.reduce((sum, seconds) => sum + seconds, 0);
  const summary = summarise(result.latenciesMs);
  process.stderr.write(`  ${name}: ${Math.round(result.requestsPerSecond)} req/s, p50 ${ms(summary.p50)}, p99 ${ms(summary.p99)}, ${result.errors} errors\n`);
  for (const [kind, count] of result.errorKinds) process.stderr.write(`    error ×${count}: ${kind}\n`);
  return { name, result, serverCpuSeconds, perProcessCpuSeconds };
}

async function withServers<T>(modes: { mode: string; env?: (ports: number[]) => NodeJS.ProcessEnv }[], run: (port: number, children: ChildProcess[]) => Promise<T>): Promise<T> {
  const children: ChildProcess[] = [];
  const ports: number[] = [];
  try {
    for (const { mode, env } of modes) {
      const { child, ready } = await startChild(SERVER, { args: [mode], env: { BENCH_PUBLIC_KEY: publicKeyHex, ...env?.(ports) } });
      children.push(child);
      ports.push(ready.port ?? 0);
    }
    return await run(ports[ports.length - 1] ?? 0, children);
  } finally {
    await Promise.all(children.map((child) => stopChild(child)));
  }
}

/** Where one request's CPU goes, measured in this process (single-threaded, no HTTP): the ceiling vs the real work. */
async function breakdown(): Promise<string[][]> {
  const logger = pino({ level: 'silent' });
  const { knowledge } = await openKnowledgeBase(BUNDLED_ARTICLES_DIR, logger);
  const key = ed25519PublicKey(publicKeyHex);
  const requests = signedRequests();
  const interactions = requests.map((r) => JSON.parse(r.body.toString('utf8')) as APIInteraction);
  const questions = questionSuite.map((c) => c.question);
  const perCall = async (rounds: number, work: (i: number) => unknown): Promise<number> => {
    for (let i = 0; i < requests.length * 40; i++) await work(i); // warm-up: the engine settles after its suite is replayed about 40 times
    const started = performance.now();
    for (let i = 0; i < requests.length * rounds; i++) await work(i);
    return ((performance.now() - started) / (requests.length * rounds)) * 1000;
  };
  const verify = await perCall(10, (i) => {
    const r = requests[i % requests.length] as LoadRequest;
    return checkSignature(key, r.headers['x-signature-ed25519'], r.headers['x-signature-timestamp'], r.body);
  });
  const answer = await perCall(10, (i) => knowledge.current().engine.answer(questions[i % questions.length] ?? ''));
  const handleWith = (source: typeof knowledge) =>
    perCall(10, (i) =>
      handleInteraction(interactions[i % interactions.length] as APIInteraction, { respond: async (reply) => void JSON.stringify(reply), editOriginal: async () => undefined, followUp: async () => undefined }, { knowledge: source, commands, logger }),
    );
  const handle = await handleWith(knowledge);
  const handleCached = await handleWith((await openKnowledgeBase(BUNDLED_ARTICLES_DIR, logger, { answerCacheSize: 1000 })).knowledge);
  return [
    ['step (one request, this process, no HTTP)', 'mean CPU'],
    ['Ed25519 signature check (checkSignature)', `${verify.toFixed(0)} µs`],
    ['engine.answer(question)', `${answer.toFixed(0)} µs`],
    ['handleInteraction: answer + render embed + JSON', `${handle.toFixed(0)} µs`],
    ['handleInteraction, asked before (answer and page remembered) + JSON', `${handleCached.toFixed(0)} µs`],
  ];
}

const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');
const loadBefore = load();
const cost = ONLY.has('cost') ? await breakdown() : undefined;
process.stderr.write(`bench/http: ${WARMUP_MS} s warm-up (and at least ${WARMUP_REQUESTS} requests) + ${SECONDS} s per scenario, ${CONNECTIONS} keep-alive connections, ${questionSuite.length} distinct signed /ask bodies\n`);
const run = <T>(key: string, scenario: () => Promise<T>): Promise<T | undefined> => (ONLY.has(key) ? scenario() : Promise.resolve(undefined));
const ceiling = await run('a', () => withServers([{ mode: 'ceiling' }], (port, children) => measure('(a) ceiling: signature check + fixed reply', port, children, ceilingReply)));
const real = await run('b', () => withServers([{ mode: 'real' }], (port, children) => measure('(b) real endpoint, 1 process (answer cache on)', port, children, realAnswer)));
const computed = await run('b0', () =>
  withServers([{ mode: 'real', env: () => ({ ANSWER_CACHE_SIZE: '0' }) }], (port, children) => measure('(b0) real endpoint, 1 process, every answer computed', port, children, realAnswer)),
);
const proxied = await run('c', () =>
  withServers([{ mode: 'real' }, { mode: 'real' }, { mode: 'proxy', env: (ports) => ({ BENCH_BACKENDS: ports.join(',') }) }], (port, children) =>
    measure('(c) 2 × real endpoint behind a round-robin proxy', port, children, realAnswer),
  ),
);
const measured = [ceiling, real, computed, proxied].filter((s): s is Scenario => s !== undefined);

const rows = [['scenario', 'req/s', 'p50', 'p99', 'errors', 'server CPU (cores)', 'server CPU / req']];
for (const { name, result, serverCpuSeconds } of measured) {
  const summary = summarise(result.latenciesMs);
  rows.push([
    name,
    Math.round(result.requestsPerSecond).toString(),
    ms(summary.p50),
    ms(summary.p99),
    `${result.errors}/${result.completed + result.errors}`,
    (serverCpuSeconds / (result.elapsedMs / 1000)).toFixed(2),
    `${Math.round((serverCpuSeconds / Math.max(1, result.completed)) * 1e6)} µs`,
  ]);
}
console.log(`\n${machine()}, ${cpuDescription()}; load average before ${loadBefore}, after ${load()}`);
console.log('load generator in this process, each server in its own process; CPU from /proc (1/100 s ticks)\n');
console.log(table(rows));
if (cost) console.log(`\n${table(cost)}`);
const cpuPerRequest = (s: Scenario) => s.serverCpuSeconds / Math.max(1, s.result.completed);
const percentOf = (part: number, whole: number) => `${((part / whole) * 100).toFixed(0)} %`;
if (ceiling && real) {
  const ratio = real.result.requestsPerSecond / ceiling.result.requestsPerSecond;
  console.log(`\n(b)/(a) = ${(ratio * 100).toFixed(0)} % of the ceiling (target ≥ 70 %: ${ratio >= 0.7 ? 'met' : 'MISSED'}; replayed questions, answers from the cache)`);
}
if (ceiling && computed) console.log(`(b0)/(a) = ${percentOf(computed.result.requestsPerSecond, ceiling.result.requestsPerSecond)} of the ceiling with every answer computed (no cache)`);
if (ceiling && (real || computed)) {
  const ratios = [real, computed].flatMap((s) => (s ? [`(a)/${s.name.slice(0, s.name.indexOf(')') + 1)} = ${percentOf(cpuPerRequest(ceiling), cpuPerRequest(s))}`] : []));
  console.log(`server CPU per request, ${ratios.join(', ')} (the same ratios, less sensitive to other load on the machine)`);
}
if (proxied) {
  const perRequest = (seconds: number | undefined) => `${Math.round(((seconds ?? 0) / Math.max(1, proxied.result.completed)) * 1e6)} µs`;
  const [backendA, backendB, proxy] = proxied.perProcessCpuSeconds;
  console.log(`(c) CPU per request: proxy ${perRequest(proxy)}, the two backends together ${perRequest((backendA ?? 0) + (backendB ?? 0))}`);
  if (real) console.log(`(c)/(b) = ${percentOf(proxied.result.requestsPerSecond, real.result.requestsPerSecond)}`);
}
const onlyFlag = ONLY_FLAG === undefined ? '' : ` --only=${ONLY_FLAG}`;
console.log(`\nreproduce: npx tsx bench/http.ts --seconds=${SECONDS} --warmup=${WARMUP_MS} --warmup-requests=${WARMUP_REQUESTS} --connections=${CONNECTIONS}${onlyFlag}`);
const failed = measured.some((s) => s.result.errors > 0 || s.result.completed === 0);
process.exitCode = failed ? 1 : 0;
