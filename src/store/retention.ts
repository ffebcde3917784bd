/** How long the question log and votes are kept, enforced at start and then periodically. */
export interface RetentionOptions {
  retentionMs: number;
  /** Deletes what is older than the cutoff; reports what went. */
  purge: (cutoffMs: number) => Promise<{ questions: number; votes: number }>;
  now?: () => number;
  /** How often to purge after the first (default hourly). */
  everyMs?: number;
  onPurged?: (purged: { questions: number; votes: number; cutoffMs: number }) => void;
  onError?: (error: unknown) => void;
}

export interface Retention {
  /** The purge at start; resolves when it is done. */
  readonly first: Promise<void>;
  stop(): void;
}

/** Purges now, then every `everyMs`; a failed purge is reported and tried again next time. */
export function startRetention(options: RetentionOptions): Retention {
  const now = options.now ?? Date.now;
  let running = false;
  const purgeOnce = async () => {
    if (running) return;
    running = true;
    try {
      const cutoffMs = now() - options.retentionMs;
      const purged = await options.purge(cutoffMs);
      options.onPurged?.({ ...purged, cutoffMs });
    } catch (error) {
      options.onError?.(error);
    } finally {
      running = false;
    }
  };
  const first = purgeOnce();
  const timer = setInterval(() => void purgeOnce(), options.everyMs ?? 3_600_000);
  timer.unref();
  return { first, stop: () => clearInterval(timer) };
}
