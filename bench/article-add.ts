/**
 * How long one `/article add` of a news page holds the event loop (while it does, no other
 * interaction on the shard is answered). A news page is served on 127.0.0.1 and added three times
 * in this fresh process through `articleFromLink`, the command's own path: the first add after
 * start, then later ones. A 1 ms timer probes the event loop; its longest gap is the longest block.
 * Then the rest of the admin's loop, on the bot's embedded database: the preview staged and Add
 * pressed, and the server's next question, which builds its engine over the shared articles plus
 * the new one (on the event loop, as a reload does). Then, in a fresh child process, the CPU-bound parts are timed one by one, cold (first use) and
 * warm: page-to-text (linkedom + Readability), ingestion (src/ingest), verification (load checks
 * and the engine asked every way), all three on the reading thread (src/sources/article-reader.ts)
 * since 8 Dec, and the server's engine rebuilt over the shared articles plus the new one, which the
 * event loop still does at the server's next question after Add (as a reload does).
 *
 *   npx tsx bench/article-add.ts               the page: a 5-10 KB PolNeAR train article when ../shared/polnear is there, else the test news page
 *   npx tsx bench/article-add.ts --page FILE   an HTML file of your own
 *   npx tsx bench/article-add.ts --shared N    the server's engine rebuilt over N generated shared articles (as with ARTICLES_DIR) instead of the bundled one
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pino } from 'pino';
import { loadKnowledgeBase } from '../src/data/load.js';
import { createAnswerEngine } from '../src/engine/index.js';
import { extractWithReport } from '../src/ingest/extract.js';
import { LiveKnowledgeBase } from '../src/knowledge/live-knowledge-base.js';
import { ServerKnowledge } from '../src/knowledge/server-knowledge.js';
import { articleJson, verifyArticleJson } from '../src/knowledge/verified-article.js';
import type { Article } from '../src/data/schema.js';
import { articleFromLink, type SourceOptions } from '../src/sources/article-source.js';
import { articleText, idFromTitle } from '../src/sources/ingest-text.js';
import { readPage } from '../src/sources/page-text.js';
import { openDatabase } from '../src/store/open-database.js';
import { SqlServerArticleStore } from '../src/store/sql-server-article-store.js';
import { generateArticle } from './generate-articles.js';

const ROOT = resolve(import.meta.dirname, '..');
const ADDS = 3;
const MAX_BYTES = 2 * 1024 * 1024;

/** A news page: the article's paragraphs inside navigation, an advert and comments, as a site serves it. */
function newsPage(text: string): string {
  const [title = '', ...paragraphs] = text.split('\n').filter((line) => line.trim() !== '');
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  return `<!doctype html><html><head><title>${escape(title)} | The Quillhaven Lantern</title><meta property="og:site_name" content="The Quillhaven Lantern"></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav><div class="ad">ADVERTISEMENT</div>
<article><h1>${escape(title)}</h1>${paragraphs.map((p) => `<p>${escape(p)}</p>`).join('\n')}</article>
<aside><h2>Related</h2><ul><li><a href="/a">Another story</a></li><li><a href="/b">A third story</a></li></ul></aside>
<section class="comments"><p>First!</p></section><footer>Contact us</footer></body></html>`;
}

function choosePage(): { name: string; html: string } {
  const asked = process.argv.indexOf('--page');
  const file = asked >= 0 ? process.argv[asked + 1] : undefined;
  if (file) return { name: file, html: readFileSync(file, 'utf8') };
  const dir = resolve(ROOT, '../shared/polnear/data/train');
  if (existsSync(dir)) {
    const pick = readdirSync(dir)
      .filter((f) => f.endsWith('.txt'))
      .sort()
      .find((f) => {
        const size = readFileSync(join(dir, f)).length;
        return size >= 6000 && size <= 9000;
      });
    if (pick) return { name: `PolNeAR train ${pick}`, html: newsPage(readFileSync(join(dir, pick), 'utf8')) };
  }
  return { name: 'tests/fixtures/pages/lighthouse-museum.html', html: readFileSync(join(ROOT, 'tests/fixtures/pages/lighthouse-museum.html'), 'utf8') };
}

/** The longest stretch the event loop was held while `work` ran: the largest gap between ticks of a 1 ms timer, less the 1 ms. */
async function longestBlock<T>(work: () => Promise<T>): Promise<{ blockMs: number; totalMs: number; result: T }> {
  let last = performance.now();
  let longest = 0;
  const probe = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last - 1);
    last = now;
  }, 1);
  const started = performance.now();
  try {
    const result = await work();
    const now = performance.now();
    longest = Math.max(longest, now - last - 1);
    return { blockMs: Math.max(0, longest), totalMs: now - started, result };
  } finally {
    clearInterval(probe);
  }
}

