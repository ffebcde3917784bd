import { randomUUID } from 'node:crypto';
import type { Article } from '../../src/data/schema.js';
import type { ServerArticleStore } from '../../src/store/server-article-store.js';

/**
 * The one place tests get a ServerArticleStore from. Today an in-memory store that keeps the
 * interface's promises (staged keys per server, expiry, a revision that moves on every change);
 * at merge it opens the real database instead, and every test using it runs against that.
 */
export async function openTestServerArticleStore(): Promise<ServerArticleStore & { close(): Promise<void> }> {
  return new InMemoryServerArticleStore();
}

/** How long a previewed article waits for Add (Discord's interaction token lasts 15 minutes). */
const STAGED_TTL_MS = 15 * 60 * 1000;

class InMemoryServerArticleStore implements ServerArticleStore {
  private readonly articles = new Map<string, Article[]>();
  private readonly revisions = new Map<string, number>();
  private readonly staged = new Map<string, { guildId: string; article: Article; expires: number }>();
  private closed = false;

  async list(guildId: string): Promise<Article[]> {
    this.open();
    return [...(this.articles.get(guildId) ?? [])];
  }

  async revision(guildId: string): Promise<number> {
    this.open();
    return this.revisions.get(guildId) ?? 0;
  }

  async stage(guildId: string, article: Article): Promise<string> {
    this.open();
    const key = randomUUID();
    this.staged.set(key, { guildId, article, expires: Date.now() + STAGED_TTL_MS });
    return key;
  }

  async confirm(guildId: string, key: string): Promise<Article | undefined> {
    this.open();
    const staged = this.takeStaged(guildId, key);
    if (!staged) return undefined;
    const kept = (this.articles.get(guildId) ?? []).filter((a) => a.id !== staged.id);
    this.articles.set(guildId, [...kept, staged]);
    this.bump(guildId);
    return staged;
  }

  async cancel(guildId: string, key: string): Promise<boolean> {
    this.open();
    return this.takeStaged(guildId, key) !== undefined;
  }

  async remove(guildId: string, articleId: string): Promise<boolean> {
    this.open();
    const before = this.articles.get(guildId) ?? [];
    const after = before.filter((a) => a.id !== articleId);
    if (after.length === before.length) return false;
    this.articles.set(guildId, after);
    this.bump(guildId);
    return true;
  }

  async close(): Promise<void> {
    this.closed = true;
  }

  private takeStaged(guildId: string, key: string): Article | undefined {
    const staged = this.staged.get(key);
    if (!staged || staged.guildId !== guildId) return undefined;
    this.staged.delete(key);
    return staged.expires > Date.now() ? staged.article : undefined;
  }

  private bump(guildId: string): void {
    this.revisions.set(guildId, (this.revisions.get(guildId) ?? 0) + 1);
  }

  private open(): void {
    if (this.closed) throw new Error('the server article store is closed');
  }
}
