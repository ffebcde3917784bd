import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'discord.js';
import { parse as parseDotEnv } from 'dotenv';
import { describe, expect, it } from 'vitest';
import {
  CONFIG_VARIABLES,
  ConfigError,
  loadArticleSourceConfig,
  loadBotConfig,
  loadCliConfig,
  loadEnvFile,
  loadHttpConfig,
  loadLimitsConfig,
  loadReloadConfig,
  loadShardCount,
  loadStoreConfig,
  databaseSecrets,
  settleShardEnvironment,
} from '../src/config.js';
import { BUNDLED_ARTICLES_DIR, DEFAULT_ARTICLE_MAX_BYTES } from '../src/data/load.js';

const TOKEN = 'MTEyMzQ1Njc4OTAxMjM0NTY3OA.GabcDE.s3cr3t-v4lue_0123456789abcdefghijklmno';
const CLIENT_ID = '112345678901234567';

function env(overrides: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const base: Record<string, string | undefined> = { DISCORD_TOKEN: TOKEN, DISCORD_CLIENT_ID: CLIENT_ID, ...overrides };
  return Object.fromEntries(Object.entries(base).filter((entry): entry is [string, string] => entry[1] !== undefined));
}

/** The ConfigError `load` (loadBotConfig by default) throws for `vars`; fails the test if it does not throw one. */
function configError(vars: NodeJS.ProcessEnv, load: (vars: NodeJS.ProcessEnv) => unknown = loadBotConfig): ConfigError {
  try {
    load(vars);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw new Error(`expected a ConfigError, got ${String(error)}`, { cause: error });
  }
  throw new Error('expected a ConfigError, but the configuration was accepted');
}

