/** A bounded map that forgets the least recently used entry first (a Map keeps insertion order). */
export class LruMap<K, V> {
  private readonly entries = new Map<K, V>();
  /**
   * How often each key was asked for lately (admission on second use), divided by two every `capacity` × 8 uses so
   * that old popularity fades and the map stays bounded. A value asked for only once, as most of a large
   * knowledge base's articles are, dies young instead of being kept, copied and promoted by the garbage
   * collector. A value asked for again is kept while there is room; once the map is full, only when it has
   * been asked for more often than the entry it would push out: otherwise a stream of values each asked for
   * twice would keep replacing one another, every one of them built, kept, promoted and dropped (TinyLFU's
   * admission rule). Null: every value is kept on its first use.
   */
  private readonly uses: Map<K, number> | null;
  private usesSinceAging = 0;

  constructor(
    readonly capacity: number,
    options: { admitOnSecondUse?: boolean } = {},
  ) {
    this.uses = options.admitOnSecondUse && capacity > 0 ? new Map() : null;
  }

  get size(): number {
    return this.entries.size;
  }

  /** Keys whose uses are counted (admission on second use): bounded by `capacity` × 8. */
  get counted(): number {
    return this.uses?.size ?? 0;
  }

  /** The newest key: asking for it again needs no reordering (one article's engine, one question read several times). */
  private newest: K | undefined;

  get(key: K): V | undefined {
    const value = this.entries.get(key);
    if (value === undefined || key === this.newest) return value;
    this.entries.delete(key);
    this.entries.set(key, value);
    this.newest = key;
    return value;
  }

  /** The value for `key`, computed and kept if it is not there yet (with admission on second use, see `uses`). */
  remember(key: K, compute: (key: K) => V): V {
    const uses = this.uses;
    const count = uses ? this.used(uses, key) : 0;
    const known = this.get(key);
    if (known !== undefined) return known;
    const value = compute(key);
    if (uses) {
      if (count < 2) return value;
      if (this.entries.size >= this.capacity) {
        const oldest = this.entries.keys().next().value as K;
        if (count <= (uses.get(oldest) ?? 0)) return value;
      }
    }
    this.set(key, value);
    return value;
  }

  /** Counts one use of `key` and returns its count; every `capacity` × 8 uses, every count is divided by two (and zeros forgotten). */
  private used(uses: Map<K, number>, key: K): number {
    const count = (uses.get(key) ?? 0) + 1;
    uses.set(key, count);
    if (++this.usesSinceAging >= this.capacity * 8) {
      this.usesSinceAging = 0;
      for (const [k, n] of uses) {
        if (n <= 1) uses.delete(k);
        else uses.set(k, n >> 1);
      }
    }
    return count;
  }

  set(key: K, value: V): void {
    if (this.capacity <= 0) return;
    this.entries.delete(key);
    this.entries.set(key, value);
    this.newest = key;
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as K);
  }
}
