import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/ingest/extract.js';

/**
 * A statement whose subject is a long list of capitalised names (a hostile or odd text, e.g.
 * 24,000 capitalised words) is attributed by the same rules as a short list; the work per name no
 * longer grows with the list (the bench times 24,000 words: `npm run bench`).
 */

function attributions(text: string): [string | undefined, string][] {
  const article = extractArticle(text, { id: 'long-runs' });
  return article.quotes.map((q) => [article.people.find((p) => p.id === q.speaker)?.name, q.text]);
}

const listOf = (times: number, names: string) => Array.from({ length: times }, () => names).join(', ');

describe('GIVEN a statement attributed to a list of names', () => {
  it.each([1, 2, 2000])('WHEN the list "Mr Becker, Mr Dorn, Ms Varga" is repeated %i times THEN the last person named speaks, and "she" is still her', (times) => {
    const text = `Harbour plan approved\n\n“We will see,” ${listOf(times, 'Mr Becker, Mr Dorn, Ms Varga')} said on Monday. “It is a start,” she added.\n`;
    expect(attributions(text)).toEqual([
      ['Varga', 'We will see'],
      ['Varga', 'It is a start'],
    ]);
  });

  it('WHEN the list names organisations THEN the last one speaks', () => {
    expect(attributions(`Harbour plan approved\n\n“We will see,” ${listOf(1, 'Harbour Ministry, Port Authority, Transport Union')} said on Monday.\n`)).toEqual([['Transport Union', 'We will see']]);
  });

  it('WHEN a lone capitalised word qualifies a named organisation after many names THEN the organisation speaks, not the word', () => {
    const text = `Harbour plan approved\n\n${listOf(500, 'Mr Becker, Mr Dorn')}, and City fans' group Kingsport Supporters United said it welcomed the plan.\n`;
    expect(attributions(text)).toEqual([['Kingsport Supporters United', 'it welcomed the plan']]);
  });
});
