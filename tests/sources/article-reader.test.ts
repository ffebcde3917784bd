import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { WorkerArticleReader } from '../../src/sources/article-reader.js';
import { articleFromLink } from '../../src/sources/article-source.js';
import { readArticle, type ReadJob } from '../../src/sources/read-article.js';
import { ArticleSourceError } from '../../src/sources/source-error.js';
import { page, startPageServer, type PageHandler } from '../support/page-server.js';

const FERRY_TEXT = readFileSync(new URL('../fixtures/ingest/harbour-ferry.txt', import.meta.url), 'utf8');
const NEWS_PAGE = readFileSync(new URL('../fixtures/pages/lighthouse-museum.html', import.meta.url), 'utf8');
const text = (body: string): ReadJob => ({ kind: 'text', text: body, source: 'ferry.txt', maxArticleBytes: 2 * 1024 * 1024 });

const reader = new WorkerArticleReader();
const dying = new WorkerArticleReader({ script: new URL('../support/dying-reader-worker.ts', import.meta.url) });

afterAll(async () => {
  await reader.close();
  await dying.close();
});

async function refusal(work: Promise<unknown>): Promise<ArticleSourceError> {
  const error = await work.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ArticleSourceError);
  return error as ArticleSourceError;
}

describe('GIVEN the reading thread', () => {
  it('WHEN given an article file and a news page THEN it answers with the articles, every quote verbatim', async () => {
    const [ferry, lighthouse] = await Promise.all([reader.read(text(FERRY_TEXT)), reader.read({ kind: 'page', html: NEWS_PAGE, fallbackSource: 'example.org', maxArticleBytes: 2 * 1024 * 1024 })]);
    expect(ferry.title).toBe(FERRY_TEXT.split('\n')[0]);
    expect(lighthouse.source).toBe('The Kestrel Bay Courier');
    for (const article of [ferry, lighthouse]) {
      expect(article.quotes.length).toBeGreaterThan(0);
      for (const quote of article.quotes) expect(article.text.slice(quote.start, quote.end)).toBe(quote.text);
    }
  });

  it('WHEN it reads an article THEN the article is the one reading in this thread gives, field for field', async () => {
    const job: ReadJob = { kind: 'page', html: NEWS_PAGE, fallbackSource: 'example.org', maxArticleBytes: 2 * 1024 * 1024 };
    expect(JSON.stringify(await reader.read(job))).toBe(JSON.stringify(readArticle(job)));
  });

  it('WHEN the text is no article THEN the admin’s reason crosses the thread unchanged', async () => {
    const error = await refusal(reader.read(text('Just a title\n\nToo short to be an article.')));
    expect(error.problem).toBe('no-article');
    expect(error.message).toMatch(/I found no article text there \(\d+ characters of body\)/);
  });

  it('WHEN the thread dies while reading THEN that read fails with a message for the admin, and the next read gets a new thread', async () => {
    const error = await refusal(dying.read(text('EXIT now')));
    expect(error.problem).toBe('reader-failed');
    expect(error.message).toMatch(/failed on my side/);
    expect(String((error.cause as Error | undefined)?.message)).toMatch(/exited with code 3/);
    const article = await dying.read(text(FERRY_TEXT));
    expect(article.quotes.length).toBeGreaterThan(0);
  });

  it('WHEN it has been idle for its idle time THEN it is stopped, and the next read starts it again', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const idle = new WorkerArticleReader({ idleMs: 60_000 });
    try {
      await idle.read(text(FERRY_TEXT));
      vi.advanceTimersByTime(59_000);
      expect(idle.running).toBe(true);
      // A read within the idle time keeps the thread for another idle time.
      await idle.read(text(FERRY_TEXT));
      vi.advanceTimersByTime(59_000);
      expect(idle.running).toBe(true);
      vi.advanceTimersByTime(1_000);
      expect(idle.running).toBe(false);
      expect((await idle.read(text(FERRY_TEXT))).quotes.length).toBeGreaterThan(0);
      expect(idle.running).toBe(true);
    } finally {
      vi.useRealTimers();
      await idle.close();
    }
  });

  it('WHEN an add is still downloading its page THEN its reading thread is already starting (it loads while the page arrives)', async () => {
    let requested: () => void = () => undefined;
    const arrived = new Promise<void>((resolve) => (requested = resolve));
    let send: () => void = () => undefined;
    const held: PageHandler = (request, response) => {
      send = () => page(NEWS_PAGE)(request, response);
      requested();
    };
    const site = await startPageServer({ '/held': held });
    const fresh = new WorkerArticleReader();
    try {
      const adding = articleFromLink(site.url('/held'), { fetch: { timeoutMs: 10_000, maxBytes: 1024 * 1024, maxRedirects: 5, allowPrivate: [site.hostPort] }, maxArticleBytes: 2 * 1024 * 1024, reader: fresh });
      await arrived;
      expect(fresh.running).toBe(true);
      send();
      expect((await adding).title).toBe('Old lighthouse to reopen as a maritime museum');
    } finally {
      await fresh.close();
      await site.close();
    }
  });

  it('WHEN a read takes longer than its limit THEN it fails with a message for the admin, and the next read gets a new thread', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const slow = new WorkerArticleReader({ script: new URL('../support/dying-reader-worker.ts', import.meta.url), readTimeoutMs: 60_000 });
    try {
      const stuck = slow.read(text('HANG here'));
      vi.advanceTimersByTime(60_000);
      const error = await refusal(stuck);
      expect(error.problem).toBe('reader-timeout');
      expect(error.message).toMatch(/took longer than 60 s/);
      expect(slow.running).toBe(false);
      expect((await slow.read(text(FERRY_TEXT))).quotes.length).toBeGreaterThan(0);
    } finally {
      vi.useRealTimers();
      await slow.close();
    }
  });
});
