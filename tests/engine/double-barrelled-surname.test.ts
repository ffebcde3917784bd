import { describe, expect, it } from 'vitest';
import { createAnswerEngine } from '../../src/engine/index.js';
import { writtenArticle } from '../support/written-article.js';

/** A surname written as one word of several pieces ("Vane-Brasket"): its first piece alone names the person too. */
const quarry = writtenArticle({
  id: 'quarry-reopens',
  title: 'Quarry to reopen',
  people: [
    { id: 'osmere-vane-brasket', name: 'Osmere Vane-Brasket', role: 'quarry owner' },
    { id: 'tilda-rask', name: 'Tilda Rask', role: 'mayor' },
  ],
  paragraphs: [
    { text: '“The quarry will employ forty people by spring,” Osmere Vane-Brasket said.', quotes: [{ speaker: 'osmere-vane-brasket', words: 'The quarry will employ forty people by spring' }] },
    { text: '“The dust will reach the school,” Tilda Rask said.', quotes: [{ speaker: 'tilda-rask', words: 'The dust will reach the school' }] },
  ],
});

describe('GIVEN a speaker whose surname is one word of two pieces', () => {
  it('WHEN asked by the first piece alone THEN their quote answers', () => {
    const answer = createAnswerEngine([quarry.article]).answer('what did Vane say?');
    expect(answer.found).toBe(true);
    expect(answer.items[0]?.quote).toBe('The quarry will employ forty people by spring');
  });

  it('WHEN asked by the last piece alone THEN their quote answers, as before', () => {
    const answer = createAnswerEngine([quarry.article]).answer('what did Brasket say?');
    expect(answer.items[0]?.quote).toBe('The quarry will employ forty people by spring');
  });

  it('WHEN asked by a name nobody has THEN nobody answers', () => {
    expect(createAnswerEngine([quarry.article]).answer('what did Vanderholt say?').found).toBe(false);
  });
});
