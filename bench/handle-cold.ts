/**
 * `npx tsx bench/handle-cold.ts`: what one computed /ask costs in process, hot and with cold caches, as the
 * HTTP endpoint's (b0) scenario runs it. In the server, a request is handled between HTTP parsing, an Ed25519
 * verification and the kernel's network work, so the handler's code and data are no longer in the caches: in a
 * hot loop it costs about half of what it costs there. "Cold" recreates that here: before each request, one
 * signature check (checkSignature, as the endpoint does) and a write sweep over 1 MB of memory, neither timed.
 *
 * Timed per request (performance.now around the call only), on the HTTP bench's question suite with the
 * bundled articles and no answer cache:
 *   engine.answer(question)
 *   handleInteraction(interaction) with a respond that JSON.stringifies the reply, as the endpoint does;
 *   the interaction is parsed from its JSON body before each call (not timed), so its objects are new each time.
 * Each figure is the mean over the suite × --rounds; --repeat measurements, each printed, the median is the figure.
 * The replies' sha256 is printed too: a change meant to keep the replies byte-identical must keep it.
 * Flags: --warmup=40 (rounds of the suite first: the JIT settles after about 40) --rounds=10 --repeat=5.
 * Run timings alone on the machine (or under `flock /tmp/bench.lock`), as with the HTTP bench.
 */
import { createHash, generateKeyPairSync, sign } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { APIInteraction } from 'discord.js';
import { pino } from 'pino';
import { openKnowledgeBase } from '../src/bootstrap.js';
import { commandSet } from '../src/commands/index.js';
import { BUNDLED_ARTICLES_DIR } from '../src/data/load.js';
import { handleInteraction, type InteractionResponder } from '../src/discord/interactions.js';
import { checkSignature, ed25519PublicKey } from '../src/http/signature.js';
import { questionSuite } from '../tests/engine/question-suite.js';
import { askInteraction } from './lib/ask-interaction.js';
import { machine, numberFlag, table } from './lib/stats.js';

const WARMUP = numberFlag('warmup', 40);
const ROUNDS = numberFlag('rounds', 10);
const REPEAT = numberFlag('repeat', 5);

const logger = pino({ level: 'silent' });
const { knowledge } = await openKnowledgeBase(BUNDLED_ARTICLES_DIR, logger);
const commands = commandSet();
const deps = { knowledge, commands, logger };
const questions = questionSuite.map((c) => c.question);

/** The same /ask interactions bench/http.ts signs and sends. */
function askBody(question: string, n: number): Buffer {
  return Buffer.from(JSON.stringify(askInteraction(question, n)));
}

const { publicKey, privateKey } = generateKeyPairSync('ed25519');
const key = ed25519PublicKey(publicKey.export({ format: 'der', type: 'spki' }).subarray(12).toString('hex'));
const timestamp = String(Math.floor(Date.now() / 1000));
const requests = questions.map((question, n) => {
  const body = askBody(question, n);
  return { body, signature: sign(null, Buffer.concat([Buffer.from(timestamp), body]), privateKey).toString('hex') };
});

/** Memory the "cold" runs write over before each request, as the server's other work would. */
const sweep = new Uint8Array(1 << 20);
let sweeps = 0;
function chill(n: number): void {
  const request = requests[n] as (typeof requests)[number];
  if (!checkSignature(key, request.signature, timestamp, request.body, { maxSkewSeconds: 1e9 }).ok) throw new Error('signature refused');
  sweep.fill(++sweeps & 0xff);
}

let reply = '';
const responder: InteractionResponder = {
  respond: async (response) => void (reply = JSON.stringify(response)),
  editOriginal: async () => undefined,
  followUp: async () => undefined,
};
let sink = 0;

/** Mean µs of one call over the suite × rounds; `cold` chills the caches before each call (not timed). */
async function measure(kind: 'answer' | 'handle', cold: boolean, rounds: number): Promise<number> {
  let total = 0;
  for (let r = 0; r < rounds; r++) {
    for (let n = 0; n < questions.length; n++) {
      if (kind === 'answer') {
        const question = questions[n] as string;
        if (cold) chill(n);
        const started = performance.now();
        sink += knowledge.current().engine.answer(question).items.length;
        total += performance.now() - started;
      } else {
        const interaction = JSON.parse((requests[n] as (typeof requests)[number]).body.toString('utf8')) as APIInteraction;
        if (cold) chill(n);
        const started = performance.now();
        await handleInteraction(interaction, responder, deps);
        total += performance.now() - started;
        sink += reply.length;
      }
    }
  }
  return (total / (rounds * questions.length)) * 1000;
}

/** The replies to the suite, hashed: equal hashes, byte-identical replies. */
async function repliesDigest(): Promise<{ digest: string; meanBytes: number }> {
  const hash = createHash('sha256');
  let bytes = 0;
  for (let n = 0; n < questions.length; n++) {
    await handleInteraction(JSON.parse((requests[n] as (typeof requests)[number]).body.toString('utf8')) as APIInteraction, responder, deps);
    hash.update(reply).update('\n');
    bytes += Buffer.byteLength(reply);
  }
  return { digest: hash.digest('hex'), meanBytes: bytes / questions.length };
}

const { digest, meanBytes } = await repliesDigest();
await measure('answer', false, WARMUP);
await measure('handle', true, WARMUP);

const kinds = [
  ['engine.answer, hot', 'answer', false],
  ['engine.answer, cold', 'answer', true],
  ['handleInteraction + JSON, hot', 'handle', false],
  ['handleInteraction + JSON, cold', 'handle', true],
] as const;
const samples = kinds.map(() => [] as number[]);
for (let r = 0; r < REPEAT; r++) {
  const line: string[] = [];
  for (const [i, [, kind, cold]] of kinds.entries()) {
    const mean = await measure(kind, cold, ROUNDS);
    samples[i]?.push(mean);
    line.push(mean.toFixed(1));
  }
  process.stderr.write(`  run ${r + 1}: ${line.join(' / ')} µs\n`);
}
const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
console.log(`\n${machine()}; ${questions.length} questions × ${ROUNDS} rounds per run, ${REPEAT} runs after ${WARMUP} warm-up rounds`);
console.log(`replies: sha256 ${digest.slice(0, 16)}…, ${meanBytes.toFixed(0)} bytes of JSON on average (sink ${sink > 0 ? 'ok' : 'empty'})\n`);
console.log(table([['mean per request (median of runs)', 'µs'], ...kinds.map(([name], i) => [name, median(samples[i] ?? []).toFixed(1)])]));
const around = (cold: boolean) => median(samples[cold ? 3 : 2] ?? []) - median(samples[cold ? 1 : 0] ?? []);
console.log(`\naround the engine (handleInteraction + JSON − engine.answer): hot ${around(false).toFixed(1)} µs, cold ${around(true).toFixed(1)} µs`);
console.log(`\nreproduce: npx tsx bench/handle-cold.ts --warmup=${WARMUP} --rounds=${ROUNDS} --repeat=${REPEAT}`);
