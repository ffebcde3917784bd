import { commandSet } from './commands/index.js';
import type { Services } from './discord/services.js';
import { ConfigError } from './config.js';
import { loadKnowledgeBase } from './data/load.js';
import { createAnswerEngine, type EngineOptions } from './engine/index.js';
import type { Logger } from './logger.js';

export interface LoadOptions extends EngineOptions {
  /** Article files larger than this are skipped, each with its own error (ARTICLE_MAX_BYTES). */
  maxFileBytes?: number;
}

/** Loads the knowledge base and builds the engine once; bad files are reported, good ones served. */
export function loadServices(articlesDir: string, logger: Logger, options: LoadOptions = {}): Services {
  const started = performance.now();
  const { articles, errors } = loadKnowledgeBase(articlesDir, { maxFileBytes: options.maxFileBytes });
  for (const error of errors) logger.error({ file: error.file, field: error.field, problem: error.problem }, `skipped article file: ${error.message}`);
  if (articles.length === 0) throw new Error(`no valid article in ${articlesDir}; fix the files reported above or set ARTICLES_DIR`);
  const engine = createAnswerEngine(articles, options);
  logger.info({ articles: articles.length, skipped: errors.length, answerCacheSize: options.answerCacheSize ?? 0, ms: Math.round(performance.now() - started) }, 'knowledge base loaded');
  return { engine, articles, commands: commandSet() };
}

/** Given by the dev scripts (`tsx watch src/index.ts --exit-watch-on-failure`): a failed start stops the watcher as well. */
export const EXIT_WATCH_FLAG = '--exit-watch-on-failure';

/**
 * The start-up contract of every long-running entry point: a failure before serving has already
 * been written as one line naming the problem; the process exits 1 so a supervisor (or the person
 * at the terminal) sees it. Under `npm run dev`, tsx's watcher would sit waiting for a file change
 * after the failure, so it is asked to stop too: it signals this process back and exits with its
 * code, 1.
 */
export function exitAfterFailedStart(): never {
  if (process.argv.includes(EXIT_WATCH_FLAG) && process.ppid > 1) {
    try {
      // The watcher answers with SIGTERM; caught, it cannot end this process before it exits 1.
      process.on('SIGTERM', () => process.exit(1));
      process.kill(process.ppid, 'SIGTERM');
      // Still alive when the watcher relays the signal, so it waits for this exit and takes its code.
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1000);
    } catch {
      // The watcher is already gone: nothing to stop.
    }
  }
  process.exit(1);
}

/** For entry points: the configuration, or one line naming the variable and how to fix it, then exit 1. */
export function configOrExit<T>(load: () => T): T {
  try {
    return load();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`Configuration error: ${error.message}\n`);
    return exitAfterFailedStart();
  }
}
