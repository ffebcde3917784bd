import { Worker } from 'node:worker_threads';
import type { Article } from '../data/schema.js';
import type { ReadJob, ReadReply, ReadRequest } from './read-article.js';
import { ArticleSourceError } from './source-error.js';

/** Turns a fetched body into a verified Article without holding the event loop. */
export interface ArticleReader {
  read(job: ReadJob): Promise<Article>;
  /** Gets ready for a read soon (called before fetching, so starting up overlaps the download). */
  prepare?(): void;
}

/** read-article-worker beside this file: `.js` when built, `.ts` when running from source (npm run dev, tests). */
export function defaultReaderScript(): URL {
  return new URL(import.meta.url.endsWith('.ts') ? './read-article-worker.ts' : './read-article-worker.js', import.meta.url);
}

/** A worker running `script`; a TypeScript one through typescript-worker.mjs, which registers tsx in the thread first. */
function startWorker(script: URL): Worker {
  if (!script.pathname.endsWith('.ts')) return new Worker(script);
  return new Worker(new URL('./typescript-worker.mjs', import.meta.url), { argv: [script.href] });
}

interface Pending {
  resolve: (article: Article) => void;
  reject: (error: Error) => void;
  /** Gives up on the read after readTimeoutMs. */
  timer: NodeJS.Timeout;
}

interface Thread {
  worker: Worker;
  pending: Map<number, Pending>;
  /** Stops the thread once it has been idle for idleMs. */
  idle?: NodeJS.Timeout;
}

export interface ReaderOptions {
  /** The thread's script; default {@link defaultReaderScript}. */
  script?: URL;
  /** How long an idle thread is kept (a batch of adds shares one loaded model) before it is stopped to give its memory back; default 5 minutes. */
  idleMs?: number;
  /** A read taking longer than this is given up and its thread stopped (a pathological page must not hold the thread, and every later add, for ever); default 60 s. */
  readTimeoutMs?: number;
}

/**
 * Reads articles on one worker thread, started by the first add while its page downloads (about
 * 0.6 s: the thread, the modules, the tagger's model) and kept for a while after the last read,
 * without keeping the process alive. Page-to-text, ingestion and verification take 0.1-0.3 s of CPU per article; on
 * the event loop no other interaction would be answered meanwhile. If the thread dies, or a read
 * takes longer than readTimeoutMs, the reads in progress fail with a message for the admin and the
 * next read starts a new thread.
 */
export class WorkerArticleReader implements ArticleReader {
  private thread: Thread | undefined;
  private nextId = 0;
  private readonly script: URL;
  private readonly idleMs: number;
  private readonly readTimeoutMs: number;

  constructor(options: ReaderOptions = {}) {
    this.script = options.script ?? defaultReaderScript();
    this.idleMs = options.idleMs ?? 5 * 60_000;
    this.readTimeoutMs = options.readTimeoutMs ?? 60_000;
  }

  /** A thread is started (or kept from an earlier read). */
  get running(): boolean {
    return this.thread !== undefined;
  }

  /** Starts the thread if none runs: it loads its modules and the tagger's model while the page downloads. */
  prepare(): void {
    if (this.thread) return;
    const thread = this.spawn();
    this.idleFrom(thread);
  }

  read(job: ReadJob): Promise<Article> {
    const thread = this.thread ?? this.spawn();
    clearTimeout(thread.idle);
    const id = ++this.nextId;
    return new Promise<Article>((resolve, reject) => {
      const timer = setTimeout(() => this.tooSlow(thread, id), this.readTimeoutMs);
      timer.unref();
      thread.pending.set(id, { resolve, reject, timer });
      thread.worker.ref();
      thread.worker.postMessage({ id, job } satisfies ReadRequest);
    });
  }

  /** Stops the thread; reads in progress fail. */
  async close(): Promise<void> {
    const thread = this.thread;
    this.thread = undefined;
    clearTimeout(thread?.idle);
    await thread?.worker.terminate();
  }

  private spawn(): Thread {
    const worker = startWorker(this.script);
    const thread: Thread = { worker, pending: new Map() };
    worker.unref();
    worker.on('message', (reply: ReadReply) => this.settle(thread, reply));
    // An uncaught error is followed by 'exit'; the first of them fails what was in progress.
    worker.on('error', (error) => this.lost(thread, error));
    worker.on('exit', (code) => this.lost(thread, new Error(`the reading thread exited with code ${code}`)));
    this.thread = thread;
    return thread;
  }

  private settle(thread: Thread, reply: ReadReply): void {
    const pending = thread.pending.get(reply.id);
    if (!pending) return;
    thread.pending.delete(reply.id);
    clearTimeout(pending.timer);
    if (thread.pending.size === 0) this.idleFrom(thread);
    if ('article' in reply) pending.resolve(reply.article);
    else if ('refused' in reply) pending.reject(new ArticleSourceError(reply.refused.problem, reply.refused.message));
    else pending.reject(Object.assign(new Error(reply.failed.message), reply.failed.stack ? { stack: reply.failed.stack } : {}));
  }

  /** Nothing is being read: the thread no longer keeps the process alive, and is stopped after idleMs. */
  private idleFrom(thread: Thread): void {
    thread.worker.unref();
    clearTimeout(thread.idle);
    thread.idle = setTimeout(() => void this.stopIdle(thread), this.idleMs);
    thread.idle.unref();
  }

  private async stopIdle(thread: Thread): Promise<void> {
    if (this.thread === thread) this.thread = undefined;
    await thread.worker.terminate();
  }

  /** The read is given up and its thread stopped (it may be stuck); reads queued behind it fail as the thread exits. */
  private tooSlow(thread: Thread, id: number): void {
    const pending = thread.pending.get(id);
    if (!pending) return;
    thread.pending.delete(id);
    pending.reject(new ArticleSourceError('reader-timeout', `Reading that article took longer than ${Math.round(this.readTimeoutMs / 1000)} s, so I stopped; give the article's own page, or the article alone as a .txt file.`));
    if (this.thread === thread) this.thread = undefined;
    void thread.worker.terminate();
  }

  private lost(thread: Thread, cause: Error): void {
    if (this.thread === thread) this.thread = undefined;
    const failure = new ArticleSourceError('reader-failed', 'Reading the article failed on my side before it was finished; try again, and if it keeps failing tell whoever runs the bot.', { cause });
    for (const pending of thread.pending.values()) {
      clearTimeout(pending.timer);
      pending.reject(failure);
    }
    thread.pending.clear();
  }
}

let shared: WorkerArticleReader | undefined;

/** The process's one reading thread, started at the first `/article add`. */
export function sharedArticleReader(): WorkerArticleReader {
  shared ??= new WorkerArticleReader();
  return shared;
}
