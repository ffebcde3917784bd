import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../../src/data/load.js';
import { ChoiceIndex, type Choosable } from '../../src/engine/choices.js';
import { createAnswerEngine } from '../../src/engine/index.js';

const { articles } = loadKnowledgeBase();
const engine = createAnswerEngine(articles);

function choosable(value: string, names: string[], aliases: string[], weight: number): Choosable {
  return { value, label: names[0] ?? value, names, aliases, weight };
}

describe('GIVEN a list of choices', () => {
  const index = new ChoiceIndex([
    // A fuzzy match only: "marta" is one letter away from "maria".
    choosable('fuzzy', ['Marta Lopez'], ['mayor of a small town'], 100),
    // An alias starting with "maria": ranks above the fuzzy match despite a lower weight.
    choosable('alias', ['Petra Novak'], ['Maria Novak', 'press officer'], 50),
    // A name starting with "maria": ranks first despite the lowest weight.
    choosable('exact', ['Maria Zakharova'], ['spokeswoman'], 1),
    choosable('unrelated', ['Tom Jones'], ['singer'], 1000),
  ]);

  it('THEN a name prefix ranks above an alias prefix, which ranks above a fuzzy match', () => {
    expect(index.suggest('maria').map((c) => c.value)).toEqual(['exact', 'alias', 'fuzzy']);
  });

  it('THEN a prefix of any word of a name counts as a name match', () => {
    expect(index.suggest('zakh')[0]?.value).toBe('exact');
  });

  it('THEN case and accents do not matter', () => {
    expect(index.suggest('MARÍA')[0]?.value).toBe('exact');
  });

  it('WHEN nothing is typed THEN the heaviest come first', () => {
    expect(index.suggest('').map((c) => c.value)).toEqual(['unrelated', 'fuzzy', 'alias', 'exact']);
    expect(index.suggest('   ').map((c) => c.value)).toEqual(['unrelated', 'fuzzy', 'alias', 'exact']);
  });

  it('WHEN two choices rank the same THEN the heavier comes first', () => {
    const tied = new ChoiceIndex([choosable('light', ['Anna Light'], [], 1), choosable('heavy', ['Anna Heavy'], [], 9)]);
    expect(tied.suggest('anna').map((c) => c.value)).toEqual(['heavy', 'light']);
  });

  it('WHEN nothing matches THEN there are no choices', () => {
    expect(index.suggest('qxzvjw')).toEqual([]);
  });

  it('THEN a word far into a long description is still found, even misspelt', () => {
    const long = new ChoiceIndex([
      choosable(
        'far',
        ['Maria Zakharova'],
        ['Official representative of the Ministry of Foreign Affairs of the Russian Federation and director of the Information and Press Department, spokeswoman'],
        1,
      ),
      choosable('near', ['Someone Else'], ['spokesman'], 1),
    ]);
    expect(long.suggest('spokeswoman').map((c) => c.value)).toContain('far');
    expect(long.suggest('spokeswomn').map((c) => c.value)).toContain('far');
    expect(long.suggest('informaton').map((c) => c.value)).toEqual(['far']);
  });

  it('THEN at most `limit` (by default 25) choices are returned', () => {
    const many = new ChoiceIndex(Array.from({ length: 60 }, (_, i) => choosable(`p${i}`, [`Person ${i}`], ['official'], i)));
    expect(many.suggest('')).toHaveLength(25);
    expect(many.suggest('person')).toHaveLength(25);
    expect(many.suggest('official')).toHaveLength(25);
    expect(many.suggest('offical')).toHaveLength(25);
    expect(many.suggest('person', 5)).toHaveLength(5);
    expect(many.suggest('')[0]?.value).toBe('p59');
  });
});

describe('GIVEN the seed article', () => {
  it('WHEN nothing is typed THEN speakers come most-quoted first', () => {
    const choices = engine.suggestSpeakers('');
    const counts = new Map(engine.speakers().map((s) => [s.person.id, s.quoteCount]));
    const shown = choices.map((c) => counts.get(c.value) ?? -1);
    expect(choices.length).toBeLessThanOrEqual(25);
    expect(choices[0]?.value).toBe('alexei-polishchuk');
    expect(shown).toEqual([...shown].sort((a, b) => b - a));
    expect(new Set(choices.map((c) => c.value)).size).toBe(choices.length);
  });

  it('WHEN nothing is typed THEN topics come most-quoted first', () => {
    expect(engine.suggestTopics('').map((c) => c.value)).toEqual(engine.topics().map((t) => t.id));
  });

  it.each([
    ['Zak', 'maria-zakharova'],
    ['zaharova', 'maria-zakharova'],
    ['polishuk', 'alexei-polishchuk'],
    ['levitt', 'caroline-leavitt'],
    ['white house', 'caroline-leavitt'],
    ['kremlin press', 'dmitry-peskov'],
    ['trump', 'donald-trump'],
  ])('WHEN %j is typed THEN %s is suggested first', (typed, expected) => {
    expect(engine.suggestSpeakers(typed)[0]?.value).toBe(expected);
  });

  it('WHEN "spokes" is typed THEN Zakharova is among the first', () => {
    expect(engine.suggestSpeakers('spokes').slice(0, 3).map((c) => c.value)).toContain('maria-zakharova');
  });

  it('WHEN a word far into a role ("department", "countries") is typed THEN its owner is found', () => {
    expect(engine.suggestSpeakers('department')[0]?.value).toBe('alexei-polishchuk');
    expect(engine.suggestSpeakers('countreis')[0]?.value).toBe('alexei-polishchuk');
    expect(engine.suggestSpeakers('departmnt')[0]?.value).toBe('alexei-polishchuk');
  });

  it('THEN a speaker choice is labelled with name and role, and its value is the speaker id', () => {
    const zakharova = engine.suggestSpeakers('zakharova')[0];
    expect(zakharova?.value).toBe('maria-zakharova');
    expect(zakharova?.label).toMatch(/^Maria Zakharova — .*spokeswoman/i);
  });

  it.each([
    ['venue', 'venues'],
    ['decre', 'decree-ban'],
    ['xi', 'trump-xi-call'],
    ['legitimacy', 'legitimacy'],
  ])('WHEN the topic %j is typed THEN %s is suggested first', (typed, expected) => {
    expect(engine.suggestTopics(typed)[0]?.value).toBe(expected);
  });

  it('THEN every suggestion, whatever is typed, is at most 25 choices of known ids', () => {
    const speakerIds = new Set(engine.speakers().map((s) => s.person.id));
    const topicIds = new Set(engine.topics().map((t) => t.id));
    for (const typed of ['', 'a', 'e', 'the', 'president', 'ministry', 'x'.repeat(200), '🙂', '%', '   z  ']) {
      const speakers = engine.suggestSpeakers(typed);
      const topics = engine.suggestTopics(typed);
      expect(speakers.length).toBeLessThanOrEqual(25);
      expect(topics.length).toBeLessThanOrEqual(25);
      for (const c of speakers) expect(speakerIds.has(c.value)).toBe(true);
      for (const c of topics) expect(topicIds.has(c.value)).toBe(true);
    }
  });
});
