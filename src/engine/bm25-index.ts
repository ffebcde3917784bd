/**
 * A compact BM25+ index over documents of a few fields each: the postings of a term are two typed
 * arrays, and a search adds scores into one array the index keeps, so a search allocates almost
 * nothing however many documents a common term is in. The scoring is MiniSearch's (BM25+ with
 * k 1.2, b 0.7, d 0.5, per field, weighted by the field's boost, then times the number of query
 * terms a document matched), which the router was tuned with.
 */

const K = 1.2;
const B = 0.7;
const D = 0.5;

interface Postings {
  docs: Int32Array;
  frequencies: Uint16Array;
}

export interface Hit {
  id: number;
  score: number;
}

export interface WeightedTerm {
  term: string;
  /** Multiplies the term's score (a corrected typo counts for less). */
  boost: number;
}

export class Bm25Index {
  private readonly termIds = new Map<string, number>();
  /** While documents are added: per field, per term id, the documents and how often the term is in each. */
  private building: { docs: number[][]; frequencies: number[][] }[] | null;
  private postings: (Postings | undefined)[][] = [];
  private readonly lengths: number[][];
  private fieldLengths: Uint16Array[] = [];
  private averageLengths: number[] = [];
  private count = 0;
  /** Per document while searching: its score, how many query terms it matched, and the last term that did. */
  private scores = new Float64Array(0);
  private matched = new Uint16Array(0);
  private lastTerm = new Int32Array(0);
  /** Scratch kept between searches: the documents a search touched, their final scores, and a copy to sort. */
  private touched = new Int32Array(0);
  private finals = new Float64Array(0);
  private sortable = new Float64Array(0);

  constructor(private readonly boosts: readonly number[]) {
    this.building = boosts.map(() => ({ docs: [], frequencies: [] }));
    this.lengths = boosts.map(() => []);
  }

  get documentCount(): number {
    return this.count;
  }

  /** Adds a document (its terms per field, in the order of the boosts); its id is the number of documents added before it. */
  add(fields: readonly (readonly string[])[]): number {
    const building = this.building;
    if (!building) throw new Error('Bm25Index: add after seal');
    const id = this.count++;
    fields.forEach((terms, f) => {
      const field = building[f];
      if (!field) return;
      this.lengths[f]?.push(terms.length);
      const inDoc = new Map<number, number>();
      for (const term of terms) {
        let termId = this.termIds.get(term);
        if (termId === undefined) {
          termId = this.termIds.size;
          this.termIds.set(term, termId);
        }
        inDoc.set(termId, (inDoc.get(termId) ?? 0) + 1);
      }
      for (const [termId, frequency] of inDoc) {
        (field.docs[termId] ??= []).push(id);
        (field.frequencies[termId] ??= []).push(Math.min(frequency, 0xffff));
      }
    });
    for (let f = fields.length; f < this.boosts.length; f++) this.lengths[f]?.push(0);
    return id;
  }

  /** Turns the postings into typed arrays; no document can be added after. */
  seal(): void {
    const building = this.building;
    if (!building) return;
    this.postings = building.map((field) => field.docs.map((docs, termId) => (docs ? { docs: Int32Array.from(docs), frequencies: Uint16Array.from(field.frequencies[termId] ?? []) } : undefined)));
    this.fieldLengths = this.lengths.map((list) => Uint16Array.from(list, (n) => Math.min(n, 0xffff)));
    this.averageLengths = this.lengths.map((list) => list.reduce((sum, n) => sum + n, 0) / Math.max(1, list.length));
    this.lengths.forEach((list) => (list.length = 0));
    this.building = null;
    this.scores = new Float64Array(this.count);
    this.matched = new Uint16Array(this.count);
    this.lastTerm = new Int32Array(this.count);
    this.touched = new Int32Array(this.count);
    this.finals = new Float64Array(this.count);
    this.sortable = new Float64Array(this.count);
  }

  /** The best `limit` documents for the terms, best first (ties: the earlier document). */
  search(query: readonly WeightedTerm[], limit: number): Hit[] {
    this.seal();
    const { scores, matched, lastTerm, touched } = this;
    let touchedCount = 0;
    query.forEach(({ term, boost }, q) => {
      const termId = this.termIds.get(term);
      if (termId === undefined) return;
      this.postings.forEach((field, f) => {
        const postings = field[termId];
        if (!postings) return;
        const fieldBoost = (this.boosts[f] ?? 1) * boost;
        const n = postings.docs.length;
        const idf = Math.log(1 + (this.count - n + 0.5) / (n + 0.5));
        const lengths = this.fieldLengths[f] as Uint16Array;
        const norm = K / (this.averageLengths[f] || 1);
        for (let i = 0; i < n; i++) {
          const doc = postings.docs[i] as number;
          const tf = postings.frequencies[i] as number;
          const score = fieldBoost * idf * (D + (tf * (K + 1)) / (tf + K * (1 - B) + B * norm * (lengths[doc] as number)));
          if (matched[doc] === 0) touched[touchedCount++] = doc;
          scores[doc] = (scores[doc] as number) + score;
          if (lastTerm[doc] !== q + 1) {
            lastTerm[doc] = q + 1;
            matched[doc] = (matched[doc] as number) + 1;
          }
        }
      });
    });
    const finals = this.finals;
    for (let i = 0; i < touchedCount; i++) {
      const doc = touched[i] as number;
      finals[i] = (scores[doc] as number) * (matched[doc] as number);
      scores[doc] = 0;
      matched[doc] = 0;
      lastTerm[doc] = 0;
    }
    // Only the best `limit` are sorted: a typed array's own sort (of a kept copy) finds the score they must reach.
    let threshold = -Infinity;
    if (touchedCount > limit) {
      const sorted = this.sortable.subarray(0, touchedCount);
      sorted.set(finals.subarray(0, touchedCount));
      threshold = sorted.sort()[touchedCount - limit] as number;
    }
    const hits: Hit[] = [];
    for (let i = 0; i < touchedCount; i++) {
      const score = finals[i] as number;
      if (score >= threshold) hits.push({ id: touched[i] as number, score });
    }
    return hits.sort((a, b) => b.score - a.score || a.id - b.id).slice(0, limit);
  }
}
