/**
 * How the cost grows with the knowledge base: 1, 100, 1,000 and 10,000 articles. Each size runs in
 * a fresh child process (so resident memory is that size's alone): load + index time, RSS, answer
 * p50/p99 over questions about the generated articles, and autocomplete p99.
 *
 *   npx tsx bench/scale.ts            all sizes
 *   npx tsx bench/scale.ts --size 1000   one size, printed as JSON (what the parent runs)
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { loadKnowledgeBase } from '../src/data/load.js';
import { createAnswerEngine } from '../src/engine/index.js';
import { questionSuite } from '../tests/engine/question-suite.js';
import { generateArticle, writeGeneratedArticles } from './generate-articles.js';

const SIZES = [1, 100, 1000, 10_000];
const QUESTIONS = 300;

interface SizeResult {
  articles: number;
  loadMs: number;
  indexMs: number;
  rssMb: number;
  answerP50Ms: number;
  answerP99Ms: number;
  answerCpuP99Ms: number;
  autocompleteP99Ms: number;
}

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

/**
 * Questions people would ask of these articles: their people, topics, dates, and some out of scope.
 * `seed` picks which articles (0: the measured questions; 1: others, to warm up on).
 */
function questionsFor(size: number, seed = 0): string[] {
  const out: string[] = [];
  for (let i = 0; out.length < QUESTIONS; i++) {
    const { data } = generateArticle((i * 7919 + seed * 104_729) % size);
    const person = data.people[i % data.people.length];
    const surname = person?.name.split(' ').pop() ?? 'nobody';
    const topic = data.topics[i % data.topics.length];
    const templates = [
      `what did ${surname} say?`,
      `who spoke about ${topic?.keywords[0] ?? 'the budget'}?`,
      `who is ${person?.name ?? 'nobody'}?`,
      `what did ${surname} say about ${topic?.keywords[1] ?? 'taxes'}?`,
      `when did ${surname} speak?`,
      'what did Merkel say about the economy?',
      `who said ${data.quotes[0]?.text.split(' ').slice(0, 6).join(' ') ?? 'nothing'}`,
    ];
    out.push(templates[i % templates.length] as string);
  }
  return out;
}

function measure(size: number): SizeResult {
  const dir = mkdtempSync(join(tmpdir(), 'kb-scale-'));
  try {
    if (size > 1) writeGeneratedArticles(dir, size);
    const source = size > 1 ? dir : undefined;
    const loadStarted = performance.now();
    const { articles } = loadKnowledgeBase(source);
    const indexStarted = performance.now();
    const engine = createAnswerEngine(articles);
    const indexMs = performance.now() - indexStarted;
    const loadMs = indexStarted - loadStarted;

    // One article: the seed and its question suite, as `bench/run.ts`; more: questions about the generated ones.
    const questions = size > 1 ? questionsFor(size) : questionSuite.map((c) => c.question);
    // JIT only, as a running server is (20 rounds at size 1, as bench/run.ts). At large sizes the warm-up asks the
    // same kinds of question about other articles: the code is compiled, the engines of the measured articles are not built.
    const warmUp = size > 1 ? [...questionsFor(size, 1), ...questions.slice(0, 20)] : Array.from({ length: 20 }, () => questions).flat();
    for (const q of warmUp) engine.answer(q);
    const answerSamples: number[] = [];
    // CPU time (all of the process's threads, the collector's included) does not grow when other processes take the cores.
    const answerCpuSamples: number[] = [];
    for (let round = 0; round < (size > 1 ? 1 : 20); round++) {
      for (const q of questions) {
        const cpu = process.cpuUsage();
        const started = performance.now();
        engine.answer(q);
        answerSamples.push(performance.now() - started);
        const used = process.cpuUsage(cpu);
        answerCpuSamples.push((used.user + used.system) / 1000);
      }
    }
    const typed = ['', 'a', 'be', 'bec', 'beck', 'mayor', 'spokes', 'strike', 'xyzzy', 'elena'];
    const autocompleteSamples: number[] = [];
    for (let round = 0; round < 20; round++) {
      for (const text of typed) {
        const started = performance.now();
        engine.suggestSpeakers(text);
        engine.suggestTopics(text);
        autocompleteSamples.push(performance.now() - started);
      }
    }
    return {
      articles: articles.length,
      loadMs,
      indexMs,
      rssMb: process.memoryUsage().rss / 1024 / 1024,
      answerP50Ms: percentile(answerSamples, 50),
      answerP99Ms: percentile(answerSamples, 99),
      answerCpuP99Ms: percentile(answerCpuSamples, 99),
      autocompleteP99Ms: percentile(autocompleteSamples, 99),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const sizeFlag = process.argv.indexOf('--size');
if (sizeFlag >= 0) {
  process.stdout.write(`${JSON.stringify(measure(Number(process.argv[sizeFlag + 1])))}\n`);
} else {
  const self = fileURLToPath(import.meta.url);
  console.log('knowledge-base scale (each size in a fresh process):');
  console.log('articles | load ms | index ms | RSS MB | answer p50 ms | answer p99 ms | answer p99 CPU ms | autocomplete p99 ms');
  for (const size of SIZES) {
    process.stderr.write(`  measuring ${size} articles…\n`);
    const output = execFileSync(process.execPath, ['--import', 'tsx', self, '--size', String(size)], { encoding: 'utf8', maxBuffer: 1 << 20 });
    const r = JSON.parse(output.trim().split('\n').pop() ?? '{}') as SizeResult;
    console.log(
      `${String(r.articles).padStart(8)} | ${r.loadMs.toFixed(0).padStart(7)} | ${r.indexMs.toFixed(0).padStart(8)} | ${r.rssMb.toFixed(0).padStart(6)} | ${r.answerP50Ms.toFixed(3).padStart(13)} | ${r.answerP99Ms.toFixed(3).padStart(13)} | ${r.answerCpuP99Ms.toFixed(3).padStart(17)} | ${r.autocompleteP99Ms.toFixed(3).padStart(19)}`,
    );
  }
  console.log('targets: p99 answer < 1 ms at 1 article and < 20 ms at 10,000; load of 1,000 < 2 s; < 200 MB at 1,000');
}
