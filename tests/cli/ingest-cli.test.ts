import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BUNDLED_ARTICLES_DIR, loadKnowledgeBase } from '../../src/data/load.js';
import { FIXTURES_DIR } from '../../src/ingest/evaluate.js';
import { runCli } from '../support/run-cli.js';

/**
 * `npm run ingest` as scripts and people run it: several files or a directory per run, every
 * failure reported with its file while the others go through, and articles written whole even
 * when several ingests of one id run at once.
 */

const base = mkdtempSync(join(tmpdir(), 'ingest-cli-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

/** What `npm run ingest -- …` runs, against its own articles directory. */
const ingest = (args: string[], articlesDir: string) => runCli('ingest', args, { env: { ARTICLES_DIR: articlesDir } });
const ask = (input: string, articlesDir: string) => runCli('ask', ['--json'], { input, env: { ARTICLES_DIR: articlesDir } });

function fresh(name: string): string {
  const dir = join(base, name);
  mkdirSync(dir, { recursive: true });
  return dir;
}

const FIXTURES = ['bus-strike', 'cup-final', 'museum-theft'];
const fixture = (name: string) => join(FIXTURES_DIR, `${name}.txt`);

describe('GIVEN several files, a directory, and files that cannot be ingested', () => {
  it('WHEN they are ingested in one --json run THEN each good file gives one line in the single-file format, each bad one is reported with its problem, and the exit code is 1', async () => {
    const dir = fresh('many');
    const run = await ingest(['--json', fixture('bus-strike'), join(base, 'missing.txt'), '/dev/zero', fixture('cup-final')], dir);
    expect(run.code).toBe(1);
    const lines = run.stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.map((l) => l['id'])).toEqual(['bus-strike', 'cup-final']);
    for (const line of lines) expect(Object.keys(line)).toEqual(['id', 'title', 'speakers', 'quotes']);
    expect(run.stderr).toContain(`ingest: ${join(base, 'missing.txt')}: cannot read it: it does not exist`);
    expect(run.stderr).toContain('ingest: /dev/zero: cannot read it: it is not a regular file (a device)');
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(2);
    const { articles, errors } = loadKnowledgeBase(dir);
    expect(errors).toEqual([]);
    expect(articles.map((a) => a.id)).toEqual(['bus-strike', 'cup-final']);
  });

  it('WHEN a directory is given THEN each .txt file in it is ingested, the run exits 0, and the same run again with --dry-run still prints one line each', async () => {
    const source = fresh('source');
    for (const name of FIXTURES) copyFileSync(fixture(name), join(source, `${name}.txt`));
    writeFileSync(join(source, 'notes.md'), 'not an article');
    const dir = fresh('from-directory');
    const [written, dry] = await Promise.all([ingest([source, '--json'], dir), ingest([source, '--json', '--dry-run'], fresh('dry'))]);
    expect(written.code, written.stderr).toBe(0);
    expect(written.stdout.trimEnd().split('\n').map((l) => (JSON.parse(l) as { id: string }).id)).toEqual(FIXTURES);
    expect(loadKnowledgeBase(dir).articles.map((a) => a.id)).toEqual(FIXTURES);
    expect(dry.code).toBe(0);
    expect(dry.stdout.trimEnd().split('\n')).toHaveLength(3);
    expect(readdirSync(join(base, 'dry'))).toEqual([]);
  });

  it('WHEN one file is ingested with --id and --dry-run --json (as the PolNeAR scorer runs it) THEN the last line of stdout is its JSON, and --id with two files is a usage error', async () => {
    const [one, two] = await Promise.all([
      ingest([fixture('bus-strike'), '--id', 'bus', '--dry-run', '--json'], fresh('scorer')),
      ingest([fixture('bus-strike'), fixture('cup-final'), '--id', 'bus'], fresh('usage')),
    ]);
    expect(one.code).toBe(0);
    expect((JSON.parse(one.stdout.trimEnd().split('\n').pop() ?? '') as { id: string }).id).toBe('bus');
    expect(two.code).toBe(2);
    expect(two.stderr).toMatch(/--id names one article/);
  });
});

describe('GIVEN an article whose every field uses the names of Object.prototype members', () => {
  it('WHEN it is ingested THEN it is written only after the bot’s engine answered from it, and `ask` then answers every question over the knowledge base', async () => {
    const names = Object.getOwnPropertyNames(Object.prototype);
    const text = [
      'The constructor of the toString bridge answers the valueOf question',
      `A story that says ${names.join(' ')}.`,
      '',
      `“The constructor will not wait for the toString review,” Anna Constructor, the hasOwnProperty officer of the __proto__ board, said on Monday.`,
      `She said that the valueOf count and the isPrototypeOf rule, ${names.join(', ')}, stay as they are.`,
    ].join('\n');
    const source = join(fresh('proto-source'), 'constructor.txt');
    writeFileSync(source, text);
    const dir = fresh('proto');
    for (const ext of ['json', 'txt']) copyFileSync(join(BUNDLED_ARTICLES_DIR, `russia-ukraine-negotiations.${ext}`), join(dir, `russia-ukraine-negotiations.${ext}`));
    const run = await ingest([source], dir);
    expect(run.code, run.stderr).toBe(0);
    const questions = ['who is peskov', 'constructor', 'what did Anna Constructor say?', ...names, 'who is leavitt'];
    const answered = await ask(`${questions.join('\n')}\n`, dir);
    expect(answered.code, answered.stderr).toBe(0);
    const lines = answered.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as { question: string; found: boolean; answers: { quote: string }[] });
    expect(lines.map((l) => l.question)).toEqual(questions);
    expect(lines[2]?.answers.map((a) => a.quote)).toContain('The constructor will not wait for the toString review');
  }, 30_000);
});

