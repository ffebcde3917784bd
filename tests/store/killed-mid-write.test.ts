import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/open-database.js';
import { SqlServerArticleStore } from '../../src/store/sql-server-article-store.js';
import { freshDataDir } from '../support/data-dir.js';

const WRITER = resolve(import.meta.dirname, 'fixtures/busy-writer.ts');
const GUILD = '555555555555555555';
const dataDir = freshDataDir();
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

it('GIVEN a process writing without pause WHEN it is killed (SIGKILL) mid-write THEN the database opens and holds every committed write, whole, and no half of any other', async () => {
  const child = spawn(process.execPath, ['--import', 'tsx', WRITER, dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
  let committed = 0;
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<NodeJS.Signals | null>((done) => child.once('close', (_code, signal) => done(signal)));
  // Killed while it is busy: after 30 rounds, at whatever statement it is on.
  await new Promise<void>((done, fail) => {
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      for (const match of chunk.matchAll(/committed (\d+)/g)) committed = Number(match[1]);
      if (committed >= 30 && child.signalCode === null) {
        child.kill('SIGKILL');
        done();
      }
    });
    child.once('close', () => fail(new Error(`the writer ended before it was killed: ${stderr}`)));
  });
  expect(await exited).toBe('SIGKILL');

  const db = await openDatabase({ dataDir });
  try {
    const problems: string[] = [];
    const store = new SqlServerArticleStore(db, { onUnreadable: (_g, id, problem) => problems.push(`${id}: ${problem}`) });
    const articles = await store.list(GUILD);
    const rows = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM server_articles');
    // Every round it reported is there; at most the one it was in when killed is there too.
    expect(articles.length).toBeGreaterThanOrEqual(committed);
    expect(articles.length).toBeLessThanOrEqual(committed + 1);
    expect(problems).toEqual([]);
    expect(rows[0]?.n).toBe(articles.length);
    expect(articles.map((a) => a.id)).toEqual(Array.from({ length: articles.length }, (_, i) => `article-${i + 1}`));
    // A confirm is one transaction: the revision moved exactly once per article, and no confirmed article is still staged.
    expect(await store.revision(GUILD)).toBe(articles.length);
    const staged = await db.query<{ id: string }>("SELECT data->>'id' AS id FROM staged_articles");
    expect(staged.filter((s) => articles.some((a) => a.id === s.id))).toEqual([]);
    const votes = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM answer_votes');
    const questions = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM unanswered_questions');
    expect(votes[0]?.n).toBeGreaterThanOrEqual(committed);
    expect(questions[0]?.n).toBeGreaterThanOrEqual(committed);
    // It still takes writes.
    await db.query('INSERT INTO unanswered_questions (guild_id, article_scope, question, asked_at) VALUES ($1, NULL, $2, $3)', [GUILD, 'after the crash', Date.now()]);
  } finally {
    await db.close();
  }
}, 120_000);
