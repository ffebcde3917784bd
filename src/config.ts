import { z } from 'zod';
import { BUNDLED_ARTICLES_DIR } from './data/load.js';

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

const articlesDir = z.string().trim().min(1).optional();

/** What the command-line tools need: only where the articles are. */
export interface CliConfig {
  articlesDir: string;
}

export function loadCliConfig(env: NodeJS.ProcessEnv = process.env): Readonly<CliConfig> {
  const parsed = articlesDir.safeParse(env.ARTICLES_DIR || undefined);
  if (!parsed.success) throw new ConfigError('ARTICLES_DIR', 'must be a directory path, or unset for the bundled articles');
  return Object.freeze({ articlesDir: parsed.data ?? BUNDLED_ARTICLES_DIR });
}

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const snowflake = (variable: string) =>
  z.string().trim().regex(/^\d{17,20}$/, `${variable} must be a Discord id (17-20 digits); copy it from the developer portal`);

/** An empty line in .env (`DISCORD_GUILD_ID=`) means "not set", as people write it. */
function unsetWhenEmpty<T extends z.ZodType>(schema: T) {
  return z.preprocess((value) => (value === '' ? undefined : value), schema.optional());
}

const sharedSchema = z.object({
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
  ARTICLES_DIR: z.string().optional(),
  NODE_ENV: z.string().optional(),
});

const botSchema = sharedSchema.extend({
  DISCORD_TOKEN: z
    .string({ error: 'is not set; put your bot token (Developer Portal → Bot → Reset Token) in .env' })
    .trim()
    .min(1, 'is empty; put your bot token (Developer Portal → Bot → Reset Token) in .env')
    .regex(/^[\w+/=-]+\.[\w+/=-]+\.[\w+/=-]+$/, 'does not look like a bot token (three dot-separated parts); copy it again from Developer Portal → Bot'),
  DISCORD_CLIENT_ID: z.string({ error: 'is not set; copy the Application ID from Developer Portal → General Information' }).pipe(snowflake('DISCORD_CLIENT_ID')),
  DISCORD_GUILD_ID: unsetWhenEmpty(snowflake('DISCORD_GUILD_ID')),
});

/** Everything the gateway bot and the deploy script need, parsed once and frozen. */
export interface BotConfig {
  token: string;
  clientId: string;
  guildId: string | undefined;
  /** REST base without the version; undefined means Discord's own. */
  apiUrl: string | undefined;
  logLevel: (typeof LOG_LEVELS)[number];
  articlesDir: string;
  prettyLogs: boolean;
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
  return Object.freeze({
    token: values.DISCORD_TOKEN,
    clientId: values.DISCORD_CLIENT_ID,
    guildId: values.DISCORD_GUILD_ID,
    apiUrl: values.DISCORD_API_URL,
    logLevel: values.LOG_LEVEL ?? 'info',
    articlesDir: loadCliConfig(env).articlesDir,
    prettyLogs: values.NODE_ENV === 'development',
  });
}

const httpSchema = sharedSchema.extend({
  DISCORD_PUBLIC_KEY: z
    .string({ error: 'is not set; copy the Public Key from Developer Portal → General Information' })
    .trim()
    .regex(/^[0-9a-fA-F]{64}$/, 'must be the 64-character hexadecimal Public Key from Developer Portal → General Information'),
  PORT: unsetWhenEmpty(z.coerce.number({ error: 'must be a port number' }).int().min(0).max(65535, 'must be a port number (0-65535)')),
});

/** The HTTP interactions endpoint needs no bot token: replies go back in the HTTP response or via the interaction's webhook. */
export interface HttpConfig {
  publicKey: string;
  port: number;
  apiUrl: string | undefined;
  logLevel: (typeof LOG_LEVELS)[number];
  articlesDir: string;
  prettyLogs: boolean;
}

export function loadHttpConfig(env: NodeJS.ProcessEnv = process.env): Readonly<HttpConfig> {
  const values = parseEnv(httpSchema, env);
  return Object.freeze({
    publicKey: values.DISCORD_PUBLIC_KEY,
    port: values.PORT ?? 8080,
    apiUrl: values.DISCORD_API_URL,
    logLevel: values.LOG_LEVEL ?? 'info',
    articlesDir: loadCliConfig(env).articlesDir,
    prettyLogs: values.NODE_ENV === 'development',
  });
}

const count = (variable: string, min: number) =>
  unsetWhenEmpty(z.coerce.number({ error: `must be a whole number` }).int(`${variable} must be a whole number`).min(min, `must be at least ${min}`));

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

/** For entry points: the configuration, or one line naming the variable and how to fix it, then exit 1. */
export function configOrExit<T>(load: () => T): T {
  try {
    return load();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`Configuration error: ${error.message}\n`);
    process.exit(1);
  }
}
