import { describe, expect, it } from 'vitest';
import { ingestedFixture } from '../support/ingested-fixture.js';

// An article the engine never had hand-made data for: ingested from plain text as a user would add it.
const { ask } = ingestedFixture('night-buses');

describe('GIVEN an article ingested from text', () => {
  it.each([
    ['when will the public hearing be held', 'public hearing in April'],
    ['until when is federal funding available', 'until September 30'],
    ['who warned about logistics', 'logistics problem'],
  ])('WHEN asked "%s" THEN the evidence that says it answers, quote or narration', (question, words) => {
    const answer = ask(question);
    expect(answer.found, answer.summary).toBe(true);
    expect(answer.items.slice(0, 3).some((i) => i.quote.includes(words))).toBe(true);
  });

  it.each([
    ['what did the union say about drivers', "Brackwater Transit Workers' Union", 'drivers'],
    ['what did the insurer say', 'Harbor Mutual', 'accident claims'],
    ['what did the CEO say', 'Grace Liu', 'no choice'],
    ['what did the authority spokesman say about the hearing', 'Colin Marsh', 'public hearing'],
  ])('WHEN asked "%s" (a description, not a name) THEN %s answers', (question, speaker, words) => {
    const answer = ask(question);
    expect(answer.found, answer.summary).toBe(true);
    const first = answer.items[0];
    expect(first?.speaker?.name).toBe(speaker);
    expect(answer.items.some((i) => i.speaker?.name === speaker && i.quote.includes(words))).toBe(true);
  });

  it('WHEN asked about someone the article does not name THEN it declines with suggestions from the article', () => {
    const answer = ask('what did the mayor say about night buses');
    expect(answer.found).toBe(false);
    expect(answer.suggestions.some((s) => /Liu|Whitfield|Marsh|Haddad/.test(s))).toBe(true);
  });
});
