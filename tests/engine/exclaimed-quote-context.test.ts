import { describe, expect, it } from 'vitest';
import { createAnswerEngine } from '../../src/engine/index.js';
import { writtenArticle } from '../support/written-article.js';

/**
 * A quotation that is a whole sentence ending in "!" or "?" is attributed by the next sentence (the stop splits
 * them): what that sentence says around the quote counts for it, as the attribution around any quote does.
 */
const harbour = writtenArticle({
  id: 'harbour-banner',
  title: 'Banner over the harbour',
  people: [
    { id: 'osric-thale', name: 'Osric Thale', role: 'harbour master' },
    { id: 'tilda-rask', name: 'Tilda Rask', role: 'mayor' },
  ],
  paragraphs: [
    {
      text: '“Not ours, but what a sight!” Thale wrote on Friday beside a photograph of the kite banner.',
      quotes: [{ speaker: 'osric-thale', words: 'Not ours, but what a sight!', kind: 'direct' }],
    },
    { text: '“The pier opens in April,” Thale said.', quotes: [{ speaker: 'osric-thale', words: 'The pier opens in April' }] },
    { text: '“The kite festival is cancelled,” Tilda Rask said.', quotes: [{ speaker: 'tilda-rask', words: 'The kite festival is cancelled' }] },
  ],
});

describe('GIVEN an exclaimed quotation attributed by the sentence after it', () => {
  it('WHEN asked what the speaker said about what that sentence describes THEN the quotation answers', () => {
    const answer = createAnswerEngine([harbour.article]).answer('what did Thale say about the photograph of the banner?');
    expect(answer.found).toBe(true);
    expect(answer.items[0]?.quote).toBe('Not ours, but what a sight!');
  });
});
