import { statSync, watch, type FSWatcher } from 'node:fs';
import type { ArticleDirectory, RejectedFile } from '../data/article-directory.js';
import { ArticleDataError } from '../data/load.js';
import type { Logger } from '../logger.js';
import type { LiveKnowledgeBase } from './live-knowledge-base.js';

/** What started a reload: a change event, the periodic re-scan, a second look at a file caught mid-write, or SIGHUP. */
export type ReloadTrigger = 'change' | 'rescan' | 'retry' | 'SIGHUP';

/** The one line logged per reload ("knowledge base reloaded"), also sent to the sharding manager. */
export interface ReloadSummary {
  trigger: ReloadTrigger;
  /** The generation served after this reload (the same as before when nothing was swapped). */
  generation: number;
  articles: number;
  added: number;
  changed: number;
  removed: number;
  /** Files reported as rejected by this reload, each on its own line. */
  rejected: number;
  /** Article pairs read and verified; every other file was only looked at. */
  read: number;
  /** The ids behind the counts, at most MAX_IDS of each. */
  ids: { added: string[]; changed: string[]; removed: string[] };
  /** Building the new engine, and the whole reload. */
  buildMs: number;
  ms: number;
}

export interface ReloaderOptions {
  logger: Logger;
  /** Quiet time after a change event before reloading (ARTICLES_RELOAD_DEBOUNCE_MS). */
  debounceMs: number;
  /** Every file is looked at this often even without events (ARTICLES_RESCAN_SECONDS); 0 = never. */
  rescanMs: number;
}

const MAX_IDS = 20;
/** A steady stream of changes still reloads this many quiet periods after the first one. */
const MAX_WAIT_DEBOUNCES = 10;

/**
 * Keeps a LiveKnowledgeBase in step with its articles directory: a file watcher (debounced) and a
 * periodic re-scan (for filesystems whose events do not arrive, such as NFS) both lead to one
 * scan at a time; what changed is swapped in, what failed is reported once. A reload never starts
 * sooner after the previous one than that one took, so rebuilding never takes more than half the
 * time however fast files change.
 */
export class DirectoryReloader {
  private watcher: FSWatcher | undefined;
  private watchedDirectory: bigint | undefined;
  private watchProblem: string | undefined;
  private timer: NodeJS.Timeout | undefined;
  private due = Infinity;
  private burstStarted: number | undefined;
  private rescanTimer: NodeJS.Timeout | undefined;
  private chain: Promise<void> = Promise.resolve();
  private pending: { trigger: ReloadTrigger; force: boolean } | undefined;
  private lastRunMs = 0;
  private lastEndedAt = 0;
  private emptyReported = false;
  private directoryProblem: string | undefined;
  private stopped = false;
  private readonly listeners = new Set<(summary: ReloadSummary) => void>();

  constructor(
    private readonly directory: ArticleDirectory,
    private readonly knowledge: LiveKnowledgeBase,
    private readonly options: ReloaderOptions,
  ) {}

  /** Starts watching and re-scanning; the first look comes one quiet period after watching began, for what changed before. */
  start(): void {
    this.watch();
    this.schedule('rescan', Date.now() + this.options.debounceMs);
    this.armRescan();
  }

  /**
   * Scans now; resolves when done. Forced (SIGHUP) by default: every file is read again and every
   * current problem reported again.
   */
  reload(trigger: ReloadTrigger = 'SIGHUP', force = true): Promise<void> {
    return this.enqueue(trigger, force);
  }

  /** Called with the summary of every reload that logged one. */
  onReload(listener: (summary: ReloadSummary) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Stops watching and scanning; a scan already running finishes. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    clearTimeout(this.rescanTimer);
    this.unwatch();
    await this.chain;
  }

  /** A change event: reload once the directory has been quiet for the debounce time. */
  private changed(): void {
    const now = Date.now();
    this.burstStarted ??= now;
    const at = Math.min(now + this.options.debounceMs, this.burstStarted + MAX_WAIT_DEBOUNCES * this.options.debounceMs);
    this.schedule('change', at, true);
  }

