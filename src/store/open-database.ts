import { DatabaseError, reasonOf, type Database } from './database.js';
import { openEmbeddedDatabase } from './embedded-database.js';
import { migrate } from './migrations.js';
import { openPostgresDatabase } from './postgres-database.js';

export interface DatabaseLocation {
  /** DATA_DIR: where the embedded database lives when no server is given. */
  dataDir: string;
  /** DATABASE_URL: a Postgres server, shared by every instance that names it. */
  databaseUrl?: string | undefined;
}

/** Opens the configured database and brings its schema up to date; any failure is a DatabaseError saying what to do. */
export async function openDatabase(location: DatabaseLocation): Promise<Database> {
  const db = location.databaseUrl ? await openPostgresDatabase(location.databaseUrl) : await openEmbeddedDatabase(location.dataDir);
  try {
    await migrate(db);
  } catch (error) {
    await db.close().catch(() => undefined);
    if (error instanceof DatabaseError) throw error;
    throw new DatabaseError(`could not prepare the schema of ${db.description} (${reasonOf(error)}); restore it from a backup, or start with an empty database`);
  }
  return db;
}
