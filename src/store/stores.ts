import type { StoreConfig } from '../config.js';
import type { Logger } from '../logger.js';
import type { Database } from './database.js';
import { SqlFeedbackLog, type FeedbackLog } from './feedback-log.js';
import { openDatabase } from './open-database.js';
import { startRetention, type Retention } from './retention.js';
import type { ServerArticleStore } from './server-article-store.js';
import { SqlServerArticleStore } from './sql-server-article-store.js';

/** Everything the bot keeps in its database, opened once per process and shared by its handlers. */
export interface Stores {
  database: Database;
  feedback: FeedbackLog;
  serverArticles: ServerArticleStore;
  /** Stops the retention purge and closes the database (the embedded one is flushed and unlocked). */
  close(): Promise<void>;
}

export interface OpenStoresOptions {
  now?: () => number;
  /** How often retention runs after the purge at start (default hourly). */
  purgeEveryMs?: number;
}

/**
 * Opens the database (embedded in DATA_DIR, or DATABASE_URL), brings its schema up to date, purges
 * what is past retention and keeps doing so. Throws DatabaseError (one line, what to do) when the
 * database cannot be used, so the entry point exits 1 with it.
 */
export async function openStores(config: StoreConfig, logger: Logger, options: OpenStoresOptions = {}): Promise<Stores> {
  const database = await openDatabase(config);
  const now = options.now ?? Date.now;
  const log = await SqlFeedbackLog.open(database, { salt: config.feedbackSalt, now });
  const serverArticles = new SqlServerArticleStore(database, {
    now,
    onUnreadable: (guild, article, problem) => logger.error({ guild, article, problem }, 'a stored server article failed verification; it is not served'),
  });
  const retention: Retention = startRetention({
    retentionMs: config.retentionMs,
    now,
    ...(options.purgeEveryMs ? { everyMs: options.purgeEveryMs } : {}),
    purge: async (cutoff) => {
      const purged = await log.purgeOlderThan(cutoff);
      await serverArticles.purgeExpiredStages();
      return purged;
    },
    onPurged: ({ questions, votes, cutoffMs }) => {
      if (questions + votes > 0) logger.info({ questions, votes, before: new Date(cutoffMs).toISOString() }, 'deleted unanswered questions and votes past retention');
    },
    onError: (error) => logger.error({ err: error }, 'the retention purge failed; it runs again later'),
  });
  await retention.first;
  logger.info({ database: database.description, retentionDays: Math.round(config.retentionMs / 86_400_000) }, 'database ready');
  return {
    database,
    feedback: loggedFeedback(log, logger),
    serverArticles,
    close: async () => {
      retention.stop();
      await database.close();
    },
  };
}

/** Logging an unanswered question must never cost the user the answer: a failure is logged, not thrown. */
export function loggedFeedback(log: FeedbackLog, logger: Logger): FeedbackLog {
  return {
    vote: (answer, userId, vote) => log.vote(answer, userId, vote),
    report: (guildId, options) => log.report(guildId, options),
    recordUnanswered: (asked) =>
      log.recordUnanswered(asked).catch((error: unknown) => logger.error({ err: error, guild: asked.guildId }, 'could not log an unanswered question')),
  };
}
