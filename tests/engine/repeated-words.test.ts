import { describe, expect, it } from 'vitest';
import { createAnswerEngine } from '../../src/engine/index.js';
import { writtenArticle } from '../support/written-article.js';

/** The data holds a speaker's statement twice: whole, and a piece of it as a quote of its own. */
const lido = writtenArticle({
  id: 'lido-closed',
  title: 'Lido closed for the summer',
  people: [{ id: 'tilda-rask', name: 'Tilda Rask', role: 'mayor' }],
  paragraphs: [
    {
      text: '“Look, the pool is unsafe, and nobody swims there until the roof is fixed,” Tilda Rask said.',
      quotes: [
        { speaker: 'tilda-rask', words: 'Look, the pool is unsafe, and nobody swims there until the roof is fixed' },
        { speaker: 'tilda-rask', words: 'the pool is unsafe, and nobody swims there until the roof is fixed' },
      ],
    },
    { text: '“The money for the roof comes from the harbour fund,” Rask added.', quotes: [{ speaker: 'tilda-rask', words: 'The money for the roof comes from the harbour fund' }] },
  ],
});

describe('GIVEN a statement the data holds whole and as a piece of itself', () => {
  it('WHEN the speaker is asked for THEN its words come once, and the next statement follows', () => {
    const answer = createAnswerEngine([lido.article]).answer('what did Tilda Rask say?');
    const quotes = answer.items.map((i) => i.quote);
    expect(quotes.filter((q) => q.includes('nobody swims there'))).toHaveLength(1);
    expect(quotes).toContain('The money for the roof comes from the harbour fund');
  });
});
