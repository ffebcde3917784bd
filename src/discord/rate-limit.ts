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
}

interface Window {
  start: number;
  count: number;
  refused: boolean;
}

/** Keys kept before expired windows are swept, so memory stays bounded under many users. */
const SWEEP_AT = 10_000;

export function createRateLimiter({ limit, windowMs, now = Date.now }: RateLimitOptions): RateLimiter {
  const windows = new Map<string, Window>();
  const sweep = (at: number) => {
    for (const [key, window] of windows) if (at - window.start >= windowMs) windows.delete(key);
  };
  return {
    take(key) {
      if (limit <= 0) return { allowed: true };
      const at = now();
      let window = windows.get(key);
      if (!window || at - window.start >= windowMs) {
        if (windows.size >= SWEEP_AT) sweep(at);
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
  };
}
