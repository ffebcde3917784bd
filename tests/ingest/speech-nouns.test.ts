import { describe, expect, it } from 'vitest';
import { quotes, statements } from '../support/ingest-sentences.js';

/** Speech named by a noun its speaker owns ("her warning that …", "Lund's pledge to …"), on texts written for these tests. */

describe('GIVEN a noun of speech owned by its speaker', () => {
  it('THEN a "that" clause after it is what was said, and the owner (a name with "\'s" or "his"/"her") said it', () => {
    expect(statements('The crowd cheered Mira Lund\'s claim that the bridge would open in May.')).toEqual(['Mira Lund → the bridge would open in May']);
    expect(quotes('Mira Lund spoke at the harbour on Monday.', 'The board winced at her stern warning that “the fund is empty.”')).toEqual(['Mira Lund: the fund is empty.']);
  });

  it('THEN a promise, pledge or vow to do something is what was said, up to the verb of the clause the noun is part of', () => {
    expect(statements('Tor Berge\'s promises to rebuild the pier and widen the road have made him popular.')).toEqual(['Tor Berge → to rebuild the pier and widen the road']);
    expect(statements('His pledge to close the so-called night market was a surprise.')).toEqual(['His → to close the so-called night market']);
  });

  it('THEN a noun with no owner, a relative "that", a noun not of speech or the writer\'s own question is no statement', () => {
    expect(statements('A promise to rebuild the pier was made.')).toEqual([]);
    expect(statements('Tor Berge\'s plan to rebuild the pier was popular.')).toEqual([]);
    expect(statements('Can they keep their promise to rebuild the pier?')).toEqual([]);
  });

  it('THEN a participle after the noun\'s clause goes on with the clause\'s subject, not with the noun\'s owner', () => {
    expect(quotes('Mira Lund mocked Tor Berge\'s claim that the pier was safe, saying the planks were rotten.')).toEqual([
      'Tor Berge: the pier was safe',
      'Mira Lund: the planks were rotten',
    ]);
  });
});
