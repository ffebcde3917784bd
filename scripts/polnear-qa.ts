/**
 * Fast in-process run of the PolNeAR question-answering benchmark (`../shared/polnear/qa/score.mjs`):
 * ingests every article with the project's extractor, loads it back with the real loader, answers
 * every question with the real engine, and writes the raw answers in exactly the `--save` format of
 * `qa/score.mjs`, which then scores them in seconds with `--load`.
 *
 *   npx tsx scripts/polnear-qa.ts --kb one --save /tmp/qa-one.jsonl
 *   node ../shared/polnear/qa/score.mjs --questions /tmp/polnear-slices/dev.questions.jsonl --load /tmp/qa-one.jsonl
 *
 * Flags: --questions FILE (default ../shared/polnear/qa/train.questions.jsonl), --data DIR (default
 * ../shared/polnear/data), --kb one|all, --save FILE, --only SUBSTRING, --limit N (articles),
 * --kb-cache DIR (ingested articles, reused while src/ingest is unchanged), --slices DIR (where the
 * dev and held-out question files are written).
 *
 * It also prints, per slice, what ingestion allows: the share of answerable questions whose article's
 * ingested data holds a quote by the right speaker that covers the statement (the scorer's own test:
 * speaker tokens, bag-of-words F1 ≥ 0.5), and how many of those and of the others the engine answers
 * right, so the engine's misses and ingestion's are told apart (with --kb one; with --kb all an answer from
 * another article may pass too, which only the scorer judges).
 *
 * Held-out slice: an article whose name's SHA-1 starts with a byte ≡ 0 (mod 10) is held out (about
 * 1 in 10). `dev.questions.jsonl` holds the other articles' questions, `holdout.questions.jsonl`
 * the held-out ones; develop on dev only. Nothing of the corpus is written inside the project.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ingestVersion } from './ingest-version.js';
import { parseArgs } from 'node:util';
import { answerToJson } from '../src/cli/format-answer.js';
import { loadArticleFile } from '../src/data/load.js';
import type { Article } from '../src/data/schema.js';
import { createAnswerEngine } from '../src/engine/index.js';
import { extractArticle } from '../src/ingest/extract.js';
import { tokenF1 } from '../src/ingest/score.js';

interface QaQuestion {
  id: string;
  article: string;
  question: string;
  kind: string;
  expect?: { speakerNames: string[]; content?: string; anyContentOf?: string[] };
}

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    questions: { type: 'string', default: join(root, '../shared/polnear/qa/train.questions.jsonl') },
    data: { type: 'string', default: join(root, '../shared/polnear/data') },
    kb: { type: 'string', default: 'one' },
    save: { type: 'string' },
    only: { type: 'string', default: '' },
    limit: { type: 'string' },
    'kb-cache': { type: 'string' },
    slices: { type: 'string', default: join(tmpdir(), 'polnear-slices') },
  },
});
if (values.kb !== 'one' && values.kb !== 'all') throw new Error('--kb one|all');

/** The article id `qa/score.mjs` gives `ingest --id` (lower-case words joined by hyphens). */
const slug = (name: string): string => name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
export const isHeldOut = (name: string): boolean => (createHash('sha1').update(name).digest()[0] ?? 0) % 10 === 0;

const questionLines = readFileSync(values.questions, 'utf8').split('\n').filter((l) => l.trim());
const questions = questionLines.map((l) => JSON.parse(l) as QaQuestion & { split?: string });
const split = questions[0]?.split ?? 'train';
const dataDir = existsSync(join(values.data, split)) ? join(values.data, split) : values.data;

// The dev / held-out question files, for scoring each slice with `qa/score.mjs --questions`.
mkdirSync(values.slices, { recursive: true });
writeFileSync(join(values.slices, 'dev.questions.jsonl'), questionLines.filter((_, i) => !isHeldOut(questions[i]?.article ?? '')).join('\n') + '\n');
writeFileSync(join(values.slices, 'holdout.questions.jsonl'), questionLines.filter((_, i) => isHeldOut(questions[i]?.article ?? '')).join('\n') + '\n');

let names = [...new Set(questions.map((q) => q.article))];
if (values.only) names = names.filter((n) => n.includes(values.only ?? ''));
if (values.limit) names = names.slice(0, Number(values.limit));
const asked = new Set(names);
const qs = questions.filter((q) => asked.has(q.article));
// As qa/score.mjs: --kb all holds every article of the split (distractors too) unless the run is narrowed.
const narrowed = values.only !== '' || values.limit !== undefined;
const kbNames = values.kb === 'all' && !narrowed
  ? readdirSync(dataDir).filter((f) => f.endsWith('.gold.json')).map((f) => f.slice(0, -'.gold.json'.length)).sort()
  : names;

// ── ingest (cached per version of the ingestion code, see ingest-version.ts) ──
const cacheDir = values['kb-cache'] ?? join(tmpdir(), `polnear-kb-${ingestVersion(root)}`);
mkdirSync(cacheDir, { recursive: true });

