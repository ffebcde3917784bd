import { config as readDotEnv } from 'dotenv';
import { z } from 'zod';
import { BUNDLED_ARTICLES_DIR, DEFAULT_ARTICLE_MAX_BYTES } from './data/load.js';

/** A configuration problem, phrased as what to set and how. Never contains a secret's value. */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`${variable}: ${message}`);
    this.name = 'ConfigError';
  }
}

/**
 * Loads `.env` from the working directory into the environment (a variable already set wins).
 * Every option is given, so dotenv reads none of its own DOTENV_* variables: what the bot sees is
 * `.env` and the environment, and nothing else changes how either is read.
 */
export function loadEnvFile(path = '.env'): void {
  readDotEnv({ path, encoding: 'utf8', quiet: true, debug: false, override: false, fast: false });
}

/** An empty line in .env (`DISCORD_GUILD_ID=`) means "not set", as people write it. */
function unsetWhenEmpty<T extends z.ZodType>(schema: T) {
  return z.preprocess((value) => (value === '' ? undefined : value), schema.optional());
}

const count = (variable: string, min: number) =>
  unsetWhenEmpty(z.coerce.number({ error: `must be a whole number` }).int(`${variable} must be a whole number`).min(min, `must be at least ${min}`));

const cliSchema = z.object({
  ARTICLES_DIR: unsetWhenEmpty(z.string().trim().min(1, 'must be a directory path, or unset for the bundled articles')),
  ARTICLE_MAX_BYTES: count('ARTICLE_MAX_BYTES', 1024),
});

/** What the command-line tools need: where the articles are, and how large one file may be. */
export interface CliConfig {
  articlesDir: string;
  /** Article files larger than this are refused at load, each with its own error. */
  articleMaxBytes: number;
}

export function loadCliConfig(env: NodeJS.ProcessEnv = process.env): Readonly<CliConfig> {
  const values = parseEnv(cliSchema, env);
  return Object.freeze({ articlesDir: values.ARTICLES_DIR ?? BUNDLED_ARTICLES_DIR, articleMaxBytes: values.ARTICLE_MAX_BYTES ?? DEFAULT_ARTICLE_MAX_BYTES });
}

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const snowflake = (variable: string) =>
  z.string().trim().regex(/^\d{17,20}$/, `${variable} must be a Discord id (17-20 digits); copy it from the developer portal`);

