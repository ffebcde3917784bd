/** Per-user question budget. In memory, per process: enough to stop one user flooding one bot process. */
export interface RateLimitOptions {
  /** Questions allowed per window; 0 turns the limit off. */
  limit: number;
  windowMs: number;
  now?: () => number;
}

export type RateDecision = { allowed: true } | { allowed: false; retryAfterMs: number; firstRefusal: boolean };

export interface RateLimiter {
  /** Counts one question for `key` (a user id) and says whether it may be answered. */
  take(key: string): RateDecision;
  /** Users currently tracked (for metrics, and to show memory stays bounded). */
  size(): number;
  /** Windows looked at so far, by takes and sweeps together (for metrics, and to show the work per question stays constant). */
  examined(): number;
}

interface Window {
  start: number;
  count: number;
  refused: boolean;
}

/**
 * Windows are kept in the order they started (a renewed one moves to the back), so the expired
 * ones are always at the front: each question sweeps only those, and memory holds only the users
 * active within the last window, however many there are.
 */
export function createRateLimiter({ limit, windowMs, now = Date.now }: RateLimitOptions): RateLimiter {
  const windows = new Map<string, Window>();
  let examined = 0;
  const sweep = (at: number) => {
    for (const [key, window] of windows) {
      examined++;
      if (at - window.start < windowMs) return;
      windows.delete(key);
    }
  };
  return {
    take(key) {
      if (limit <= 0) return { allowed: true };
      const at = now();
      sweep(at);
      examined++;
      let window = windows.get(key);
      // Expired but not swept only if the clock went back; a new window then starts at the back too.
      if (!window || at - window.start >= windowMs) {
        windows.delete(key);
        window = { start: at, count: 0, refused: false };
        windows.set(key, window);
      }
      window.count += 1;
      if (window.count <= limit) return { allowed: true };
      const firstRefusal = !window.refused;
      window.refused = true;
      return { allowed: false, retryAfterMs: Math.max(0, window.start + windowMs - at), firstRefusal };
    },
    size: () => windows.size,
    examined: () => examined,
  };
}
