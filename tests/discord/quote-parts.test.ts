import { describe, expect, it } from 'vitest';
import { DISCORD_LIMITS, embedCharacters, renderAnswer } from '../../src/discord/render.js';
import { createAnswerEngine } from '../../src/engine/index.js';
import { isShownArticleText } from '../support/shown-quote.js';
import { writtenArticle } from '../support/written-article.js';

/**
 * A statement its attribution interrupts (“A,” said X, who …, “B.”) is one quote in two pieces: a reply
 * shows the speaker's words joined by an ellipsis, not the narration between them. Article written for this test.
 */
const FIRST = 'The ferry will run all winter,';
const SECOND = 'and the fares will not rise.';
const NARRATION = 'said Odile Marchetti, who has run the harbour board of Brackenfold since the spring and who also thanked the crews';

function interrupted(first: string, second: string) {
  return writtenArticle({
    id: 'harbour',
    title: 'Harbour board sets winter timetable',
    people: [{ id: 'odile-marchetti', name: 'Odile Marchetti', role: 'harbour board chair' }],
    paragraphs: [{ text: `“${first}” ${NARRATION}. “${second}”`, quotes: [{ speaker: 'odile-marchetti', words: `${first}” ${NARRATION}. “${second}`, parts: [first, second] }] }],
  });
}

function quoteLines(description: string): string[] {
  return description.split('\n').filter((line) => line.startsWith('> ')).map((line) => line.slice(2));
}

describe('GIVEN a quote interrupted by a long attribution', () => {
  it('WHEN the reply shows it THEN it shows the speaker’s words joined by “ … ”, each piece verbatim, without the narration', () => {
    const { article } = interrupted(FIRST, SECOND);
    const answer = createAnswerEngine([article]).answer('what did Marchetti say about the ferry?');
    expect(answer.items[0]?.parts).toHaveLength(2);
    const message = renderAnswer(answer, { page: 0, view: { kind: 'ask', question: 'q' }, ephemeral: true });
    const [shown] = quoteLines(message.embeds[0]?.description ?? '');
    expect(shown).toBe(`${FIRST} … ${SECOND}`);
    expect(shown).not.toContain('thanked the crews');
    expect(isShownArticleText(shown ?? '', [article.text])).toBe(true);
    expect(message.allowed_mentions).toEqual({ parse: [] });
  });

  it('WHEN its pieces are longer than a quote may be THEN the reply stays within Discord’s limits and each piece shown is a verbatim prefix, marked …', () => {
    const long = (word: string) => `${Array.from({ length: 120 }, (_, i) => `${word}${i}`).join(' ')},`;
    const { article } = interrupted(long('dock'), `${long('fare')} and more.`);
    const answer = createAnswerEngine([article]).answer('what did Marchetti say?');
    const message = renderAnswer(answer, { page: 0, view: { kind: 'ask', question: 'q' }, ephemeral: true });
    const description = message.embeds[0]?.description ?? '';
    expect(description.length).toBeLessThanOrEqual(DISCORD_LIMITS.embedDescription);
    expect(embedCharacters(message.embeds)).toBeLessThanOrEqual(DISCORD_LIMITS.embedsTotal);
    const [shown] = quoteLines(description);
    expect(shown?.endsWith('…')).toBe(true);
    expect(shown).toContain(' … ');
    expect(isShownArticleText((shown ?? '').slice(0, -1), [article.text])).toBe(true);
  });
});
