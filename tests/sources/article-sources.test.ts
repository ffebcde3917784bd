import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isPublicAddress } from '../../src/sources/address-policy.js';
import { articleFromAttachment, articleFromLink, type SourceOptions } from '../../src/sources/article-source.js';
import { ArticleSourceError, type SourceProblem } from '../../src/sources/source-error.js';
import { endlessPage, page, redirect, silentPage, startPageServer, type PageServer } from '../support/page-server.js';

const NEWS_PAGE = readFileSync(new URL('../fixtures/pages/lighthouse-museum.html', import.meta.url), 'utf8');
const FERRY_TEXT = readFileSync(new URL('../fixtures/ingest/harbour-ferry.txt', import.meta.url), 'utf8');
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201ffa5f1d60000000049454e44ae426082', 'hex');
const NAV_ONLY = '<html><body><nav><a href="/">Home</a> <a href="/news">News</a></nav><div class="ad">Buy now</div><footer>Contact</footer></body></html>';

let site: PageServer;
/** A second server the first redirects to: private like the first, but not on the allow list. */
let elsewhere: PageServer;
let options: SourceOptions;

beforeAll(async () => {
  elsewhere = await startPageServer({ '/secret': page('<p>internal admin page</p>') });
  site = await startPageServer({
    '/news/lighthouse': page(NEWS_PAGE),
    '/news/ferry.txt': page(FERRY_TEXT, 'text/plain; charset=utf-8'),
    '/slow': silentPage(),
    '/photo.png': page(PNG.toString('latin1'), 'image/png'),
    '/huge': endlessPage(50 * 1024 * 1024),
    '/to-private': redirect(elsewhere.url('/secret')),
    '/to-lighthouse': redirect('/news/lighthouse', 301),
    '/loop': redirect('/loop'),
    '/front-page': page(NAV_ONLY),
  });
  options = { fetch: { timeoutMs: 500, maxBytes: 1024 * 1024, maxRedirects: 5, allowPrivate: [site.hostPort] }, maxArticleBytes: 2 * 1024 * 1024 };
});

afterAll(async () => {
  await site?.close();
  await elsewhere?.close();
});

async function problemOf(work: Promise<unknown>): Promise<{ problem: SourceProblem; message: string }> {
  const error = await work.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ArticleSourceError);
  const { problem, message } = error as ArticleSourceError;
  return { problem, message };
}

describe('GIVEN a link to a news page', () => {
  it('THEN the article is read without navigation, ads or comments, and every quote is verbatim article text', async () => {
    const article = await articleFromLink(site.url('/news/lighthouse'), options);
    expect(article.title).toBe('Old lighthouse to reopen as a maritime museum');
    expect(article.source).toBe('The Kestrel Bay Courier');
    expect(article.date).toBe('2026-03-14');
    for (const junk of ['ADVERTISEMENT', 'Sponsored', 'Another tourist trap', 'Farmers market', 'Cookie settings', 'Subscribe for']) expect(article.text).not.toContain(junk);
    expect(article.text).toContain('all two hundred and twelve of them');
    expect(article.people.map((p) => p.name)).toEqual(expect.arrayContaining(['Harriet Okafor', 'Tomas Lindqvist']));
    expect(article.quotes.length).toBeGreaterThan(3);
    for (const quote of article.quotes) expect(article.text.slice(quote.start, quote.end)).toBe(quote.text);
  });

  it('THEN a link wrapped in <…>, as Discord users write links without a preview card, is the same link', async () => {
    const article = await articleFromLink(`<${site.url('/news/lighthouse')}>`, options);
    expect(article.title).toBe('Old lighthouse to reopen as a maritime museum');
  });

  it('THEN a redirect within an allowed host is followed', async () => {
    const article = await articleFromLink(site.url('/to-lighthouse'), options);
    expect(article.title).toBe('Old lighthouse to reopen as a maritime museum');
  });

  it('THEN a plain-text link is read as an article file (title on line 1)', async () => {
    const article = await articleFromLink(site.url('/news/ferry.txt'), options);
    expect(article.text.split('\n')[0]).toBe(FERRY_TEXT.split('\n')[0]);
    for (const quote of article.quotes) expect(article.text.slice(quote.start, quote.end)).toBe(quote.text);
  });
});

