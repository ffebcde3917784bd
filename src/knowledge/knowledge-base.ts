import type { Article } from '../data/schema.js';
import type { AnswerEngine } from '../engine/index.js';

/**
 * One generation of the knowledge base: the articles and the engine built over exactly them.
 * Never changed once made; a reload makes a new one.
 */
export interface KnowledgeBase {
  /** 1 at start-up, one more at every swap; logged with each interaction and each reload. */
  readonly generation: number;
  readonly engine: AnswerEngine;
  readonly articles: readonly Article[];
  /** Set when this is one server's knowledge: the shared articles plus that server's, at this revision of the server's. */
  readonly server?: { readonly guildId: string; readonly revision: number };
}

/**
 * Where a handler gets the knowledge base. It is asked once per interaction (or message), so a
 * reply is made from one generation whatever reloads happen meanwhile.
 */
export interface KnowledgeSource {
  current(): KnowledgeBase;
}

/**
 * A source that also knows each server's own articles (added with `/article add`). Asked once per
 * interaction too; a server with none of its own gets the shared knowledge base.
 */
export interface ServerScopedSource extends KnowledgeSource {
  forServer(guildId: string): Promise<KnowledgeBase>;
}

/** The knowledge an interaction is answered from: its server's when it has a server scope and the source knows servers, else the shared one. */
export function knowledgeFor(source: KnowledgeSource, guildId: string | undefined): KnowledgeBase | Promise<KnowledgeBase> {
  return guildId !== undefined && 'forServer' in source && typeof source.forServer === 'function' ? (source as ServerScopedSource).forServer(guildId) : source.current();
}

/** A knowledge base that never changes: one engine, generation 1 (the CLI, benchmarks, tests). */
export function fixedKnowledge(engine: AnswerEngine): KnowledgeSource {
  const knowledge: KnowledgeBase = Object.freeze({ generation: 1, engine, articles: engine.articles });
  return { current: () => knowledge };
}
