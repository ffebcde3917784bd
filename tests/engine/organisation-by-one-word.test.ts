import { describe, expect, it } from 'vitest';
import { createAnswerEngine } from '../../src/engine/index.js';
import { writtenArticle } from '../support/written-article.js';

/** An organisation named by a description around one proper word ("a large Quillon growers' league"). */
const orchards = writtenArticle({
  id: 'orchard-levy',
  title: 'Orchard levy doubled',
  people: [
    { id: 'quillon-league', name: 'large Quillon growers league', kind: 'organisation' },
    { id: 'tilda-rask', name: 'Tilda Rask', role: 'mayor' },
    { id: 'rask-trust', name: 'Rask Orchard Trust', kind: 'organisation' },
  ],
  paragraphs: [
    { text: 'A large Quillon growers league said the levy would ruin small farms.', quotes: [{ speaker: 'quillon-league', words: 'the levy would ruin small farms', kind: 'reported' }] },
    { text: '“The levy pays for the new road,” Tilda Rask said.', quotes: [{ speaker: 'tilda-rask', words: 'The levy pays for the new road' }] },
    { text: 'The Rask Orchard Trust said it would pay the levy for its tenants.', quotes: [{ speaker: 'rask-trust', words: 'it would pay the levy for its tenants', kind: 'reported' }] },
  ],
});
const engine = createAnswerEngine([orchards.article]);

describe('GIVEN an organisation whose name holds one proper word', () => {
  it('WHEN asked by that word alone THEN the organisation answers', () => {
    const answer = engine.answer('what did Quillon say?');
    expect(answer.found).toBe(true);
    expect(answer.items[0]?.quote).toBe('the levy would ruin small farms');
  });

  it('WHEN a person has that word as surname THEN the person answers first', () => {
    const answer = engine.answer('what did Rask say?');
    expect(answer.items[0]?.speaker?.name).toBe('Tilda Rask');
  });
});
