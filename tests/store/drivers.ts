import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import pg from 'pg';
import type { Database } from '../../src/store/database.js';
import { openDatabase } from '../../src/store/open-database.js';

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
    const dataDir = mkdtempSync(join(tmpdir(), 'store-'));
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

/** A Postgres-wire server on loopback, backed by an in-memory PGlite. */
export async function startWireServer(): Promise<{ url: string; stop: () => Promise<void> }> {
  const pglite = await PGlite.create();
  const server = new PGLiteSocketServer({ db: pglite, port: 0, host: '127.0.0.1', maxConnections: 20 });
  await server.start();
  return {
    url: `postgres://bot:wire-secret-pw@${server.getServerConn()}/postgres`,
    stop: async () => {
      await server.stop();
      await pglite.close();
    },
  };
}

const wire: Driver = {
  name: 'pg over the Postgres wire (pglite-socket)',
  async start() {
    const server = await startWireServer();
    const opened: Database[] = [];
    const open = async () => {
      const db = await openDatabase({ dataDir: '/nonexistent-unused', databaseUrl: server.url });
      opened.push(db);
      return db;
    };
    const db = await open();
    return {
      db,
      second: open,
      stop: async () => {
        for (const d of opened) await d.close();
        await server.stop();
      },
    };
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
    const opened: Database[] = [];
    const open = async () => {
      const db = await openDatabase({ dataDir: '/nonexistent-unused', databaseUrl: url });
      opened.push(db);
      return db;
    };
    const db = await open();
    return {
      db,
      second: open,
      stop: async () => {
        for (const d of opened) await d.close();
      },
    };
  },
};

export const DRIVERS: Driver[] = [embedded, wire, ...(REAL_POSTGRES_URL ? [real] : [])];
