/**
 * Keys seen in the last `ttlMs`, at most `capacity` of them: "has this already happened?" for
 * things that must happen once (a post of one answer, one signed HTTP request). Every key lives
 * equally long, so insertion order is expiry order and expired keys are swept from the front.
 */
export class RecentKeys {
  private readonly expiries = new Map<string, number>();

  constructor(
    private readonly ttlMs: number,
    private readonly capacity: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Records `key`; false when it was already recorded and has not expired (the second time). */
  claim(key: string): boolean {
    const at = this.now();
    for (const [oldest, expiry] of this.expiries) {
      if (expiry > at && this.expiries.size < this.capacity) break;
      this.expiries.delete(oldest);
    }
    if (this.expiries.has(key)) return false;
    this.expiries.set(key, at + this.ttlMs);
    return true;
  }

  get size(): number {
    return this.expiries.size;
  }
}
