import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUNDLED_ARTICLES_DIR } from '../src/data/load.js';
import { startFakeDiscord, type FakeDiscord } from './fake-discord/index.js';
import { msg, spawnEntry, type BotProcess } from './reliability/helpers.js';

/**
 * `npm run start:sharded` as an admin runs it: the manager is its own process and forks the shards.
 * The README's `kill -HUP <pid>` is sent to the manager's pid, which is the one an admin sees;
 * each shard must read its articles again. Waits for log lines, never a fixed time.
 */

const SEED = 'russia-ukraine-negotiations';
const work = mkdtempSync(join(tmpdir(), 'sharded-process-'));
const articlesDir = join(work, 'articles');

let fake: FakeDiscord;
let manager: BotProcess;

beforeAll(async () => {
  mkdirSync(articlesDir);
  for (const ext of ['json', 'txt']) copyFileSync(join(BUNDLED_ARTICLES_DIR, `${SEED}.${ext}`), join(articlesDir, `${SEED}.${ext}`));
  fake = await startFakeDiscord({ shards: 1 });
  manager = spawnEntry('src/shard-manager.ts', { DISCORD_TOKEN: fake.token, DISCORD_API_URL: fake.apiUrl, DISCORD_CLIENT_ID: fake.applicationId, SHARD_COUNT: '1', ARTICLES_DIR: articlesDir });
  await manager.output.waitFor(msg('all shards ready'), { what: 'the shards to be ready', timeoutMs: 30_000 });
}, 40_000);

afterAll(async () => {
  // SIGTERM, so the manager stops its shard too (SIGKILL would leave the shard running).
  if (manager && manager.child.exitCode === null) manager.child.kill('SIGTERM');
  await manager?.exited;
  await fake?.close();
  rmSync(work, { recursive: true, force: true });
}, 20_000);

describe('GIVEN npm run start:sharded running on an ARTICLES_DIR', () => {
  it('WHEN the manager process gets SIGHUP THEN every shard reads every file again, the manager logs it per shard, and nothing exits', async () => {
    const since = manager.output.lines.length;
    manager.child.kill('SIGHUP');
    const line = await manager.output.waitFor((l) => msg('shard reloaded articles')(l) && l.includes('"trigger":"SIGHUP"'), { since, what: "the shard's SIGHUP reload" });
    expect(JSON.parse(line)).toMatchObject({ shard: 0, trigger: 'SIGHUP', generation: 1, articles: 1, read: 1, added: 0, changed: 0, removed: 0 });
    expect(manager.child.exitCode).toBeNull();
    expect(manager.output.count(msg('shard error'))).toBe(0);
  });
});