describe('GIVEN several `ingest --force` runs of one id at the same time', () => {
  const WRITERS = 4;
  const IDS = 12;

  /** Writer w's version of article i: the same id, a different text (its own speaker and words). */
  function version(writer: number, i: number): string {
    return [`Harbour report ${i} by writer ${writer}`, '', `“Writer ${writer} filed version ${i} of this report,” Sara Lind${'e'.repeat(writer)} said on Monday.`, `The council said it would publish report ${i}.`].join('\n');
  }

  /** Each id in `dir` is exactly one writer's complete article, and nothing else is left there. */
  function expectOneWholeArticleEach(dir: string, ids: number): void {
    const { articles, errors } = loadKnowledgeBase(dir);
    expect(errors.map((e) => e.message)).toEqual([]);
    expect(articles).toHaveLength(ids);
    for (const article of articles) {
      const i = Number(article.id.replace('report-', ''));
      const writers = Array.from({ length: WRITERS }, (_, w) => w).filter((w) => article.text === version(w, i));
      expect(writers, `${article.id} is one writer's text`).toHaveLength(1);
      expect(readFileSync(join(dir, `${article.id}.txt`), 'utf8')).toBe(article.text);
    }
    expect(readdirSync(dir).filter((f) => !/^report-\d+\.(?:json|txt)$/.test(f))).toEqual([]);
  }

  /** Ingests writer 9's version of each id into `dir` first: the article every run overwrites. */
  async function existing(dir: string, ids: number): Promise<void> {
    const seed = fresh(`seed-${dir.split('/').pop()}`);
    for (let i = 0; i < ids; i++) writeFileSync(join(seed, `report-${i}.txt`), version(9, i));
    // One file is ingested the way every version of the command takes it.
    expect((await ingest(ids === 1 ? [join(seed, 'report-0.txt')] : [seed], dir)).code).toBe(0);
  }

  it(`WHEN ${WRITERS} processes each --force one file over an existing article, 3 rounds THEN every run succeeds and one writer's complete article survives`, async () => {
    const dir = fresh('contested-one');
    await existing(dir, 1);
    for (let round = 0; round < 3; round++) {
      const runs = await Promise.all(
        Array.from({ length: WRITERS }, (_, w) => {
          const source = join(fresh(`one-${round}-${w}`), 'report.txt');
          writeFileSync(source, version(w, 0));
          return ingest([source, '--id', 'report-0', '--force'], dir);
        }),
      );
      for (const run of runs) expect(run.code, run.stderr).toBe(0);
      expectOneWholeArticleEach(dir, 1);
    }
  }, 60_000);

  it(`WHEN ${WRITERS} processes each --force a directory of the same ${IDS} ids THEN every run succeeds and each id is one writer's complete article`, async () => {
    const dir = fresh('contested-many');
    await existing(dir, IDS);
    const sources = Array.from({ length: WRITERS }, (_, w) => {
      const source = fresh(`many-${w}`);
      for (let i = 0; i < IDS; i++) writeFileSync(join(source, `report-${i}.txt`), version(w, i));
      return source;
    });
    const runs = await Promise.all(sources.map((source) => ingest([source, '--force', '--json'], dir)));
    for (const run of runs) expect(run.code, run.stderr).toBe(0);
    expectOneWholeArticleEach(dir, IDS);
  }, 60_000);

  it('WHEN they run without --force on a new id THEN exactly one writes it and the others are refused, naming --force', async () => {
    const dir = fresh('first-wins');
    const runs = await Promise.all(
      Array.from({ length: WRITERS }, (_, w) => {
        const source = join(fresh(`new-${w}`), 'fresh-report.txt');
        writeFileSync(source, version(w, 0));
        return ingest([source], dir);
      }),
    );
    expect(runs.map((r) => r.code).sort()).toEqual([0, 1, 1, 1]);
    for (const run of runs.filter((r) => r.code === 1)) expect(run.stderr).toMatch(/already exist; use --force/);
    expect(loadKnowledgeBase(dir).articles.map((a) => a.id)).toEqual(['fresh-report']);
    expect(readdirSync(dir).sort()).toEqual(['fresh-report.json', 'fresh-report.txt']);
  }, 30_000);
});
