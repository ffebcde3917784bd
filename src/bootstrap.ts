import { ConfigError, type ArticleSourceConfig } from './config.js';
import type { ServerArticles } from './discord/services.js';
import type { KnowledgeSource } from './knowledge/knowledge-base.js';
import { ServerKnowledge } from './knowledge/server-knowledge.js';
import type { ServerArticleStore } from './store/server-article-store.js';
import { ArticleDirectory } from './data/article-directory.js';
import type { EngineOptions } from './engine/index.js';
import { DirectoryReloader, reportRejected } from './knowledge/directory-reloader.js';
import { LiveKnowledgeBase } from './knowledge/live-knowledge-base.js';
import { sharedArticleReader } from './sources/article-reader.js';
import type { Logger } from './logger.js';

export interface KnowledgeOptions extends EngineOptions {
  /** Article files larger than this are skipped, each with its own error (ARTICLE_MAX_BYTES). */
  maxFileBytes?: number;
  /** ARTICLES_RELOAD_DEBOUNCE_MS and ARTICLES_RESCAN_SECONDS (see ReloadConfig); defaults for the tests that do not start it. */
  debounceMs?: number;
  rescanMs?: number;
}

export interface OpenKnowledgeBase {
  knowledge: LiveKnowledgeBase;
  /** Not started: `start()` watches the directory, `reload()` is SIGHUP's. */
  reloader: DirectoryReloader;
}

/**
 * Loads the articles directory and builds the engine; bad files are reported, good ones served.
 * Refuses to start with no valid article. The reloader keeps it current afterwards.
 */
export async function openKnowledgeBase(articlesDir: string, logger: Logger, options: KnowledgeOptions = {}): Promise<OpenKnowledgeBase> {
  const started = performance.now();
  const directory = new ArticleDirectory(articlesDir, { maxFileBytes: options.maxFileBytes });
  const first = await directory.scan();
  reportRejected(logger, first.rejected);
  if (first.articles.length === 0) throw new Error(`no valid article in ${articlesDir}; fix the files reported above or set ARTICLES_DIR`);
  const knowledge = new LiveKnowledgeBase('directory', first.articles, { answerCacheSize: options.answerCacheSize });
  logger.info(
    { articles: first.articles.length, skipped: first.rejected.length, generation: 1, answerCacheSize: options.answerCacheSize ?? 0, ms: Math.round(performance.now() - started) },
    'knowledge base loaded',
  );
  const reloader = new DirectoryReloader(directory, knowledge, { logger, debounceMs: options.debounceMs ?? 300, rescanMs: options.rescanMs ?? 5000 });
  return { knowledge, reloader };
}

/** Redirects a link may take before the bot gives up on it. */
export const MAX_REDIRECTS = 5;

/**
 * Per-server knowledge over the shared articles when there is a store of server articles: each
 * server's questions are answered from the shared articles plus its own, and `/article` can change
 * them. Without a store, every question is answered from the shared articles and `/article` says so.
 */
export function withServerArticles(
  shared: LiveKnowledgeBase,
  store: ServerArticleStore | undefined,
  logger: Logger,
  options: { sources: ArticleSourceConfig; articleMaxBytes: number; answerCacheSize?: number },
): { knowledge: KnowledgeSource; serverArticles?: ServerArticles } {
  if (!store) return { knowledge: shared };
  const knowledge = new ServerKnowledge(shared, store, { logger, engineOptions: { answerCacheSize: options.answerCacheSize } });
  const serverArticles: ServerArticles = {
    store,
    sources: {
      fetch: { timeoutMs: options.sources.fetchTimeoutMs, maxBytes: options.sources.fetchMaxBytes, maxRedirects: MAX_REDIRECTS, allowPrivate: options.sources.allowPrivate },
      maxArticleBytes: options.articleMaxBytes,
      reader: sharedArticleReader(),
    },
    sharedArticles: () => shared.current().articles,
    logger,
  };
  return { knowledge, serverArticles };
}

/**
 * SIGHUP, as daemons take it: read the articles again now. Taken from the start (the default would
 * end the process); one that arrives while the articles are first loaded has nothing more to do.
 */
export function reloadOnSighup(): (reloader: DirectoryReloader) => void {
  let current: DirectoryReloader | undefined;
  process.on('SIGHUP', () => void current?.reload('SIGHUP'));
  return (reloader) => {
    current = reloader;
  };
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
