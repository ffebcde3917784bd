import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { REST, Routes, ShardingManager, type RESTGetAPIGatewayBotResult, type Shard } from 'discord.js';
import { configOrExit, exitAfterFailedStart } from './bootstrap.js';
import { loadBotConfig, loadEnvFile, loadShardCount } from './config.js';
import { createLogger, type Logger } from './logger.js';

/**
 * `npm run start:sharded`: the gateway bot as one process per shard under discord.js's
 * ShardingManager. Each child is the normal bot entry (`index.js`); discord.js hands it SHARDS and
 * SHARD_COUNT in its environment and the child's Client picks them up by itself.
 */

/**
 * discord.js's own `fetchRecommendedShardCount` always asks discord.com, whatever REST base the
 * bot uses; this asks the configured one (DISCORD_API_URL), like the rest of the bot.
 */
export async function recommendedShardCount(token: string, apiUrl?: string): Promise<number> {
  const rest = new REST({ ...(apiUrl ? { api: apiUrl } : {}), hashSweepInterval: 0, handlerSweepInterval: 0 }).setToken(token);
  const { shards } = (await rest.get(Routes.gatewayBot())) as RESTGetAPIGatewayBotResult;
  return Math.max(1, shards);
}

/** The shard script next to this file: `index.js` when built, `index.ts` (through tsx) from source. */
export function defaultShardScript(): { file: string; execArgv: string[] } {
  const fromSource = import.meta.url.endsWith('.ts');
  return {
    file: fileURLToPath(new URL(fromSource ? './index.ts' : './index.js', import.meta.url)),
    execArgv: fromSource ? ['--import', 'tsx'] : [],
  };
}

export interface ShardManagerOptions {
  token: string;
  /** REST base without version, as DISCORD_API_URL; used for GET /gateway/bot, passed on to the shards through the environment. */
  apiUrl?: string;
  totalShards: number | 'auto';
  logger: Logger;
  /** Shard script; default {@link defaultShardScript}. */
  file?: string;
  /** Node flags for the shard processes; default `['--import', 'tsx']` for a `.ts` file, none otherwise. */
  execArgv?: string[];
  /** Extra environment for the shard processes (on top of this process's and discord.js's SHARDS / SHARD_COUNT). */
  env?: Record<string, string>;
  /** Pause between spawning two shards. Discord allows one IDENTIFY per 5 s per bucket; discord.js's default is 5500 ms. */
  spawnDelayMs?: number;
  /** How long a shard may take to reach READY. */
  readyTimeoutMs?: number;
  /** Restart a shard whose process exits after start-up (default true). */
  respawn?: boolean;
  /** First restart delay; doubled for each exit within a minute of the previous start, up to 60 s (default 1000 ms). */
  respawnDelayMs?: number;
}

export interface ShardExit {
  shard: number;
  code: number | null;
  signal: string | null;
}

export interface ShardFleet {
  manager: ShardingManager;
  totalShards: number;
  /** Discord's recommendation from GET /gateway/bot. */
  recommendedShards: number;
  /** Spawns every shard, one after the other, each waiting for READY. Rejects if a shard fails to start. */
  start(): Promise<void>;
  /**
   * Stops respawning, sends SIGTERM to every running shard (the bot finishes in-flight replies and
   * exits 0), SIGKILL after `graceMs`. Resolves with how each process ended.
   */
  stop(graceMs?: number): Promise<ShardExit[]>;
}

/** A start-up failure phrased for the person running the bot; never carries the token. */
export class ShardStartError extends Error {
  override name = 'ShardStartError';
}

const STABLE_AFTER_MS = 60_000;
const MAX_RESPAWN_DELAY_MS = 60_000;

/**
 * Builds the manager; `start()` spawns the shards. GET /gateway/bot is always asked (through the
 * configured REST base): it resolves `auto` and checks the token before any shard is forked.
 */
