import pg from 'pg';
import { DatabaseError, reasonOf, type Database, type Queryable } from './database.js';

/** "Postgres at host:5432/name": a connection string as logs and errors may show it, with no user or password. */
export function describePostgres(url: string): string {
  try {
    const parsed = new URL(url);
    return `Postgres at ${parsed.hostname}${parsed.port ? `:${parsed.port}` : ''}${parsed.pathname}`;
  } catch {
    return 'Postgres (DATABASE_URL)';
  }
}

/** Opens a connection pool to DATABASE_URL and checks it answers; errors name the server, never the password. */
export async function openPostgresDatabase(url: string, options: { maxConnections?: number } = {}): Promise<Database> {
  const description = describePostgres(url);
  const password = passwordOf(url);
  const scrub = (text: string) => (password ? text.split(password).join('[REDACTED]') : text);
  const pool = new pg.Pool({ connectionString: url, max: options.maxConnections ?? 5, connectionTimeoutMillis: 10_000 });
  // An idle connection the server dropped is replaced by the pool; the error must not end the process.
  pool.on('error', () => undefined);
  try {
    await pool.query('SELECT 1');
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw new DatabaseError(`cannot connect to ${description} (${scrub(reasonOf(error))}); check DATABASE_URL and that the server is running`);
  }
  const asQueryable = (runner: Pick<pg.Pool, 'query'> | pg.PoolClient): Queryable => ({
    query: async <Row extends object>(sql: string, params: readonly unknown[] = []) => (await runner.query<Row & pg.QueryResultRow>(sql, [...params])).rows,
    // Without parameters, pg sends the simple protocol, which takes several statements.
    script: async (sql: string) => void (await runner.query(sql)),
  });
  return {
    description,
    ...asQueryable(pool),
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work(asQueryable(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

function passwordOf(url: string): string | undefined {
  try {
    return decodeURIComponent(new URL(url).password) || undefined;
  } catch {
    return undefined;
  }
}
