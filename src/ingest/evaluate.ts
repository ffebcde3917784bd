import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { BUNDLED_ARTICLES_DIR } from '../data/load.js';
import { articleSchema } from '../data/schema.js';
import { extractArticle } from './extract.js';
import { expectedFromArticle, scoreArticle, total, type Expected, type Score } from './score.js';

export const FIXTURES_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../tests/fixtures/ingest');
export const SEED_ID = 'russia-ukraine-negotiations';

export interface CaseResult {
  name: string;
  heldOut: boolean;
  score: Score;
}

/**
 * Extracts every fixture and the seed article and scores each against its hand-written key.
 * Run `npx tsx src/ingest/evaluate.ts [--verbose] [--dir PATH]`; --verbose lists missed and spurious quotes,
 * --dir scores the fixtures in another directory (the seed article is always added).
 */
export function evaluateAll(fixturesDir = FIXTURES_DIR): CaseResult[] {
  const results: CaseResult[] = [];
  for (const file of readdirSync(fixturesDir).filter((f) => f.endsWith('.txt')).sort()) {
    const name = file.slice(0, -'.txt'.length);
    const text = readFileSync(join(fixturesDir, file), 'utf8');
    const expected = JSON.parse(readFileSync(join(fixturesDir, `${name}.expected.json`), 'utf8')) as Expected;
    results.push({ name, heldOut: expected.heldOut === true, score: scoreArticle(extractArticle(text, { id: name }), text, expected) });
  }
  const seedText = readFileSync(join(BUNDLED_ARTICLES_DIR, `${SEED_ID}.txt`), 'utf8');
  const seed = articleSchema.parse(JSON.parse(readFileSync(join(BUNDLED_ARTICLES_DIR, `${SEED_ID}.json`), 'utf8')));
  results.push({ name: `seed:${SEED_ID}`, heldOut: false, score: scoreArticle(extractArticle(seedText, { id: SEED_ID }), seedText, expectedFromArticle(seed)) });
  return results;
}

const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;
const line = (name: string, s: Score): string =>
  `${name.padEnd(40)} recall ${pct(s.recall).padStart(6)}  precision ${pct(s.precision).padStart(6)}  matched ${s.matched}/${s.expected} of ${s.extracted} extracted  wrong-speaker ${s.wrongSpeaker}  non-verbatim ${s.nonVerbatim}`;

/** `--dir PATH` (or `--dir=PATH`) evaluates another fixture directory; the default is FIXTURES_DIR. */
function fixturesDirArg(argv: readonly string[]): string {
  const i = argv.indexOf('--dir');
  const inline = argv.find((a) => a.startsWith('--dir='));
  const value = inline !== undefined ? inline.slice('--dir='.length) : i >= 0 ? argv[i + 1] : undefined;
  if (inline === undefined && i < 0) return FIXTURES_DIR;
  if (!value || value.startsWith('--')) {
    process.stderr.write('usage: evaluate.ts [--verbose] [--dir PATH]\n');
    process.exit(2);
  }
  return resolve(value);
}

function main(): void {
  const verbose = process.argv.includes('--verbose');
  const results = evaluateAll(fixturesDirArg(process.argv.slice(2)));
  for (const r of results) {
    process.stdout.write(`${line(r.name + (r.heldOut ? ' (marked held-out)' : ''), r.score)}\n`);
    if (verbose) {
      for (const m of r.score.missed) process.stdout.write(`    missed   ${m}\n`);
      for (const s of r.score.spurious) process.stdout.write(`    spurious ${s}\n`);
    }
  }
  process.stdout.write(`${line('OVERALL', total(results.map((r) => r.score)))}\n`);
  process.stdout.write(`${line('  other fixtures + seed', total(results.filter((r) => !r.heldOut).map((r) => r.score)))}\n`);
  process.stdout.write(`${line('  marked held-out', total(results.filter((r) => r.heldOut).map((r) => r.score)))}\n`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main();
