/**
 * `npm run bench`: ingestion time per article, in process — the fixtures and the bundled article, and the 840 PolNeAR
 * train articles (real newspaper text) when `../shared/polnear/data` is there. The tagger's model loads once, on the
 * first article; that cost is shown apart. Target: under 50 ms for an average article.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { BUNDLED_ARTICLES_DIR } from '../src/data/load.js';
import { extractArticle } from '../src/ingest/extract.js';

const ROOT = resolve(import.meta.dirname, '..');
const texts = (dir: string): string[] =>
  existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(join(dir, f), 'utf8')) : [];

const ours = [...texts(join(ROOT, 'tests/fixtures/ingest')), ...texts(join(ROOT, 'tests/fixtures/ingest-holdout')), ...texts(BUNDLED_ARTICLES_DIR)];
const news = texts(resolve(ROOT, '../shared/polnear/data/train'));

const loadStarted = performance.now();
extractArticle(ours[0] ?? 'Title\n\nBody.');
const firstCall = performance.now() - loadStarted;

function time(corpus: readonly string[], rounds: number): { mean: number; p50: number; p99: number; chars: number } {
  const samples: number[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const text of corpus) {
      const started = performance.now();
      extractArticle(text);
      samples.push(performance.now() - started);
    }
  }
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
  const mean = samples.reduce((s, x) => s + x, 0) / Math.max(1, samples.length);
  return { mean, p50: at(50), p99: at(99), chars: corpus.reduce((s, t) => s + t.length, 0) / Math.max(1, corpus.length) };
}

const line = (name: string, r: ReturnType<typeof time>, n: number): string =>
  `ingest ${name} (${n} articles, ${Math.round(r.chars)} characters on average): mean ${r.mean.toFixed(1)} ms, p50 ${r.p50.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms  (target mean < 50 ms: ${r.mean < 50 ? 'met' : 'MISSED'})`;

console.log(`ingest: first article ${firstCall.toFixed(0)} ms (loads the tagger's model once)`);
console.log(line('fixtures and bundled article', time(ours, 20), ours.length));
if (news.length > 0) console.log(line('PolNeAR train news articles', time(news, 1), news.length));
else console.log('ingest: PolNeAR train articles not found (../shared/polnear/data/train); news timing skipped');
