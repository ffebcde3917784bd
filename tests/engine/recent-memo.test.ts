import { describe, expect, it } from 'vitest';
import { RecentMemo } from '../../src/engine/recent-memo.js';

describe('the memo of the last few readings', () => {
  const counting = () => {
    const computed: string[] = [];
    return { computed, compute: (key: string) => (computed.push(key), `read:${key}`) };
  };

  it('computes a key once while it is among the last few', () => {
    const memo = new RecentMemo<string, string>(2);
    const { computed, compute } = counting();
    expect(memo.remember('who spoke at the quay?', compute)).toBe('read:who spoke at the quay?');
    expect(memo.remember('who spoke at the quay?', compute)).toBe('read:who spoke at the quay?');
    expect(computed).toEqual(['who spoke at the quay?']);
  });

  it('forgets the least recently used key first', () => {
    const memo = new RecentMemo<string, string>(2);
    const { computed, compute } = counting();
    memo.remember('a', compute);
    memo.remember('b', compute);
    memo.remember('a', compute); // "a" is now the most recent
    memo.remember('c', compute); // pushes out "b"
    memo.remember('a', compute);
    memo.remember('b', compute);
    expect(computed).toEqual(['a', 'b', 'c', 'b']);
  });
});
