import type { Article } from '../data/schema.js';
import { createAnswerEngine, type EngineOptions } from '../engine/index.js';
import { LruMap } from '../engine/lru.js';
import type { Logger } from '../logger.js';
import type { ServerArticleStore } from '../store/server-article-store.js';
import type { KnowledgeBase, KnowledgeSource, ServerScopedSource } from './knowledge-base.js';

export interface ServerKnowledgeOptions {
  logger: Logger;
  engineOptions?: EngineOptions;
  /** Servers whose engines are kept built (least recently asked go first); default 100. */
  maxServers?: number;
  /** A store call slower than this counts as failed, so a question is still answered well within Discord's 3 s; default 1000. */
  storeTimeoutMs?: number;
}

interface Built {
  shared: KnowledgeBase;
  revision: number;
  knowledge: KnowledgeBase;
}

/**
 * Each server's knowledge: the shared articles (bundled or ARTICLES_DIR, reloaded as they change)
 * plus the articles that server's admins added. A server's engine is built when first asked and
 * kept while both its inputs stand: the shared generation (a reload makes a new one) and the
 * store's revision for the server (any instance's add or remove changes it). Anything else builds
 * a new engine, so its answer cache, router and autocomplete never hold a removed article or miss
 * an added one. A store that fails answers from the shared articles, and says so in the log.
 */
export class ServerKnowledge implements ServerScopedSource {
  private readonly built: LruMap<string, Built>;
  private readonly building = new Map<string, Promise<KnowledgeBase>>();

  constructor(
    private readonly shared: KnowledgeSource,
    private readonly store: ServerArticleStore,
    private readonly options: ServerKnowledgeOptions,
  ) {
    this.built = new LruMap(options.maxServers ?? 100);
  }

  current(): KnowledgeBase {
    return this.shared.current();
  }

  async forServer(guildId: string): Promise<KnowledgeBase> {
    const shared = this.shared.current();
    let revision: number;
    try {
      revision = await this.withinTime(this.store.revision(guildId));
    } catch (error) {
      return this.storeFailed(error, guildId, shared);
    }
    const kept = this.built.get(guildId);
    if (kept && kept.shared === shared && kept.revision === revision) return kept.knowledge;
    // Concurrent questions from one server wait for one build.
    const key = `${guildId}\u0000${shared.generation}\u0000${revision}`;
    let build = this.building.get(key);
    if (!build) {
      build = this.build(guildId, shared, revision).finally(() => this.building.delete(key));
      this.building.set(key, build);
    }
    return build;
  }

  private async build(guildId: string, shared: KnowledgeBase, revision: number): Promise<KnowledgeBase> {
    let own: Article[];
    try {
      own = await this.withinTime(this.store.list(guildId));
    } catch (error) {
      return this.storeFailed(error, guildId, shared);
    }
    const sharedIds = new Set(shared.articles.map((a) => a.id));
    const hidden = own.filter((a) => sharedIds.has(a.id)).map((a) => a.id);
    if (hidden.length > 0) this.options.logger.warn({ guild: guildId, ids: hidden }, 'a server article has the id of a shared article; the shared one is served');
    const added = own.filter((a) => !sharedIds.has(a.id));
    const started = performance.now();
    const combined = [...shared.articles, ...added];
    const engine = added.length === 0 ? shared.engine : createAnswerEngine(combined, this.options.engineOptions);
    const articles = added.length === 0 ? shared.articles : combined;
    const knowledge: KnowledgeBase = Object.freeze({ generation: shared.generation, engine, articles, server: Object.freeze({ guildId, revision }) });
    this.built.set(guildId, { shared, revision, knowledge });
    this.options.logger.info({ guild: guildId, revision, generation: shared.generation, serverArticles: added.length, ms: Math.round(performance.now() - started) }, 'server knowledge built');
    return knowledge;
  }

  private withinTime<T>(work: Promise<T>): Promise<T> {
    const ms = this.options.storeTimeoutMs ?? 1000;
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(new Error(`the server article store did not answer within ${ms} ms`)), ms);
    });
    return Promise.race([work, late]).finally(() => clearTimeout(timer));
  }

  private storeFailed(error: unknown, guildId: string, shared: KnowledgeBase): KnowledgeBase {
    this.options.logger.error({ err: error, guild: guildId, generation: shared.generation }, "could not read the server's articles; answering from the shared articles");
    return shared;
  }
}
