import { describe, expect, it } from 'vitest';
import { createAnswerEngine } from '../../src/engine/index.js';
import { writtenArticle } from '../support/written-article.js';

/** Two quoted people share a surname; a third of that surname is mentioned and never quoted. */
const mill = writtenArticle({
  id: 'mill-vote',
  title: 'Mill to close',
  people: [
    { id: 'tilda-rask', name: 'Tilda Rask', role: 'mayor' },
    { id: 'osric-rask', name: 'Osric Rask', role: 'mill owner' },
  ],
  paragraphs: [
    { text: '“The mill will close in May,” Tilda Rask said.', quotes: [{ speaker: 'tilda-rask', words: 'The mill will close in May' }] },
    { text: 'Her brother, Osric Rask, said the workers would be paid until June.', quotes: [{ speaker: 'osric-rask', words: 'the workers would be paid until June', kind: 'reported' }] },
    { text: 'Their cousin Brenna Rask has run the bakery next door for a decade.' },
  ],
});
const engine = createAnswerEngine([mill.article]);

describe('GIVEN people who share a surname', () => {
  it('WHEN asked by one full name THEN only that person answers', () => {
    const answer = engine.answer('what did Osric Rask say?');
    expect(answer.items.map((i) => i.speaker?.name)).toEqual(['Osric Rask']);
  });

  it('WHEN asked by a given name none of them has THEN no one else’s quote answers, and the namesakes are offered', () => {
    const answer = engine.answer('what did Brenna Rask say about the mill?');
    expect(answer.found).toBe(false);
    expect(answer.summary).toContain('Did you mean');
  });

  it('WHEN a title stands before the surname THEN it is no given name', () => {
    const answer = engine.answer('what did Mayor Rask say?');
    expect(answer.found).toBe(true);
    expect(answer.items[0]?.speaker?.name).toBe('Tilda Rask');
  });

  it('WHEN an initial stands before the surname THEN it is no given name', () => {
    expect(engine.answer('what did T. Rask say?').found).toBe(true);
  });
});