  /** A scan at `at` (or later, to keep the gap after the last reload); `replace` moves an earlier one too (debouncing). */
  private schedule(trigger: ReloadTrigger, at: number, replace = false): void {
    if (this.stopped) return;
    const when = Math.max(at, this.lastEndedAt + this.lastRunMs);
    if (this.timer && this.due <= when && !replace) return;
    clearTimeout(this.timer);
    this.due = when;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.due = Infinity;
      void this.enqueue(trigger, false);
    }, when - Date.now());
    this.timer.unref();
  }

  /** One scan at a time; requests made while one waits join it (a forced one makes it forced). */
  private enqueue(trigger: ReloadTrigger, force: boolean): Promise<void> {
    if (this.pending) {
      if (force) this.pending = { trigger, force };
      return this.chain;
    }
    this.pending = { trigger, force };
    this.chain = this.chain.then(() => {
      const next = this.pending ?? { trigger, force };
      this.pending = undefined;
      return this.scan(next.trigger, next.force);
    });
    return this.chain;
  }

  private async scan(trigger: ReloadTrigger, force: boolean): Promise<void> {
    if (this.stopped) return;
    const { logger } = this.options;
    this.burstStarted = undefined;
    const started = performance.now();
    try {
      let scan;
      try {
        scan = await this.directory.scan({ force, settle: !force });
      } catch (error) {
        if (!(error instanceof ArticleDataError)) throw error;
        return this.reportUnreadable(error, force);
      }
      if (this.directoryProblem) logger.info({ dir: this.directory.root }, 'the articles directory can be read again');
      this.directoryProblem = undefined;
      reportRejected(logger, scan.rejected);
      const update = this.knowledge.update('directory', scan.articles);
      const served = this.knowledge.current();
      if (!update.swapped && update.reason === 'empty') {
        if (!this.emptyReported || force) {
          logger.error({ dir: this.directory.root, generation: served.generation, articles: served.articles.length }, `no valid article in ${this.directory.root} any more; still serving the last ${served.articles.length} (generation ${served.generation}) until one is added`);
        }
        this.emptyReported = true;
      } else {
        this.emptyReported = false;
      }
      if (update.swapped || scan.rejected.length > 0 || force) {
        const summary: ReloadSummary = {
          trigger,
          generation: served.generation,
          articles: served.articles.length,
          added: update.swapped ? update.added.length : 0,
          changed: update.swapped ? update.changed.length : 0,
          removed: update.swapped ? update.removed.length : 0,
          rejected: scan.rejected.length,
          read: scan.read,
          ids: update.swapped ? { added: update.added.slice(0, MAX_IDS), changed: update.changed.slice(0, MAX_IDS), removed: update.removed.slice(0, MAX_IDS) } : { added: [], changed: [], removed: [] },
          buildMs: update.swapped ? update.buildMs : 0,
          ms: Math.round(performance.now() - started),
        };
        logger.info(summary, 'knowledge base reloaded');
        for (const listener of this.listeners) listener(summary);
      }
      if (scan.unsettled.length > 0) this.schedule('retry', Date.now() + this.options.debounceMs);
      this.keepWatching();
    } catch (error) {
      logger.error({ err: error, generation: this.knowledge.current().generation }, 'reloading the articles failed; still serving the articles loaded before');
    } finally {
      this.lastRunMs = performance.now() - started;
      this.lastEndedAt = Date.now();
      this.armRescan();
    }
  }

  private reportUnreadable(error: ArticleDataError, force: boolean): void {
    this.keepWatching();
    if (this.directoryProblem === error.message && !force) return;
    this.directoryProblem = error.message;
    const served = this.knowledge.current();
    this.options.logger.error(
      { dir: this.directory.root, problem: error.problem, generation: served.generation, articles: served.articles.length },
      `${error.message}; still serving the last ${served.articles.length} articles (generation ${served.generation})`,
    );
  }

  /** The next periodic scan, counted from the end of the last scan of any kind. */
  private armRescan(): void {
    clearTimeout(this.rescanTimer);
    if (this.stopped || this.options.rescanMs <= 0) return;
    this.rescanTimer = setTimeout(() => void this.enqueue('rescan', false), this.options.rescanMs);
    this.rescanTimer.unref();
  }

  private watch(): void {
    if (this.watcher || this.stopped) return;
    try {
      const watcher = watch(this.directory.root, { persistent: false }, () => this.changed());
      watcher.on('error', (error) => {
        this.unwatch();
        this.reportWatchProblem(error);
      });
      this.watcher = watcher;
      this.watchedDirectory = statSync(this.directory.root, { bigint: true }).ino;
      if (this.watchProblem) this.options.logger.info({ dir: this.directory.root }, 'watching the articles directory again');
      this.watchProblem = undefined;
    } catch (error) {
      this.unwatch();
      this.reportWatchProblem(error);
    }
  }

  /** A directory replaced (moved away and made again, remounted) is watched anew; a failed watch is tried again. */
  private keepWatching(): void {
    if (this.stopped) return;
    let current: bigint | undefined;
    try {
      current = statSync(this.directory.root, { bigint: true }).ino;
    } catch {
      current = undefined;
    }
    if (this.watcher && current === this.watchedDirectory) return;
    this.unwatch();
    if (current !== undefined) this.watch();
  }

  private unwatch(): void {
    this.watcher?.close();
    this.watcher = undefined;
    this.watchedDirectory = undefined;
  }

  private reportWatchProblem(error: unknown): void {
    const code = error instanceof Error && 'code' in error ? String(error.code) : String(error);
    if (this.watchProblem === code) return;
    this.watchProblem = code;
    const fallback = this.options.rescanMs > 0 ? `changes are picked up by the re-scan every ${this.options.rescanMs / 1000} s` : 'set ARTICLES_RESCAN_SECONDS, or send SIGHUP after each change';
    this.options.logger.warn({ dir: this.directory.root, code }, `cannot watch the articles directory (${code}); ${fallback}`);
  }
}

/** One error line per rejected file: the file, the field and the problem. */
export function reportRejected(logger: Logger, rejected: RejectedFile[]): void {
  for (const { error, servingPrevious } of rejected) {
    const kept = servingPrevious ? ' (its last good version is still served)' : '';
    logger.error({ file: error.file, field: error.field, problem: error.problem, servingPrevious }, `skipped article file: ${error.message}${kept}`);
  }
}
