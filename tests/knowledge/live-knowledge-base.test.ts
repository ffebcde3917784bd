import { describe, expect, it } from 'vitest';
import { LiveKnowledgeBase, type Swap } from '../../src/knowledge/live-knowledge-base.js';
import type { KnowledgeBase } from '../../src/knowledge/knowledge-base.js';
import { oneQuoteArticle } from '../support/written-article.js';

/** The swap every surface reads through: one assignment, a new engine per generation, never an empty one. */

const article = (id: string, name: string, words: string) => oneQuoteArticle(id, name, words).article;

const ferry = article('island-ferry', 'Mara Holt', 'The first boat leaves at six');
const ferryChanged = article('island-ferry', 'Mara Holt', 'The first boat now leaves at seven');
const library = article('library-hours', 'Tomas Berg', 'We will open at ten every Sunday');
const quotes = (knowledge: KnowledgeBase, question: string) => knowledge.engine.answer(question).items.map((i) => i.quote);

describe('GIVEN a live knowledge base', () => {
  it('WHEN an article is added, changed and removed THEN each update swaps in a new generation, says what changed, and answers from it alone', () => {
    const live = new LiveKnowledgeBase('directory', [ferry], { answerCacheSize: 100 });
    const swaps: Swap[] = [];
    live.onSwap((_knowledge, swap) => swaps.push(swap));
    const first = live.current();
    expect(first.generation).toBe(1);
    // Remembered by generation 1's answer cache.
    expect(quotes(first, 'what did Mara Holt say?')).toEqual(['The first boat leaves at six']);

    expect(live.update('directory', [ferry, library])).toMatchObject({ swapped: true, generation: 2, added: ['library-hours'], changed: [], removed: [] });
    expect(live.update('directory', [ferryChanged, library])).toMatchObject({ swapped: true, generation: 3, added: [], changed: ['island-ferry'], removed: [] });
    const third = live.current();
    expect(quotes(third, 'what did Mara Holt say?')).toEqual(['The first boat now leaves at seven']);

    expect(live.update('directory', [library])).toMatchObject({ swapped: true, generation: 4, removed: ['island-ferry'] });
    const fourth = live.current();
    expect(fourth.engine.answer('what did Mara Holt say?').found).toBe(false);
    expect(fourth.engine.suggestSpeakers('mara').map((c) => c.value)).toEqual([]);
    expect(fourth.engine.suggestArticles('ferry').map((c) => c.value)).not.toContain('island-ferry');
    expect(swaps.map((s) => s.generation)).toEqual([2, 3, 4]);

    // A reader that took generation 1 before the swaps still answers entirely from it.
    expect(quotes(first, 'what did Mara Holt say?')).toEqual(['The first boat leaves at six']);
    expect(first.articles).toEqual([ferry]);
  });

  it('WHEN the same articles are handed over again THEN nothing is swapped', () => {
    const live = new LiveKnowledgeBase('directory', [ferry, library]);
    const before = live.current();
    expect(live.update('directory', [ferry, library])).toEqual({ swapped: false, reason: 'unchanged' });
    expect(live.current()).toBe(before);
  });

  it('WHEN the update would leave no article THEN the last good generation stays and the update says why', () => {
    const live = new LiveKnowledgeBase('directory', [ferry]);
    const before = live.current();
    expect(live.update('directory', [])).toEqual({ swapped: false, reason: 'empty' });
    expect(live.current()).toBe(before);
    expect(live.update('directory', [library])).toMatchObject({ swapped: true, generation: 2, added: ['library-hours'], removed: ['island-ferry'] });
  });

  it('WHEN a second source hands over its articles THEN they are served beside the first, through the same swap', () => {
    const live = new LiveKnowledgeBase('directory', [ferry]);
    expect(live.update('curated', [library, ferryChanged])).toMatchObject({ swapped: true, generation: 2, added: ['library-hours'], changed: [] });
    // The first source's version of an id wins.
    expect(live.current().articles).toEqual([ferry, library]);
    expect(live.update('curated', [])).toMatchObject({ swapped: true, removed: ['library-hours'] });
  });
});
