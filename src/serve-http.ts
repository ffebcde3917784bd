import 'dotenv/config';
import { loadServices } from './bootstrap.js';
import { configOrExit, loadHttpConfig, loadLimitsConfig } from './config.js';
import { createRateLimiter } from './discord/rate-limit.js';
import { createInteractionsServer } from './http/interactions-server.js';
import { ed25519PublicKey } from './http/signature.js';
import { createLogger } from './logger.js';

/** `npm run start:http`: Discord's Interactions Endpoint URL on PORT (POST /interactions, GET /healthz). */
async function main(): Promise<void> {
  const config = configOrExit(loadHttpConfig);
  const limits = configOrExit(loadLimitsConfig);
  const logger = await createLogger({ level: config.logLevel, secrets: [], pretty: config.prettyLogs });
  process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled rejection (kept running)'));
  const services = loadServices(config.articlesDir, logger, { answerCacheSize: limits.answerCacheSize });
  const server = createInteractionsServer({
    ...services,
    publicKey: ed25519PublicKey(config.publicKey),
    apiUrl: config.apiUrl,
    logger,
    rateLimiter: createRateLimiter({ limit: limits.rateLimitQuestions, windowMs: limits.rateLimitWindowMs }),
    bodyTimeoutMs: limits.httpBodyTimeoutMs,
  });
  server.listen(config.port, () => {
    const address = server.address();
    logger.info({ port: typeof address === 'object' && address ? address.port : config.port }, 'interactions endpoint listening on POST /interactions');
  });
  const shutdown = (signal: string) => {
    logger.info({ signal }, 'shutting down');
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(1), 10_000).unref();
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

void main();
