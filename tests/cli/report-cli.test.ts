import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/open-database.js';
import { SqlFeedbackLog } from '../../src/store/feedback-log.js';
import { freshDataDir } from '../support/data-dir.js';
import { runCli } from '../support/run-cli.js';

/** `npm run report` (tsx src/cli/report.ts) as the README shows it: every server's week, from DATA_DIR or DATABASE_URL. */

const SERVER_A = '700000000000000001';
const SERVER_B = '700000000000000002';
let dataDir: string;

beforeAll(async () => {
  dataDir = freshDataDir();
  const db = await openDatabase({ dataDir });
  const log = await SqlFeedbackLog.open(db);
  for (let i = 0; i < 3; i++) await log.recordUnanswered({ guildId: SERVER_A, articleScope: null, question: 'When does the ferry sail?' });
  await log.recordUnanswered({ guildId: SERVER_A, articleScope: 'harbour-ferry', question: 'Who pays for it?' });
  await log.vote({ guildId: SERVER_B, articleScope: null, question: 'Who spoke about the budget?' }, '800000000000000001', 'down');
  await log.recordUnanswered({ guildId: null, articleScope: null, question: 'Is it \u001b[31mred\u001b[0m?' });
  await db.close();
}, 60_000);

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('GIVEN feedback in the embedded database', () => {
  it('WHEN npm run report runs THEN it prints each server’s most frequent unanswered questions and most 👎’d answers, and DMs apart', async () => {
    const run = await runCli('report', [], { env: { DATA_DIR: dataDir }, timeoutMs: 60_000 });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Feedback, last 7 days (embedded database in ${dataDir}/pglite): 3 servers with any`);
    expect(run.stdout).toContain(`Server ${SERVER_A}\n  Most frequent unanswered questions\n    3×  “When does the ferry sail?”\n    1×  “Who pays for it?” (article harbour-ferry)\n  Most 👎’d answers\n    none\n`);
    expect(run.stdout).toContain(`Server ${SERVER_B}\n  Most frequent unanswered questions\n    none\n  Most 👎’d answers\n    1 👎 · 0 👍  “Who spoke about the budget?”\n`);
    // Text from users reaches the terminal inert.
    expect(run.stdout).toContain('DMs and user installs\n  Most frequent unanswered questions\n    1×  “Is it \ufffd[31mred\ufffd[0m?”');
  });

  it('WHEN --json is given THEN each server is one line of JSON', async () => {
    const run = await runCli('report', ['--json'], { env: { DATA_DIR: dataDir }, timeoutMs: 60_000 });
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split('\n').map((l) => JSON.parse(l) as { guild: string | null; unanswered: unknown[] });
    expect(lines.map((l) => l.guild)).toEqual([SERVER_A, SERVER_B, null]);
    expect(lines[0]?.unanswered[0]).toEqual({ question: 'When does the ferry sail?', articleScope: null, times: 3 });
  });
});

describe('GIVEN bad input', () => {
  it('WHEN DATABASE_URL names no server THEN it exits 1 with one line naming the server, not the password', async () => {
    const run = await runCli('report', [], { env: { DATABASE_URL: 'postgresql://reader:pw-never-shown-42@127.0.0.1:9/stats' }, timeoutMs: 60_000 });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^Database error: cannot connect to Postgres at 127\.0\.0\.1:9\/stats \(.+\); check DATABASE_URL and that the server is running\n$/);
    expect(run.stdout + run.stderr).not.toContain('pw-never-shown-42');
  });

  it('WHEN --days is not a number THEN it exits 2 with the usage', async () => {
    const run = await runCli('report', ['--days', 'soon'], { env: { DATA_DIR: dataDir }, timeoutMs: 60_000 });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('usage: npm run report');
  });
});
