import { describe, expect, it } from 'vitest';
import { buildEvidence } from '../../src/engine/evidence.js';
import { createAnswerEngine } from '../../src/engine/index.js';
import { buildKnowledge } from '../../src/engine/knowledge.js';
import { stem } from '../../src/text/index.js';
import { writtenArticle } from '../support/written-article.js';

/**
 * News often quotes people it does not name ("officials said", "critics say") and interrupts a
 * statement with its attribution (“A,” she said, “B.”). The data says so: a speaker with
 * `named: false`, a quote with `parts`. Articles and questions written for these tests.
 */
const { article } = writtenArticle({
  id: 'ferry-timetable',
  title: 'Island ferry timetable cut for the winter',
  people: [
    { id: 'officials', name: 'officials', named: false },
    { id: 'critics', name: 'critics', named: false },
    { id: 'a-senior-aide', name: 'a senior aide', named: false, role: 'aide to the harbour master' },
    { id: 'ines-carvalho', name: 'Ines Carvalho', role: 'harbour master' },
  ],
  paragraphs: [
    {
      text: 'Officials said the last evening crossing would be dropped from November to protect the budget.',
      quotes: [{ speaker: 'officials', kind: 'reported', words: 'the last evening crossing would be dropped from November to protect the budget' }],
    },
    {
      text: 'Critics say the cut will leave nurses on the island without a way home after late shifts.',
      quotes: [{ speaker: 'critics', kind: 'reported', words: 'the cut will leave nurses on the island without a way home after late shifts' }],
    },
    {
      text: '“The boats are old,” said Ines Carvalho, the harbour master, “and the engines need a winter in dock.”',
      quotes: [
        {
          speaker: 'ines-carvalho',
          words: 'The boats are old,” said Ines Carvalho, the harbour master, “and the engines need a winter in dock.',
          parts: ['The boats are old,', 'and the engines need a winter in dock.'],
        },
      ],
    },
    {
      text: 'A senior aide said the timetable would be reviewed in spring.',
      quotes: [{ speaker: 'a-senior-aide', kind: 'reported', words: 'the timetable would be reviewed in spring' }],
    },
  ],
});
const engine = createAnswerEngine([article]);

describe('GIVEN an article that quotes people it describes without naming them', () => {
  it.each([
    ['what did officials say?', 'officials'],
    ['what did the critics say', 'critics'],
    ['what did the senior aide say?', 'a-senior-aide'],
  ])('WHEN someone asks “%s” THEN the described speaker’s statement answers', (question, id) => {
    const answer = engine.answer(question);
    expect(answer.found).toBe(true);
    expect(answer.items[0]?.speaker?.id).toBe(id);
  });

  it('WHEN someone asks who said their words THEN the answer marks the description as one, never as a name', () => {
    const answer = engine.answer('who said nurses would have no way home?');
    expect(answer.items[0]?.speaker?.id).toBe('critics');
    expect(answer.summary).toBe('Critics (not named) said that.');
  });

  it('WHEN someone asks what officials said THEN the summary does not read as a person’s name', () => {
    expect(engine.answer('what did officials say?').summary).toMatch(/^Quoted once: officials \(not named\)/);
  });

  it('WHEN someone asks what they said in general THEN nobody in particular is asked for: the evidence on it answers', () => {
    const answer = engine.answer('what did they say about the budget?');
    expect(answer.found).toBe(true);
    expect(answer.items[0]?.speaker?.id).toBe('officials');
  });
});

describe('GIVEN a quote interrupted by its attribution', () => {
  it('WHEN it answers THEN its quote is the verbatim stretch and its parts are the speaker’s own words', () => {
    const answer = engine.answer('what did Carvalho say about the engines?');
    const item = answer.items[0];
    expect(item?.speaker?.id).toBe('ines-carvalho');
    expect(article.text.slice(item?.start, item?.end)).toBe(item?.quote);
    expect(item?.parts?.map((p) => p.text)).toEqual(['The boats are old,', 'and the engines need a winter in dock.']);
    for (const part of item?.parts ?? []) expect(article.text.slice(part.start, part.end)).toBe(part.text);
  });

  it('THEN it is ranked on the speaker’s own words: the attribution inside it counts as its context, as around any quote', () => {
    const units = buildEvidence(buildKnowledge([article]));
    const quote = units.find((u) => u.entry?.speaker.id === 'ines-carvalho');
    expect([...(quote?.termFrequency.keys() ?? [])]).toEqual(expect.arrayContaining([stem('boats'), stem('engines'), stem('winter')]));
    for (const word of ['carvalho', 'harbour', 'master']) {
      expect(quote?.termFrequency.has(stem(word))).toBe(false);
      expect(quote?.contextTerms.has(stem(word))).toBe(true);
    }
  });
});
