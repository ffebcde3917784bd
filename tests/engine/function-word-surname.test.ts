import { describe, expect, it } from 'vitest';
import { createAnswerEngine } from '../../src/engine/index.js';
import { writtenArticle } from '../support/written-article.js';

/** A surname spelt like a function word ("Will", "May") names its bearer when the asker writes it with its capital. */
const harbour = writtenArticle({
  id: 'harbour-tolls',
  title: 'Harbour tolls to double',
  people: [
    { id: 'osric-will', name: 'Osric Will', role: 'columnist' },
    { id: 'tilda-rask', name: 'Tilda Rask', role: 'mayor' },
  ],
  paragraphs: [
    { text: 'Osric Will wrote that the tolls were “a tax on fishermen.”', quotes: [{ speaker: 'osric-will', words: 'a tax on fishermen.', kind: 'direct' }] },
    { text: '“The new pier will pay for itself within ten years,” Tilda Rask said.', quotes: [{ speaker: 'tilda-rask', words: 'The new pier will pay for itself within ten years' }] },
  ],
});

describe('GIVEN a speaker whose surname is spelt like a modal verb', () => {
  it('WHEN asked by that surname alone THEN their quote answers', () => {
    const answer = createAnswerEngine([harbour.article]).answer('what did Will say?');
    expect(answer.found).toBe(true);
    expect(answer.items[0]?.quote).toBe('a tax on fishermen.');
  });

  it('WHEN the word is the modal verb in a question about something else THEN it names nobody', () => {
    const answer = createAnswerEngine([harbour.article]).answer('who said the pier will pay for itself?');
    expect(answer.found).toBe(true);
    expect(answer.items[0]?.quote).toBe('The new pier will pay for itself within ten years');
  });
});
