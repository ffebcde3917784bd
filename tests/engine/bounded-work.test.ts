import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../../src/data/load.js';
import { createAnswerEngine, type AnswerEngine } from '../../src/engine/index.js';
import { MAX_FUZZY_CANDIDATES, MAX_PREFIX_CANDIDATES, examinedSoFar } from '../../src/engine/limits.js';
import { adversarialQuestions, adversarialTyping } from '../../bench/lib/adversarial-inputs.js';
import { writtenArticle } from '../support/written-article.js';

/**
 * Typo tolerance compares what was typed with a vocabulary. Here the vocabulary is built to be
 * the worst case: 6,000 people whose names all start with the same letter, so every misspelt
 * "s…" word is a candidate for thousands of names. The work one question or one keystroke does is
 * counted (vocabulary words and entries compared) and must stay under a bound that does not grow
 * with the vocabulary or the input. No timing: the bench (`npm run bench`) has the milliseconds.
 */

const PEOPLE = 6_000;
/** A question is matched by the router and by the person matcher of each article it reaches (at most three), a few times over. */
const PER_QUESTION = 12 * MAX_FUZZY_CANDIDATES;
const PER_KEYSTROKE = MAX_PREFIX_CANDIDATES + MAX_FUZZY_CANDIDATES;

/** Deterministic names: "S" + letters, 4 to 14 long, so every length bucket is crowded. */
function crowdedNames(count: number): string[] {
  let state = 7;
  const next = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const word = (length: number) => `S${Array.from({ length: length - 1 }, () => 'aeioulmnrst'[Math.floor(next() * 11)]).join('')}`;
  return Array.from({ length: count }, (_, i) => `${word(4 + (i % 11))} ${word(4 + ((i * 7) % 11))}${i}`);
}

function crowdedKnowledgeBase(): AnswerEngine {
  const names = crowdedNames(PEOPLE);
  const crowd = writtenArticle({
    id: 'crowd',
    title: 'Six thousand speakers at the harbour meeting',
    people: [
      ...names.map((name, i) => ({ id: `p${i}`, name, role: 'harbour resident' })),
      { id: 'sabrina-stoltenberg', name: 'Sabrina Stoltenberg', role: 'harbour master' },
    ],
    paragraphs: [
      { text: '“The harbour will stay open all winter,” Sabrina Stoltenberg, the harbour master, said.', quotes: [{ speaker: 'sabrina-stoltenberg', words: 'The harbour will stay open all winter' }] },
      { text: `“We were not asked,” ${names[0]} said.`, quotes: [{ speaker: 'p0', words: 'We were not asked' }] },
    ],
  });
  const other = writtenArticle({
    id: 'bakery',
    title: 'The bakery on the square reopens',
    people: [{ id: 'tom-baker', name: 'Tom Baker', role: 'baker' }],
    paragraphs: [{ text: '“Bread at six, as always,” Tom Baker said.', quotes: [{ speaker: 'tom-baker', words: 'Bread at six, as always' }] }],
  });
  return createAnswerEngine([crowd.article, other.article]);
}

const engine = crowdedKnowledgeBase();

function examinedBy(work: () => unknown): number {
  const before = examinedSoFar();
  work();
  return examinedSoFar() - before;
}

describe(`GIVEN a knowledge base where ${PEOPLE} names share a first letter`, () => {
  it('WHEN 300 adversarial questions of up to 300 characters are asked THEN each compares at most a fixed number of vocabulary words, and misspelt questions are still answered', () => {
    const misspeltCrowd = Array.from({ length: 30 }, (_, i) => `what did ${crowdedNames(60).slice(i, i + 30).map((n) => n.replace(/[aeiou]/, 'y')).join(' ')} say`.slice(0, 300));
    let most = 0;
    for (const question of [...adversarialQuestions(270, 1), ...misspeltCrowd]) most = Math.max(most, examinedBy(() => engine.answer(question)));
    expect(most).toBeGreaterThan(0);
    expect(most).toBeLessThanOrEqual(PER_QUESTION);
    expect(engine.answer('what did Sabrina Stoltenbrg say?').items[0]?.quote).toBe('The harbour will stay open all winter');
    expect(engine.answer('what did Tom Bakr say about bread?').items[0]?.quote).toBe('Bread at six, as always');
  });

  it('WHEN 300 adversarial autocomplete inputs of up to 100 characters are typed into each option THEN each keystroke compares at most a fixed number, and a misspelt name is still offered', () => {
    let most = 0;
    for (const typed of [...adversarialTyping(290), 's', 'sa', 'stoltenbrg', 's'.repeat(100), 'sa '.repeat(33)]) {
      for (const suggest of [engine.suggestSpeakers, engine.suggestTopics, engine.suggestArticles]) most = Math.max(most, examinedBy(() => suggest.call(engine, typed)));
    }
    expect(most).toBeGreaterThan(MAX_PREFIX_CANDIDATES / 2);
    expect(most).toBeLessThanOrEqual(PER_KEYSTROKE);
    expect(engine.suggestSpeakers('stoltenbrg').map((c) => c.value)).toContain('sabrina-stoltenberg');
    expect(engine.suggestArticles('harbor').map((c) => c.value)).toEqual(['crowd']);
  });

  it('WHEN one word of 100,000 characters is asked THEN it is answered, not thrown, and read no further than the cut', () => {
    const word = 'a'.repeat(100_000);
    expect(examinedBy(() => expect(engine.answer(word).found).toBe(false))).toBeLessThanOrEqual(PER_QUESTION);
    expect(engine.answer(`what did Sabrina Stoltenberg say ${'x'.repeat(60_000)}`).question).toHaveLength(60_033);
  });
});

describe('GIVEN the bundled article', () => {
  it('THEN the bounds leave every typo the autocomplete tests expect within reach', () => {
    const bundled = createAnswerEngine(loadKnowledgeBase().articles);
    expect(bundled.suggestSpeakers('zaharova')[0]?.value).toBe('maria-zakharova');
    expect(bundled.answer('what did zaharova say?').found).toBe(true);
  });
});
