import { describe, expect, it } from 'vitest';
import { createAnswerEngine } from '../../src/engine/index.js';
import { writtenArticle } from '../support/written-article.js';

/**
 * A surname may be a little word ("Will", "May"): written with a capital it names someone, in the
 * article and in the question, and routes the question to the article quoting that person.
 */
const columnist = writtenArticle({
  id: 'harbour-column',
  title: 'A columnist on the harbour dues',
  people: [{ id: 'ada-will', name: 'Ada Will', role: 'columnist' }],
  paragraphs: [
    {
      text: '“The dues punish the smallest boats,” wrote Ada Will in her weekly column.',
      quotes: [{ speaker: 'ada-will', words: 'The dues punish the smallest boats' }],
    },
  ],
});
const other = writtenArticle({
  id: 'orchard-fair',
  title: 'The orchard fair draws a crowd',
  people: [{ id: 'bram-toller', name: 'Bram Toller', role: 'grower' }],
  paragraphs: [
    {
      text: '“We sold every crate by noon,” said Bram Toller.',
      quotes: [{ speaker: 'bram-toller', words: 'We sold every crate by noon' }],
    },
  ],
});
const engine = createAnswerEngine([other.article, columnist.article]);

describe('GIVEN a person whose surname is a little word, among several articles', () => {
  it('WHEN someone asks what that surname said THEN the article quoting that person answers', () => {
    const answer = engine.answer('what did Will say?');
    expect(answer.found).toBe(true);
    expect(answer.items[0]?.speaker?.id).toBe('ada-will');
  });
});
