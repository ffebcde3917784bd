/**
 * The real gateway bot (startGatewayBot) for bench/gateway.ts, in its own process: logs in to the
 * REST base in BENCH_API_URL with BENCH_TOKEN, reports `{ ready }` over IPC once READY, and stops
 * cleanly on SIGTERM. Logs are silent so that logging does not count against throughput.
 */
import { pino } from 'pino';
import { openKnowledgeBase } from '../../src/bootstrap.js';
import { loadLimitsConfig } from '../../src/config.js';
import { BUNDLED_ARTICLES_DIR } from '../../src/data/load.js';
import { startGatewayBot } from '../../src/discord/gateway-bot.js';
import { reportReady } from './child.js';
import { commandSet } from '../../src/commands/index.js';

const logger = pino({ level: process.env.BENCH_LOG_LEVEL ?? 'silent' });
const { knowledge } = await openKnowledgeBase(process.env.ARTICLES_DIR || BUNDLED_ARTICLES_DIR, logger, { answerCacheSize: loadLimitsConfig().answerCacheSize });
const bot = await startGatewayBot({ knowledge, commands: commandSet(), token: process.env.BENCH_TOKEN ?? '', apiUrl: process.env.BENCH_API_URL, logger });
reportReady();
process.on('SIGTERM', () => void bot.stop().then(() => process.exit(0)));
