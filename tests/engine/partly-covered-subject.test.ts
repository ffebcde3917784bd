import { describe, expect, it } from 'vitest';
import { createAnswerEngine } from '../../src/engine/index.js';
import { writtenArticle } from '../support/written-article.js';

/**
 * "what did X say about A B?" where X's one quote says A, a word the article uses twice, and nothing says B:
 * the quote is far ahead of anything else, so it answers, though A is only a little over a third of the subject.
 */
const ferry = writtenArticle({
  id: 'ferry-winter',
  title: 'Ferry timetable cut',
  people: [
    { id: 'tilda-rask', name: 'Tilda Rask', role: 'mayor' },
    { id: 'osric-greave', name: 'Osric Greave', role: 'harbour master' },
  ],
  paragraphs: [
    { text: 'The council met on Tuesday to discuss the ferry timetable for the coming year.' },
    { text: 'Two boats serve the island, one of them older than most of its crew.' },
    { text: 'Last year the crossing carried more visitors than in any year before.' },
    { text: 'Fuel now costs the operator twice what it did five years ago.' },
    { text: 'The older boat needs a new engine before the summer season.' },
    { text: 'Most passengers buy their tickets on the quay on the morning they travel.' },
    { text: 'A bus meets every boat at the mainland pier.' },
    { text: 'The timetable is printed in the local paper every spring.' },
    { text: 'Storms cancelled eleven crossings in the first week of March.' },
    { text: 'Nobody on the council spoke against the new timetable.' },
    { text: 'Tilda Rask said the boats to Dunstable would stop running in the winter months.', quotes: [{ speaker: 'tilda-rask', words: 'the boats to Dunstable would stop running in the winter months', kind: 'reported' }] },
    { text: 'The island has two piers and a small market that depend on visitors from the mainland.' },
    { text: '“We have no crews left after October,” Osric Greave said.', quotes: [{ speaker: 'osric-greave', words: 'We have no crews left after October' }] },
  ],
});

describe('GIVEN a speaker whose one quote says one of the two words asked about', () => {
  it('WHEN asked what they said about both THEN that quote answers', () => {
    const answer = createAnswerEngine([ferry.article]).answer('what did Tilda Rask say about Dunstable tariffs?');
    expect(answer.found).toBe(true);
    expect(answer.items[0]?.quote).toBe('the boats to Dunstable would stop running in the winter months');
  });

  it('WHEN none of the words asked about is said THEN nothing answers', () => {
    expect(createAnswerEngine([ferry.article]).answer('what did Tilda Rask say about tariffs?').found).toBe(false);
  });
});