const ms = (value: number) => `${value.toFixed(0)} ms`;

function optionalNumber(flag: string): number | undefined {
  const at = process.argv.indexOf(flag);
  return at >= 0 ? Number(process.argv[at + 1]) : undefined;
}

/** The shared articles a server's engine is built over: the bundled ones, or `count` generated ones. */
function sharedArticles(count: number | undefined): Article[] {
  if (count === undefined) return loadKnowledgeBase().articles;
  return Array.from({ length: count }, (_, n) => {
    const { data, text } = generateArticle(n);
    return { ...data, text };
  });
}

/** The parts of one add, each synchronous, timed in order; the first call of each is its cold cost. */
function timeParts(html: string, shared: readonly Article[]): Record<string, number> {
  const times: Record<string, number> = {};
  const lap = <T>(name: string, work: () => T): T => {
    const started = performance.now();
    const result = work();
    times[name] = performance.now() - started;
    return result;
  };
  const page = lap('page-to-text (linkedom + Readability)', () => readPage(html));
  if (!page) throw new Error('no article on the page');
  const text = articleText(page.title, page.paragraphs);
  const id = idFromTitle(page.title);
  const extraction = lap('ingestion (src/ingest: tagging, statements, speakers)', () => extractWithReport(text, { id }));
  const article = lap('verification (load checks, engine asked every way)', () => verifyArticleJson(articleJson(extraction), text, `${id}.json`, MAX_BYTES));
  lap(`server engine rebuilt (${shared.length} shared + 1)`, () => createAnswerEngine([...shared, article]));
  return times;
}

/** Preview staged and Add pressed on the embedded database, then the server's next question (its engine built with the new article). */
async function restOfTheLoop(article: Article): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'article-add-bench-'));
  const db = await openDatabase({ dataDir });
  try {
    const guild = '1400000000000000001';
    const store = new SqlServerArticleStore(db);
    const shared = sharedArticles(optionalNumber('--shared'));
    const knowledge = new ServerKnowledge(new LiveKnowledgeBase('directory', shared), store, { logger: pino({ level: 'silent' }) });
    await knowledge.forServer(guild);
    const stored = await longestBlock(async () => store.confirm(guild, await store.stage(guild, article)));
    console.log(`  preview staged and Add pressed: longest event-loop block ${ms(stored.blockMs)}, whole ${ms(stored.totalMs)}`);
    const next = await longestBlock(async () => (await knowledge.forServer(guild)).engine.answer('who is quoted?'));
    console.log(`  the server's next question (its engine built over ${shared.length} shared + 1): longest event-loop block ${ms(next.blockMs)}, whole ${ms(next.totalMs)}`);
  } finally {
    await db.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (process.argv.includes('--parts')) {
  const html = readFileSync(0, 'utf8');
  const shared = sharedArticles(optionalNumber('--shared'));
  const cold = timeParts(html, shared);
  const warm = timeParts(html, shared);
  console.log(JSON.stringify({ cold, warm }));
} else {
  const { name, html } = choosePage();
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(html);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  const options: SourceOptions = { fetch: { timeoutMs: 30_000, maxBytes: 5 * 1024 * 1024, maxRedirects: 5, allowPrivate: [`127.0.0.1:${port}`] }, maxArticleBytes: MAX_BYTES };
  console.log(`article-add: ${name} (${Buffer.byteLength(html)} bytes of HTML)`);
  let article: Article | undefined;
  try {
    for (let add = 1; add <= ADDS; add++) {
      const { blockMs, totalMs, result } = await longestBlock(() => articleFromLink(`http://127.0.0.1:${port}/news`, options));
      article = result;
      console.log(`  add ${add}${add === 1 ? ' (first after start)' : ''}: longest event-loop block ${ms(blockMs)}, whole add ${ms(totalMs)} (${result.text.length} characters of text, ${result.quotes.length} quotes)`);
    }
  } finally {
    server.close();
  }
  if (article) await restOfTheLoop(article);
  const parts = JSON.parse(execFileSync(process.execPath, [...process.execArgv, import.meta.filename, '--parts', ...process.argv.slice(2).filter((arg, i, all) => arg === '--shared' || all[i - 1] === '--shared')], { input: html, encoding: 'utf8' })) as { cold: Record<string, number>; warm: Record<string, number> };
  console.log('  synchronous parts, in a fresh process (first use / again):');
  for (const [part, cold] of Object.entries(parts.cold)) console.log(`    ${part}: ${ms(cold)} / ${ms(parts.warm[part] ?? NaN)}`);
}
