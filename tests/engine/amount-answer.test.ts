import { describe, expect, it } from 'vitest';
import { ingestedFixture } from '../support/ingested-fixture.js';

// Each pair of statements says the same thing in nearly the same words; only the second gives a figure.
const { ask } = ingestedFixture('lido-repairs');

describe('GIVEN an article where two statements match a "how much" question alike and only one has an amount', () => {
  it.each([
    ['how much was spent repairing the leaking pool basin?', '£2.4 million', 'Omar Reyes'],
    ['how many lifeguards are being trained for the reopened lido', '14 lifeguards', 'Omar Reyes'],
  ])('WHEN asked "%s" THEN the statement with the amount answers first, and the summary gives the figure', (question, figure, speaker) => {
    const answer = ask(question);
    expect(answer.found, answer.summary).toBe(true);
    expect(answer.intent).toBe('how-much');
    const first = answer.items[0];
    expect(first?.quote, answer.summary).toContain(figure.split(' ')[0]);
    expect(first?.speaker?.name).toBe(speaker);
    expect(answer.summary.startsWith(figure.split(' ')[0] as string), answer.summary).toBe(true);
  });

  it('WHEN the same content is asked without "how much" THEN both statements are evidence (the figure is a preference, not a filter on content)', () => {
    const answer = ask('who talked about repairing the leaking pool basin');
    expect(answer.found, answer.summary).toBe(true);
    const speakers = answer.items.slice(0, 3).map((i) => i.speaker?.name);
    expect(speakers).toContain('Dana Pike');
    expect(speakers).toContain('Omar Reyes');
  });
});
