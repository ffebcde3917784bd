/**
 * `npm run bench`: start-up cost (load + index) and answer / autocomplete latency over the question
 * suite, in microseconds. Warm-up rounds first, then every question is timed many times. The engine
 * has no answer cache here, so every answer is computed; the cached figure is measured separately.
 */
import { performance } from 'node:perf_hooks';
import { loadKnowledgeBase } from '../src/data/load.js';
import { createAnswerEngine } from '../src/engine/index.js';
import { questionSuite } from '../tests/engine/question-suite.js';

const ROUNDS = 200;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

function summarise(samples: number[]): { p50: number; p99: number; max: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted[sorted.length - 1] ?? NaN };
}

const us = (ms: number) => `${(ms * 1000).toFixed(1)} µs`;

const startupSamples: number[] = [];
for (let i = 0; i < 20; i++) {
  const started = performance.now();
  createAnswerEngine(loadKnowledgeBase().articles);
  startupSamples.push(performance.now() - started);
}
const engine = createAnswerEngine(loadKnowledgeBase().articles);
const questions = questionSuite.map((c) => c.question);

for (let i = 0; i < 20; i++) for (const q of questions) engine.answer(q); // warm-up: JIT, caches

/** Each input timed on its own, ROUNDS times over. */
function timeEach<T>(inputs: readonly T[], work: (input: T) => unknown): number[] {
  const samples: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    for (const input of inputs) {
      const started = performance.now();
      work(input);
      samples.push(performance.now() - started);
    }
  }
  return samples;
}

const answerSamples = timeEach(questions, (q) => engine.answer(q));
// The same questions again through an engine that remembers answers (as the bot runs by default).
const cachedEngine = createAnswerEngine(loadKnowledgeBase().articles, { answerCacheSize: 1000 });
for (const q of questions) cachedEngine.answer(q);
const cachedSamples = timeEach(questions, (q) => cachedEngine.answer(q));
const typed = ['', 'z', 'zak', 'zaharova', 'spokes', 'white house', 'pol', 'press secretary', 'xyz'];
const autocompleteSamples = timeEach(typed, (text) => [engine.suggestSpeakers(text), engine.suggestTopics(text)]);

const startup = summarise(startupSamples);
const answer = summarise(answerSamples);
const autocomplete = summarise(autocompleteSamples);
const cached = summarise(cachedSamples);
const rss = process.memoryUsage().rss / 1024 / 1024;
console.log(`node ${process.version}, ${questions.length} questions × ${ROUNDS} rounds`);
console.log(`start-up (load + index, 1 article): p50 ${startup.p50.toFixed(2)} ms, max ${startup.max.toFixed(2)} ms`);
console.log(`answer latency: p50 ${us(answer.p50)}, p99 ${us(answer.p99)}, max ${us(answer.max)}  (target p99 < 1 ms: ${answer.p99 < 1 ? 'met' : 'MISSED'})`);
console.log(`answer asked before (from the answer cache): p50 ${us(cached.p50)}, p99 ${us(cached.p99)}`);
console.log(`autocomplete (speaker + topic): p50 ${us(autocomplete.p50)}, p99 ${us(autocomplete.p99)}`);
console.log(`resident memory: ${rss.toFixed(0)} MB`);
