/**
 * A single ordered log of everything that happens in the fake (REST requests, gateway
 * lifecycle, dispatches, interaction responses, bot messages), plus promise-based waiters.
 *
 * Waiters never sleep: they check the history (from `since`) and then subscribe to new
 * entries, rejecting with a descriptive error after `timeoutMs`.
 */

export interface WaitOptions {
  /** Reject after this many ms (default: the fake's `defaultTimeoutMs`, 4000). */
  timeoutMs?: number;
  /**
   * Only consider log entries with `index >= since`. Take a value from `fake.checkpoint()`
   * before triggering the action you want to observe. Default 0 = whole history.
   */
  since?: number;
}

export type Logged<E> = E & { readonly index: number; readonly at: number };

interface Waiter<E> {
  match: (entry: Logged<E>) => boolean;
  resolve: (entry: Logged<E>) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

export class EventLog<E extends { kind: string }> {
  readonly entries: Logged<E>[] = [];
  private readonly waiters = new Set<Waiter<E>>();
  private closed = false;

  constructor(
    private readonly defaultTimeoutMs: number,
    private readonly describe: (entry: Logged<E>) => string,
  ) {}

  push(event: E): Logged<E> {
    const entry = { ...event, index: this.entries.length, at: Date.now() } as Logged<E>;
    this.entries.push(entry);
    for (const waiter of [...this.waiters]) {
      if (waiter.match(entry)) {
        this.waiters.delete(waiter);
        clearTimeout(waiter.timer);
        waiter.resolve(entry);
      }
    }
    return entry;
  }

  checkpoint(): number {
    return this.entries.length;
  }

  /** Entries of a given kind (optionally filtered), in order. */
  list<K extends E['kind']>(kind: K, predicate?: (entry: Logged<Extract<E, { kind: K }>>) => boolean, since = 0) {
    const out: Logged<Extract<E, { kind: K }>>[] = [];
    for (let i = since; i < this.entries.length; i++) {
      const entry = this.entries[i];
      if (entry && entry.kind === kind) {
        const typed = entry as Logged<Extract<E, { kind: K }>>;
        if (!predicate || predicate(typed)) out.push(typed);
      }
    }
    return out;
  }

  waitFor<K extends E['kind']>(
    kind: K,
    predicate: ((entry: Logged<Extract<E, { kind: K }>>) => boolean) | undefined,
    description: string,
    options: WaitOptions = {},
  ): Promise<Logged<Extract<E, { kind: K }>>> {
    type Out = Logged<Extract<E, { kind: K }>>;
    const since = options.since ?? 0;
    const timeoutMs = options.timeoutMs ?? this.defaultTimeoutMs;
    const existing = this.list(kind, predicate, since)[0];
    if (existing) return Promise.resolve(existing);
    if (this.closed) {
      return Promise.reject(new Error(`FakeDiscord: already closed, cannot wait for ${description}`));
    }
    const match = (entry: Logged<E>): boolean =>
      entry.index >= since && entry.kind === kind && (!predicate || predicate(entry as Out));
    return new Promise<Out>((resolve, reject) => {
      const waiter: Waiter<E> = {
        match,
        resolve: (entry) => resolve(entry as Out),
        reject,
        timer: setTimeout(() => {
          this.waiters.delete(waiter);
          reject(
            new Error(
              `FakeDiscord: timed out after ${timeoutMs}ms waiting for ${description}.\n` +
                `Last events:\n${this.tail(12)}`,
            ),
          );
        }, timeoutMs),
      };
      this.waiters.add(waiter);
    });
  }

  /** Human-readable summary of the last `n` entries, used in timeout messages. */
  tail(n: number): string {
    return this.entries
      .slice(-n)
      .map((e) => `  #${e.index} ${this.describe(e)}`)
      .join('\n');
  }

  close(): void {
    this.closed = true;
    for (const waiter of this.waiters) {
      clearTimeout(waiter.timer);
      waiter.reject(new Error('FakeDiscord: closed while a waiter was pending'));
    }
    this.waiters.clear();
  }
}
