/**
 * The one small query interface both engines sit behind: the embedded PGlite and a Postgres server
 * speak the same SQL, so every store is written once. Parameters are `$1, $2, …`; JSON goes in as
 * text cast with `::jsonb`; counts come back cast to `::int` so both drivers return numbers.
 */
export interface Queryable {
  query<Row extends object>(sql: string, params?: readonly unknown[]): Promise<Row[]>;
  /** Runs several statements with no parameters (a migration step). */
  script(sql: string): Promise<void>;
}

export interface Database extends Queryable {
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /** Where the data lives, for logs and errors; never carries a password. */
  readonly description: string;
}

/** The database could not be opened or prepared; the message names where it is and what to do. */
export class DatabaseError extends Error {
  override name = 'DatabaseError';
}

/** An error's message without any stack, for wrapping a driver's error into one line. */
export function reasonOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0]?.trim() || 'unknown error';
}
