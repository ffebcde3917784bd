import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openKnowledgeBase } from '../../src/bootstrap.js';
import { BUNDLED_ARTICLES_DIR } from '../../src/data/load.js';
import { LogCapture } from './helpers.js';

const ARTICLE = 'russia-ukraine-negotiations';
const source = JSON.parse(readFileSync(join(BUNDLED_ARTICLES_DIR, `${ARTICLE}.json`), 'utf8')) as Record<string, unknown> & { quotes: { start: number; end: number }[] };
const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** A directory with the valid article (unless `withValid` is false) plus the given extra files. */
function articlesDir(files: Record<string, string>, withValid = true): string {
  const dir = mkdtempSync(join(tmpdir(), 'articles-'));
  dirs.push(dir);
  copyFileSync(join(BUNDLED_ARTICLES_DIR, `${ARTICLE}.txt`), join(dir, `${ARTICLE}.txt`));
  if (withValid) copyFileSync(join(BUNDLED_ARTICLES_DIR, `${ARTICLE}.json`), join(dir, `${ARTICLE}.json`));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

const variant = (changes: Record<string, unknown>) => JSON.stringify({ ...source, ...changes });
const shiftQuote = (i: number, by: number) => source.quotes.map((q, j) => (j === i ? { ...q, start: q.start + by, end: q.end + by } : q));

const BAD_FILES: [string, string, string | RegExp, RegExp][] = [
  ['a truncated file', '{"format": 1, "id": "cut', '(file)', /is not valid JSON/],
  ['an empty file', '', '(file)', /is not valid JSON/],
  ['a file that is not an object', '[1, 2, 3]', '(root)', /expected object/],
  ['a second article with the same id', variant({}), 'id', /is already used by/],
  ['a quote whose offsets do not match its text', variant({ id: 'shifted', quotes: shiftQuote(0, 3) }), 'quotes[0].text', /is not the article text at/],
  ['a quote past the end of the text', variant({ id: 'past-end', quotes: shiftQuote(2, 1_000_000) }), 'quotes[2]', /past the end of the text/],
  ['a missing text file', variant({ id: 'no-text', textFile: 'missing.txt' }), 'textFile', /cannot read the original text/],
  ['a text file outside the directory', variant({ id: 'escape', textFile: '../etc/passwd' }), 'textFile', /not a path/],
  ['a wrong field type', variant({ id: 'bad-type', paragraphs: 'many' }), 'paragraphs', /./],
];

describe('GIVEN bad article files beside a valid one, loaded through openKnowledgeBase', () => {
  it.each(BAD_FILES)('WHEN there is %s THEN it is reported with file, field and problem, and the valid article is still served', async (_what, text, field, problem) => {
    const logs = new LogCapture();
    const services = (await openKnowledgeBase(articlesDir({ 'zz-bad.json': text }), logs.logger)).knowledge.current();
    expect(services.articles.map((a) => a.id)).toEqual([ARTICLE]);
    const reported = logs.parsed().filter((l) => l['level'] === 50);
    expect(reported).toHaveLength(1);
    expect(reported[0]).toMatchObject({ file: expect.stringMatching(/zz-bad\.json$/), field: typeof field === 'string' ? field : expect.stringMatching(field), problem: expect.stringMatching(problem) });
    expect(String(reported[0]?.['msg'])).toContain('zz-bad.json: ');
    expect(services.engine.answer('who spoke about venues?').found).toBe(true);
  });

  it('WHEN every bad file is there at once THEN each is reported once and the count is logged', async () => {
    const logs = new LogCapture();
    const files = Object.fromEntries(BAD_FILES.map(([, text], i) => [`bad-${String(i).padStart(2, '0')}.json`, text]));
    // The duplicate must sort after the original to be the one reported.
    files['zz-duplicate.json'] = variant({});
    delete files['bad-03.json'];
    const services = (await openKnowledgeBase(articlesDir(files), logs.logger)).knowledge.current();
    expect(services.articles).toHaveLength(1);
    expect(logs.parsed().find((l) => l['msg'] === 'knowledge base loaded')).toMatchObject({ articles: 1, skipped: BAD_FILES.length });
  });
});

describe('GIVEN no valid article', () => {
  it('WHEN every file is broken THEN openKnowledgeBase refuses with a message that says what to do', async () => {
    const dir = articlesDir({ 'broken.json': '{' }, false);
    await expect(openKnowledgeBase(dir, new LogCapture().logger)).rejects.toThrow(`no valid article in ${dir}; fix the files reported above or set ARTICLES_DIR`);
  });

  it('WHEN the directory does not exist THEN the error names it and ARTICLES_DIR', async () => {
    await expect(openKnowledgeBase('/nonexistent/articles', new LogCapture().logger)).rejects.toThrow(/\/nonexistent\/articles: directory: cannot read the articles directory \(ENOENT\); check ARTICLES_DIR/);
  });
});
