import { configOrExit, exitAfterFailedStart, openKnowledgeBase, reloadOnSighup, withServerArticles } from './bootstrap.js';
import { ConfigError, databaseSecrets, loadArticleSourceConfig, loadBotConfig, loadEnvFile, loadLimitsConfig, loadReloadConfig, loadStoreConfig, settleShardEnvironment } from './config.js';
import { startGatewayBot } from './discord/gateway-bot.js';
import { createRateLimiter } from './discord/rate-limit.js';
import { createLogger } from './logger.js';
import { commandSet } from './commands/index.js';
import { openStores } from './store/stores.js';

/** The gateway bot: `npm start` (built) or `npm run dev` (reloads on change, pretty logs). */
async function main(): Promise<void> {
  loadEnvFile();
  const config = configOrExit(loadBotConfig);
  const limits = configOrExit(loadLimitsConfig);
  const reload = configOrExit(loadReloadConfig);
  const sources = configOrExit(loadArticleSourceConfig);
  const storage = configOrExit(() => {
    const loaded = loadStoreConfig();
    // Each shard is its own process, and the embedded database serves one.
    if (config.shardCount > 1 && !loaded.databaseUrl) throw new ConfigError('DATABASE_URL', `must name a Postgres server when the bot runs ${config.shardCount} shards (the embedded database in DATA_DIR serves one process)`);
    return loaded;
  });
  settleShardEnvironment(config);
  const logger = await createLogger({ level: config.logLevel, secrets: [config.token, ...databaseSecrets(storage)], pretty: config.prettyLogs });
  // A stray rejection is a bug to log, not a reason to take every server's bot down.
  process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled rejection (kept running)'));
  const onSighup = reloadOnSighup();

  try {
    // Together: PGlite compiles its WebAssembly off the main thread while the articles load.
    const [stores, { knowledge: shared, reloader }] = await Promise.all([
      openStores(storage, logger),
      openKnowledgeBase(config.articlesDir, logger, { answerCacheSize: limits.answerCacheSize, maxFileBytes: config.articleMaxBytes, ...reload }),
    ]);
    const { knowledge, serverArticles } = withServerArticles(shared, stores.serverArticles, logger, { sources, articleMaxBytes: config.articleMaxBytes, answerCacheSize: limits.answerCacheSize });
    const rateLimiter = createRateLimiter({ limit: limits.rateLimitQuestions, windowMs: limits.rateLimitWindowMs });
    const bot = await startGatewayBot({
      knowledge,
      ...(serverArticles ? { serverArticles } : {}),
      commands: commandSet(),
      token: config.token,
      apiUrl: config.apiUrl,
      shards: config.shards,
      shardCount: config.shardCount,
      logger,
      rateLimiter,
      feedback: stores.feedback,
      // The token was revoked or the gateway refused us for good: exit so a supervisor (or the admin) sees it.
      onFatalDisconnect: () => process.exit(1),
    });
    reloader.start();
    onSighup(reloader);
    // Under the sharding manager, each shard says when it reloaded, so the manager's log shows every shard caught up.
    if (config.underShardingManager) reloader.onReload((summary) => process.connected && process.send?.({ articlesReloaded: summary }));
    let stopping = false;
    const shutdown = (signal: string) => {
      if (stopping) return;
      stopping = true;
      logger.info({ signal, timeoutMs: limits.shutdownTimeoutMs }, 'shutting down');
      void reloader.stop();
      const forced = setTimeout(() => {
        logger.error({ timeoutMs: limits.shutdownTimeoutMs }, 'in-flight replies did not finish in time; exiting');
        process.exit(1);
      }, limits.shutdownTimeoutMs);
      forced.unref();
      void bot
        .stop()
        .then(() => stores.close())
        .then(
          () => process.exit(0),
          (error: unknown) => {
            logger.error({ err: error }, 'clean shutdown failed');
            process.exit(1);
          },
        );
    };
    process.on('SIGINT', () => shutdown('SIGINT'));
    process.on('SIGTERM', () => shutdown('SIGTERM'));
    // Under ShardingManager: if the manager dies, stop instead of running unmanaged.
    if (config.underShardingManager) process.on('disconnect', () => shutdown('sharding manager gone'));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    logger.fatal({ err: error }, `could not start the bot: ${message}`);
    logger.flush();
    exitAfterFailedStart();
  }
}

void main();
