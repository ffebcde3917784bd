import { rmSync } from 'node:fs';
import { openDatabase } from '../../src/store/open-database.js';
import type { ServerArticleStore } from '../../src/store/server-article-store.js';
import { SqlServerArticleStore } from '../../src/store/sql-server-article-store.js';
import { freshDataDir } from './data-dir.js';

/**
 * The one place tests get a ServerArticleStore from: the bot's own database store, over a fresh
 * embedded database (a copy of the run's migrated template), so every test of the per-server
 * knowledge and the /article flow runs against what production runs.
 */
export async function openTestServerArticleStore(): Promise<ServerArticleStore & { close(): Promise<void> }> {
  const dataDir = freshDataDir();
  const database = await openDatabase({ dataDir });
  const store = new SqlServerArticleStore(database);
  return Object.assign(store, {
    close: async () => {
      await database.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  });
}
