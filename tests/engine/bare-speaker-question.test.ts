import { describe, expect, it } from 'vitest';
import { createAnswerEngine } from '../../src/engine/index.js';
import { writtenArticle } from '../support/written-article.js';

/**
 * "what did X say?" names a speaker and no subject: every quote of X matches it alike. The answer leads with
 * X's whole statements, not a word or two quoted in passing, in one article and across several.
 */
const ferry = writtenArticle({
  id: 'ferry-fares',
  title: 'Ferry fares to rise in the spring',
  people: [{ id: 'tomas-reyl', name: 'Tomas Reyl', role: 'harbour master' }],
  paragraphs: [
    { text: 'Tomas Reyl called the timetable “a relic” on Monday.', quotes: [{ speaker: 'tomas-reyl', words: 'a relic' }] },
    {
      text: '“We will run two more crossings every morning once the new pier opens in April,” Tomas Reyl said.',
      quotes: [{ speaker: 'tomas-reyl', words: 'We will run two more crossings every morning once the new pier opens in April' }],
    },
  ],
});
const lighthouse = writtenArticle({
  id: 'lighthouse-repairs',
  title: 'Lighthouse repairs delayed by storms',
  people: [{ id: 'tomas-reyl', name: 'Tomas Reyl', role: 'harbour master' }],
  paragraphs: [{ text: 'The lighthouse was “too old” for the storms, Tomas Reyl said.', quotes: [{ speaker: 'tomas-reyl', words: 'too old', kind: 'reported' }] }],
});

describe('GIVEN a speaker quoted in a fragment and in a whole statement', () => {
  it('WHEN asked what they said, in their one article, THEN the whole statement comes first', () => {
    const answer = createAnswerEngine([ferry.article]).answer('what did Reyl say?');
    expect(answer.found).toBe(true);
    expect(answer.items[0]?.quote).toBe('We will run two more crossings every morning once the new pier opens in April');
  });

  it('WHEN asked across articles where one has only a fragment of theirs THEN the article with the whole statement leads', () => {
    const answer = createAnswerEngine([lighthouse.article, ferry.article]).answer('what did Reyl say?');
    expect(answer.found).toBe(true);
    expect(answer.items[0]?.article.id).toBe('ferry-fares');
    expect(answer.items[0]?.quote).toBe('We will run two more crossings every morning once the new pier opens in April');
  });
});
