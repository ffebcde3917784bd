/**
 * Where the PolNeAR QA losses go (`--kb one`): joins a saved run of `scripts/polnear-qa.ts` with the ingested
 * data it answered from and counts each lost answerable question under one category:
 *   a  the statement is not among the extracted quotes at all (no quote reaches token F1 0.5; split into
 *      a-partial, a quote overlaps it with F1 in [0.25, 0.5): cut or merged, and a-none)
 *   b  a quote covers it but its speaker is another person
 *   d  a quote covers it and its speaker is the same person under a name lacking a token the question's expected
 *      name has (surname missing, a name cut at an initial, an alias), so the scorer's token test fails
 *   c  a quote by the right speaker covers it, and the engine ranks it below 3 or declines
 *   n  a quote covers it with no speaker
 *
 *   npx tsx scripts/qa-losses.ts --run /tmp/one.jsonl [--kb-cache DIR] [--slice dev|held-out|all] [--show a,b]
 * Examples are printed for the dev slice only (the held-out slice is counted, never listed).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ingestVersion } from './ingest-version.js';
import { parseArgs } from 'node:util';
import { loadArticleFile } from '../src/data/load.js';
import { tokenF1 } from '../src/ingest/score.js';
import { extractWithReport, type Unattributed } from '../src/ingest/extract.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    run: { type: 'string' },
    questions: { type: 'string', default: join(root, '../shared/polnear/qa/train.questions.jsonl') },
    'kb-cache': { type: 'string' },
    show: { type: 'string', default: '' },
  },
});
const cacheDir = values['kb-cache'] ?? join(tmpdir(), `polnear-kb-${ingestVersion(root)}`);
const slug = (name: string): string => name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
const isHeldOut = (name: string): boolean => (createHash('sha1').update(name).digest()[0] ?? 0) % 10 === 0;
const toks = (text: unknown): string[] => String(text ?? '').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
const speakerOk = (speaker: unknown, names: readonly string[]): boolean => {
  const own = new Set(toks(speaker));
  return names.some((n) => toks(n).length > 0 && toks(n).every((t) => own.has(t)));
};
const speakerNear = (speaker: unknown, names: readonly string[]): boolean => {
  const own = new Set(toks(speaker));
  return names.some((n) => toks(n).some((t) => t.length > 2 && own.has(t)));
};
interface Q { id: string; article: string; question: string; kind: string; expect?: { speakerNames: string[]; content?: string; anyContentOf?: string[] }; source?: string; cue?: string; direct?: boolean }
const qs = readFileSync(values.questions!, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as Q);
const raw = new Map(readFileSync(values.run!, 'utf8').split('\n').filter((l) => l.trim()).slice(1).map((l) => { const r = JSON.parse(l) as { id: string; out: { found?: boolean; answers?: { speaker?: string | null; quote?: string }[] } | null }; return [r.id, r.out]; }));
const unCache = new Map<string, Unattributed[]>();
const dataDir = join(root, '../shared/polnear/data/train');
function unattributedOf(name: string): Unattributed[] {
  let u = unCache.get(name);
  if (!u) { u = extractWithReport(readFileSync(join(dataDir, `${name}.txt`), 'utf8'), { id: slug(name) }).unattributed; unCache.set(name, u); }
  return u;
}
const show = new Set(values.show.split(',').filter(Boolean));
const counts = new Map<string, Map<string, number>>();
const bump = (slice: string, cat: string) => { const m = counts.get(slice) ?? new Map<string, number>(); counts.set(slice, m); m.set(cat, (m.get(cat) ?? 0) + 1); };
for (const q of qs) {
  if (q.kind === 'out-of-scope' || !q.expect) continue;
  const slice = isHeldOut(q.article) ? 'held-out' : 'dev';
  const names = q.expect.speakerNames;
  const contents = q.kind === 'what-did-say-plain' ? (q.expect.anyContentOf ?? []) : [q.expect.content ?? ''];
  const best = (quote: string | undefined) => Math.max(...contents.map((c) => tokenF1(quote ?? '', c)));
  const out = raw.get(q.id);
  const pass = out?.found === true && (out.answers ?? []).slice(0, 3).some((a) => speakerOk(a.speaker, names) && best(a.quote) >= 0.5);
  bump(slice, 'answerable');
  if (pass) { bump(slice, 'pass'); continue; }
  const article = loadArticleFile(join(cacheDir, `${slug(q.article)}.json`));
  const people = new Map(article.people.map((p) => [p.id, p]));
  const scored = article.quotes.map((quote) => ({ quote, f1: best(quote.text), person: quote.speaker ? people.get(quote.speaker) : undefined }));
  const covering = scored.filter((s) => s.f1 >= 0.5);
  let cat: string;
  if (covering.some((s) => s.person && speakerOk(s.person.name, names))) cat = 'c';
  else if (covering.some((s) => s.person && speakerNear([s.person.name, ...s.person.aliases].join(' '), names))) cat = 'd';
  else if (covering.some((s) => s.person)) cat = 'b';
  else if (covering.length > 0) cat = 'n';
  else {
    cat = scored.some((s) => s.f1 >= 0.25) ? 'a-partial' : 'a-none';
    // Did the extractor see speech there and fail to give it a speaker?
    const un = unattributedOf(q.article);
    const ct = new Set(toks(contents[0]));
    if (un.some((u) => { const st = new Set(toks(u.sentence)); return [...ct].filter((t) => st.has(t)).length >= 0.8 * ct.size; })) cat += '-unattributed';
  }
  bump(slice, cat);
  bump(slice, `${cat}:${q.kind}`);
  if (slice === 'dev' && (show.has(cat) || show.has(cat[0]!) || show.has(cat.replace(/-unattributed$/, '')))) {
    const top = scored.sort((x, y) => y.f1 - x.f1)[0];
    process.stdout.write(`\n[${cat}] ${q.id} ${q.article}\n  Q: ${q.question}\n  expect ${names.join('|')} (src "${q.source}", cue ${q.cue}, ${q.direct ? 'direct' : 'reported'}): ${contents[0]?.slice(0, 300)}\n`);
    if (top) process.stdout.write(`  best quote f1=${top.f1.toFixed(2)} by ${top.person?.name ?? '-'}: ${top.quote.text.slice(0, 300)}\n`);
    process.stdout.write(`  answer: ${out?.found ? (out.answers ?? []).slice(0, 3).map((a) => `${a.speaker}: ${a.quote?.slice(0, 80)}`).join(' || ') : 'declined'}\n`);
  }
}
for (const [slice, m] of [...counts].sort()) {
  process.stdout.write(`\n${slice}:\n`);
  for (const [k, v] of [...m].sort()) process.stdout.write(`  ${k.padEnd(32)} ${v}\n`);
}
