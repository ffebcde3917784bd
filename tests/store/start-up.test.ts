import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it, onTestFinished, vi } from 'vitest';
import { startFakeDiscord } from '../fake-discord/index.js';
import { msg, PROCESS_START_MS, spawnBot, type BotProcess } from '../reliability/helpers.js';

// Each test starts the real bot process, which opens its database: seconds on a busy machine.
vi.setConfig({ testTimeout: 2 * PROCESS_START_MS });

/** The bot's start-up with its database: created when missing, one clear line and exit 1 when unusable, no secret printed. */

const TOKEN = 'MTAwMDAwMDAwMDAwMDAwMDAx.Gabcde.startup-test-token-value-000000000000';
const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'startup-'));
  dirs.push(dir);
  return dir;
}

/** A bot that must fail before it talks to Discord (nothing listens at that API address). */
function failingBot(env: Record<string, string>): BotProcess {
  const bot = spawnBot({ DISCORD_TOKEN: TOKEN, DISCORD_API_URL: 'http://127.0.0.1:9/api', ...env });
  onTestFinished(() => bot.stop());
  return bot;
}

function fatalLines(bot: BotProcess): string[] {
  return bot.output.parsed().flatMap((l) => (l['level'] === 60 ? [String(l['msg'])] : []));
}

describe('GIVEN the bot’s database at start-up', () => {
  it('WHEN DATA_DIR does not exist THEN it is created, with the embedded database in it, and the bot starts', async () => {
    const fake = await startFakeDiscord();
    onTestFinished(() => fake.close());
    const dataDir = join(tempDir(), 'not', 'there', 'yet');
    const bot = spawnBot({ DISCORD_TOKEN: fake.token, DISCORD_API_URL: fake.apiUrl, DATA_DIR: dataDir });
    onTestFinished(() => bot.stop());
    const ready = await bot.output.waitFor(msg('database ready'), { what: 'database ready', timeoutMs: 3 * PROCESS_START_MS });
    expect(JSON.parse(ready)).toMatchObject({ database: `embedded database in ${join(dataDir, 'pglite')}`, retentionDays: 30 });
    await bot.output.waitFor(msg('bot ready'), { what: 'bot ready', timeoutMs: PROCESS_START_MS });
    expect(existsSync(join(dataDir, 'pglite', 'PG_VERSION'))).toBe(true);

    // A second bot on the same directory is refused: the embedded database serves one process.
    const second = failingBot({ DATA_DIR: dataDir });
    expect((await second.exited).code).toBe(1);
    expect(fatalLines(second)).toEqual([
      `could not start the bot: the database in ${join(dataDir, 'pglite')} is in use by process ${bot.child.pid}; stop it first (the embedded database serves one process; set DATABASE_URL to share a Postgres server)`,
    ]);
  });

  it('WHEN DATA_DIR is a file, not a directory THEN it exits 1 with one line naming the path and what to set', async () => {
    const file = join(tempDir(), 'data');
    writeFileSync(file, 'not a directory');
    const bot = failingBot({ DATA_DIR: file });
    expect((await bot.exited).code).toBe(1);
    expect(fatalLines(bot)).toEqual([expect.stringMatching(new RegExp(`^could not start the bot: cannot use the data directory ${join(file, 'pglite')} \\(.*\\); set DATA_DIR to a writable directory$`))]);
  });

  it('WHEN the database files are corrupt THEN it exits 1 with one line naming the directory and saying to restore or move it aside', async () => {
    const dataDir = tempDir();
    cpSync(inject('templateDataDir'), dataDir, { recursive: true });
    writeFileSync(join(dataDir, 'pglite', 'global', 'pg_control'), Buffer.alloc(8192, 7));
    const bot = failingBot({ DATA_DIR: dataDir });
    expect((await bot.exited).code).toBe(1);
    expect(fatalLines(bot)).toEqual([
      expect.stringMatching(
        new RegExp(`^could not start the bot: the database in ${join(dataDir, 'pglite')} cannot be opened \\(.*\\); restore it from a backup, or move the directory aside to start with an empty database$`),
      ),
    ]);
  });

  it('WHEN DATABASE_URL names a server that does not answer THEN it exits 1 naming the server, never the user or password', async () => {
    const bot = failingBot({ DATABASE_URL: 'postgres://botuser:s3cret-Passw0rd-xyz@127.0.0.1:9/botdb', FEEDBACK_SALT: 'a-salt-that-is-secret-too' });
    expect((await bot.exited).code).toBe(1);
    expect(fatalLines(bot)).toEqual([expect.stringMatching(/^could not start the bot: cannot connect to Postgres at 127\.0\.0\.1:9\/botdb \(.+\); check DATABASE_URL and that the server is running$/)]);
    const all = bot.output.lines.join('');
    for (const secret of ['s3cret-Passw0rd-xyz', 'botuser:', 'a-salt-that-is-secret-too', TOKEN]) expect(all).not.toContain(secret);
  });

  it('WHEN DATABASE_URL is not a Postgres URL THEN it exits 1 with the configuration error line, without echoing the value', async () => {
    const bot = failingBot({ DATABASE_URL: 'mysql://root:hunter2-secret@db/x' });
    expect((await bot.exited).code).toBe(1);
    expect(bot.output.lines.join('').trim()).toBe(
      'Configuration error: DATABASE_URL: must be a Postgres connection URL, postgres://user:password@host:5432/database, or unset for the embedded database in DATA_DIR',
    );
  });

  it('WHEN a shard of several starts with the embedded database THEN it exits 1 saying DATABASE_URL must name a Postgres server', async () => {
    const bot = failingBot({ SHARDING_MANAGER: 'true', SHARDING_MANAGER_MODE: 'process', SHARDS: '[1]', SHARD_COUNT: '2' });
    expect((await bot.exited).code).toBe(1);
    expect(bot.output.lines.join('').trim()).toBe('Configuration error: DATABASE_URL: must name a Postgres server when the bot runs 2 shards (the embedded database in DATA_DIR serves one process)');
  });
});
