import { describe, expect, it } from 'vitest';
import { createAnswerEngine } from '../../src/engine/index.js';
import { writtenArticle } from '../support/written-article.js';

/**
 * "who said <words>" may quote a statement made only of words so common that neither they nor their pairs
 * pick out any article: dozens of articles about the same thing use them, and side by side too. The three
 * words in a row that only one article says find it.
 */
const decoys = Array.from({ length: 45 }, (_, i) =>
  writtenArticle({
    id: `lane-${i}`,
    title: `Neighbours want the back lane open, meeting ${i + 1}`,
    people: [{ id: `chair-${i}`, name: `Pim Osterley${i}`, role: 'chair' }],
    paragraphs: [
      { text: 'Neighbours want back the lane they lost. They want back access for carts.' },
      { text: 'Families want back their gardens; shops want back their deliveries.' },
      {
        text: `“We want back what was ours,” said Pim Osterley${i}.`,
        quotes: [{ speaker: `chair-${i}`, words: 'We want back what was ours' }],
      },
    ],
  }),
);
const target = writtenArticle({
  id: 'ferry-timetable',
  title: 'The ferry timetable changes in spring',
  people: [{ id: 'tova-renn', name: 'Tova Renn', role: 'skipper' }],
  paragraphs: [
    { text: 'The first crossing leaves an hour later from April.' },
    {
      text: '“They want it back now, and they will get it,” said Tova Renn.',
      quotes: [{ speaker: 'tova-renn', words: 'They want it back now, and they will get it' }],
    },
  ],
});
const engine = createAnswerEngine([...decoys.map((d) => d.article), target.article]);

describe('GIVEN many articles using a statement’s common words, and one saying them in a row', () => {
  it('WHEN someone asks who said those words THEN the article that says them so answers', () => {
    const answer = engine.answer('who said they want it back now?');
    expect(answer.found).toBe(true);
    expect(answer.items[0]?.speaker?.id).toBe('tova-renn');
    expect(answer.items[0]?.article.id).toBe('ferry-timetable');
  });
});
