import { describe, expect, it } from 'vitest';
import { nameWords } from '../../src/engine/name-words.js';

describe('the words of a name that identify someone', () => {
  it('leaves out honorifics and function words by default', () => {
    expect(nameWords('Dr. Tamsin Orrick of the Guild')).toEqual(['tamsin', 'orrick', 'guild']);
  });

  it('keeps a capitalised function word past the first as a name only when asked', () => {
    expect(nameWords('Will Pellow Will')).toEqual(['pellow']);
    expect(nameWords('Will Pellow Will', { capitalisedLittleWords: 'past-first' })).toEqual(['pellow', 'will']);
    expect(nameWords('Will Pellow Will', { capitalisedLittleWords: 'anywhere' })).toEqual(['will', 'pellow', 'will']);
    expect(nameWords('Pellow will', { capitalisedLittleWords: 'anywhere' })).toEqual(['pellow']);
  });

  it('keeps a function word written as an acronym only when asked', () => {
    expect(nameWords('the IT office')).toEqual(['office']);
    expect(nameWords('the IT office', { acronyms: true })).toEqual(['it', 'office']);
  });

  it('drops suffixes and one-letter initials only when asked', () => {
    expect(nameWords('Corvin B. Dallow Jr.')).toEqual(['corvin', 'b', 'dallow', 'jr']);
    expect(nameWords('Corvin B. Dallow Jr.', { dropSuffixesAndInitials: true })).toEqual(['corvin', 'dallow']);
  });

  it('splits by tokens, or by spaces with each written word sharing its place and capital', () => {
    // "Brask-Will": by tokens "Will" is a word of its own past the first; by spaces it is part of the first.
    expect(nameWords('Brask-Will Tennet', { capitalisedLittleWords: 'past-first' })).toEqual(['brask', 'will', 'tennet']);
    expect(nameWords('Brask-Will Tennet', { split: 'spaces', capitalisedLittleWords: 'past-first' })).toEqual(['brask', 'tennet']);
    expect(nameWords('Ollen Brask-will', { split: 'spaces', capitalisedLittleWords: 'past-first' })).toEqual(['ollen', 'brask', 'will']);
  });
});
