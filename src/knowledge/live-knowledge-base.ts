import type { Article } from '../data/schema.js';
import { createAnswerEngine, type EngineOptions } from '../engine/index.js';
import type { KnowledgeBase, KnowledgeSource } from './knowledge-base.js';

/** What one swap changed, by article id. */
export interface Swap {
  generation: number;
  articles: number;
  added: string[];
  /** Same id, another version (a new `Article` object). */
  changed: string[];
  removed: string[];
  /** How long building the new engine took. */
  buildMs: number;
}

/** Why an update did not swap: nothing changed, or it would leave no article to answer from. */
export type NoSwap = { swapped: false; reason: 'unchanged' | 'empty' };

/**
 * The knowledge base the bot answers from while articles come and go. Each source (the articles
 * directory today; server-curated articles later) hands over its whole current list; the articles
 * of every source, first of each id, get a new engine, and the generation, engine and articles
 * are replaced in one assignment. A reader holds the generation it got for as long as it needs:
 * an answer never mixes two. A new engine also means a new answer cache, router and autocomplete,
 * so nothing of a removed or changed article outlives the swap.
 */
export class LiveKnowledgeBase implements KnowledgeSource {
  private knowledge: KnowledgeBase;
  private readonly sources = new Map<string, readonly Article[]>();
  private readonly listeners = new Set<(knowledge: KnowledgeBase, swap: Swap) => void>();

  constructor(
    source: string,
    articles: readonly Article[],
    private readonly engineOptions: EngineOptions = {},
  ) {
    if (articles.length === 0) throw new Error('a knowledge base needs at least one article');
    this.sources.set(source, articles);
    const all = this.union();
    this.knowledge = Object.freeze({ generation: 1, engine: createAnswerEngine(all, engineOptions), articles: all });
  }

  current(): KnowledgeBase {
    return this.knowledge;
  }

  /**
   * Replaces one source's articles. Swaps in a new generation when the union changed; keeps the
   * current one when nothing changed, or when no article would be left (see README, "Adding,
   * changing and removing articles while the bot runs").
   */
  update(source: string, articles: readonly Article[]): ({ swapped: true } & Swap) | NoSwap {
    const before = this.knowledge;
    const previous = this.sources.get(source);
    this.sources.set(source, articles);
    const all = this.union();
    if (all.length === 0) {
      if (previous) this.sources.set(source, previous);
      else this.sources.delete(source);
      return { swapped: false, reason: 'empty' };
    }
    if (all.length === before.articles.length && all.every((article, i) => article === before.articles[i])) return { swapped: false, reason: 'unchanged' };
    const started = performance.now();
    const engine = createAnswerEngine(all, this.engineOptions);
    const buildMs = Math.round(performance.now() - started);
    this.knowledge = Object.freeze({ generation: before.generation + 1, engine, articles: all });
    const swap = { generation: this.knowledge.generation, articles: all.length, ...difference(before.articles, all), buildMs };
    for (const listener of this.listeners) listener(this.knowledge, swap);
    return { swapped: true, ...swap };
  }

  /** Called after every swap (logging, the sharding manager, tests). */
  onSwap(listener: (knowledge: KnowledgeBase, swap: Swap) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private union(): Article[] {
    const byId = new Map<string, Article>();
    for (const articles of this.sources.values()) for (const article of articles) if (!byId.has(article.id)) byId.set(article.id, article);
    return [...byId.values()];
  }
}

function difference(before: readonly Article[], after: readonly Article[]): Pick<Swap, 'added' | 'changed' | 'removed'> {
  const old = new Map(before.map((a) => [a.id, a]));
  const now = new Set(after.map((a) => a.id));
  return {
    added: after.filter((a) => !old.has(a.id)).map((a) => a.id),
    changed: after.filter((a) => old.has(a.id) && old.get(a.id) !== a).map((a) => a.id),
    removed: before.filter((a) => !now.has(a.id)).map((a) => a.id),
  };
}
