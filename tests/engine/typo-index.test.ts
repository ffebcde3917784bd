import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TypoIndex } from '../../src/engine/typo-index.js';
import { editDistance } from '../../src/text/edit-distance.js';

describe('GIVEN a vocabulary small enough to be read whole for a typed word', () => {
  it('THEN (fast-check) the words found are exactly those with its first letter within the allowed edits, closest first', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'é', 'ß'), minLength: 1, maxLength: 9 });
    fc.assert(
      fc.property(fc.array(word, { maxLength: 80 }), word, fc.integer({ min: 1, max: 2 }), (vocabulary, typed, allowance) => {
        const found = new TypoIndex(vocabulary).near(typed, allowance).map((m) => [m.word, m.distance]);
        const expected = [...new Set(vocabulary)]
          .filter((w) => w.charAt(0) === typed.charAt(0) && Math.abs(w.length - typed.length) <= allowance)
          .map((w) => [w, editDistance(typed, w, allowance)] as [string, number])
          .filter(([, distance]) => distance <= allowance)
          .sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1));
        expect(found).toEqual(expected);
      }),
      { numRuns: 1500 },
    );
  });
});