const started = performance.now();
let ingestMs = 0;
let ingestErrors = 0;
const articles = new Map<string, Article>();
kbNames.forEach((name, n) => {
  const id = slug(name);
  const jsonFile = join(cacheDir, `${id}.json`);
  const failedFile = join(cacheDir, `${id}.failed`);
  if (!existsSync(jsonFile) && !existsSync(failedFile)) {
    const t0 = performance.now();
    const text = readFileSync(join(dataDir, `${name}.txt`), 'utf8');
    try {
      writeFileSync(join(cacheDir, `${id}.txt`), text);
      writeFileSync(jsonFile, `${JSON.stringify(extractArticle(text, { id }), null, 2)}\n`);
    } catch (error) {
      writeFileSync(failedFile, String(error));
    }
    ingestMs += performance.now() - t0;
    if (n % 100 === 99) process.stderr.write(`  ingested ${n + 1}/${kbNames.length}\n`);
  }
  if (existsSync(failedFile)) {
    ingestErrors++;
    return;
  }
  try {
    articles.set(name, loadArticleFile(jsonFile)); // the bot's own loader: schema and verbatim checks
  } catch (error) {
    ingestErrors++;
    process.stderr.write(`ingest failed for ${name}: ${String(error)}\n`);
  }
});
process.stderr.write(`${articles.size} articles ingested and loaded (${ingestErrors} failed) from ${cacheDir}\n`);

// ── ask ──
interface RawAnswer {
  id: string;
  out: unknown;
  err: string | null;
  ms: number;
}
const raw: RawAnswer[] = [];
const askStarted = performance.now();
const answerAll = (engine: ReturnType<typeof createAnswerEngine> | null, batch: QaQuestion[]) => {
  for (const q of batch) {
    const t0 = performance.now();
    const question = q.question.replace(/\n/g, ' ');
    const out = engine ? answerToJson(engine.answer(question)) : null;
    raw.push({ id: q.id, out, err: out ? null : 'no valid article in the knowledge base', ms: performance.now() - t0 });
  }
};
let askRuns = 0;
if (values.kb === 'one') {
  for (const name of names) {
    const article = articles.get(name);
    answerAll(article ? createAnswerEngine([article]) : null, qs.filter((q) => q.article === name));
    askRuns++;
  }
} else {
  answerAll(createAnswerEngine([...articles.values()]), qs);
  askRuns = 1;
}
const askMs = performance.now() - askStarted;
const byId = new Map(raw.map((r) => [r.id, r]));
const timing = { ingestMs, ingestRuns: kbNames.length, ingestErrors, askMs, askRuns, askErrors: 0, wallMs: performance.now() - started };
const save = values.save ?? join(tmpdir(), `polnear-qa-${values.kb}.jsonl`);
writeFileSync(save, [JSON.stringify({ timing, system: 'project', kb: values.kb }), ...qs.map((q) => JSON.stringify(byId.get(q.id) ?? { id: q.id, out: null, err: 'not run' }))].join('\n') + '\n');
process.stderr.write(`${qs.length} questions answered in ${(askMs / 1000).toFixed(1)} s; raw answers in ${save}; slices in ${values.slices}\n`);

// ── what ingestion allows (the scorer's own tests: speaker tokens, bag-of-words F1 ≥ 0.5) ──
const toks = (text: unknown): string[] => String(text ?? '').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
const speakerOk = (speaker: unknown, names: readonly string[]): boolean => {
  const own = new Set(toks(speaker));
  return names.some((n) => toks(n).length > 0 && toks(n).every((t) => own.has(t)));
};
interface AnswerLine {
  found?: boolean;
  answers?: { speaker?: string | null; quote?: string }[];
}
/** Dev questions the data can answer and the engine does not (SHOW_ENGINE_MISSES=1); the held-out slice is never listed. */
const misses: string[] = [];
const tally = new Map<string, { answerable: number; dataCan: number; passWhereCan: number; passWhereNot: number }>();
for (const q of qs) {
  if (q.kind === 'out-of-scope' || !q.expect) continue;
  const slice = isHeldOut(q.article) ? 'held-out' : 'dev';
  const t = tally.get(slice) ?? { answerable: 0, dataCan: 0, passWhereCan: 0, passWhereNot: 0 };
  tally.set(slice, t);
  t.answerable++;
  const names = q.expect.speakerNames;
  const contents = q.kind === 'what-did-say-plain' ? (q.expect.anyContentOf ?? []) : [q.expect.content ?? ''];
  const covers = (quote: string | undefined) => contents.some((c) => tokenF1(quote ?? '', c) >= 0.5);
  const article = articles.get(q.article);
  const people = new Map(article?.people.map((p) => [p.id, p.name]) ?? []);
  const can = article?.quotes.some((quote) => speakerOk(people.get(quote.speaker), names) && covers(quote.text)) ?? false;
  const out = byId.get(q.id)?.out as AnswerLine | null | undefined;
  const pass = out?.found === true && (out.answers ?? []).slice(0, 3).some((a) => speakerOk(a.speaker, names) && covers(a.quote));
  if (can) t.dataCan++;
  if (pass && can) t.passWhereCan++;
  if (pass && !can) t.passWhereNot++;
  if (can && !pass && slice === 'dev') misses.push(`${q.kind}: ${q.question} → ${out?.found ? out.answers?.[0]?.speaker : 'declined'}`);
}
if (process.env.SHOW_ENGINE_MISSES) process.stderr.write(`${misses.join('\n')}\n`);
for (const [slice, t] of values.kb === 'one' ? [...tally].sort() : []) {
  const pct = (n: number, d: number) => `${((100 * n) / Math.max(1, d)).toFixed(1)} %`;
  process.stderr.write(
    `${slice}: ${t.answerable} answerable; the ingested data holds the right quote by the right speaker for ${t.dataCan} (${pct(t.dataCan, t.answerable)}); ` +
      `right answers: ${t.passWhereCan} of those (${pct(t.passWhereCan, t.dataCan)}), ${t.passWhereNot} of the others\n`,
  );
}
