import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../../src/data/load.js';
import { createAnswerEngine } from '../../src/engine/index.js';
import { LruMap } from '../../src/engine/lru.js';
import { questionSuite } from './question-suite.js';

const { articles } = loadKnowledgeBase();
const articleId = articles[0]?.id ?? '';

describe('GIVEN an engine that remembers answers', () => {
  const fresh = createAnswerEngine(articles);
  const cached = createAnswerEngine(articles, { answerCacheSize: 1000 });

  it('THEN every question of the suite gets, asked once or three times, exactly the answer the uncached engine gives', () => {
    for (const { question } of questionSuite) {
      const expected = fresh.answer(question);
      for (let round = 0; round < 3; round++) expect(cached.answer(question), question).toEqual(expected);
    }
  });

  it('WHEN a question is asked again THEN the remembered answer is returned without answering again', () => {
    const first = cached.answer('who spoke about venues');
    expect(cached.answer('who spoke about venues')).toBe(first);
    // The question is kept exactly as asked: answers echo it.
    const shouted = cached.answer('WHO SPOKE ABOUT VENUES?');
    expect(shouted).not.toBe(first);
    expect(shouted.question).toBe('WHO SPOKE ABOUT VENUES?');
  });

  it('WHEN the same question is scoped to an article or to an unknown one THEN each scope has its own answer', () => {
    const everywhere = cached.answer('what did Zakharova say?');
    const scoped = cached.answer('what did Zakharova say?', { articleId });
    const unknown = cached.answer('what did Zakharova say?', { articleId: 'no-such-article' });
    expect(scoped).not.toBe(everywhere);
    expect(unknown.found).toBe(false);
    expect(unknown.summary).toContain('no-such-article');
    expect(cached.answer('what did Zakharova say?', { articleId: 'no-such-article' })).toBe(unknown);
  });

  it('WHEN the cache size is 0 (the default for the engine itself) THEN every question is answered afresh', () => {
    expect(fresh.answer('who spoke about venues')).not.toBe(fresh.answer('who spoke about venues'));
    const off = createAnswerEngine(articles, { answerCacheSize: 0 });
    expect(off.answer('who spoke about venues')).not.toBe(off.answer('who spoke about venues'));
  });

  it('THEN the engine says whether it hands the same answer back (what front ends may remember with an answer)', () => {
    expect(cached.remembersAnswers).toBe(true);
    expect(fresh.remembersAnswers).toBe(false);
    expect(createAnswerEngine(articles, { answerCacheSize: 0 }).remembersAnswers).toBe(false);
  });
});

describe('GIVEN a bounded least-recently-used map', () => {
  it('THEN it never holds more than its capacity and forgets the entry used longest ago', () => {
    const lru = new LruMap<string, number>(2);
    lru.set('a', 1);
    lru.set('b', 2);
    expect(lru.get('a')).toBe(1); // "a" is now the most recent
    lru.set('c', 3);
    expect(lru.size).toBe(2);
    expect(lru.get('b')).toBeUndefined();
    expect(lru.get('a')).toBe(1);
    expect(lru.get('c')).toBe(3);
  });

  it('THEN setting a key again replaces its value without growing', () => {
    const lru = new LruMap<string, number>(2);
    lru.set('a', 1);
    lru.set('a', 2);
    expect(lru.size).toBe(1);
    expect(lru.get('a')).toBe(2);
  });

  it('WHEN its capacity is 0 THEN it keeps nothing', () => {
    const lru = new LruMap<string, number>(0);
    lru.set('a', 1);
    expect(lru.size).toBe(0);
    expect(lru.get('a')).toBeUndefined();
  });

  it('WHEN it admits on second use THEN a value asked for once is not kept, and one asked for again is', () => {
    const lru = new LruMap<string, number>(2, { admitOnSecondUse: true });
    let computed = 0;
    const compute = () => ++computed;
    expect(lru.remember('a', compute)).toBe(1);
    expect(lru.size).toBe(0);
    expect(lru.remember('a', compute)).toBe(2);
    expect(lru.size).toBe(1);
    expect(lru.remember('a', compute)).toBe(2);
    expect(computed).toBe(2);
  });

  it('WHEN it admits on second use and is full THEN a value asked for twice does not push out one asked for more often', () => {
    const lru = new LruMap<string, number>(1, { admitOnSecondUse: true });
    const compute = (key: string) => key.length;
    for (let i = 0; i < 3; i++) lru.remember('popular', compute);
    expect(lru.get('popular')).toBe(7);
    lru.remember('twice', compute);
    lru.remember('twice', compute);
    // "twice" (2 uses) loses to "popular" (3): it is computed and handed out, not kept.
    expect(lru.get('twice')).toBeUndefined();
    expect(lru.get('popular')).toBe(7);
    lru.remember('twice', compute);
    lru.remember('twice', compute);
    // Now asked for more often than "popular": it takes its place.
    expect(lru.get('twice')).toBe(5);
    expect(lru.get('popular')).toBeUndefined();
  });

  it('WHEN it admits on second use THEN what it counts stays bounded, however many keys are asked for', () => {
    const lru = new LruMap<string, number>(4, { admitOnSecondUse: true });
    for (let i = 0; i < 10_000; i++) lru.remember(`key-${i}`, () => i);
    expect(lru.size).toBe(0);
    expect(lru.counted).toBeLessThanOrEqual(4 * 8);
  });
});
