import { describe, expect, it } from 'vitest';
import { createAnswerEngine } from '../../src/engine/index.js';
import { writtenArticle } from '../support/written-article.js';

/**
 * "who said <words>" may quote a statement made of words many articles use, more often than the article
 * it comes from: by its words alone that article ranks below a dozen others. The words it says side by
 * side, in the question's order, are said so in that article only.
 */
const decoys = Array.from({ length: 14 }, (_, i) =>
  writtenArticle({
    id: `river-club-${i}`,
    title: `Rowing club notes, week ${i + 1}`,
    people: [{ id: `coach-${i}`, name: `Ilse Varro${'abcdefghijklmn'[i]}`, role: 'coach' }],
    paragraphs: [
      { text: 'The river was calm. Crews rowed early, and crews rowed late; the river stayed calm for the crews all week.' },
      { text: 'Rowers who trained early said the calm river was kind. Early crews rowed the river twice.' },
      {
        text: `“Early crews know the river,” said Ilse Varro${'abcdefghijklmn'[i]}, who trains them.`,
        quotes: [{ speaker: `coach-${i}`, words: 'Early crews know the river' }],
      },
    ],
  }),
);
const target = writtenArticle({
  id: 'harbour-market',
  title: 'The harbour market reopens its fish stalls',
  people: [{ id: 'oren-dalby', name: 'Oren Dalby', role: 'stallholder' }],
  paragraphs: [
    { text: 'Fish stalls opened again on Friday after a month of repairs to the harbour wall.' },
    {
      text: '“The river crews rowed calm and early, like every week,” said Oren Dalby, who sells eels.',
      quotes: [{ speaker: 'oren-dalby', words: 'The river crews rowed calm and early, like every week' }],
    },
  ],
});
const engine = createAnswerEngine([...decoys.map((d) => d.article), target.article]);

describe('GIVEN many articles that use a statement’s words often, and one that says them side by side', () => {
  it('WHEN someone asks who said those words THEN the article that says them together answers', () => {
    const answer = engine.answer('who said the river crews rowed calm and early?');
    expect(answer.found).toBe(true);
    expect(answer.items[0]?.speaker?.id).toBe('oren-dalby');
    expect(answer.items[0]?.article.id).toBe('harbour-market');
  });
});
