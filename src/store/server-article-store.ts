import type { Article } from '../data/schema.js';

/**
 * The articles a server's admins added from Discord, kept in the database (issue 14). The Discord
 * layer (`/article add|remove|list`, the preview's Add/Cancel buttons) and the per-server knowledge
 * base depend only on this interface; `src/store` implements it over the embedded database or
 * Postgres. Every method is one transaction: a process killed mid-call leaves the old state or the
 * new one, never half of either.
 *
 * The database implementation is SqlServerArticleStore (sql-server-article-store.ts), opened once
 * per process by openStores() (stores.ts) as `stores.serverArticles`: stage keys are 16 URL-safe
 * characters (room for them in a button's custom id), a stage expires after 15 minutes, and list()
 * verifies every stored article again as the loader verifies a file (a row that fails is left out
 * and logged, never served).
 */
export interface ServerArticleStore {
  /** The articles this server added, oldest first. */
  list(guildId: string): Promise<Article[]>;
  /**
   * A number that changes whenever this server's articles change, by any process sharing the
   * store: an instance compares it with the one its per-server engine was built from.
   */
  revision(guildId: string): Promise<number>;
  /**
   * Keeps an article an admin previewed but has not confirmed; returns the key the Add and Cancel
   * buttons carry. A staged article is not answered from, and expires if never confirmed.
   */
  stage(guildId: string, article: Article): Promise<string>;
  /** Moves a staged article into the server's articles (replacing one with the same id); undefined when the key is unknown, expired, cancelled or another server's. */
  confirm(guildId: string, key: string): Promise<Article | undefined>;
  /** Drops a staged article; false when there was none under that key for this server. */
  cancel(guildId: string, key: string): Promise<boolean>;
  /** Removes one of the server's articles; false when it has none with that id. */
  remove(guildId: string, articleId: string): Promise<boolean>;
}