const sharedSchema = cliSchema.extend({
  DISCORD_API_URL: unsetWhenEmpty(
    z
      .string()
      .trim()
      .url('must be a URL such as http://127.0.0.1:7777/api, or unset for Discord itself')
      .refine((url) => /^https?:\/\//.test(url), 'must start with http:// or https://')
      .transform((url) => url.replace(/\/+$/, ''))
      .refine((url) => !/\/v\d+$/.test(url), 'must not include the API version (use .../api, not .../api/v10)'),
  ),
  LOG_LEVEL: unsetWhenEmpty(z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` })),
  NODE_ENV: z.string().optional(),
});

const SHARD_COUNT_PROBLEM = 'must be "auto" (Discord\'s recommendation, the default) or a whole number of shards, 1 or more';

/** SHARD_COUNT for `npm run start:sharded`: `auto` (also when empty) or a number of shards. */
const shardCountSchema = z.preprocess(
  (value) => (value === undefined || (typeof value === 'string' && value.trim() === '') ? 'auto' : String(value).trim().toLowerCase()),
  z.union([z.literal('auto'), z.coerce.number().int().min(1)], { error: SHARD_COUNT_PROBLEM }),
);

/** SHARDS as discord.js's ShardingManager writes it: one shard id, or a JSON list of them. */
const shardIdsSchema = z.preprocess(
  (value) => {
    try {
      const parsed: unknown = JSON.parse(String(value));
      return typeof parsed === 'number' ? [parsed] : parsed;
    } catch {
      return value;
    }
  },
  z.array(z.number().int().min(0), { error: 'must be a shard id or a JSON list of them, e.g. [0,1]; it is set by npm run start:sharded, not by hand' }).min(1, 'must name at least one shard'),
);

/**
 * discord.js reads SHARDING_MANAGER, SHARDING_MANAGER_MODE, SHARDS and SHARD_COUNT from the
 * environment by itself. Its ShardingManager sets all four for each shard process; anywhere else
 * only SHARD_COUNT belongs to the user (for `npm run start:sharded`), and the bot runs shard 0 of 1.
 */
const shardingSchema = z
  .object({
    SHARDING_MANAGER: unsetWhenEmpty(z.literal('true', { error: 'is set by discord.js’s ShardingManager for its shard processes; unset it (npm run start:sharded shards the bot)' })),
    SHARDING_MANAGER_MODE: unsetWhenEmpty(z.enum(['process', 'worker'], { error: 'must be process or worker; it is set by discord.js’s ShardingManager, not by hand' })),
    SHARDS: unsetWhenEmpty(shardIdsSchema),
    SHARD_COUNT: shardCountSchema,
  })
  .superRefine((values, context) => {
    if (values.SHARDING_MANAGER === undefined) {
      if (values.SHARDS !== undefined) context.addIssue({ code: 'custom', path: ['SHARDS'], message: 'is set by npm run start:sharded for its shards; unset it (the bot started alone runs one shard)' });
      return;
    }
    if (values.SHARDING_MANAGER_MODE === undefined) context.addIssue({ code: 'custom', path: ['SHARDING_MANAGER_MODE'], message: 'is not set, but SHARDING_MANAGER is; both are set by npm run start:sharded' });
    if (values.SHARDS === undefined) context.addIssue({ code: 'custom', path: ['SHARDS'], message: 'is not set, but SHARDING_MANAGER is; both are set by npm run start:sharded' });
    if (typeof values.SHARD_COUNT !== 'number') context.addIssue({ code: 'custom', path: ['SHARD_COUNT'], message: 'must be the number of shards under the sharding manager' });
    else if (values.SHARDS?.some((id) => id >= (values.SHARD_COUNT as number))) context.addIssue({ code: 'custom', path: ['SHARDS'], message: `names a shard outside 0-${values.SHARD_COUNT - 1} (SHARD_COUNT is ${values.SHARD_COUNT})` });
  });

const botSchema = z.intersection(
  sharedSchema.extend({
    DISCORD_TOKEN: z
      .string({ error: 'is not set; put your bot token (Developer Portal → Bot → Reset Token) in .env' })
      .trim()
      .min(1, 'is empty; put your bot token (Developer Portal → Bot → Reset Token) in .env')
      .regex(/^[\w+/=-]+\.[\w+/=-]+\.[\w+/=-]+$/, 'does not look like a bot token (three dot-separated parts); copy it again from Developer Portal → Bot'),
    DISCORD_CLIENT_ID: z.string({ error: 'is not set; copy the Application ID from Developer Portal → General Information' }).pipe(snowflake('DISCORD_CLIENT_ID')),
    DISCORD_GUILD_ID: unsetWhenEmpty(snowflake('DISCORD_GUILD_ID')),
  }),
  shardingSchema,
);

/** Everything the gateway bot and the deploy script need, parsed once and frozen. */
export interface BotConfig {
  token: string;
  clientId: string;
  guildId: string | undefined;
  /** REST base without the version; undefined means Discord's own. */
  apiUrl: string | undefined;
  logLevel: (typeof LOG_LEVELS)[number];
  articlesDir: string;
  articleMaxBytes: number;
  prettyLogs: boolean;
  /** The shards this process runs, and how many the bot has in all: [0] of 1 unless discord.js's ShardingManager started it. */
  shards: number[];
  shardCount: number;
  /** Started by `npm run start:sharded`: stops when the manager goes. */
  underShardingManager: boolean;
}

function parseEnv<T extends z.ZodType>(schema: T, env: NodeJS.ProcessEnv): z.infer<T> {
  const parsed = schema.safeParse(env);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const variable = String(issue?.path[0] ?? 'environment');
  throw new ConfigError(variable, (issue?.message ?? 'is invalid').replace(new RegExp(`^${variable} `), ''));
}

export function loadBotConfig(env: NodeJS.ProcessEnv = process.env): Readonly<BotConfig> {
  const values = parseEnv(botSchema, env);
  const managed = values.SHARDING_MANAGER !== undefined;
  return Object.freeze({
    token: values.DISCORD_TOKEN,
    clientId: values.DISCORD_CLIENT_ID,
    guildId: values.DISCORD_GUILD_ID,
    apiUrl: values.DISCORD_API_URL,
    logLevel: values.LOG_LEVEL ?? 'info',
    articlesDir: values.ARTICLES_DIR ?? BUNDLED_ARTICLES_DIR,
    articleMaxBytes: values.ARTICLE_MAX_BYTES ?? DEFAULT_ARTICLE_MAX_BYTES,
    prettyLogs: values.NODE_ENV === 'development',
    shards: managed ? (values.SHARDS ?? [0]) : [0],
    shardCount: managed && typeof values.SHARD_COUNT === 'number' ? values.SHARD_COUNT : 1,
    underShardingManager: managed,
  });
}

/**
 * discord.js's Client reads SHARDS and SHARD_COUNT from the environment whatever it is given; they
 * are set here to exactly the checked values this process runs with, so an empty or "auto"
 * SHARD_COUNT meant for `npm run start:sharded` can never reach it.
 */
export function settleShardEnvironment(config: Pick<BotConfig, 'shards' | 'shardCount'>, env: NodeJS.ProcessEnv = process.env): void {
  env.SHARDS = JSON.stringify(config.shards);
  env.SHARD_COUNT = String(config.shardCount);
}

/** SHARD_COUNT for `npm run start:sharded`: `auto` (default, Discord's recommendation from GET /gateway/bot) or a number. */
export function loadShardCount(env: NodeJS.ProcessEnv = process.env): number | 'auto' {
  const parsed = shardCountSchema.safeParse(env.SHARD_COUNT);
  if (!parsed.success) throw new ConfigError('SHARD_COUNT', SHARD_COUNT_PROBLEM);
  return parsed.data;
}

/** A host name, an IPv4 address or an IPv6 address: what `server.listen` binds to. */
const HOST = /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*)$/;

const httpSchema = sharedSchema.extend({
  DISCORD_PUBLIC_KEY: z
    .string({ error: 'is not set; copy the Public Key from Developer Portal → General Information' })
    .trim()
    .regex(/^[0-9a-fA-F]{64}$/, 'must be the 64-character hexadecimal Public Key from Developer Portal → General Information'),
  PORT: unsetWhenEmpty(z.coerce.number({ error: 'must be a port number' }).int().min(0).max(65535, 'must be a port number (0-65535)')),
  HOST: unsetWhenEmpty(z.string().trim().regex(HOST, 'must be a host name or an IP address to listen on, e.g. 127.0.0.1, or unset for every interface')),
});

/** The HTTP interactions endpoint needs no bot token: replies go back in the HTTP response or via the interaction's webhook. */
export interface HttpConfig {
  publicKey: string;
  port: number;
  /** The interface to listen on; undefined listens on every one (Node's default). */
  host: string | undefined;
  apiUrl: string | undefined;
  logLevel: (typeof LOG_LEVELS)[number];
  articlesDir: string;
  articleMaxBytes: number;
  prettyLogs: boolean;
}

export function loadHttpConfig(env: NodeJS.ProcessEnv = process.env): Readonly<HttpConfig> {
  const values = parseEnv(httpSchema, env);
  return Object.freeze({
    publicKey: values.DISCORD_PUBLIC_KEY,
    port: values.PORT ?? 8080,
    host: values.HOST,
    apiUrl: values.DISCORD_API_URL,
    logLevel: values.LOG_LEVEL ?? 'info',
    articlesDir: values.ARTICLES_DIR ?? BUNDLED_ARTICLES_DIR,
    articleMaxBytes: values.ARTICLE_MAX_BYTES ?? DEFAULT_ARTICLE_MAX_BYTES,
    prettyLogs: values.NODE_ENV === 'development',
  });
}

const limitsSchema = z.object({
  RATE_LIMIT_QUESTIONS: count('RATE_LIMIT_QUESTIONS', 0),
  RATE_LIMIT_WINDOW_SECONDS: count('RATE_LIMIT_WINDOW_SECONDS', 1),
  SHUTDOWN_TIMEOUT_SECONDS: count('SHUTDOWN_TIMEOUT_SECONDS', 1),
  HTTP_BODY_TIMEOUT_MS: count('HTTP_BODY_TIMEOUT_MS', 1),
  ANSWER_CACHE_SIZE: count('ANSWER_CACHE_SIZE', 0),
});

/** Abuse, shutdown and memory limits, shared by the gateway bot and the HTTP endpoint; every one has a default. */
export interface LimitsConfig {
  /** Questions one user may ask per window (/ask, /quotes, the context menu, DMs, mentions); 0 = unlimited. */
  rateLimitQuestions: number;
  rateLimitWindowMs: number;
  /** After SIGTERM, in-flight replies get this long before the process gives up and exits 1. */
  shutdownTimeoutMs: number;
  /** A request body must arrive within this long (stops slow-loris clients holding connections). */
  httpBodyTimeoutMs: number;
  /** Answers remembered for repeated questions; 0 turns the cache off. */
  answerCacheSize: number;
}

export function loadLimitsConfig(env: NodeJS.ProcessEnv = process.env): Readonly<LimitsConfig> {
  const values = parseEnv(limitsSchema, env);
  return Object.freeze({
    rateLimitQuestions: values.RATE_LIMIT_QUESTIONS ?? 5,
    rateLimitWindowMs: (values.RATE_LIMIT_WINDOW_SECONDS ?? 10) * 1000,
    shutdownTimeoutMs: (values.SHUTDOWN_TIMEOUT_SECONDS ?? 10) * 1000,
    httpBodyTimeoutMs: values.HTTP_BODY_TIMEOUT_MS ?? 10_000,
    answerCacheSize: values.ANSWER_CACHE_SIZE ?? 1000,
  });
}

const reloadSchema = z.object({
  ARTICLES_RELOAD_DEBOUNCE_MS: count('ARTICLES_RELOAD_DEBOUNCE_MS', 10).pipe(z.number().max(60_000, 'must be at most 60000 (a minute)').optional()),
  ARTICLES_RESCAN_SECONDS: count('ARTICLES_RESCAN_SECONDS', 0).pipe(z.number().max(86_400, 'must be at most 86400 (a day), or 0 to turn the re-scan off').optional()),
});

/** How the gateway bot and the HTTP endpoint notice changes in ARTICLES_DIR while they run. */
export interface ReloadConfig {
  /** After a change is seen, wait until the directory has been quiet this long, then reload (an ingest writes several files). */
  debounceMs: number;
  /** Look at every file this often even without a change event (network filesystems send none); 0 turns it off. */
  rescanMs: number;
}

export function loadReloadConfig(env: NodeJS.ProcessEnv = process.env): Readonly<ReloadConfig> {
  const values = parseEnv(reloadSchema, env);
  return Object.freeze({ debounceMs: values.ARTICLES_RELOAD_DEBOUNCE_MS ?? 300, rescanMs: (values.ARTICLES_RESCAN_SECONDS ?? 5) * 1000 });
}

/** `host:port`, as ARTICLE_FETCH_ALLOW_PRIVATE lists them. */
const HOST_PORT = /^(?:[a-z0-9.-]+|\[[0-9a-f:.]+\]):\d{1,5}$/;

const articleSourceSchema = z.object({
  ARTICLE_FETCH_TIMEOUT_MS: count('ARTICLE_FETCH_TIMEOUT_MS', 100).pipe(z.number().max(600_000, 'must be at most 600000 (ten minutes)').optional()),
  ARTICLE_FETCH_MAX_BYTES: count('ARTICLE_FETCH_MAX_BYTES', 1024),
  ARTICLE_FETCH_ALLOW_PRIVATE: unsetWhenEmpty(
    z
      .string()
      .transform((list) => list.split(',').map((entry) => entry.trim().toLowerCase()).filter((entry) => entry.length > 0))
      .refine((entries) => entries.every((entry) => HOST_PORT.test(entry)), 'must be a comma-separated list of host:port, e.g. 127.0.0.1:8000 (a port is required)'),
  ),
});

/** How `/article add` fetches links and attached files. */
export interface ArticleSourceConfig {
  /** A link or file must arrive whole within this long (connecting, redirects and body). */
  fetchTimeoutMs: number;
  /** A page or file larger than this is refused while it downloads. */
  fetchMaxBytes: number;
  /** host:port pairs fetched even though they are private or local addresses (local development only; default none). */
  allowPrivate: readonly string[];
}

export function loadArticleSourceConfig(env: NodeJS.ProcessEnv = process.env): Readonly<ArticleSourceConfig> {
  const values = parseEnv(articleSourceSchema, env);
  return Object.freeze({
    fetchTimeoutMs: values.ARTICLE_FETCH_TIMEOUT_MS ?? 10_000,
    fetchMaxBytes: values.ARTICLE_FETCH_MAX_BYTES ?? 5 * 1024 * 1024,
    allowPrivate: Object.freeze(values.ARTICLE_FETCH_ALLOW_PRIVATE ?? []),
  });
}

const storeSchema = z.object({
  DATA_DIR: unsetWhenEmpty(z.string().trim().min(1, 'must be a directory path, or unset for ./data')),
  // The value is never echoed: it may carry a password.
  DATABASE_URL: unsetWhenEmpty(
    z
      .string()
      .trim()
      .refine((url) => URL.canParse(url) && /^postgres(?:ql)?:$/.test(new URL(url).protocol), 'must be a Postgres connection URL, postgres://user:password@host:5432/database, or unset for the embedded database in DATA_DIR'),
  ),
  FEEDBACK_SALT: unsetWhenEmpty(z.string().trim().min(16, 'must be at least 16 characters, or unset to have one generated and kept in the database')),
  QUESTION_LOG_RETENTION_DAYS: count('QUESTION_LOG_RETENTION_DAYS', 1).pipe(z.number().max(3650, 'must be at most 3650 (ten years)').optional()),
});

/** Where the bot keeps server articles, votes and the unanswered-question log, and for how long. */
export interface StoreConfig {
  /** The embedded database lives in `<dataDir>/pglite` when no DATABASE_URL is set. */
  dataDir: string;
  /** A Postgres server shared by every instance; secret (it may hold a password): never log it. */
  databaseUrl: string | undefined;
  /** Salt for the voter hashes; undefined: one is generated once and kept in the database. */
  feedbackSalt: string | undefined;
  /** Unanswered questions and votes older than this are deleted. */
  retentionMs: number;
}

export const DEFAULT_DATA_DIR = './data';

export function loadStoreConfig(env: NodeJS.ProcessEnv = process.env): Readonly<StoreConfig> {
  const values = parseEnv(storeSchema, env);
  return Object.freeze({
    dataDir: values.DATA_DIR ?? DEFAULT_DATA_DIR,
    databaseUrl: values.DATABASE_URL,
    feedbackSalt: values.FEEDBACK_SALT,
    retentionMs: (values.QUESTION_LOG_RETENTION_DAYS ?? 30) * 86_400_000,
  });
}

/** The password in DATABASE_URL, for the logger to scrub wherever it might appear. */
export function databaseSecrets(config: Pick<StoreConfig, 'databaseUrl' | 'feedbackSalt'>): string[] {
  const secrets = config.feedbackSalt ? [config.feedbackSalt] : [];
  if (!config.databaseUrl) return secrets;
  const password = new URL(config.databaseUrl).password;
  return password ? [...secrets, config.databaseUrl, password, decodeURIComponent(password)] : [...secrets, config.databaseUrl];
}

/**
 * Every variable this project or its libraries read and that changes behaviour, as named in
 * `.env.example` and the README. (ws's WS_NO_BUFFER_UTIL and WS_NO_UTF_8_VALIDATE only switch off
 * optional native add-ons, which are not installed; any value is valid.)
 */
export const CONFIG_VARIABLES: readonly string[] = [
  ...new Set([
    ...Object.keys(sharedSchema.shape),
    'DISCORD_TOKEN',
    'DISCORD_CLIENT_ID',
    'DISCORD_GUILD_ID',
    ...Object.keys(shardingSchema.shape),
    ...Object.keys(httpSchema.shape),
    ...Object.keys(limitsSchema.shape),
    ...Object.keys(reloadSchema.shape),
    ...Object.keys(articleSourceSchema.shape),
    ...Object.keys(storeSchema.shape),
  ]),
];
