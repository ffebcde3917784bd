import 'dotenv/config';
import { loadServices } from './bootstrap.js';
import { ConfigError, loadHttpConfig } from './config.js';
import { createInteractionsServer } from './http/interactions-server.js';
import { ed25519PublicKey } from './http/signature.js';
import { createLogger } from './logger.js';

/** `npm run start:http`: Discord's Interactions Endpoint URL on PORT (POST /interactions, GET /healthz). */
async function main(): Promise<void> {
  let config;
  try {
    config = loadHttpConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`Configuration error: ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const logger = await createLogger({ level: config.logLevel, secrets: [], pretty: config.prettyLogs });
  process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled rejection (kept running)'));
  const services = loadServices(config.articlesDir, logger);
  const server = createInteractionsServer({ ...services, publicKey: ed25519PublicKey(config.publicKey), apiUrl: config.apiUrl, logger });
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
