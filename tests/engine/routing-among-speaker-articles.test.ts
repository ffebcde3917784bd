import { describe, expect, it } from 'vitest';
import { createAnswerEngine } from '../../src/engine/index.js';
import { writtenArticle } from '../support/written-article.js';

/**
 * "what did Ines Marlow say about the lock gates?" when several articles quote her: those that repeat her name
 * in their titles and paragraphs are no likelier to hold what she said about the lock gates than the one where
 * she says it (as "she").
 */
const fillers = Array.from({ length: 10 }, (_, i) =>
  writtenArticle({
    id: `market-${i}`,
    title: `Market day ${i + 1}`,
    people: [{ id: `seller-${i}`, name: `Pell Orrin${'abcdefghij'[i]}`, role: 'seller' }],
    paragraphs: [
      { text: 'The lock gates opened at dawn and the gates closed at dusk.' },
      { text: `“Apples are cheap this week,” said Pell Orrin${'abcdefghij'[i]}.`, quotes: [{ speaker: `seller-${i}`, words: 'Apples are cheap this week' }] },
    ],
  }),
);
const titled = Array.from({ length: 4 }, (_, i) =>
  writtenArticle({
    id: `marlow-profile-${i}`,
    title: `Ines Marlow, canal keeper: part ${i + 1} of a profile of Ines Marlow`,
    people: [{ id: 'ines-marlow', name: 'Ines Marlow', role: 'canal keeper' }],
    paragraphs: [
      { text: 'Ines Marlow has kept the canal lock for thirty years.' },
      { text: '“The herons know me by now,” said Ines Marlow.', quotes: [{ speaker: 'ines-marlow', words: 'The herons know me by now' }] },
    ],
  }),
);
const target = writtenArticle({
  id: 'weir-repairs',
  title: 'Repairs begin at the weir',
  people: [{ id: 'ines-marlow', name: 'Ines Marlow', role: 'canal keeper' }],
  paragraphs: [
    { text: 'Boats will wait below the weir for a week, Ines Marlow told the boatmen.' },
    { text: '“The lock gates are older than the bridge and must be replaced,” she said.', quotes: [{ speaker: 'ines-marlow', words: 'The lock gates are older than the bridge and must be replaced' }] },
  ],
});
const engine = createAnswerEngine([...fillers, ...titled, target].map((a) => a.article));

describe('GIVEN several articles quoting one person, most with her name in their titles', () => {
  it('WHEN someone asks what she said about a subject THEN the article where she says it answers', () => {
    const answer = engine.answer('what did Ines Marlow say about the lock gates?');
    expect(answer.found).toBe(true);
    expect(answer.items[0]?.article.id).toBe('weir-repairs');
  });
});
