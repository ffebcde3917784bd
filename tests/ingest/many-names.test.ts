import { describe, expect, it } from 'vitest';
import { distinctNames } from '../../bench/lib/adversarial-inputs.js';
import { extractArticle } from '../../src/ingest/extract.js';

/**
 * An article naming thousands of different people is read like a short one: every person is found once and keeps
 * their own statements (the look-ups are indexed; `npm run bench` times 24,000 words of such names).
 */

function attributions(text: string): { speakers: (string | undefined)[]; people: number; aliases: Map<string, string[]> } {
  const article = extractArticle(text, { id: 'many-names' });
  const byId = new Map(article.people.map((p) => [p.id, p]));
  return {
    speakers: article.quotes.map((q) => byId.get(q.speaker)?.name),
    people: article.people.length,
    aliases: new Map(article.people.map((p) => [p.name, p.aliases])),
  };
}

describe('GIVEN an article that names many different people', () => {
  it('WHEN 3,000 people each make a statement THEN each statement is attributed to its own speaker', () => {
    const names = distinctNames(3000);
    const text = `Harbour plan approved\n\n${names.map((name) => `${name} said the harbour would open in May.`).join('\n\n')}\n`;
    const result = attributions(text);
    expect(result.people).toBe(3000);
    expect(result.speakers).toEqual(names);
  });

  it('WHEN 3,000 people are listed as the source of one quotation THEN the last one named speaks', () => {
    const names = distinctNames(3000);
    const text = `Harbour plan approved\n\n“We will see,” ${names.join(', ')} said on Monday.\n`;
    expect(attributions(text).speakers).toEqual([names.at(-1)]);
  });
});

describe('GIVEN two people whose surnames differ by one letter', () => {
  const text = [
    'Harbour plan approved',
    '',
    'Tamsin Arkwell said the vote was close.',
    '',
    'Eskil Arkwel said the harbour would open in May.',
    '',
    'Tamsin Arkwell added that the council had agreed.',
    '',
    'Arkwel said the builders were ready.',
    '',
  ].join('\n');

  it('THEN a later mention of the second surname alone is the second person, not a misspelling of the first', () => {
    const result = attributions(text);
    expect(result.speakers).toEqual(['Tamsin Arkwell', 'Eskil Arkwel', 'Tamsin Arkwell', 'Eskil Arkwel']);
    expect(result.aliases.get('Tamsin Arkwell')).not.toContain('Arkwel');
  });
});
