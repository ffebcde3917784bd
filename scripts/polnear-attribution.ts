/**
 * Fast in-process attribution run over the PolNeAR articles, written in the `--save` format of
 * `../shared/polnear/score.mjs`, so the official scorer re-scores all 840 train articles in seconds:
 *
 *   npx tsx scripts/polnear-attribution.ts --out /tmp/run.jsonl [--slice all|dev|holdout] [--limit N] [--only S] [--origins FILE]
 *   node ../shared/polnear/score.mjs --split train --load /tmp/run.jsonl
 *
 * Slices: `holdout` is every article whose name hashes into bucket 0 of 10 (about 84 articles), kept out of
 * development; `dev` is the rest. For a slice, `--slice-data DIR` also writes DIR/<split>/ with links to that
 * slice's articles, so the scorer can be pointed at it (`--data DIR`) and scores exactly that slice. Each article's data
 * is verified as `ingest` verifies it (the bot's loader and engine); one it would refuse counts as an error with no
 * quotes, as it does in the spawned scorer. `--origins` writes,
 * per quote, how it was found (cue and form), to join with the scorer's `--dump` when looking for what fails.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { articleJson, verifyArticleJson } from '../src/knowledge/verified-article.js';
import { loadCliConfig } from '../src/config.js';
import { extractWithReport } from '../src/ingest/extract.js';
import { ingestJson } from '../src/ingest/report.js';

const { values } = parseArgs({
  options: {
    data: { type: 'string', default: resolve(import.meta.dirname, '../../shared/polnear/data') },
    split: { type: 'string', default: 'train' },
    out: { type: 'string' },
    slice: { type: 'string', default: 'all' },
    'slice-data': { type: 'string' },
    limit: { type: 'string' },
    only: { type: 'string' },
    origins: { type: 'string' },
  },
});

/** FNV-1a, 32 bits: a fixed, dependency-free hash for choosing the held-out bucket. */
export function nameBucket(name: string, buckets = 10): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) {
    h ^= name.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h % buckets;
}

const slug = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');

const dir = join(values.data, values.split);
if (!existsSync(dir)) {
  process.stderr.write(`no PolNeAR data at ${dir}\n`);
  process.exit(2);
}
const inSlice = (name: string): boolean =>
  values.slice === 'all' ? true : values.slice === 'holdout' ? nameBucket(name) === 0 : values.slice === 'dev' ? nameBucket(name) !== 0 : false;
if (!['all', 'dev', 'holdout'].includes(values.slice)) {
  process.stderr.write('--slice must be all, dev or holdout\n');
  process.exit(2);
}
const names = readdirSync(dir)
  .filter((f) => f.endsWith('.gold.json'))
  .map((f) => f.slice(0, -'.gold.json'.length))
  .sort()
  .filter((n) => inSlice(n) && (!values.only || n.includes(values.only)))
  .slice(0, values.limit ? Number(values.limit) : Infinity);

const { articleMaxBytes: maxBytes } = loadCliConfig();
const lines: string[] = [];
const origins: string[] = [];
let total = 0;
let errors = 0;
for (const name of names) {
  const text = readFileSync(join(dir, `${name}.txt`), 'utf8');
  const started = performance.now();
  let out: unknown = null;
  let err: string | undefined;
  try {
    const extraction = extractWithReport(text, { id: slug(name) });
    // Checked as `ingest` checks it: data the bot would refuse counts as no answer, as in the spawned scorer.
    verifyArticleJson(articleJson(extraction), text, `${slug(name)}.json`, maxBytes);
    out = ingestJson(extraction.article);
    extraction.article.quotes.forEach((q, i) => origins.push(JSON.stringify({ name, quote: q.text, origin: extraction.origins[i] })));
  } catch (error) {
    err = error instanceof Error ? error.message : String(error);
    errors++;
  }
  const ms = performance.now() - started;
  total += ms;
  lines.push(JSON.stringify({ name, ms: Math.round(ms), out, err }));
}
if (values.out) writeFileSync(values.out, `${lines.join('\n')}\n`);
if (values.origins) writeFileSync(values.origins, `${origins.join('\n')}\n`);
if (values['slice-data']) {
  const target = join(resolve(values['slice-data']), values.split);
  rmSync(target, { recursive: true, force: true });
  mkdirSync(target, { recursive: true });
  for (const name of names) for (const ext of ['.txt', '.gold.json']) symlinkSync(join(dir, name + ext), join(target, name + ext));
}
process.stdout.write(`${names.length} articles (${values.slice}), ${errors} errors, ${(total / Math.max(1, names.length)).toFixed(1)} ms/article in process${values.out ? `; wrote ${values.out}` : ''}\n`);
