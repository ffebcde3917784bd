import MiniSearch from 'minisearch';
import { MAX_FUZZY_EDITS, MAX_FUZZY_WORD_LENGTH, MAX_FUZZY_WORDS } from './limits.js';
import { terms } from './text.js';

export interface PassageHit<T> {
  doc: T;
  score: number;
  /** Share of the query's distinct terms that the passage contains (0-1). */
  coverage: number;
  matchedTerms: string[];
}

/**
 * BM25 ranking (MiniSearch's BM25+) over short passages, with the same term processing as the
 * question, so "negotiations" finds "negotiate" and one typo in a long word is forgiven.
 */
export class PassageIndex<T> {
  private readonly search: MiniSearch<{ id: number; text: string }>;
  /** Every term the passages use: a term among them is spelled right, and only the others are matched fuzzily. */
  private readonly vocabulary = new Set<string>();

  constructor(
    private readonly docs: readonly T[],
    textOf: (doc: T) => string,
  ) {
    // Passages are turned into terms once, here; the index splits the joined terms again.
    this.search = new MiniSearch<{ id: number; text: string }>({
      fields: ['text'],
      tokenize: (text) => text.split(' ').filter(Boolean),
      processTerm: (term) => term,
      searchOptions: { prefix: false, maxFuzzy: MAX_FUZZY_EDITS },
    });
    const passages = docs.map((doc, id) => {
      const passageTerms = terms(textOf(doc));
      for (const term of passageTerms) this.vocabulary.add(term);
      return { id, text: passageTerms.join(' ') };
    });
    this.search.addAll(passages);
  }

  /** Passages best first; `queryTerms` are already-processed terms (see `terms`). */
  find(queryTerms: string[], options: { filter?: (doc: T) => boolean; boost?: (doc: T) => number } = {}): PassageHit<T>[] {
    const { filter, boost } = options;
    const distinct = [...new Set(queryTerms)];
    if (distinct.length === 0) return [];
    // A known word is not also a typo of another ("venue" is not "venues" misspelt): that is the stemmer's job.
    // Of the unknown words, only the first few of plausible length are matched fuzzily.
    const fuzzy = new Set(distinct.filter((term) => term.length >= 6 && term.length <= MAX_FUZZY_WORD_LENGTH && !this.vocabulary.has(term)).slice(0, MAX_FUZZY_WORDS));
    const results = this.search.search(distinct.join(' '), {
      fuzzy: (term) => (fuzzy.has(term) ? 0.2 : false),
      filter: filter ? (result) => filter(this.docAt(result.id)) : undefined,
      boostDocument: boost ? (id) => boost(this.docAt(id)) : undefined,
    });
    return results.map((result) => ({
      doc: this.docAt(result.id),
      score: result.score,
      coverage: new Set(result.queryTerms).size / distinct.length,
      matchedTerms: result.queryTerms,
    }));
  }

  private docAt(id: unknown): T {
    const doc = this.docs[Number(id)];
    if (doc === undefined) throw new Error(`passage index has no document ${String(id)}`);
    return doc;
  }
}