describe('GIVEN a complete bot configuration', () => {
  it('THEN it is parsed, with defaults for everything optional, and frozen', () => {
    const config = loadBotConfig(env());
    expect(config).toEqual({
      token: TOKEN,
      clientId: CLIENT_ID,
      guildId: undefined,
      apiUrl: undefined,
      logLevel: 'info',
      articlesDir: BUNDLED_ARTICLES_DIR,
      articleMaxBytes: DEFAULT_ARTICLE_MAX_BYTES,
      prettyLogs: false,
      shards: [0],
      shardCount: 1,
      underShardingManager: false,
    });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('THEN surrounding whitespace (as .env files often have) is ignored', () => {
    const config = loadBotConfig(env({ DISCORD_TOKEN: `  ${TOKEN}  `, DISCORD_CLIENT_ID: ` ${CLIENT_ID}\t` }));
    expect(config.token).toBe(TOKEN);
    expect(config.clientId).toBe(CLIENT_ID);
  });

  it('THEN NODE_ENV=development turns on pretty logs and LOG_LEVEL is honoured', () => {
    const config = loadBotConfig(env({ NODE_ENV: 'development', LOG_LEVEL: 'debug' }));
    expect(config.prettyLogs).toBe(true);
    expect(config.logLevel).toBe('debug');
  });
});

describe('GIVEN DISCORD_TOKEN is missing', () => {
  it('THEN a ConfigError names DISCORD_TOKEN and says where to get one', () => {
    const error = configError(env({ DISCORD_TOKEN: undefined }));
    expect(error.variable).toBe('DISCORD_TOKEN');
    expect(error.message).toMatch(/^DISCORD_TOKEN: /);
    expect(error.message).toMatch(/Developer Portal/);
    expect(error.message).toMatch(/\.env/);
  });

  it('WHEN it is set but empty THEN the error says it is empty', () => {
    const error = configError(env({ DISCORD_TOKEN: '' }));
    expect(error.variable).toBe('DISCORD_TOKEN');
    expect(error.message).toMatch(/empty/);
  });
});

describe('GIVEN a malformed token', () => {
  const secretLooking = [
    'MTEyMzQ1Njc4OTAxMjM0NTY3OA-GabcDE-sup3rS3cretTokenValue0123456789',
    'MTEyMzQ1Njc4OTAxMjM0NTY3OA.GabcDE.sup3r S3cret TokenValue',
    'Bot MTEyMzQ1Njc4OTAxMjM0NTY3OA.GabcDE.sup3rS3cretTokenValue',
    'sup3rS3cretTokenValue0123456789.only-two',
  ];
  it.each(secretLooking)('WHEN the token is %j THEN the error explains the shape but never repeats the value', (token) => {
    const error = configError(env({ DISCORD_TOKEN: token }));
    expect(error.variable).toBe('DISCORD_TOKEN');
    expect(error.message).toMatch(/does not look like a bot token/);
    const shown = `${error.message} ${error.stack ?? ''} ${JSON.stringify(error)} ${String(error)}`;
    expect(shown).not.toContain(token.trim());
    expect(shown).not.toContain('sup3rS3cretTokenValue');
    expect(shown).not.toContain('S3cret');
  });

  it('WHEN another variable is wrong THEN the valid token does not appear in that error either', () => {
    const error = configError(env({ DISCORD_CLIENT_ID: 'nope' }));
    expect(`${error.message} ${error.stack ?? ''}`).not.toContain(TOKEN);
  });
});

describe('DISCORD_CLIENT_ID', () => {
  it.each(['', 'abc', '12345', '1123456789012345678901', '11234567890123456x', '-112345678901234567'])('GIVEN %j THEN a ConfigError asks for the Application ID', (clientId) => {
    const error = configError(env({ DISCORD_CLIENT_ID: clientId }));
    expect(error.variable).toBe('DISCORD_CLIENT_ID');
    expect(error.message).toMatch(/^DISCORD_CLIENT_ID: /);
    expect(error.message).toMatch(/Discord id|Application ID/);
  });

  it('GIVEN it is missing THEN the error says where to copy it from', () => {
    const error = configError(env({ DISCORD_CLIENT_ID: undefined }));
    expect(error.variable).toBe('DISCORD_CLIENT_ID');
    expect(error.message).toMatch(/Application ID/);
  });
});

describe('DISCORD_GUILD_ID', () => {
  it('GIVEN an empty value (DISCORD_GUILD_ID= in .env) THEN it means unset', () => {
    expect(loadBotConfig(env({ DISCORD_GUILD_ID: '' })).guildId).toBeUndefined();
  });

  it('GIVEN a guild id THEN it is kept', () => {
    expect(loadBotConfig(env({ DISCORD_GUILD_ID: '998877665544332211' })).guildId).toBe('998877665544332211');
  });

  it('GIVEN something that is not an id THEN a ConfigError names DISCORD_GUILD_ID', () => {
    expect(configError(env({ DISCORD_GUILD_ID: 'my-server' })).variable).toBe('DISCORD_GUILD_ID');
  });
});

describe('DISCORD_API_URL', () => {
  it.each(['http://127.0.0.1:7777/api/v10', 'http://127.0.0.1:7777/api/v10/', 'https://discord.com/api/v9', 'http://127.0.0.1:7777/api/v10//'])(
    'GIVEN %j (with an API version) THEN it is rejected, saying to leave the version out',
    (url) => {
      const error = configError(env({ DISCORD_API_URL: url }));
      expect(error.variable).toBe('DISCORD_API_URL');
      expect(error.message).toMatch(/must not include the API version/);
    },
  );

  it.each([
    ['http://127.0.0.1:7777/api/', 'http://127.0.0.1:7777/api'],
    ['http://127.0.0.1:7777/api///', 'http://127.0.0.1:7777/api'],
    ['https://discord.com/api', 'https://discord.com/api'],
  ])('GIVEN %j THEN the trailing slash is stripped: %j', (url, expected) => {
    expect(loadBotConfig(env({ DISCORD_API_URL: url })).apiUrl).toBe(expected);
  });

  it.each(['not a url', 'ftp://127.0.0.1/api', '127.0.0.1:7777/api'])('GIVEN %j THEN it is rejected', (url) => {
    expect(configError(env({ DISCORD_API_URL: url })).variable).toBe('DISCORD_API_URL');
  });

  it('GIVEN an empty value THEN Discord itself is used', () => {
    expect(loadBotConfig(env({ DISCORD_API_URL: '' })).apiUrl).toBeUndefined();
  });
});

describe('LOG_LEVEL', () => {
  it('GIVEN an unknown level THEN the error lists the valid ones', () => {
    const error = configError(env({ LOG_LEVEL: 'verbose' }));
    expect(error.variable).toBe('LOG_LEVEL');
    expect(error.message).toMatch(/fatal, error, warn, info, debug, trace, silent/);
  });

  it('GIVEN an empty value THEN the default (info) is used', () => {
    expect(loadBotConfig(env({ LOG_LEVEL: '' })).logLevel).toBe('info');
  });
});

describe('the CLI configuration', () => {
  it('GIVEN no ARTICLES_DIR (or an empty one) THEN the bundled articles are used', () => {
    expect(loadCliConfig({}).articlesDir).toBe(BUNDLED_ARTICLES_DIR);
    expect(loadCliConfig({ ARTICLES_DIR: '' }).articlesDir).toBe(BUNDLED_ARTICLES_DIR);
  });

  it('GIVEN ARTICLES_DIR THEN it is used, without needing any Discord variable', () => {
    expect(loadCliConfig({ ARTICLES_DIR: '/srv/articles' })).toEqual({ articlesDir: '/srv/articles', articleMaxBytes: DEFAULT_ARTICLE_MAX_BYTES });
  });

  it('GIVEN ARTICLES_DIR is only spaces THEN a ConfigError names it', () => {
    expect(() => loadCliConfig({ ARTICLES_DIR: '   ' })).toThrow(ConfigError);
    expect(() => loadCliConfig({ ARTICLES_DIR: '   ' })).toThrow(/^ARTICLES_DIR: /);
  });

  it('GIVEN the bot configuration THEN ARTICLES_DIR flows into it', () => {
    expect(loadBotConfig(env({ ARTICLES_DIR: '/srv/articles' })).articlesDir).toBe('/srv/articles');
  });
});

// ── .env.example as shipped, and every variable the bot or its libraries read ──

const ROOT = resolve(import.meta.dirname, '..');
const shipped = parseDotEnv(readFileSync(join(ROOT, '.env.example'), 'utf8'));
const PUBLIC_KEY = 'a'.repeat(64);
/** Set by discord.js's ShardingManager for its shard processes, never by the user, so neither .env.example nor the README table lists them. */
const SET_BY_DISCORD_JS = ['SHARDING_MANAGER', 'SHARDING_MANAGER_MODE', 'SHARDS'];

describe('GIVEN .env.example as shipped, with only the required values filled in', () => {
  const filled = { ...shipped, DISCORD_TOKEN: TOKEN, DISCORD_CLIENT_ID: CLIENT_ID };

  it('THEN every loader accepts it, and every empty value means the default', () => {
    expect(loadBotConfig(filled)).toMatchObject({ guildId: undefined, apiUrl: undefined, logLevel: 'info', articlesDir: BUNDLED_ARTICLES_DIR, shards: [0], shardCount: 1 });
    expect(loadHttpConfig({ ...filled, DISCORD_PUBLIC_KEY: PUBLIC_KEY })).toMatchObject({ port: 8080, host: undefined, articleMaxBytes: DEFAULT_ARTICLE_MAX_BYTES });
    expect(loadLimitsConfig(filled)).toEqual(loadLimitsConfig({}));
    expect(loadShardCount(filled)).toBe('auto');
    expect(loadCliConfig(filled)).toEqual(loadCliConfig({}));
    expect(loadReloadConfig(filled)).toEqual({ debounceMs: 300, rescanMs: 5000 });
    expect(loadArticleSourceConfig(filled)).toEqual({ fetchTimeoutMs: 10_000, fetchMaxBytes: 5 * 1024 * 1024, allowPrivate: [] });
    expect(loadStoreConfig(filled)).toEqual(loadStoreConfig({}));
  });

  it('THEN every variable in it is one the configuration reads, and every variable a user sets is in it and in the README table', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    for (const name of Object.keys(shipped)) expect(CONFIG_VARIABLES, `${name} in .env.example`).toContain(name);
    for (const name of CONFIG_VARIABLES.filter((v) => !SET_BY_DISCORD_JS.includes(v) && v !== 'NODE_ENV')) {
      expect(Object.keys(shipped), `${name} in .env.example`).toContain(name);
      expect(readme, `${name} in the README`).toMatch(new RegExp(`\\| [^|\\n]*\`${name}\``));
    }
  });

  it('THEN dotenv’s own DOTENV_* variables change nothing about how it is read', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dotenv-'));
    const saved = { ...process.env };
    try {
      writeFileSync(join(dir, '.env'), 'LOG_LEVEL=debug\nARTICLES_DIR=/from/env-file\n');
      writeFileSync(join(dir, 'other.env'), 'LOG_LEVEL=trace\n');
      Object.assign(process.env, { LOG_LEVEL: 'warn', DOTENV_CONFIG_OVERRIDE: 'true', DOTENV_CONFIG_PATH: join(dir, 'other.env'), DOTENV_CONFIG_DEBUG: 'true' });
      delete process.env.ARTICLES_DIR;
      loadEnvFile(join(dir, '.env'));
      expect(process.env.LOG_LEVEL).toBe('warn');
      expect(process.env.ARTICLES_DIR).toBe('/from/env-file');
    } finally {
      for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
      Object.assign(process.env, saved);
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('GIVEN how a running bot picks up changes in ARTICLES_DIR', () => {
  it('WHEN the debounce and the re-scan interval are set THEN they are used; a re-scan of 0 turns it off', () => {
    expect(loadReloadConfig({ ARTICLES_RELOAD_DEBOUNCE_MS: '1000', ARTICLES_RESCAN_SECONDS: '60' })).toEqual({ debounceMs: 1000, rescanMs: 60_000 });
    expect(loadReloadConfig({ ARTICLES_RESCAN_SECONDS: '0' })).toEqual({ debounceMs: 300, rescanMs: 0 });
  });

  it.each([
    [{ ARTICLES_RELOAD_DEBOUNCE_MS: '5' }, 'ARTICLES_RELOAD_DEBOUNCE_MS', /at least 10/],
    [{ ARTICLES_RELOAD_DEBOUNCE_MS: '70000' }, 'ARTICLES_RELOAD_DEBOUNCE_MS', /at most 60000/],
    [{ ARTICLES_RELOAD_DEBOUNCE_MS: 'soon' }, 'ARTICLES_RELOAD_DEBOUNCE_MS', /whole number/],
    [{ ARTICLES_RESCAN_SECONDS: '-1' }, 'ARTICLES_RESCAN_SECONDS', /at least 0/],
    [{ ARTICLES_RESCAN_SECONDS: '1.5' }, 'ARTICLES_RESCAN_SECONDS', /whole number/],
    [{ ARTICLES_RESCAN_SECONDS: '100000' }, 'ARTICLES_RESCAN_SECONDS', /at most 86400 \(a day\), or 0 to turn the re-scan off/],
  ] as const)('WHEN %j THEN the configuration error names %s and says what it must be', (vars, variable, problem) => {
    const error = configError(vars, loadReloadConfig);
    expect(error.variable).toBe(variable);
    expect(error.message).toMatch(problem);
  });
});

describe('GIVEN the variables discord.js reads from the environment by itself', () => {
  it.each(['', 'auto', ' AUTO ', '3'])('WHEN SHARD_COUNT is %j for the bot started alone THEN it runs shard 0 of 1', (value) => {
    expect(loadBotConfig(env({ SHARD_COUNT: value }))).toMatchObject({ shards: [0], shardCount: 1, underShardingManager: false });
  });

  it.each([
    [{ SHARD_COUNT: 'two' }, 'SHARD_COUNT'],
    [{ SHARD_COUNT: '0' }, 'SHARD_COUNT'],
    [{ SHARD_COUNT: '1.5' }, 'SHARD_COUNT'],
    [{ SHARDS: '[0,' }, 'SHARDS'],
    [{ SHARDS: '[0]' }, 'SHARDS'],
    [{ SHARDING_MANAGER: '1' }, 'SHARDING_MANAGER'],
    [{ SHARDING_MANAGER: 'true', SHARDS: '0', SHARD_COUNT: '2' }, 'SHARDING_MANAGER_MODE'],
    [{ SHARDING_MANAGER: 'true', SHARDING_MANAGER_MODE: 'thread', SHARDS: '0', SHARD_COUNT: '2' }, 'SHARDING_MANAGER_MODE'],
    [{ SHARDING_MANAGER: 'true', SHARDING_MANAGER_MODE: 'process', SHARD_COUNT: '2' }, 'SHARDS'],
    [{ SHARDING_MANAGER: 'true', SHARDING_MANAGER_MODE: 'process', SHARDS: '[2]', SHARD_COUNT: '2' }, 'SHARDS'],
    [{ SHARDING_MANAGER: 'true', SHARDING_MANAGER_MODE: 'process', SHARDS: '0', SHARD_COUNT: 'auto' }, 'SHARD_COUNT'],
    [{ ARTICLE_MAX_BYTES: '100' }, 'ARTICLE_MAX_BYTES'],
  ] as const)('WHEN %j THEN the configuration error names %s', (vars, variable) => {
    const error = configError(env(vars));
    expect(error.variable).toBe(variable);
    expect(error.message).toMatch(new RegExp(`^${variable}: .{10,}`));
  });

  it('WHEN discord.js’s ShardingManager started the process THEN its shard ids and count are used', () => {
    expect(loadBotConfig(env({ SHARDING_MANAGER: 'true', SHARDING_MANAGER_MODE: 'process', SHARDS: '1', SHARD_COUNT: '2' }))).toMatchObject({ shards: [1], shardCount: 2, underShardingManager: true });
  });

  it('WHEN SHARD_COUNT is empty or "auto" THEN discord.js’s own Client fails on it, and after settleShardEnvironment it does not', () => {
    const saved = { SHARDS: process.env.SHARDS, SHARD_COUNT: process.env.SHARD_COUNT };
    try {
      for (const value of ['', 'auto']) {
        delete process.env.SHARDS;
        process.env.SHARD_COUNT = value;
        expect(() => new Client({ intents: [] })).toThrow(/shardCount/);
        settleShardEnvironment(loadBotConfig(env({ SHARD_COUNT: value })));
        const client = new Client({ intents: [] });
        expect(client.options.shards).toEqual([0]);
        expect(client.options.shardCount).toBe(1);
      }
    } finally {
      for (const [key, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
    }
  });
});

describe('GIVEN HOST for the HTTP endpoint', () => {
  const http = (host: string) => loadHttpConfig({ DISCORD_PUBLIC_KEY: PUBLIC_KEY, HOST: host });
  it.each(['127.0.0.1', '::1', '0.0.0.0', 'localhost', 'bot.example.org'])('WHEN it is %j THEN it is the address listened on', (host) => {
    expect(http(host).host).toBe(host);
  });

  it('WHEN it is not a host name or address THEN the error names HOST', () => {
    expect(() => http('http://127.0.0.1:8080')).toThrow(/^HOST: /);
    expect(() => http('two words')).toThrow(/^HOST: /);
  });
});

describe('GIVEN how /article add fetches links and files', () => {
  it('THEN the timeout, size limit and private-address allow list are read, with the port required', () => {
    expect(loadArticleSourceConfig({ ARTICLE_FETCH_TIMEOUT_MS: '2500', ARTICLE_FETCH_MAX_BYTES: '65536', ARTICLE_FETCH_ALLOW_PRIVATE: ' 127.0.0.1:8000, Localhost:3000 ,[::1]:8080' })).toEqual({
      fetchTimeoutMs: 2500,
      fetchMaxBytes: 65536,
      allowPrivate: ['127.0.0.1:8000', 'localhost:3000', '[::1]:8080'],
    });
  });

  it.each([
    [{ ARTICLE_FETCH_ALLOW_PRIVATE: '127.0.0.1' }, /^ARTICLE_FETCH_ALLOW_PRIVATE: must be a comma-separated list of host:port/],
    [{ ARTICLE_FETCH_ALLOW_PRIVATE: 'http://127.0.0.1:8000' }, /^ARTICLE_FETCH_ALLOW_PRIVATE: must be a comma-separated list of host:port/],
    [{ ARTICLE_FETCH_TIMEOUT_MS: '5s' }, /^ARTICLE_FETCH_TIMEOUT_MS: must be a whole number/],
    [{ ARTICLE_FETCH_TIMEOUT_MS: '10' }, /^ARTICLE_FETCH_TIMEOUT_MS: must be at least 100/],
    [{ ARTICLE_FETCH_MAX_BYTES: '12' }, /^ARTICLE_FETCH_MAX_BYTES: must be at least 1024/],
  ])('WHEN %o THEN start-up stops naming the variable and the problem', (env, message) => {
    expect(() => loadArticleSourceConfig(env)).toThrow(message);
  });
});

describe('GIVEN the database configuration', () => {
  it('WHEN nothing is set THEN the embedded database in ./data keeps the log 30 days, with a generated salt', () => {
    expect(loadStoreConfig({})).toEqual({ dataDir: './data', databaseUrl: undefined, feedbackSalt: undefined, retentionMs: 30 * 86_400_000 });
    expect(loadStoreConfig({ DATA_DIR: '', DATABASE_URL: '', FEEDBACK_SALT: '', QUESTION_LOG_RETENTION_DAYS: '' })).toEqual(loadStoreConfig({}));
  });

  it('WHEN each is set THEN it is used', () => {
    expect(loadStoreConfig({ DATA_DIR: '/srv/bot', DATABASE_URL: 'postgresql://bot:pw@db:5432/bot', FEEDBACK_SALT: 'x'.repeat(16), QUESTION_LOG_RETENTION_DAYS: '7' })).toEqual({
      dataDir: '/srv/bot',
      databaseUrl: 'postgresql://bot:pw@db:5432/bot',
      feedbackSalt: 'x'.repeat(16),
      retentionMs: 7 * 86_400_000,
    });
  });

  it('WHEN DATABASE_URL is not a Postgres URL THEN the error names the variable and the form, and never echoes the value', () => {
    for (const value of ['mysql://root:hunter2@db/x', 'not a url hunter2', 'http://db/x']) {
      const error = configError({ DATABASE_URL: value }, loadStoreConfig);
      expect(error.message).toBe('DATABASE_URL: must be a Postgres connection URL, postgres://user:password@host:5432/database, or unset for the embedded database in DATA_DIR');
      expect(error.message).not.toContain('hunter2');
    }
  });

  it('WHEN the salt is short or the retention is out of range THEN each names its variable', () => {
    expect(configError({ FEEDBACK_SALT: 'short' }, loadStoreConfig).message).toMatch(/^FEEDBACK_SALT: must be at least 16 characters/);
    expect(configError({ QUESTION_LOG_RETENTION_DAYS: '0' }, loadStoreConfig).message).toBe('QUESTION_LOG_RETENTION_DAYS: must be at least 1');
    expect(configError({ QUESTION_LOG_RETENTION_DAYS: '4000' }, loadStoreConfig).message).toMatch(/^QUESTION_LOG_RETENTION_DAYS: must be at most 3650/);
    expect(configError({ QUESTION_LOG_RETENTION_DAYS: 'forever' }, loadStoreConfig).variable).toBe('QUESTION_LOG_RETENTION_DAYS');
  });

  it('THEN the logger is given the password (as written and decoded), the whole URL and the salt to scrub', () => {
    expect(databaseSecrets({ databaseUrl: 'postgres://bot:p%40ss-word@db/bot', feedbackSalt: 'a-salt-of-16-chars' })).toEqual(
      expect.arrayContaining(['a-salt-of-16-chars', 'postgres://bot:p%40ss-word@db/bot', 'p%40ss-word', 'p@ss-word']),
    );
    expect(databaseSecrets({ databaseUrl: undefined, feedbackSalt: undefined })).toEqual([]);
  });
});
