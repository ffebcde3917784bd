/**
 * `npx tsx bench/engine-cpu.ts`: CPU and allocation of one computed answer, in process, on the HTTP
 * bench's question suite (the bundled knowledge base, no answer cache). What the engine costs a
 * server that computes every answer, without the request around it.
 * Flags: --warmup=40 (rounds of the suite before measuring: the JIT settles after about 40)
 *        --rounds=200 (measured rounds) --repeat=5 (measurements, each printed; the median is the figure).
 * Profile with `node --import tsx --cpu-prof bench/engine-cpu.ts` or `--trace-deopt`.
 */
import { getHeapStatistics } from 'node:v8';
import { PerformanceObserver, type PerformanceEntry } from 'node:perf_hooks';
import { loadKnowledgeBase } from '../src/data/load.js';
import { createAnswerEngine } from '../src/engine/index.js';
import { questionSuite } from '../tests/engine/question-suite.js';
import { numberFlag } from './lib/stats.js';

const WARMUP = numberFlag('warmup', 40);
const ROUNDS = numberFlag('rounds', 200);
const REPEAT = numberFlag('repeat', 5);

const engine = createAnswerEngine(loadKnowledgeBase().articles);
const questions = questionSuite.map((c) => c.question);
let sink = 0;
const round = (): void => {
  for (const q of questions) sink += engine.answer(q).items.length;
};
for (let i = 0; i < WARMUP; i++) round();

let scavenges = 0;
let gcMs = 0;
const observer = new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    gcMs += entry.duration;
    if ((entry as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind === 1) scavenges++; // 1: minor (scavenge)
  }
});
observer.observe({ entryTypes: ['gc'] });

/** Bytes allocated per answer: heap growth over answers that no collection interrupted. */
function allocationPerAnswer(): number {
  let bytes = 0;
  let counted = 0;
  for (const q of questions) {
    const before = getHeapStatistics().used_heap_size;
    sink += engine.answer(q).items.length;
    const grown = getHeapStatistics().used_heap_size - before;
    if (grown >= 0) {
      bytes += grown;
      counted++;
    }
  }
  return bytes / Math.max(1, counted);
}

const perAnswer: number[] = [];
for (let r = 0; r < REPEAT; r++) {
  const wallStart = performance.now();
  const cpuStart = process.cpuUsage();
  for (let i = 0; i < ROUNDS; i++) round();
  const cpu = process.cpuUsage(cpuStart);
  const wall = performance.now() - wallStart;
  const n = ROUNDS * questions.length;
  const cpuUs = (cpu.user + cpu.system) / n;
  perAnswer.push(cpuUs);
  process.stdout.write(`run ${r + 1}: CPU ${cpuUs.toFixed(1)} µs/answer, wall ${((wall * 1000) / n).toFixed(1)} µs/answer\n`);
}
let allocated = 0;
for (let i = 0; i < 5; i++) allocated += allocationPerAnswer() / 5;
await new Promise((resolve) => setTimeout(resolve, 10));
observer.disconnect();
const sorted = [...perAnswer].sort((a, b) => a - b);
const answers = REPEAT * ROUNDS * questions.length;
console.log(`median CPU ${sorted[Math.floor(sorted.length / 2)]?.toFixed(1)} µs/answer over ${questions.length} questions × ${ROUNDS} rounds × ${REPEAT}; ~${(allocated / 1024).toFixed(1)} KB allocated per answer; ${scavenges} scavenges (${((scavenges / answers) * 1000).toFixed(2)} per 1,000 answers), GC ${((gcMs * 1000) / answers).toFixed(1)} µs/answer (${sink > 0 ? 'ok' : '-'})`);
