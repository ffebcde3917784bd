import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUNDLED_ARTICLES_DIR, loadKnowledgeBase } from '../../src/data/load.js';
import { runCli } from '../support/run-cli.js';
import { writeArticle, writtenArticle } from '../support/written-article.js';

/**
 * The loader reads only what belongs to the knowledge base: regular files inside ARTICLES_DIR, of a
 * bounded size. A link out of the directory, a FIFO, a device, a directory named like an article,
 * or an oversized article is reported with the file and the problem, and never hides the others.
 */

const SEED = 'russia-ukraine-negotiations';
let base: string;
let dir: string;
let outside: string;

/** A valid article of about `size` characters, written where asked. */
function articleOfSize(id: string, size: number) {
  const sentence = '“The harbour will stay open,” Sara Lind said. ';
  return writtenArticle({
    id,
    title: `Harbour report ${id}`,
    people: [{ id: 'sara-lind', name: 'Sara Lind' }],
    paragraphs: [{ text: sentence.repeat(Math.max(1, Math.ceil(size / sentence.length))).trim(), quotes: [{ speaker: 'sara-lind', words: 'The harbour will stay open' }] }],
  });
}

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'loader-files-'));
  dir = join(base, 'articles');
  outside = join(base, 'elsewhere');
  mkdirSync(dir);
  mkdirSync(outside);
  for (const ext of ['json', 'txt']) copyFileSync(join(BUNDLED_ARTICLES_DIR, `${SEED}.${ext}`), join(dir, `${SEED}.${ext}`));
  // A valid article outside the directory, reached through links from inside it.
  const away = articleOfSize('linked-out', 200);
  writeArticle(outside, away);
  symlinkSync(join(outside, 'linked-out.json'), join(dir, 'linked-out.json'));
  const textOut = { ...articleOfSize('text-out', 200), data: { ...articleOfSize('text-out', 200).data, textFile: 'text-out.txt' } };
  writeArticle(outside, textOut);
  writeArticle(dir, { ...textOut, text: '' });
  rmSync(join(dir, 'text-out.txt'));
  symlinkSync(join(outside, 'text-out.txt'), join(dir, 'text-out.txt'));
  // A link that stays inside the directory is fine.
  writeArticle(join(dir, 'sub'), articleOfSize('linked-in', 200));
  symlinkSync(join(dir, 'sub', 'linked-in.json'), join(dir, 'linked-in.json'));
  symlinkSync(join(dir, 'sub', 'linked-in.txt'), join(dir, 'linked-in.txt'));
  // A directory named like an article, and an article over the size limit.
  mkdirSync(join(dir, 'folder.json'));
  writeArticle(dir, articleOfSize('oversized', 100_000));
});

afterAll(() => {
  rmSync(base, { recursive: true, force: true });
});

const BAD: [string, string, RegExp][] = [
  ['folder.json', '(file)', /is not a regular file \(a directory\)/],
  ['linked-out.json', '(file)', /is a link to .*elsewhere\/linked-out.json, outside the articles directory/],
  ['oversized.json', 'textFile', /"oversized.txt" is [\d,]+ bytes, over the 65,536-byte limit \(ARTICLE_MAX_BYTES\)/],
  ['text-out.json', 'textFile', /"text-out.txt" is a link to .*elsewhere\/text-out.txt, outside the articles directory/],
];

describe('GIVEN an articles directory with links out of it, a directory named like an article and an oversized article', () => {
  it('WHEN it is loaded THEN each bad file is reported with its field and problem, and the others load', () => {
    const { articles, errors } = loadKnowledgeBase(dir, { maxFileBytes: 65_536 });
    expect(articles.map((a) => a.id).sort()).toEqual(['linked-in', SEED]);
    expect(errors.map((e) => [basename(e.file), e.field])).toEqual(BAD.map(([file, field]) => [file, field]));
    errors.forEach((error, i) => expect(error.problem).toMatch(BAD[i]?.[2] ?? /never/));
  });

  it('WHEN the size limit is the default (2 MiB) THEN the oversized article of 100 KB loads', () => {
    expect(loadKnowledgeBase(dir).articles.map((a) => a.id)).toContain('oversized');
  });

  it('WHEN a FIFO and links to /dev/zero are added and `npm run ask` starts on it THEN it answers at once (no hang, no endless read) and lists each skipped file', async () => {
    // Only here, in a child process: a reader that blocks on a FIFO or reads /dev/zero would take this test process down with it.
    execFileSync('mkfifo', [join(dir, 'pipe.json')]);
    symlinkSync('/dev/zero', join(dir, 'zero.json'));
    writeFileSync(join(dir, 'device.json'), JSON.stringify(articleOfSize('device', 200).data));
    symlinkSync('/dev/zero', join(dir, 'device.txt'));
    const bad: [string, string][] = [...BAD.map(([file, field]): [string, string] => [file, field]), ['pipe.json', '(file)'], ['zero.json', '(file)'], ['device.json', 'textFile']];
    const { code, stdout, stderr } = await runCli('ask', ['--json', 'who spoke about venues?'], { env: { ARTICLES_DIR: dir, ARTICLE_MAX_BYTES: '65536' }, timeoutMs: 20_000 });
    expect(code, `ask failed or hung:\n${stderr}`).toBe(0);
    expect((JSON.parse(stdout) as { found: boolean }).found).toBe(true);
    for (const [file, field] of bad) expect(stderr).toContain(`skipped article file: ${join(dir, file)}: ${field}: `);
    expect(stderr).toMatch(/pipe.json: \(file\): is not a regular file \(a FIFO\)/);
    expect(stderr).toMatch(/zero.json: \(file\): is a link to \/dev\/zero, outside the articles directory/);
    expect(stderr).toMatch(/device.json: textFile: "device.txt" is a link to \/dev\/zero, outside the articles directory/);
  }, 30_000);
});
