import { mkdtempSync, renameSync, rmSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ArticleDirectory } from '../../src/data/article-directory.js';
import { articleLockName } from '../../src/data/load.js';
import { writeArticle, writtenArticle } from '../support/written-article.js';

/**
 * The articles directory as the running bot reads it again and again: only what changed is read,
 * an unchanged article keeps its parsed object, a pair an ingest is still writing is left alone,
 * and a broken file is reported once.
 */

const ferry = (words: string) =>
  writtenArticle({
    id: 'island-ferry',
    title: 'Island ferry timetable changes',
    people: [{ id: 'mara-holt', name: 'Mara Holt', role: 'harbour master' }],
    paragraphs: [{ text: `“${words},” Mara Holt said on Monday.`, quotes: [{ speaker: 'mara-holt', words }] }],
  });
const library = writtenArticle({
  id: 'library-hours',
  title: 'Library opens on Sundays',
  people: [{ id: 'tomas-berg', name: 'Tomas Berg', role: 'librarian' }],
  paragraphs: [{ text: '“We will open at ten every Sunday,” Tomas Berg said.', quotes: [{ speaker: 'tomas-berg', words: 'We will open at ten every Sunday' }] }],
});

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'article-directory-'));
  writeArticle(dir, ferry('The first boat leaves at six'));
  writeArticle(dir, library);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const ids = (articles: { id: string }[]) => articles.map((a) => a.id);
const problems = (scan: { rejected: { error: { file: string; field: string; problem: string } }[] }) => scan.rejected.map((r) => [basename(r.error.file), r.error.field, r.error.problem]);

/**
 * Puts a pair in place the way `ingest` does: both written to temporary files, then, under the
 * id's lock, renamed into place text first. Stops after the text; `finish()` does the rest.
 */
function ingestHalfway(written: ReturnType<typeof ferry>): { finish(): void } {
  const id = written.data.id;
  writeFileSync(join(dir, `.${id}.tmp-text`), written.text);
  writeFileSync(join(dir, `.${id}.tmp-json`), JSON.stringify(written.data, null, 2));
  writeFileSync(join(dir, articleLockName(id)), `${process.pid} token`);
  renameSync(join(dir, `.${id}.tmp-text`), join(dir, `${id}.txt`));
  return {
    finish() {
      renameSync(join(dir, `.${id}.tmp-json`), join(dir, `${id}.json`));
      unlinkSync(join(dir, articleLockName(id)));
    },
  };
}

const ingestLike = (written: ReturnType<typeof ferry>) => ingestHalfway(written).finish();

