/**
 * The last few values computed, by key: what one question re-reads (its reading, its speaker's
 * resolution) for the router and each article's engine. Fixed slots overwritten in place, the least
 * recently used first. Not a `Map`: a map this small that forgets an entry per question replaces its hash
 * table every few questions, and once the map has lived long enough to be old, each replaced table — dead,
 * but in the old generation — still points at the young values it held, which the young-generation
 * collector then keeps and promotes (with everything they point at) until the next full collection.
 */
export class RecentMemo<K, V> {
  private readonly keys: (K | undefined)[];
  private readonly values: (V | undefined)[];
  private readonly used: number[];
  private clock = 0;

  constructor(readonly capacity: number) {
    this.keys = new Array<K | undefined>(capacity).fill(undefined);
    this.values = new Array<V | undefined>(capacity).fill(undefined);
    this.used = new Array<number>(capacity).fill(0);
  }

  /** The value for `key`, computed and kept in the least recently used slot if it is not there. */
  remember(key: K, compute: (key: K) => V): V {
    let oldest = 0;
    for (let i = 0; i < this.capacity; i++) {
      if (this.keys[i] === key && this.used[i] !== 0) {
        this.used[i] = ++this.clock;
        return this.values[i] as V;
      }
      if ((this.used[i] ?? 0) < (this.used[oldest] ?? 0)) oldest = i;
    }
    const value = compute(key);
    this.keys[oldest] = key;
    this.values[oldest] = value;
    this.used[oldest] = ++this.clock;
    return value;
  }
}
