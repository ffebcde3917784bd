import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { editDistance } from '../../src/text/index.js';

/** Optimal string alignment distance, written the textbook way: the fast, bounded one must agree with it. */
function reference(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  const at = (i: number, j: number) => d[i]?.[j] ?? Infinity;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      let value = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, at(i - 2, j - 2) + 1);
      (d[i] as number[])[j] = value;
    }
  }
  return at(a.length, b.length);
}

// A small alphabet makes near-misses (one swap, one extra letter) common.
const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'd'), maxLength: 12 });

describe('GIVEN the bounded edit distance the matchers use for typos', () => {
  it('THEN it equals the textbook distance, or max+1 when that is over the bound, for any two words', () => {
    fc.assert(
      fc.property(word, word, fc.integer({ min: 0, max: 3 }), (a, b, max) => {
        expect(editDistance(a, b, max)).toBe(Math.min(reference(a, b), max + 1));
      }),
      { numRuns: 3000 },
    );
  });

  it('THEN the typos people make count as one edit', () => {
    expect(editDistance('zakharova', 'zaharova', 1)).toBe(1); // a letter missing
    expect(editDistance('peskov', 'pesckov', 1)).toBe(1); // a letter extra
    expect(editDistance('peskov', 'pekov', 1)).toBe(1);
    expect(editDistance('venue', 'vneue', 1)).toBe(1); // neighbours swapped
    expect(editDistance('venue', 'venua', 1)).toBe(1); // one wrong letter
    expect(editDistance('venue', 'vanua', 1)).toBe(2);
    expect(editDistance('polishchuk', 'polischuk', 2)).toBe(1);
  });
});