export async function createShardFleet(options: ShardManagerOptions): Promise<ShardFleet> {
  const { logger } = options;
  const recommendedShards = await recommendedShardCount(options.token, options.apiUrl).catch((error: unknown) => {
    const status = typeof error === 'object' && error !== null && 'status' in error ? error.status : undefined;
    if (status === 401) throw new ShardStartError('Discord rejected the bot token (401 Unauthorized); reset it in Developer Portal → Bot and update DISCORD_TOKEN', { cause: error });
    throw error;
  });
  const totalShards = options.totalShards === 'auto' ? recommendedShards : options.totalShards;
  if (totalShards < recommendedShards) {
    logger.warn({ shards: totalShards, recommended: recommendedShards }, 'SHARD_COUNT is below Discord’s recommendation; shards with too many servers are refused (close 4011)');
  }
  const script = options.file
    ? { file: options.file, execArgv: options.execArgv ?? (options.file.endsWith('.ts') ? ['--import', 'tsx'] : []) }
    : { ...defaultShardScript(), ...(options.execArgv ? { execArgv: options.execArgv } : {}) };
  const shardList = Array.from({ length: totalShards }, (_, id) => id);
  const manager = new ShardingManager(script.file, {
    token: options.token,
    totalShards,
    shardList,
    mode: 'process',
    execArgv: script.execArgv,
    // discord.js would respawn a dead shard at once, forever; the 'death' handler below backs off instead.
    respawn: false,
  });
  const extraEnv = { ...(options.apiUrl ? { DISCORD_API_URL: options.apiUrl } : {}), ...options.env };
  const readyTimeoutMs = options.readyTimeoutMs ?? 30_000;
  const baseDelayMs = options.respawnDelayMs ?? 1_000;
  let started = false;
  let stopping = false;
  const respawnTimers = new Set<NodeJS.Timeout>();

  manager.on('shardCreate', (shard: Shard) => {
    // Shard#env is what the child is forked with; discord.js already put SHARDS, SHARD_COUNT and the token in it.
    Object.assign(shard.env as Record<string, string>, extraEnv);
    let spawnedAt = 0;
    let quickExits = 0;
    shard.on('spawn', (child) => {
      spawnedAt = Date.now();
      logger.info({ shard: shard.id, pid: 'pid' in child ? child.pid : null }, 'shard process started');
    });
    shard.on('ready', () => logger.info({ shard: shard.id, of: totalShards }, 'shard ready'));
    shard.on('death', (child) => {
      if (stopping) return;
      const ended = 'exitCode' in child ? { code: child.exitCode, signal: child.signalCode } : {};
      // Before start() finished, the failure goes to start()'s caller instead.
      if (!started || options.respawn === false) return void logger.error({ shard: shard.id, ...ended }, 'shard process exited');
      quickExits = Date.now() - spawnedAt < STABLE_AFTER_MS ? quickExits + 1 : 0;
      const delayMs = Math.min(MAX_RESPAWN_DELAY_MS, baseDelayMs * 2 ** Math.max(0, quickExits - 1));
      logger.warn({ shard: shard.id, ...ended, restartInMs: delayMs }, 'shard process exited; restarting it');
      const timer = setTimeout(() => {
        respawnTimers.delete(timer);
        if (stopping) return;
        // A shard that dies again before READY emits 'death' again, which schedules the next attempt.
        shard.spawn(readyTimeoutMs).catch((error: unknown) => logger.warn({ err: error, shard: shard.id }, 'shard restart failed'));
      }, delayMs);
      respawnTimers.add(timer);
    });
    shard.on('error', (error: unknown) => logger.error({ err: error, shard: shard.id }, 'shard error'));
  });

  const stopShard = async (shard: Shard, graceMs: number): Promise<ShardExit | null> => {
    const child = shard.process;
    if (!child || child.exitCode !== null || child.signalCode !== null) return null;
    const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
    shard.kill(); // SIGTERM; the bot finishes in-flight replies, disconnects and exits
    const force = setTimeout(() => child.kill('SIGKILL'), graceMs);
    try {
      const [code, signal] = await exited;
      return { shard: shard.id, code, signal };
    } finally {
      clearTimeout(force);
    }
  };

  return {
    manager,
    totalShards,
    recommendedShards,
    async start() {
      logger.info({ shards: totalShards, recommended: recommendedShards, script: script.file }, 'spawning shards');
      const delayMs = options.spawnDelayMs ?? 5_500;
      for (const id of shardList) {
        if (stopping) return;
        await manager.createShard(id).spawn(readyTimeoutMs);
        if (id !== shardList[shardList.length - 1] && delayMs > 0 && !stopping) await sleep(delayMs);
      }
      started = true;
      logger.info({ shards: totalShards }, 'all shards ready');
    },
    async stop(graceMs = 10_000) {
      stopping = true;
      for (const timer of respawnTimers) clearTimeout(timer);
      respawnTimers.clear();
      const exits = await Promise.all([...manager.shards.values()].map((shard) => stopShard(shard, graceMs)));
      return exits.filter((exit): exit is ShardExit => exit !== null);
    },
  };
}

async function main(): Promise<void> {
  loadEnvFile();
  const config = configOrExit(loadBotConfig);
  const totalShards = configOrExit(loadShardCount);
  const logger = await createLogger({ level: config.logLevel, secrets: [config.token], pretty: config.prettyLogs });
  let fleet: ShardFleet | undefined;
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down the shards');
    setTimeout(() => process.exit(1), 15_000).unref();
    void (fleet?.stop() ?? Promise.resolve()).then(() => process.exit(0));
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  try {
    fleet = await createShardFleet({ token: config.token, apiUrl: config.apiUrl, totalShards, logger });
    if (stopping) return;
    await fleet.start();
  } catch (error) {
    if (stopping) return; // a shard killed by the shutdown while it was starting
    if (error instanceof ShardStartError) logger.fatal(error.message);
    else logger.fatal({ err: error }, 'could not start the shards');
    await fleet?.stop().catch(() => undefined);
    logger.flush();
    exitAfterFailedStart();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) void main();