describe('GIVEN a link the bot must refuse', () => {
  it('THEN one that never answers times out with a clear message', async () => {
    const { problem, message } = await problemOf(articleFromLink(site.url('/slow'), options));
    expect(problem).toBe('timeout');
    expect(message).toContain('0.5 s');
  });

  it('THEN a 404 names the status', async () => {
    const { problem, message } = await problemOf(articleFromLink(site.url('/gone'), options));
    expect(problem).toBe('http-status');
    expect(message).toContain('404');
  });

  it('THEN an image is refused as not a page', async () => {
    const { problem, message } = await problemOf(articleFromLink(site.url('/photo.png'), options));
    expect(problem).toBe('not-text');
    expect(message).toContain('image/png');
  });

  it('THEN a 50 MB page is refused while it streams, long before 50 MB arrive', async () => {
    const before = site.bytesSent();
    const { problem } = await problemOf(articleFromLink(site.url('/huge'), options));
    expect(problem).toBe('too-large');
    // The limit is 1 MB; what the server managed to write before the bot hung up includes socket buffers, never the 50 MB.
    expect(site.bytesSent() - before).toBeLessThan(10 * 1024 * 1024);
  });

  it('THEN a redirect to a private address is refused, though the first host was allowed, and the private one is never asked', async () => {
    const { problem, message } = await problemOf(articleFromLink(site.url('/to-private'), options));
    expect(problem).toBe('blocked-address');
    expect(message).toContain('127.0.0.1');
    expect(elsewhere.requests).toEqual([]);
  });

  it('THEN a private address not on the allow list is refused before connecting', async () => {
    const { problem } = await problemOf(articleFromLink(elsewhere.url('/secret'), options));
    expect(problem).toBe('blocked-address');
    expect(elsewhere.requests).toEqual([]);
  });

  it.each(['http://localhost:1/', 'http://10.0.0.7/', 'http://169.254.169.254/latest/meta-data/', 'http://[::1]:80/', 'http://[::ffff:127.0.0.1]/', 'http://0.0.0.0/'])('THEN %s is refused as a non-public address', async (link) => {
    const { problem } = await problemOf(articleFromLink(link, options));
    expect(problem).toBe('blocked-address');
  });

  it.each(['file:///etc/passwd', 'ftp://example.com/a.txt', 'not a link', 'http://user:pw@example.com/'])('THEN %s is refused as not an http(s) link', async (link) => {
    const { problem } = await problemOf(articleFromLink(link, options));
    expect(problem).toBe('bad-url');
  });

  it('THEN a redirect loop stops at the cap', async () => {
    const { problem } = await problemOf(articleFromLink(site.url('/loop'), options));
    expect(problem).toBe('too-many-redirects');
  });

  it('THEN a page with no article text says so', async () => {
    const { problem, message } = await problemOf(articleFromLink(site.url('/front-page'), options));
    expect(problem).toBe('no-article');
    expect(message).toMatch(/no article text/i);
  });
});

describe('GIVEN a file attached in Discord', () => {
  let files: PageServer;
  beforeAll(async () => {
    files = await startPageServer({
      '/a/ferry.txt': page(FERRY_TEXT, 'text/plain; charset=utf-8'),
      '/a/ferry.md': page(`# ${FERRY_TEXT}`, 'text/markdown'),
      '/a/lighthouse.html': page(NEWS_PAGE),
      '/a/photo.txt': page(PNG.toString('latin1'), 'text/plain'),
      '/a/big.txt': endlessPage(50 * 1024 * 1024),
    });
    options = { ...options, fetch: { ...options.fetch, allowPrivate: [site.hostPort, files.hostPort] } };
  });
  afterAll(async () => files?.close());

  it.each(['ferry.txt', 'ferry.md', 'lighthouse.html'])('THEN %s is read, its quotes verbatim', async (name) => {
    const article = await articleFromAttachment({ url: files.url(`/a/${name}`), filename: name }, options);
    expect(article.quotes.length).toBeGreaterThan(0);
    for (const quote of article.quotes) expect(article.text.slice(quote.start, quote.end)).toBe(quote.text);
  });

  it('THEN a binary file is refused', async () => {
    const { problem, message } = await problemOf(articleFromAttachment({ url: files.url('/a/photo.txt'), filename: 'photo.txt' }, options));
    expect(problem).toBe('binary');
    expect(message).toContain('photo.txt');
  });

  it('THEN a file Discord says is too large is refused without downloading it', async () => {
    const asked = files.requests.length;
    const { problem } = await problemOf(articleFromAttachment({ url: files.url('/a/big.txt'), filename: 'big.txt', size: 50 * 1024 * 1024 }, options));
    expect(problem).toBe('too-large');
    expect(files.requests.length).toBe(asked);
  });

  it('THEN a file larger than it was said to be is cut off while it streams', async () => {
    const { problem } = await problemOf(articleFromAttachment({ url: files.url('/a/big.txt'), filename: 'big.txt', size: 100 }, options));
    expect(problem).toBe('too-large');
  });

  it('THEN another kind of file is refused by its name', async () => {
    const { problem, message } = await problemOf(articleFromAttachment({ url: files.url('/a/ferry.txt'), filename: 'ferry.pdf' }, options));
    expect(problem).toBe('unsupported-file');
    expect(message).toContain('.txt, .md and .html');
  });
});

describe('which addresses are public', () => {
  it.each(['8.8.8.8', '93.184.216.34', '2606:4700::1111'])('%s is public', (address) => expect(isPublicAddress(address)).toBe(true));
  it.each(['127.0.0.1', '10.1.2.3', '172.16.0.1', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '224.0.0.1', '::1', '::', 'fe80::1', 'fc00::1', '::ffff:10.0.0.1', '64:ff9b::a00:1', 'not-an-ip'])('%s is not', (address) => expect(isPublicAddress(address)).toBe(false));
});
