import { linkSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, onTestFinished } from 'vitest';
import { openKnowledgeBase, type OpenKnowledgeBase } from '../../src/bootstrap.js';
import { articleLockName } from '../../src/data/load.js';
import { LogCapture, msg } from '../reliability/helpers.js';
import { oneQuoteArticle, writeArticle } from '../support/written-article.js';

/**
 * The reload loop in one process, on a real directory with the real file watcher: each test waits
 * for the reload's log line, never a fixed time.
 */

const base = mkdtempSync(join(tmpdir(), 'reloader-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

const article = oneQuoteArticle;
const ferry = article('island-ferry', 'Mara Holt', 'The first boat leaves at six');
const library = article('library-hours', 'Tomas Berg', 'We will open at ten every Sunday');
const pool = article('pool-repairs', 'Ines Dahl', 'The pool reopens after the summer');

let dirs = 0;
/** A directory holding the ferry article, loaded and watched; stopped when the test ends. */
async function watched(options: { rescanMs?: number } = {}): Promise<OpenKnowledgeBase & { dir: string; logs: LogCapture }> {
  const dir = join(base, `kb-${dirs++}`);
  writeArticle(dir, ferry);
  const logs = new LogCapture();
  const opened = await openKnowledgeBase(dir, logs.logger, { debounceMs: 50, rescanMs: options.rescanMs ?? 0 });
  opened.reloader.start();
  onTestFinished(() => opened.reloader.stop());
  return { ...opened, dir, logs };
}

type Line = Record<string, unknown> & { ids: { added: string[]; changed: string[]; removed: string[] } };
const reloaded = (logs: LogCapture, test: (line: Line) => boolean, since = 0) =>
  logs.waitFor((line) => msg('knowledge base reloaded')(line) && test(JSON.parse(line) as Line), { since, timeoutMs: 5000, what: 'a reload' }).then((line) => JSON.parse(line) as Line);
const skippedLines = (logs: LogCapture, file: string) => logs.parsed().filter((l) => String(l['msg']).startsWith('skipped article file') && String(l['file']).endsWith(file));

describe('GIVEN the articles directory is watched', () => {
  it('WHEN an article is added, changed and removed THEN each is picked up by the watcher and swapped in, with one log line each', async () => {
    const { dir, logs, knowledge } = await watched();
    writeArticle(dir, library);
    expect(await reloaded(logs, (l) => l.ids.added.includes('library-hours'))).toMatchObject({ trigger: 'change', generation: 2, articles: 2, added: 1, changed: 0, removed: 0, rejected: 0, read: 1 });
    expect(knowledge.current().engine.answer('what did Tomas Berg say?').items.map((i) => i.quote)).toEqual(['We will open at ten every Sunday']);

    writeArticle(dir, article('library-hours', 'Tomas Berg', 'We will open at nine every Sunday'));
    expect(await reloaded(logs, (l) => l.ids.changed.includes('library-hours'))).toMatchObject({ generation: 3, changed: 1 });
    expect(knowledge.current().engine.answer('what did Tomas Berg say?').items.map((i) => i.quote)).toEqual(['We will open at nine every Sunday']);

    rmSync(join(dir, 'library-hours.json'));
    expect(await reloaded(logs, (l) => l.ids.removed.includes('library-hours'))).toMatchObject({ generation: 4, articles: 1, removed: 1 });
    expect(knowledge.current().engine.answer('what did Tomas Berg say?').found).toBe(false);
  });

  it('WHEN writes never stop for a quiet period THEN the change is still reloaded (after at most ten quiet periods)', async () => {
    const { dir, logs } = await watched();
    writeArticle(dir, library);
    // Something in the directory changes every 10 ms, well inside the 50 ms quiet period, until the reload is seen.
    const busy = setInterval(() => writeFileSync(join(dir, 'notes.txt'), String(Date.now())), 10);
    onTestFinished(() => clearInterval(busy));
    expect(await reloaded(logs, (l) => l.ids.added.includes('library-hours'))).toMatchObject({ trigger: 'change', generation: 2 });
  });

  it('WHEN an ingest holds the lock with only the new text in place THEN the old version is served and nothing is reported; once it is done the new version is swapped in whole', async () => {
    const { dir, logs, knowledge, reloader } = await watched();
    const next = article('island-ferry', 'Mara Holt', 'The first boat leaves at half past six');
    writeFileSync(join(dir, articleLockName('island-ferry')), `${process.pid} token`);
    writeFileSync(join(dir, 'island-ferry.txt'), next.text);
    // Each of these scans starts after the write: what the watcher and the second looks would see.
    await reloader.reload('change', false);
    await reloader.reload('retry', false);
    expect(knowledge.current().generation).toBe(1);
    expect(knowledge.current().engine.answer('what did Mara Holt say?').items.map((i) => i.quote)).toEqual(['The first boat leaves at six']);
    writeFileSync(join(dir, 'island-ferry.json'), JSON.stringify(next.data, null, 2));
    await reloader.reload('change', false);
    expect(knowledge.current().generation).toBe(1);
    rmSync(join(dir, articleLockName('island-ferry')));
    expect(await reloaded(logs, (l) => l.ids.changed.includes('island-ferry'))).toMatchObject({ generation: 2, changed: 1, rejected: 0 });
    expect(knowledge.current().engine.answer('what did Mara Holt say?').items.map((i) => i.quote)).toEqual(['The first boat leaves at half past six']);
    expect(skippedLines(logs, 'island-ferry.json')).toEqual([]);
  });

  it('WHEN a pair is left mismatched by hand (new text, old description) THEN the old version stays served, the mismatch is reported by the second look without waiting for a re-scan, and the matching description is swapped in', async () => {
    const { dir, logs, knowledge } = await watched();
    const next = article('island-ferry', 'Mara Holt', 'The first boat leaves at half past six');
    writeFileSync(join(dir, 'island-ferry.txt'), next.text);
    await logs.waitFor((l) => msg('skipped article file')(l) && l.includes('island-ferry.json'), { timeoutMs: 5000, what: 'the mismatch report' });
    expect(skippedLines(logs, 'island-ferry.json')).toEqual([expect.objectContaining({ field: 'quotes[0].text', servingPrevious: true })]);
    expect(knowledge.current().generation).toBe(1);
    expect(knowledge.current().engine.answer('what did Mara Holt say?').items.map((i) => i.quote)).toEqual(['The first boat leaves at six']);
    writeFileSync(join(dir, 'island-ferry.json'), JSON.stringify(next.data, null, 2));
    expect(await reloaded(logs, (l) => l.ids.changed.includes('island-ferry'))).toMatchObject({ generation: 2, rejected: 0 });
    expect(knowledge.current().engine.answer('what did Mara Holt say?').items.map((i) => i.quote)).toEqual(['The first boat leaves at half past six']);
  });

  it('WHEN a file is malformed THEN it is reported once with file, field and problem, the others are served, and later reloads do not repeat it', async () => {
    const { dir, logs, knowledge } = await watched();
    writeFileSync(join(dir, 'broken.json'), '{"format": 1, "id": ');
    const line = await reloaded(logs, (l) => l['rejected'] === 1);
    expect(line).toMatchObject({ generation: 1, articles: 1, added: 0 });
    expect(skippedLines(logs, 'broken.json')).toEqual([expect.objectContaining({ field: '(file)', problem: expect.stringContaining('is not valid JSON'), servingPrevious: false })]);
    writeArticle(dir, library);
    await reloaded(logs, (l) => l.ids.added.includes('library-hours'));
    writeArticle(dir, pool);
    await reloaded(logs, (l) => l.ids.added.includes('pool-repairs'));
    expect(skippedLines(logs, 'broken.json')).toHaveLength(1);
    expect(knowledge.current().articles.map((a) => a.id)).toEqual(['island-ferry', 'library-hours', 'pool-repairs']);
  });

  it('WHEN a reload is forced (SIGHUP) THEN every file is read again and the line says so, even with nothing changed', async () => {
    const { dir, logs, reloader } = await watched();
    writeArticle(dir, library);
    await reloaded(logs, (l) => l.generation === 2);
    const since = logs.lines.length;
    await reloader.reload('SIGHUP');
    expect(await reloaded(logs, (l) => l.trigger === 'SIGHUP', since)).toMatchObject({ generation: 2, articles: 2, added: 0, changed: 0, removed: 0, read: 2 });
  });

  it('WHEN the last article is removed THEN the last good set is still served and one error says so; an article added later is served', async () => {
    const { dir, logs, knowledge } = await watched();
    rmSync(join(dir, 'island-ferry.json'));
    const error = await logs.waitFor(msg('no valid article in'), { what: 'the empty-directory error' });
    expect(JSON.parse(error)).toMatchObject({ level: 50, generation: 1, articles: 1 });
    expect(JSON.parse(error)['msg']).toBe(`no valid article in ${dir} any more; still serving the last 1 (generation 1) until one is added`);
    expect(knowledge.current().engine.answer('what did Mara Holt say?').found).toBe(true);
    // Further changes that leave it empty do not repeat the error.
    writeFileSync(join(dir, 'notes.txt'), 'not an article');
    rmSync(join(dir, 'island-ferry.txt'));
    writeArticle(dir, library);
    expect(await reloaded(logs, (l) => l.generation === 2)).toMatchObject({ added: 1, removed: 1, articles: 1 });
    expect(logs.count(msg('no valid article in'))).toBe(1);
  });

  it('WHEN the directory disappears THEN the last set is still served with one error, and it is read again once it is back', async () => {
    const { dir, logs, knowledge, reloader } = await watched();
    renameSync(dir, `${dir}-away`);
    const error = JSON.parse(await logs.waitFor((l) => l.includes('cannot read the articles directory (ENOENT)'), { what: 'the missing-directory error' })) as Record<string, unknown>;
    expect(error).toMatchObject({ level: 50, generation: 1, articles: 1, msg: `${dir}: directory: cannot read the articles directory (ENOENT); check ARTICLES_DIR; still serving the last 1 articles (generation 1)` });
    // Later scans keep looking without repeating the error.
    const since = logs.lines.length;
    await reloader.reload('rescan', false);
    await reloader.reload('rescan', false);
    expect(logs.lines.slice(since).filter((l) => l.includes('cannot read the articles directory'))).toEqual([]);
    expect(knowledge.current().articles.map((a) => a.id)).toEqual(['island-ferry']);

    renameSync(`${dir}-away`, dir);
    writeArticle(dir, library);
    await reloader.reload('rescan', false);
    await logs.waitFor(msg('the articles directory can be read again'), { what: 'the directory to be back' });
    await reloaded(logs, (l) => l.ids.added.includes('library-hours'));
  });

  it('WHEN a change makes no event in the directory (as on NFS, where another machine writes) THEN the periodic re-scan finds it', async () => {
    const { dir, logs } = await watched({ rescanMs: 200 });
    // A change seen by the watcher first, so that no look is still due from the start.
    writeArticle(dir, library);
    await reloaded(logs, (l) => l.ids.added.includes('library-hours'));
    // Written in place through hard links in another directory: inotify tells only that directory's watchers.
    const elsewhere = `${dir}-links`;
    mkdirSync(elsewhere);
    for (const name of ['island-ferry.json', 'island-ferry.txt']) linkSync(join(dir, name), join(elsewhere, name));
    writeArticle(elsewhere, article('island-ferry', 'Mara Holt', 'The first boat leaves at half past six'));
    expect(await reloaded(logs, (l) => l.ids.changed.includes('island-ferry'))).toMatchObject({ trigger: 'rescan', generation: 3 });
  });

  it('WHEN the directory is replaced by a new one (a deploy renames it into place) THEN a re-scan finds the new articles and from then on the new directory is watched', async () => {
    const { dir, logs, reloader } = await watched();
    const staged = `${dir}-new`;
    mkdirSync(staged);
    writeArticle(staged, library);
    renameSync(dir, `${dir}-old`);
    renameSync(staged, dir);
    // The old watch follows the moved directory; the periodic re-scan is what looks at the new one.
    await reloader.reload('rescan', false);
    expect(await reloaded(logs, (l) => l.ids.added.includes('library-hours'))).toMatchObject({ removed: 1, articles: 1 });
    // The move itself was an event on the old watch, whose reload may still be due: this change uses it up.
    writeArticle(dir, pool);
    await reloaded(logs, (l) => l.ids.added.includes('pool-repairs'));
    // No re-scan is due (ARTICLES_RESCAN_SECONDS is off here): only a watch on the new directory sees this one.
    writeArticle(dir, article('school-bus', 'Ola Nes', 'The school bus starts in August'));
    expect(await reloaded(logs, (l) => l.ids.added.includes('school-bus'))).toMatchObject({ trigger: 'change' });
  });
});
