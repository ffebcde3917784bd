import { describe, expect, it } from 'vitest';
import { createAnswerEngine } from '../../src/engine/index.js';
import { writtenArticle } from '../support/written-article.js';

/**
 * One article alone may answer with evidence that only stands out in it (a quote saying one of the
 * question's words); when several articles could answer, such a match turns up by chance, so it is not taken.
 */
const depot = writtenArticle({
  id: 'tram-depot',
  title: 'The tram depot closes for a month of repairs',
  people: [
    { id: 'ines-marlow', name: 'Ines Marlow', role: 'depot manager' },
    { id: 'ari-quennell', name: 'Ari Quennell', role: 'driver' },
  ],
  paragraphs: [
    { text: 'Trams will stop at the old terminus while the depot roof is rebuilt.' },
    {
      text: '“The roof has leaked for ten winters, and now it will be mended properly,” said Ines Marlow, who runs the depot.',
      quotes: [{ speaker: 'ines-marlow', words: 'The roof has leaked for ten winters, and now it will be mended properly' }],
    },
    { text: '“We drive the old route until spring,” said Ari Quennell.', quotes: [{ speaker: 'ari-quennell', words: 'We drive the old route until spring' }] },
    { text: '“The timetable stays the same for the night trams,” said Ines Marlow.', quotes: [{ speaker: 'ines-marlow', words: 'The timetable stays the same for the night trams' }] },
  ],
});
const bakery = writtenArticle({
  id: 'bakery',
  title: 'A bakery opens by the canal',
  people: [{ id: 'ines-marlow', name: 'Ines Marlow', role: 'baker' }],
  paragraphs: [
    { text: 'Pigeons wait by the door for crumbs in winters.' },
    { text: '“Bread at six, cakes at ten,” said Ines Marlow.', quotes: [{ speaker: 'ines-marlow', words: 'Bread at six, cakes at ten' }] },
  ],
});
const unrelated = writtenArticle({
  id: 'ferry',
  title: 'The ferry runs late',
  people: [{ id: 'oda-venn', name: 'Oda Venn', role: 'skipper' }],
  paragraphs: [{ text: '“The tide was against us,” said Oda Venn.', quotes: [{ speaker: 'oda-venn', words: 'The tide was against us' }] }],
});
const weak = 'what did Ines Marlow say about the leaking winters pigeons?';

describe('GIVEN a quote that says only part of what a question asks about', () => {
  it('WHEN its article alone is asked THEN it answers with it', () => {
    const answer = createAnswerEngine([depot.article]).answer(weak);
    expect(answer.found).toBe(true);
  });
  it('WHEN another article quoting the same person says another of its words THEN the weak match is declined', () => {
    const answer = createAnswerEngine([depot.article, bakery.article]).answer(weak);
    expect(answer.found).toBe(false);
    expect(answer.items).toEqual([]);
  });
  it('WHEN the other articles do not quote that person THEN the one that does answers as it would alone', () => {
    const answer = createAnswerEngine([depot.article, unrelated.article]).answer(weak);
    expect(answer.found).toBe(true);
    expect(answer.items[0]?.article.id).toBe('tram-depot');
  });
  it('WHEN many articles are asked for what the quote does say THEN it answers', () => {
    const answer = createAnswerEngine([depot.article, bakery.article]).answer('what did Ines Marlow say about the roof leaking for ten winters?');
    expect(answer.found).toBe(true);
    expect(answer.items[0]?.speaker?.id).toBe('ines-marlow');
  });
});
