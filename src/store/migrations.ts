import { DatabaseError, type Database } from './database.js';

/**
 * The schema, as numbered steps applied once each, in order, and recorded in `schema_migrations`.
 * A step is never edited after release: a change is a new step. Times are milliseconds since
 * 1970 (bigint), so the stores take them from an injected clock and compare them in SQL.
 */
export const MIGRATIONS: readonly { version: number; name: string; sql: string }[] = [
  {
    version: 1,
    name: 'server articles, votes and the unanswered-question log',
    sql: `
      CREATE TABLE settings (name text PRIMARY KEY, value text NOT NULL);
      CREATE TABLE server_articles (
        position bigint GENERATED ALWAYS AS IDENTITY,
        guild_id text NOT NULL,
        article_id text NOT NULL,
        data jsonb NOT NULL,
        body text NOT NULL,
        added_at bigint NOT NULL,
        PRIMARY KEY (guild_id, article_id)
      );
      CREATE TABLE server_revisions (guild_id text PRIMARY KEY, revision bigint NOT NULL);
      CREATE TABLE staged_articles (
        key text PRIMARY KEY,
        guild_id text NOT NULL,
        data jsonb NOT NULL,
        body text NOT NULL,
        expires_at bigint NOT NULL
      );
      CREATE TABLE answer_votes (
        answer_key text NOT NULL,
        voter text NOT NULL,
        vote smallint NOT NULL CHECK (vote IN (-1, 1)),
        guild_id text,
        article_scope text,
        question text NOT NULL,
        voted_at bigint NOT NULL,
        PRIMARY KEY (answer_key, voter)
      );
      CREATE INDEX answer_votes_by_time ON answer_votes (voted_at);
      CREATE TABLE unanswered_questions (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        guild_id text,
        article_scope text,
        question text NOT NULL,
        asked_at bigint NOT NULL
      );
      CREATE INDEX unanswered_questions_by_time ON unanswered_questions (asked_at);
    `,
  },
];

/** Any constant: instances sharing a Postgres server take turns migrating. */
const MIGRATION_LOCK = 1_414_001;

/** Applies every step the database lacks, all in one transaction; returns the versions applied. */
export async function migrate(db: Database, steps = MIGRATIONS): Promise<number[]> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.query('CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at bigint NOT NULL)');
    const done = new Set((await tx.query<{ version: number }>('SELECT version FROM schema_migrations')).map((row) => Number(row.version)));
    const newest = Math.max(0, ...steps.map((s) => s.version));
    const unknown = [...done].filter((v) => v > newest);
    if (unknown.length > 0) {
      throw new DatabaseError(`${db.description} has schema version ${Math.max(...unknown)}, newer than this bot knows (${newest}); run the newer bot, or restore a backup made by this version`);
    }
    const applied: number[] = [];
    for (const step of [...steps].sort((a, b) => a.version - b.version)) {
      if (done.has(step.version)) continue;
      await tx.script(step.sql);
      await tx.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [step.version, step.name, Date.now()]);
      applied.push(step.version);
    }
    return applied;
  });
}
