import { describe, expect, it } from 'vitest';
import { RecentKeys } from '../../src/discord/recent-keys.js';

describe('GIVEN keys remembered for a while (posts to a channel, interactions against replays)', () => {
  it('THEN a key is claimed once until it expires, then again', () => {
    let now = 0;
    const keys = new RecentKeys(1_000, 100, () => now);
    expect(keys.claim('a')).toBe(true);
    expect(keys.claim('a')).toBe(false);
    now = 999;
    expect(keys.claim('a')).toBe(false);
    now = 1_000;
    expect(keys.claim('a')).toBe(true);
  });

  it('THEN at most `capacity` keys are kept, the oldest going first, and expired ones are swept as new ones come', () => {
    let now = 0;
    const keys = new RecentKeys(1_000, 3, () => now);
    for (const key of ['a', 'b', 'c', 'd']) expect(keys.claim(key)).toBe(true);
    expect(keys.size).toBe(3);
    expect(keys.claim('a')).toBe(true);
    expect(keys.claim('d')).toBe(false);
    now = 5_000;
    expect(keys.claim('e')).toBe(true);
    expect(keys.size).toBe(1);
  });
});
