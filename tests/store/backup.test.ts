import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, expect, it } from 'vitest';
import { SqlFeedbackLog } from '../../src/store/feedback-log.js';
import { openDatabase } from '../../src/store/open-database.js';
import { freshDataDir } from '../support/data-dir.js';

const run = promisify(execFile);
const GUILD = '900000000000000001';
const work = mkdtempSync(join(tmpdir(), 'backup-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

it('GIVEN the README’s embedded backup (bot stopped, cp -a) THEN the copy opens with every row, and restoring it brings them back after later writes', async () => {
  const data = join(work, 'data');
  await run('cp', ['-a', freshDataDir(), data]);
  const first = await openDatabase({ dataDir: data });
  await (await SqlFeedbackLog.open(first)).recordUnanswered({ guildId: GUILD, articleScope: null, question: 'Kept in the backup?' });
  await first.close();

  await run('cp', ['-a', data, join(work, 'data-backup')], { cwd: work });
  const later = await openDatabase({ dataDir: data });
  await later.query('DELETE FROM unanswered_questions');
  await later.close();

  await run('sh', ['-c', 'rm -rf data && cp -a data-backup data'], { cwd: work });
  const restored = await openDatabase({ dataDir: data });
  try {
    const report = await (await SqlFeedbackLog.open(restored)).report(GUILD, { days: 7, limit: 10 });
    expect(report.unanswered).toEqual([{ question: 'Kept in the backup?', articleScope: null, times: 1 }]);
  } finally {
    await restored.close();
  }
}, 120_000);