describe('GIVEN an articles directory scanned once', () => {
  it('WHEN nothing changed THEN the next scan reads nothing and serves the same Article objects', async () => {
    const directory = new ArticleDirectory(dir);
    const first = await directory.scan();
    expect(ids(first.articles)).toEqual(['island-ferry', 'library-hours']);
    expect(first.read).toBe(2);
    const second = await directory.scan({ settle: true });
    expect(second.read).toBe(0);
    expect(second.articles[0]).toBe(first.articles[0]);
    expect(second.articles[1]).toBe(first.articles[1]);
  });

  it('WHEN one article is replaced THEN only it is read; the other keeps its object and the replaced one carries the new text', async () => {
    const directory = new ArticleDirectory(dir);
    const first = await directory.scan();
    ingestLike(ferry('The first boat now leaves at seven'));
    const second = await directory.scan({ settle: true });
    expect(second.read).toBe(1);
    expect(second.articles[1]).toBe(first.articles[1]);
    expect(second.articles[0]).not.toBe(first.articles[0]);
    expect(second.articles[0]?.quotes[0]?.text).toBe('The first boat now leaves at seven');
    expect(second.rejected).toEqual([]);
  });

  it('WHEN a file is rewritten with the same bytes THEN it is read again but keeps its Article object', async () => {
    const directory = new ArticleDirectory(dir);
    const first = await directory.scan();
    ingestLike(ferry('The first boat leaves at six'));
    const second = await directory.scan({ settle: true });
    expect(second.read).toBe(1);
    expect(second.articles[0]).toBe(first.articles[0]);
  });

  it('WHEN an ingest has put the new text in place but not yet its description THEN the old version is served, nothing is reported, and the new one arrives whole', async () => {
    const directory = new ArticleDirectory(dir);
    const first = await directory.scan();
    // The lock is held; the text is new and the description old: a pair that does not verify.
    const ingest = ingestHalfway(ferry('Boats are cancelled when the wind tops forty knots'));
    const midway = await directory.scan({ settle: true });
    expect(midway.articles[0]).toBe(first.articles[0]);
    expect(midway.rejected).toEqual([]);
    expect(midway.unsettled).toEqual([join(dir, 'island-ferry.json')]);
    ingest.finish();
    const after = await directory.scan({ settle: true });
    expect(after.articles[0]?.quotes[0]?.text).toBe('Boats are cancelled when the wind tops forty knots');
    expect(after.rejected).toEqual([]);
  });

  it('WHEN the pair is caught mismatched without a lock (written by hand) THEN it is not reported until it is seen unchanged a second time', async () => {
    const directory = new ArticleDirectory(dir);
    await directory.scan();
    // The new text alone: the old description's quote is no longer at its offsets.
    writeFileSync(join(dir, 'island-ferry.txt'), ferry('Boats are cancelled when the wind tops forty knots').text);
    const caught = await directory.scan({ settle: true });
    expect(caught.rejected).toEqual([]);
    expect(caught.unsettled).toEqual([join(dir, 'island-ferry.json')]);
    const settled = await directory.scan({ settle: true });
    expect(problems(settled)).toEqual([['island-ferry.json', 'quotes[0].text', expect.stringContaining('is not the article text at')]]);
    expect(settled.rejected[0]?.servingPrevious).toBe(true);
    expect(ids(settled.articles)).toEqual(['island-ferry', 'library-hours']);
  });

  it('WHEN a new file is malformed THEN it is reported once with its field and problem, the others are served, and it is reported again only when it changes', async () => {
    const directory = new ArticleDirectory(dir);
    await directory.scan();
    writeFileSync(join(dir, 'broken.json'), '{"format": 1, "id": ');
    expect((await directory.scan({ settle: true })).rejected).toEqual([]);
    const reported = await directory.scan({ settle: true });
    expect(problems(reported)).toEqual([['broken.json', '(file)', expect.stringContaining('is not valid JSON')]]);
    expect(reported.rejected[0]?.servingPrevious).toBe(false);
    expect(ids(reported.articles)).toEqual(['island-ferry', 'library-hours']);
    for (let i = 0; i < 3; i++) expect((await directory.scan({ settle: true })).rejected).toEqual([]);

    writeFileSync(join(dir, 'broken.json'), JSON.stringify({ ...library.data, id: 'broken', paragraphs: 'many' }));
    await directory.scan({ settle: true });
    expect(problems(await directory.scan({ settle: true }))).toEqual([['broken.json', 'paragraphs', expect.any(String)]]);
  });

  it('WHEN a served article breaks THEN its last good version is still served and the report says so', async () => {
    const directory = new ArticleDirectory(dir);
    const first = await directory.scan();
    writeFileSync(join(dir, 'island-ferry.json'), '{ "format": 1');
    await directory.scan({ settle: true });
    const reported = await directory.scan({ settle: true });
    expect(reported.rejected).toMatchObject([{ servingPrevious: true }]);
    expect(reported.articles[0]).toBe(first.articles[0]);
  });

  it('WHEN a second file uses an id already taken THEN it is reported once as a duplicate naming the first', async () => {
    const directory = new ArticleDirectory(dir);
    await directory.scan();
    writeFileSync(join(dir, 'zz-copy.json'), JSON.stringify(library.data));
    const reported = await directory.scan({ settle: true });
    expect(problems(reported)).toEqual([['zz-copy.json', 'id', `"library-hours" is already used by ${join(dir, 'library-hours.json')}`]]);
    expect(ids(reported.articles)).toEqual(['island-ferry', 'library-hours']);
    expect((await directory.scan({ settle: true })).rejected).toEqual([]);
  });

  it('WHEN a description is removed THEN its article is gone', async () => {
    const directory = new ArticleDirectory(dir);
    await directory.scan();
    rmSync(join(dir, 'island-ferry.json'));
    expect(ids((await directory.scan({ settle: true })).articles)).toEqual(['library-hours']);
  });

  it('WHEN a lock is older than an ingest would wait for it THEN it is taken as abandoned and the pair is read', async () => {
    const directory = new ArticleDirectory(dir);
    await directory.scan();
    const lock = join(dir, articleLockName('island-ferry'));
    writeFileSync(lock, '999999 token');
    writeArticle(dir, ferry('The last boat leaves at nine'));
    expect((await directory.scan({ settle: true })).unsettled).toEqual([join(dir, 'island-ferry.json')]);
    const old = new Date(Date.now() - 60_000);
    utimesSync(lock, old, old);
    expect((await directory.scan({ settle: true })).articles[0]?.quotes[0]?.text).toBe('The last boat leaves at nine');
  });

  it('WHEN the scan is forced (SIGHUP) THEN every pair is read again, unchanged ones keep their objects, and every current problem is reported again', async () => {
    const directory = new ArticleDirectory(dir);
    const first = await directory.scan();
    writeFileSync(join(dir, 'broken.json'), '[]');
    await directory.scan({ settle: true });
    expect((await directory.scan({ settle: true })).rejected).toHaveLength(1);
    const forced = await directory.scan({ force: true });
    expect(forced.read).toBe(3);
    expect(forced.articles).toEqual(first.articles);
    expect(forced.articles[0]).toBe(first.articles[0]);
    expect(problems(forced)).toEqual([['broken.json', '(root)', expect.any(String)]]);
  });

  it('WHEN the directory cannot be read THEN the scan throws an error naming it', async () => {
    const directory = new ArticleDirectory(join(dir, 'missing'));
    await expect(directory.scan()).rejects.toThrow(/missing: directory: cannot read the articles directory \(ENOENT\); check ARTICLES_DIR/);
  });
});
