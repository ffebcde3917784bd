/**
 * Hostile input at the advertised scale: 10,000 generated articles, then 1,000 adversarial
 * questions (up to 300 characters: misspelled common words, random letters, one huge word, names
 * mangled, punctuation and non-Latin floods) and 1,000 adversarial autocomplete inputs (up to 100
 * characters) typed into each of the speaker, topic and article options. Every call is timed on its
 * own, with no answer cache; the target is the slowest of each under 50 ms, so a PING or another
 * user's keystroke never waits longer than that behind one of them.
 *
 *   node --expose-gc --import tsx bench/adversarial.ts [--articles=10000] [--inputs=1000]
 *
 * Each call's wall time is what a PING arriving meanwhile waits; the machine's load average is
 * printed with the figures, as other processes on a shared machine lengthen it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadKnowledgeBase } from '../src/data/load.js';
import { createAnswerEngine } from '../src/engine/index.js';
import { extractWithReport } from '../src/ingest/extract.js';
import { writeGeneratedArticles } from './generate-articles.js';
import { adversarialQuestions, adversarialTyping } from './lib/adversarial-inputs.js';
import { machine, ms, numberFlag, summarise, table } from './lib/stats.js';

const ARTICLES = numberFlag('articles', 10_000);
const INPUTS = numberFlag('inputs', 1_000);
const TARGET_MS = 50;
/** Ingesting a text of 24,000 capitalised words takes seconds, not minutes; the growth from 3,000 words shows the step is linear (8×), not quadratic (64×). */
const INGEST_WORDS = 24_000;
const INGEST_STEP = 8;
const INGEST_TARGET_MS = 3_000;

/** Texts whose statement is attributed to a list of `words` capitalised words. */
function capitalisedRuns(words: number): [string, string][] {
  const list = (names: string, wordsEach: number) => Array.from({ length: Math.round(words / wordsEach) }, () => names).join(', ');
  return [
    ['names ("Becker, Dorn, Varga, …")', `Harbour plan\n\n“We will see,” ${list('Becker, Dorn, Varga', 3)} said.\n`],
    ['people ("Mr Becker, Mr Dorn, Ms Varga, …")', `Harbour plan\n\n“We will see,” ${list('Mr Becker, Mr Dorn, Ms Varga', 6)} said. “It is a start,” she added.\n`],
    ['organisations ("Harbour Ministry, Port Authority, …")', `Harbour plan\n\n“We will see,” ${list('Harbour Ministry, Port Authority, Transport Union', 6)} said.\n`],
    ['one run ("Harbour Becker Dorn Varga …")', `Harbour plan\n\n${Array.from({ length: words / 4 }, () => 'Harbour Becker Dorn Varga').join(' ')} said that it works.\n`],
  ];
}

function timeIngest(text: string): number {
  const started = performance.now();
  extractWithReport(text, { id: 'capitalised-run' });
  return performance.now() - started;
}

function ingestRows(): string[][] {
  const fewer = capitalisedRuns(INGEST_WORDS / INGEST_STEP);
  for (const [, text] of capitalisedRuns(300)) timeIngest(text); // JIT warm-up
  return capitalisedRuns(INGEST_WORDS).map(([shape, text], i) => {
    const small = timeIngest(fewer[i]?.[1] ?? '');
    const large = timeIngest(text);
    return [`ingest: ${shape}`, ms(small), ms(large), `${(large / Math.max(small, 1)).toFixed(1)}×`, large < INGEST_TARGET_MS ? 'met' : 'MISSED'];
  });
}

interface Timed<T> {
  samples: number[];
  slowest: T | undefined;
}

function timeEach<T>(inputs: readonly T[], work: (input: T) => unknown): Timed<T> {
  const samples: number[] = [];
  let slowest: T | undefined;
  let worst = -1;
  for (const input of inputs) {
    const started = performance.now();
    work(input);
    const took = performance.now() - started;
    samples.push(took);
    if (took > worst) [worst, slowest] = [took, input];
  }
  return { samples, slowest };
}

/** Start timing with the garbage of generating and loading the articles collected (when node runs with --expose-gc). */
function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  gc?.();
}

function main(): void {
  const dir = mkdtempSync(join(tmpdir(), 'kb-adversarial-'));
  try {
    process.stderr.write(`  generating ${ARTICLES} articles…\n`);
    writeGeneratedArticles(dir, ARTICLES);
    const { articles } = loadKnowledgeBase(dir);
    const engine = createAnswerEngine(articles);
    const questions = adversarialQuestions(INPUTS, ARTICLES);
    const typed = adversarialTyping(INPUTS);
    // JIT warm-up on other inputs of the same shapes.
    for (const q of adversarialQuestions(50, ARTICLES, 99)) engine.answer(q);
    for (const t of adversarialTyping(50, 98)) for (const suggest of [engine.suggestSpeakers, engine.suggestTopics, engine.suggestArticles]) suggest.call(engine, t);

    collectGarbage();
    const answers = timeEach(questions, (q) => engine.answer(q));
    const speakers = timeEach(typed, (t) => engine.suggestSpeakers(t));
    const topics = timeEach(typed, (t) => engine.suggestTopics(t));
    const titles = timeEach(typed, (t) => engine.suggestArticles(t));
    const rows = [
      ['What', 'inputs', 'p50', 'p99', 'max', `max < ${TARGET_MS} ms`],
      ...(
        [
          ['adversarial questions (≤ 300 chars)', answers],
          ['autocomplete: speaker (≤ 100 chars)', speakers],
          ['autocomplete: topic', topics],
          ['autocomplete: article', titles],
        ] as const
      ).map(([label, result]) => {
        const wall = summarise(result.samples);
        return [label, String(wall.count), ms(wall.p50), ms(wall.p99), ms(wall.max), wall.max < TARGET_MS ? 'met' : 'MISSED'];
      }),
    ];
    console.log(`adversarial input at ${articles.length} articles (${machine()}, load average ${loadavg()[0]?.toFixed(1)}, gc ${'gc' in globalThis ? 'collected before timing' : 'not exposed'}):`);
    console.log(table(rows));
    const preview = (text: string | undefined) => JSON.stringify((text ?? '').slice(0, 70));
    console.log(`slowest question: ${preview(answers.slowest)}; slowest typed: ${preview(titles.slowest)}`);
    console.log('');
    console.log(table([['Hostile text to ingest', `${(INGEST_WORDS / INGEST_STEP).toLocaleString('en')} words`, `${INGEST_WORDS.toLocaleString('en')} words`, 'growth', `${INGEST_WORDS.toLocaleString('en')} in < ${INGEST_TARGET_MS / 1000} s`], ...ingestRows()]));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main();
