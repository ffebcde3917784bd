import type { AddressInfo } from 'node:net';
import { configOrExit, exitAfterFailedStart, openKnowledgeBase, reloadOnSighup, withServerArticles } from './bootstrap.js';
import { databaseSecrets, loadArticleSourceConfig, loadEnvFile, loadHttpConfig, loadLimitsConfig, loadReloadConfig, loadStoreConfig } from './config.js';
import { createRateLimiter } from './discord/rate-limit.js';
import { createInteractionsServer } from './http/interactions-server.js';
import { ed25519PublicKey } from './http/signature.js';
import { createLogger } from './logger.js';
import { commandSet } from './commands/index.js';
import { openStores } from './store/stores.js';

/** `npm run start:http`: Discord's Interactions Endpoint URL on HOST:PORT (POST /interactions, GET /healthz). */
async function main(): Promise<void> {
  loadEnvFile();
  const config = configOrExit(loadHttpConfig);
  const limits = configOrExit(loadLimitsConfig);
  const reload = configOrExit(loadReloadConfig);
  const sources = configOrExit(loadArticleSourceConfig);
  const storage = configOrExit(loadStoreConfig);
  const logger = await createLogger({ level: config.logLevel, secrets: databaseSecrets(storage), pretty: config.prettyLogs });
  process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled rejection (kept running)'));
  const onSighup = reloadOnSighup();
  // Same start-up contract as the gateway bot: one line naming the problem, then exit 1.
  const failed = (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    logger.fatal({ err: error }, `could not start the interactions endpoint: ${message}`);
    logger.flush();
    exitAfterFailedStart();
  };
  try {
    // Instances behind a load balancer share one store when DATABASE_URL names the same server.
    const [stores, { knowledge: shared, reloader }] = await Promise.all([
      openStores(storage, logger),
      openKnowledgeBase(config.articlesDir, logger, { answerCacheSize: limits.answerCacheSize, maxFileBytes: config.articleMaxBytes, ...reload }),
    ]);
    const { knowledge, serverArticles } = withServerArticles(shared, stores.serverArticles, logger, { sources, articleMaxBytes: config.articleMaxBytes, answerCacheSize: limits.answerCacheSize });
    const server = createInteractionsServer({
      knowledge,
      ...(serverArticles ? { serverArticles } : {}),
      commands: commandSet(),
      publicKey: ed25519PublicKey(config.publicKey),
      apiUrl: config.apiUrl,
      logger,
      rateLimiter: createRateLimiter({ limit: limits.rateLimitQuestions, windowMs: limits.rateLimitWindowMs }),
      bodyTimeoutMs: limits.httpBodyTimeoutMs,
      feedback: stores.feedback,
    });
    // A port in use or an address that is not this machine's fails here, before anything is served.
    server.once('error', failed);
    server.listen(config.port, config.host, () => {
      server.off('error', failed);
      server.on('error', (error) => logger.error({ err: error }, 'http server error'));
      const { address, port } = server.address() as AddressInfo;
      logger.info({ host: address, port }, 'interactions endpoint listening on POST /interactions');
    });
    reloader.start();
    onSighup(reloader);
    const shutdown = (signal: string) => {
      logger.info({ signal }, 'shutting down');
      void reloader.stop();
      server.close(() => void stores.close().finally(() => process.exit(0)));
      setTimeout(() => process.exit(1), 10_000).unref();
    };
    process.on('SIGINT', () => shutdown('SIGINT'));
    process.on('SIGTERM', () => shutdown('SIGTERM'));
  } catch (error) {
    failed(error);
  }
}

void main();
