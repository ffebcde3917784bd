/** A bounded map that forgets the least recently used entry first (a Map keeps insertion order). */
export class LruMap<K, V> {
  private readonly entries = new Map<K, V>();
  /**
   * Keys computed once but not kept yet (admission on second use): a value asked for only once, as most of a
   * large knowledge base's articles are, dies young instead of being kept, copied and promoted by the garbage
   * collector, and pushing out values that are asked for again. A key asked for twice among the last
   * `capacity` × 4 first uses is kept. Null: every value is kept on its first use.
   */
  private readonly seenOnce: Set<K> | null;

  constructor(
    readonly capacity: number,
    options: { admitOnSecondUse?: boolean } = {},
  ) {
    this.seenOnce = options.admitOnSecondUse && capacity > 0 ? new Set() : null;
  }

  get size(): number {
    return this.entries.size;
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

  /** The value for `key`, computed and kept if it is not there yet (with admission on second use, kept the second time). */
  remember(key: K, compute: (key: K) => V): V {
    const known = this.get(key);
    if (known !== undefined) return known;
    const value = compute(key);
    const seen = this.seenOnce;
    if (seen && !seen.delete(key)) {
      seen.add(key);
      if (seen.size > this.capacity * 4) seen.delete(seen.values().next().value as K);
      return value;
    }
    this.set(key, value);
    return value;
  }

  set(key: K, value: V): void {
    if (this.capacity <= 0) return;
    this.entries.delete(key);
    this.entries.set(key, value);
    this.newest = key;
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as K);
  }
}
