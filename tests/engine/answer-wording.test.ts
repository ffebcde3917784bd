import { describe, expect, it } from 'vitest';
import { ingestedFixture } from '../support/ingested-fixture.js';

// Our own article, ingested from text: a "when" whose answer has no calendar date while other sentences
// have dates, and speakers whose names are plural ("… authorities", "… groups") beside a singular one.
const { ask } = ingestedFixture('ferry-terminal');

describe('GIVEN an article where the sentence answering a "when" has no date and others do', () => {
  it('WHEN asked "when will work on the ferry terminal begin" THEN the sentence that says it comes first, not a dated one about something else', () => {
    const answer = ask('when will work on the ferry terminal begin');
    expect(answer.found, answer.summary).toBe(true);
    expect(answer.items[0]?.quote).toContain('will begin once the dredging contract is signed');
    expect(answer.summary).not.toMatch(/March 3|Monday|February/);
  });

  it('WHEN the sentence that matches also has a date THEN that date answers', () => {
    const answer = ask('when did the fishing groups say they would oppose dredging');
    expect(answer.summary).toMatch(/^February/);
  });
});

describe('GIVEN speakers whose names are plural', () => {
  it.each([
    ['what did the norwegian authorities say', /^Norwegian authorities are quoted twice/],
    ['who are the norwegian authorities', /^Norwegian authorities are named in the article/],
    ['what did the fishing groups say about tigers', /Fishing groups are quoted on/],
    ['what did the harbour authority say', /^Harbour Authority is quoted once/],
  ])('WHEN asked "%s" THEN the verb agrees with the name', (question, wording) => {
    expect(ask(question).summary).toMatch(wording);
  });
});
