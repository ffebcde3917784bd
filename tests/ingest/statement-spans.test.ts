import { describe, expect, it } from 'vitest';
import { statements } from '../support/ingest-sentences.js';

/** Where what was said ends: words of the narration or of another statement are not part of it (stage 3). */

describe('GIVEN a verb of speech in a relative clause on the subject of a later verb ("S, who says C, said D")', () => {
  it('THEN what the relative clause says ends at the comma before the later verb', () => {
    expect(statements('Marla Fenwick, who says the mayor is attacking her because the race has tightened, said voters should back her.')).toEqual([
      'Marla Fenwick → the mayor is attacking her because the race has tightened',
      'Marla Fenwick → voters should back her',
    ]);
  });
});
