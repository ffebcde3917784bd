/**
 * What picking up a change to ARTICLES_DIR costs while the bot runs, at 100, 1,000 and 10,000
 * generated articles: the look at every file when nothing changed (what the periodic re-scan
 * does), one article added (read + verify one pair, then a new engine over all of them and the
 * swap), and a forced reload (SIGHUP: every pair read and verified again). Building the new engine
 * runs on the event loop, so for that long no question is answered.
 *
 *   npx tsx bench/reload.ts            all sizes
 *   npx tsx bench/reload.ts --size 1000
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { ArticleDirectory } from '../src/data/article-directory.js';
import { LiveKnowledgeBase } from '../src/knowledge/live-knowledge-base.js';
import { generateArticle, writeGeneratedArticles } from './generate-articles.js';

const SIZES = [100, 1000, 10_000];
const ROUNDS = 3;

const median = (samples: number[]) => [...samples].sort((a, b) => a - b)[Math.floor(samples.length / 2)] ?? NaN;

async function measure(size: number): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'kb-reload-'));
  try {
    writeGeneratedArticles(dir, size);
    const directory = new ArticleDirectory(dir);
    let started = performance.now();
    const first = await directory.scan();
    const live = new LiveKnowledgeBase('directory', first.articles, { answerCacheSize: 1000 });
    const startMs = performance.now() - started;

    const unchanged: number[] = [];
    const blocked: number[] = [];
    const added: { scanMs: number; buildMs: number; totalMs: number }[] = [];
    const forced: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      // The look is asynchronous: what matters for answering is the longest stretch it holds the event loop.
      const delay = monitorEventLoopDelay({ resolution: 1 });
      delay.enable();
      started = performance.now();
      await directory.scan({ settle: true });
      unchanged.push(performance.now() - started);
      delay.disable();
      blocked.push(delay.max / 1e6);

      const { data, text } = generateArticle(size + round);
      writeFileSync(join(dir, data.textFile), text);
      writeFileSync(join(dir, `${data.id}.json`), JSON.stringify(data));
      started = performance.now();
      const scan = await directory.scan({ settle: true });
      const scanMs = performance.now() - started;
      const update = live.update('directory', scan.articles);
      if (!update.swapped || scan.read !== 1) throw new Error(`expected one article read and a swap, got ${scan.read} read`);
      added.push({ scanMs, buildMs: update.buildMs, totalMs: performance.now() - started });

      started = performance.now();
      const all = await directory.scan({ force: true });
      live.update('directory', all.articles);
      forced.push(performance.now() - started);
    }
    const ms = (value: number) => value.toFixed(0).padStart(7);
    return `${String(size).padStart(8)} | ${ms(startMs)} | ${ms(median(unchanged))} (loop held ${ms(median(blocked)).trim()}) | ${ms(median(added.map((a) => a.scanMs)))} | ${ms(median(added.map((a) => a.buildMs)))} | ${ms(median(added.map((a) => a.totalMs)))} | ${ms(median(forced))}`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const sizeFlag = process.argv.indexOf('--size');
const sizes = sizeFlag >= 0 ? [Number(process.argv[sizeFlag + 1])] : SIZES;
console.log(`reloading ARTICLES_DIR while running (median of ${ROUNDS}; ms):`);
console.log('articles | start-up | look, nothing changed | one added: scan | build engine | total | forced (SIGHUP), nothing changed');
for (const size of sizes) console.log(await measure(size));
console.log('building the engine blocks answering for its duration; the rest is asynchronous or per changed file');
