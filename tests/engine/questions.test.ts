import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../../src/data/load.js';
import type { Answer } from '../../src/engine/answer-types.js';
import { createAnswerEngine } from '../../src/engine/index.js';
import { expectationFailures, invariantFailures, questionSuite, RUSSIAN_AUTHORITIES, type QuestionCategory } from './question-suite.js';

const { articles } = loadKnowledgeBase();
const engine = createAnswerEngine(articles);

/** Asks, and fails the test on any broken universal rule before returning the answer. */
function ask(question: string): Answer {
  const answer = engine.answer(question);
  expect(invariantFailures(answer, articles), `universal rules for ${JSON.stringify(question.slice(0, 80))}`).toEqual([]);
  return answer;
}

const categories: readonly QuestionCategory[] = [
  'who-spoke-about',
  'who-said',
  'what-did-say',
  'role-description',
  'ambiguous-description',
  'who-is',
  'list-speakers',
  'list-topics',
  'when',
  'where',
  'why',
  'how-much',
  'article-about',
  'article-source',
  'not-quoted',
  'out-of-scope',
];

describe('GIVEN the seed article', () => {
  it('THEN the suite has at least 70 distinct questions covering every intent', () => {
    expect(questionSuite.length).toBeGreaterThanOrEqual(70);
    expect(new Set(questionSuite.map((c) => c.question)).size).toBe(questionSuite.length);
    for (const category of categories) expect(questionSuite.some((c) => c.category === category), category).toBe(true);
    for (const c of questionSuite) expect(categories).toContain(c.category);
  });

  describe.each(categories)(
    'WHEN someone asks a %s question',
    (category) => {
      const cases = questionSuite.filter((c) => c.category === category);
      it.each(cases.map((c) => [c.question, c] as const))('%s', (question, testCase) => {
        const answer = ask(question);
        expect(expectationFailures(testCase, answer), `answer: ${answer.summary}`).toEqual([]);
      });
    },
  );
});

describe('GIVEN questions that are not questions', () => {
  it.each([
    ['an empty question', ''],
    ['only spaces', '   '],
    ['only whitespace and newlines', ' \n\t '],
    ['only punctuation', '???'],
  ])('WHEN the question is %s THEN the answer is "not found" with a helpful summary, not an error', (_name, question) => {
    const answer = ask(question);
    expect(answer.found).toBe(false);
    expect(answer.summary.trim().length).toBeGreaterThan(10);
    expect(answer.suggestions.length).toBeGreaterThan(0);
  });

  it('WHEN the question is 5,000 characters long THEN the engine still answers', () => {
    const question = 'what did peskov say about the negotiations '.repeat(120).slice(0, 5000);
    expect(question).toHaveLength(5000);
    expect(() => ask(question)).not.toThrow();
  });

  it('WHEN the question is 5,000 characters of one word THEN the engine still answers', () => {
    expect(() => ask('a'.repeat(5000))).not.toThrow();
  });
});

describe('GIVEN the list of everyone quoted', () => {
  it('THEN the Russian authorities, if listed, are an organisation, not a person', () => {
    const answer = ask('who is quoted in the article');
    for (const item of answer.items) {
      if (item.speaker?.id === RUSSIAN_AUTHORITIES) expect(item.speaker.kind).toBe('organisation');
      else if (item.speaker) expect(item.speaker.kind).toBe('person');
    }
  });
});

describe('GIVEN the same question asked differently', () => {
  it.each([
    ['what did zakharova say', 'WHAT DID ZAKHAROVA SAY?!'],
    ['what did peskov say', 'What did Peskov say...'],
    ['who is peskov', '   who   is   peskov   '],
  ])('WHEN "%s" is asked as "%s" THEN the answers cite the same passages', (plain, noisy) => {
    const spans = (answer: Answer): string[] => answer.items.map((item) => `${item.kind}:${item.speaker?.id ?? '-'}:${item.start}-${item.end}`);
    const a = ask(plain);
    const b = ask(noisy);
    expect(b.found).toBe(a.found);
    expect(spans(b)).toEqual(spans(a));
  });
});
