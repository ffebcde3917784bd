import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import pg from 'pg';
import type { Database } from '../../src/store/database.js';
import { EMBEDDED_DIR_NAME } from '../../src/store/embedded-database.js';
import { openDatabase } from '../../src/store/open-database.js';
import { freshDataDir } from '../support/data-dir.js';

/**
 * The engines every store test runs on: the embedded PGlite in a temporary directory; `pg`
 * against PGlite served over the Postgres wire protocol on 127.0.0.1 (pglite-socket), so the
 * Postgres code path runs in CI with no server; and a real Postgres server when
 * TEST_DATABASE_URL names one (its public schema is emptied first: use a throw-away database).
 */
/** Creating a database (PGlite's initdb) takes seconds, more on a busy machine. */
export const STARTUP_TIMEOUT_MS = 90_000;

export interface Driver {
  name: string;
  /** A fresh, migrated, empty database; `second()` opens another connection to the same store (as another instance would). */
  start(): Promise<Started>;
}

export interface Started {
  db: Database;
  /** Another instance on the same store; undefined where the engine serves one process only (embedded). */
  second?: () => Promise<Database>;
  stop(): Promise<void>;
}

const embedded: Driver = {
  name: 'embedded (PGlite)',
  async start() {
    const dataDir = freshDataDir();
    const db = await openDatabase({ dataDir });
    return {
      db,
      stop: async () => {
        await db.close();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  },
};

/** A Postgres-wire server on loopback, backed by a PGlite in a copy of the run's template (creating one from nothing costs seconds). */
export async function startWireServer(): Promise<{ url: string; stop: () => Promise<void> }> {
  const dataDir = freshDataDir();
  const pglite = await PGlite.create(join(dataDir, EMBEDDED_DIR_NAME));
  const server = new PGLiteSocketServer({ db: pglite, port: 0, host: '127.0.0.1', maxConnections: 20 });
  await server.start();
  return {
    url: `postgres://bot:wire-secret-pw@${server.getServerConn()}/postgres`,
    stop: async () => {
      await server.stop();
      await pglite.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Instances of the store on one Postgres server at `url`: the first, and more on demand, all closed by stop(). */
async function onServer(url: string, stopServer: () => Promise<void>): Promise<Started> {
  const opened: Database[] = [];
  const open = async () => {
    const db = await openDatabase({ dataDir: '/nonexistent-unused', databaseUrl: url });
    opened.push(db);
    return db;
  };
  return {
    db: await open(),
    second: open,
    stop: async () => {
      for (const d of opened) await d.close();
      await stopServer();
    },
  };
}

const wire: Driver = {
  name: 'pg over the Postgres wire (pglite-socket)',
  async start() {
    const server = await startWireServer();
    return onServer(server.url, server.stop);
  },
};

/** TEST_DATABASE_URL, when given: a real Postgres server (e.g. postgres://postgres:pw@127.0.0.1:5432/bot_test). */
export const REAL_POSTGRES_URL = process.env.TEST_DATABASE_URL || undefined;

const real: Driver = {
  name: 'pg against a real Postgres server (TEST_DATABASE_URL)',
  async start() {
    const url = REAL_POSTGRES_URL as string;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public');
    await admin.end();
    return onServer(url, async () => undefined);
  },
};

export const DRIVERS: Driver[] = [embedded, wire, ...(REAL_POSTGRES_URL ? [real] : [])];
