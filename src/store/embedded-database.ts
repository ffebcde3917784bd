import { closeSync, mkdirSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { DatabaseError, reasonOf, type Database, type Queryable } from './database.js';

/** The embedded database's files, inside the data directory. */
export const EMBEDDED_DIR_NAME = 'pglite';
/** Held while a process has the embedded database open: PGlite is single-process, and two writers would corrupt it. */
const LOCK_NAME = 'pglite.lock';

/**
 * Opens (creating when missing) the embedded Postgres (PGlite) under `dataDir`. A directory that
 * cannot be created or read, one another live process holds, or files PGlite cannot start from
 * each give a DatabaseError naming the path and what to do.
 */
export async function openEmbeddedDatabase(dataDir: string): Promise<Database> {
  const root = resolve(dataDir);
  const dir = join(root, EMBEDDED_DIR_NAME);
  try {
    mkdirSync(dir, { recursive: true });
    if (!statSync(dir).isDirectory()) throw new Error('not a directory');
  } catch (error) {
    throw new DatabaseError(`cannot use the data directory ${dir} (${reasonOf(error)}); set DATA_DIR to a writable directory`);
  }
  const releaseLock = takeLock(join(root, LOCK_NAME), dir);
  let db: PGlite;
  try {
    db = await PGlite.create(dir);
    await db.query('SELECT 1');
  } catch (error) {
    releaseLock();
    throw new DatabaseError(
      `the database in ${dir} cannot be opened (${reasonOf(error)}); restore it from a backup, or move the directory aside to start with an empty database`,
    );
  }
  const asQueryable = (runner: Pick<PGlite, 'query' | 'exec'>): Queryable => ({
    query: async <Row extends object>(sql: string, params: readonly unknown[] = []) => (await runner.query<Row>(sql, [...params])).rows,
    script: async (sql: string) => void (await runner.exec(sql)),
  });
  return {
    description: `embedded database in ${dir}`,
    ...asQueryable(db),
    transaction: (work) => db.transaction((tx) => work(asQueryable(tx))),
    close: async () => {
      await db.close();
      releaseLock();
    },
  };
}

/** A lock file holding our pid; one left by a process that is gone is taken over. */
function takeLock(path: string, dir: string): () => void {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(path, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw new DatabaseError(`cannot write the lock file ${path} (${reasonOf(error)}); set DATA_DIR to a writable directory`);
      const holder = Number(readFileSync(path, 'utf8').trim());
      if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && isAlive(holder)) {
        throw new DatabaseError(
          `the database in ${dir} is in use by process ${holder}; stop it first (the embedded database serves one process; set DATABASE_URL to share a Postgres server)`,
        );
      }
      rmSync(path, { force: true });
    }
  }
  throw new DatabaseError(`cannot take the lock file ${path}; remove it if no bot is running`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
