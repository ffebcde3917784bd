import { describe, expect, it } from 'vitest';
import { createAnswerEngine } from '../../src/engine/index.js';
import { SpeakerArticles } from '../../src/engine/speaker-articles.js';
import { writtenArticle } from '../support/written-article.js';

/**
 * "what did Marlow say?" over many articles: several quote someone whose given name is Marlow, and put
 * the name in their titles; one quotes Ines Marlow, whose surname it is. The surname names her.
 */
const givenNamed = Array.from({ length: 5 }, (_, i) =>
  writtenArticle({
    id: `marlow-${i}`,
    title: `Marlow ${'ABCDE'[i]}ardy on the allotments, Marlow's year ${i + 1}`,
    people: [{ id: `marlow-${i}`, name: `Marlow ${'ABCDE'[i]}ardy`, role: 'gardener' }],
    paragraphs: [
      { text: `Marlow ${'ABCDE'[i]}ardy keeps bees behind the allotments.` },
      {
        text: `“The bees came back early this spring, and the honey is dark,” said Marlow ${'ABCDE'[i]}ardy.`,
        quotes: [{ speaker: `marlow-${i}`, words: 'The bees came back early this spring, and the honey is dark' }],
      },
    ],
  }),
);
const surnamed = writtenArticle({
  id: 'tram-depot',
  title: 'The tram depot closes for a month of repairs',
  people: [{ id: 'ines-marlow', name: 'Ines Marlow', role: 'depot manager' }],
  paragraphs: [
    { text: 'Trams will stop at the old terminus while the depot roof is rebuilt.' },
    {
      text: '“The roof has leaked for ten winters, and now it will be mended properly,” said Ines Marlow, who runs the depot.',
      quotes: [{ speaker: 'ines-marlow', words: 'The roof has leaked for ten winters, and now it will be mended properly' }],
    },
  ],
});
const engine = createAnswerEngine([...givenNamed.map((a) => a.article), surnamed.article]);

describe('GIVEN many articles quoting people whose given name is a name asked for, and one quoting the person of that surname', () => {
  it('WHEN someone asks what that name said THEN the person of that surname answers first', () => {
    const answer = engine.answer('what did Marlow say?');
    expect(answer.found).toBe(true);
    expect(answer.items[0]?.speaker?.id).toBe('ines-marlow');
  });
  it('WHEN someone asks by the whole given name and surname THEN that person answers', () => {
    const answer = engine.answer('what did Marlow Cardy say?');
    expect(answer.items[0]?.speaker?.id).toBe('marlow-2');
  });
});

describe('GIVEN an article that calls a speaker by surname only', () => {
  const names = new SpeakerArticles([
    writtenArticle({
      id: 'quay',
      title: 'Quay works',
      people: [{ id: 'okafor', name: 'Okafor', role: 'engineer' }],
      paragraphs: [{ text: '“The quay will hold,” said Okafor.', quotes: [{ speaker: 'okafor', words: 'The quay will hold' }] }],
    }).article,
    writtenArticle({
      id: 'mill',
      title: 'Mill works',
      people: [{ id: 'dana-reyes', name: 'Dana Reyes', role: 'miller' }],
      paragraphs: [{ text: '“The mill will turn,” said Dana Reyes.', quotes: [{ speaker: 'dana-reyes', words: 'The mill will turn' }] }],
    }).article,
  ]);
  it('WHEN a question names that speaker in full THEN that article quotes them', () => {
    expect([...names.find(['dana', 'okafor'])]).toEqual([0]);
  });
  it('WHEN a name fits only by a given name elsewhere and by surname here THEN only the surname counts', () => {
    expect([...names.find(['reyes'])]).toEqual([1]);
    expect([...names.find(['dana'])]).toEqual([1]);
  });
});
