import { describe, expect, it } from 'vitest';
import { createAnswerEngine } from '../../src/engine/index.js';
import { writtenArticle } from '../support/written-article.js';

/**
 * "who said <words>" quotes a statement whose words are common one by one: articles that use them
 * often, about the same subject, look likelier by their words alone. The one that says them in the
 * question's order is where the statement is.
 */
const decoys = Array.from({ length: 2 }, (_, i) =>
  writtenArticle({
    id: `party-news-${i}`,
    title: `The party and its people, part ${i + 1}`,
    people: [{ id: `writer-${i}`, name: `Ada Pell${'abcdef'[i]}`, role: 'party secretary' }],
    paragraphs: [
      { text: 'The party wanted more people. People in the party feel the party has wanted them for years, and they feel proud.' },
      {
        text: `“Our party is for people who feel wanted,” Ada Pell${'abcdef'[i]} said of the party.`,
        quotes: [{ speaker: `writer-${i}`, words: 'Our party is for people who feel wanted' }],
      },
    ],
  }),
);
const target = writtenArticle({
  id: 'bakery-closes',
  title: 'A bakery on Mill Street closes after forty years',
  people: [{ id: 'nora-quill', name: 'Nora Quill', role: 'councillor' }],
  paragraphs: [
    { text: 'The bakery sold its last loaf on Saturday.' },
    {
      text: '“People feel that they are not wanted in the party any more,” said Nora Quill, who left it last spring.',
      quotes: [{ speaker: 'nora-quill', words: 'People feel that they are not wanted in the party any more' }],
    },
  ],
});
const engine = createAnswerEngine([...decoys.map((d) => d.article), target.article]);

describe('GIVEN articles that use a statement’s words often, and one that says them together', () => {
  it('WHEN someone asks who said those words THEN the article that says them in that order answers', () => {
    const answer = engine.answer('who said people feel that they are not wanted in the party?');
    expect(answer.found).toBe(true);
    expect(answer.items[0]?.speaker?.id).toBe('nora-quill');
    expect(answer.items[0]?.article.id).toBe('bakery-closes');
  });
});
