import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TopScores } from '../../src/engine/article-router.js';

describe('GIVEN the router picking its best few candidate articles from a stream of scores', () => {
  it('THEN for any scores, ties and size (fast-check) it keeps exactly the first entries a full sort (best score, then earlier article) gives', () => {
    // Few distinct scores, so ties are common.
    const stream = fc.uniqueArray(fc.tuple(fc.nat(500), fc.constantFrom(0, 0.25, 0.5, 1, 1.5, 2, 3.75)), { selector: ([article]) => article, maxLength: 60 });
    fc.assert(
      fc.property(stream, fc.integer({ min: 1, max: 15 }), (entries, size) => {
        const top = new TopScores(size);
        for (const [article, score] of entries) top.offer(article, score);
        const sorted = [...entries].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, size);
        expect(top.best()).toEqual(sorted);
      }),
      { numRuns: 2000 },
    );
  });
});
