import 'dotenv/config';
import { loadServices } from './bootstrap.js';
import { ConfigError, loadBotConfig } from './config.js';
import { startGatewayBot } from './discord/gateway-bot.js';
import { createLogger } from './logger.js';

/** The gateway bot: `npm start` (built) or `npm run dev` (reloads on change, pretty logs). */
async function main(): Promise<void> {
  let config;
  try {
    config = loadBotConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`Configuration error: ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const logger = await createLogger({ level: config.logLevel, secrets: [config.token], pretty: config.prettyLogs });
  process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled rejection (kept running)'));

  try {
    const services = loadServices(config.articlesDir, logger);
    const bot = await startGatewayBot({ ...services, token: config.token, apiUrl: config.apiUrl, logger });
    let stopping = false;
    const shutdown = (signal: string) => {
      if (stopping) return;
      stopping = true;
      logger.info({ signal }, 'shutting down');
      const forced = setTimeout(() => process.exit(1), 10_000);
      forced.unref();
      void bot.stop().then(() => process.exit(0));
    };
    process.on('SIGINT', () => shutdown('SIGINT'));
    process.on('SIGTERM', () => shutdown('SIGTERM'));
  } catch (error) {
    logger.fatal({ err: error }, 'could not start the bot');
    process.exitCode = 1;
    logger.flush();
  }
}

void main();
