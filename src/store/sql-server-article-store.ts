import { randomBytes } from 'node:crypto';
import { parseArticle } from '../data/load.js';
import type { Article } from '../data/schema.js';
import type { Database, Queryable } from './database.js';
import type { ServerArticleStore } from './server-article-store.js';

export interface SqlServerArticleStoreOptions {
  /** How long a previewed article waits for Add or Cancel (default 15 minutes, as long as Discord keeps an interaction's token). */
  stageTtlMs?: number;
  /** Milliseconds since 1970; tests inject their own. */
  now?: () => number;
  /** A stored article that no longer passes verification is left out of list(), and said here. */
  onUnreadable?: (guildId: string, articleId: string, problem: string) => void;
}

type ArticleRow = { article_id: string; data: unknown; body: string };

/** ServerArticleStore over the database: each method one transaction, so a killed process leaves whole writes only. */
export class SqlServerArticleStore implements ServerArticleStore {
  private readonly stageTtlMs: number;
  private readonly now: () => number;

  constructor(
    private readonly db: Database,
    private readonly options: SqlServerArticleStoreOptions = {},
  ) {
    this.stageTtlMs = options.stageTtlMs ?? 15 * 60_000;
    this.now = options.now ?? Date.now;
  }

  async list(guildId: string): Promise<Article[]> {
    const rows = await this.db.query<ArticleRow>('SELECT article_id, data, body FROM server_articles WHERE guild_id = $1 ORDER BY position', [guildId]);
    return rows.flatMap((row) => {
      try {
        return [fromRow(row, `server ${guildId}, article ${row.article_id}`)];
      } catch (error) {
        this.options.onUnreadable?.(guildId, row.article_id, error instanceof Error ? error.message : String(error));
        return [];
      }
    });
  }

  async revision(guildId: string): Promise<number> {
    const [row] = await this.db.query<{ revision: number }>('SELECT revision::int AS revision FROM server_revisions WHERE guild_id = $1', [guildId]);
    return row?.revision ?? 0;
  }

  async stage(guildId: string, article: Article): Promise<string> {
    const key = randomBytes(12).toString('base64url');
    const { text, ...data } = article;
    await this.db.transaction(async (tx) => {
      // Expired previews go as new ones come: the table holds only what may still be confirmed.
      await tx.query('DELETE FROM staged_articles WHERE expires_at <= $1', [this.now()]);
      await tx.query('INSERT INTO staged_articles (key, guild_id, data, body, expires_at) VALUES ($1, $2, $3::jsonb, $4, $5)', [
        key,
        guildId,
        JSON.stringify(data),
        text,
        this.now() + this.stageTtlMs,
      ]);
    });
    return key;
  }

  async confirm(guildId: string, key: string): Promise<Article | undefined> {
    return this.db.transaction(async (tx) => {
      const [row] = await tx.query<ArticleRow>(
        'DELETE FROM staged_articles WHERE key = $1 AND guild_id = $2 AND expires_at > $3 RETURNING data->>\'id\' AS article_id, data, body',
        [key, guildId, this.now()],
      );
      if (!row) return undefined;
      const article = fromRow(row, `staged article ${row.article_id}`);
      await tx.query('DELETE FROM server_articles WHERE guild_id = $1 AND article_id = $2', [guildId, article.id]);
      await tx.query('INSERT INTO server_articles (guild_id, article_id, data, body, added_at) VALUES ($1, $2, $3::jsonb, $4, $5)', [
        guildId,
        article.id,
        JSON.stringify(row.data),
        row.body,
        this.now(),
      ]);
      await bumpRevision(tx, guildId);
      return article;
    });
  }

  async cancel(guildId: string, key: string): Promise<boolean> {
    const rows = await this.db.query('DELETE FROM staged_articles WHERE key = $1 AND guild_id = $2 RETURNING key', [key, guildId]);
    return rows.length > 0;
  }

  async remove(guildId: string, articleId: string): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const rows = await tx.query('DELETE FROM server_articles WHERE guild_id = $1 AND article_id = $2 RETURNING article_id', [guildId, articleId]);
      if (rows.length === 0) return false;
      await bumpRevision(tx, guildId);
      return true;
    });
  }

  /** Drops previews nobody confirmed in time (also done as new ones are staged). */
  async purgeExpiredStages(): Promise<number> {
    return (await this.db.query('DELETE FROM staged_articles WHERE expires_at <= $1 RETURNING key', [this.now()])).length;
  }
}

async function bumpRevision(tx: Queryable, guildId: string): Promise<void> {
  await tx.query(
    'INSERT INTO server_revisions (guild_id, revision) VALUES ($1, 1) ON CONFLICT (guild_id) DO UPDATE SET revision = server_revisions.revision + 1',
    [guildId],
  );
}

/** A stored article, verified again as a file would be (quotes verbatim in its text). */
function fromRow(row: ArticleRow, label: string): Article {
  return parseArticle(JSON.stringify(row.data), label, () => row.body);
}
