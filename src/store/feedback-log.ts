import { createHash, randomBytes } from 'node:crypto';
import type { Database } from './database.js';

/** One answer as votes and the log know it: where it was asked, which articles it was asked of, and the question. */
export interface AskedQuestion {
  /** The server; null in DMs and user installs. */
  guildId: string | null;
  /** The one article the question was limited to; null for every article. */
  articleScope: string | null;
  question: string;
}

export type Vote = 'up' | 'down';
/** `recorded`: a first vote; `changed`: the user switched; `unchanged`: the same vote again, not counted twice. */
export type VoteOutcome = 'recorded' | 'changed' | 'unchanged';

export interface UnansweredEntry {
  question: string;
  articleScope: string | null;
  times: number;
}

export interface DownvotedEntry {
  question: string;
  articleScope: string | null;
  down: number;
  up: number;
}

export interface ReportOptions {
  days: number;
  limit: number;
}

const DAY_MS = 86_400_000;

export interface FeedbackReport {
  unanswered: UnansweredEntry[];
  downvoted: DownvotedEntry[];
}

/** What the Discord layer records and reads; the database implements it (SqlFeedbackLog). */
export interface FeedbackLog {
  vote(answer: AskedQuestion, userId: string, vote: Vote): Promise<VoteOutcome>;
  recordUnanswered(asked: AskedQuestion): Promise<void>;
  /** The most frequent unanswered questions and most 👎'd answers of one server (null: DMs) in the last `days`, at most `limit` of each. */
  report(guildId: string | null, options: ReportOptions): Promise<FeedbackReport>;
}

export interface SqlFeedbackLogOptions {
  /** FEEDBACK_SALT; unset, one is generated once and kept in the database. */
  salt?: string | undefined;
  now?: () => number;
}

/** The same question with other spacing is the same question. */
function normalise(question: string): string {
  return question.replace(/\s+/g, ' ').trim();
}

/** Votes and unanswered questions in the database. No user id is stored: a voter is a salted hash, enough to count distinct voters. */
export class SqlFeedbackLog implements FeedbackLog {
  private constructor(
    private readonly db: Database,
    private readonly salt: string,
    private readonly now: () => number,
  ) {}

  static async open(db: Database, options: SqlFeedbackLogOptions = {}): Promise<SqlFeedbackLog> {
    return new SqlFeedbackLog(db, options.salt ?? (await storedSalt(db)), options.now ?? Date.now);
  }

  /** The answer a vote is about: the same question in the same scope and server is the same answer, whichever message shows it. */
  static answerKey(asked: AskedQuestion): string {
    const parts = [asked.guildId ?? '', asked.articleScope ?? '', normalise(asked.question).toLowerCase()];
    return createHash('sha256').update(JSON.stringify(parts)).digest('base64url').slice(0, 22);
  }

  private voter(userId: string): string {
    return createHash('sha256').update(`${this.salt}\u0000${userId}`).digest('base64url').slice(0, 22);
  }

  async vote(answer: AskedQuestion, userId: string, vote: Vote): Promise<VoteOutcome> {
    const key = SqlFeedbackLog.answerKey(answer);
    const value = vote === 'up' ? 1 : -1;
    const voter = this.voter(userId);
    const at = this.now();
    return this.db.transaction(async (tx) => {
      const inserted = await tx.query(
        `INSERT INTO answer_votes (answer_key, voter, vote, guild_id, article_scope, question, voted_at) VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (answer_key, voter) DO NOTHING RETURNING vote`,
        [key, voter, value, answer.guildId, answer.articleScope, normalise(answer.question), at],
      );
      if (inserted.length > 0) return 'recorded';
      const changed = await tx.query('UPDATE answer_votes SET vote = $3, voted_at = $4 WHERE answer_key = $1 AND voter = $2 AND vote <> $3 RETURNING vote', [key, voter, value, at]);
      return changed.length > 0 ? 'changed' : 'unchanged';
    });
  }

  async recordUnanswered(asked: AskedQuestion): Promise<void> {
    await this.db.query('INSERT INTO unanswered_questions (guild_id, article_scope, question, asked_at) VALUES ($1, $2, $3, $4)', [
      asked.guildId,
      asked.articleScope,
      normalise(asked.question),
      this.now(),
    ]);
  }

  async report(guildId: string | null, { days, limit }: ReportOptions): Promise<FeedbackReport> {
    const sinceMs = this.now() - days * DAY_MS;
    const unanswered = await this.db.query<{ question: string; article_scope: string | null; times: number }>(
      `SELECT min(question) AS question, article_scope, count(*)::int AS times FROM unanswered_questions
       WHERE guild_id IS NOT DISTINCT FROM $1 AND asked_at >= $2
       GROUP BY lower(question), article_scope ORDER BY times DESC, max(asked_at) DESC LIMIT $3`,
      [guildId, sinceMs, limit],
    );
    const downvoted = await this.db.query<{ question: string; article_scope: string | null; down: number; up: number }>(
      `SELECT min(question) AS question, min(article_scope) AS article_scope,
              (count(*) FILTER (WHERE vote = -1))::int AS down, (count(*) FILTER (WHERE vote = 1))::int AS up
       FROM answer_votes WHERE guild_id IS NOT DISTINCT FROM $1 AND voted_at >= $2
       GROUP BY answer_key HAVING count(*) FILTER (WHERE vote = -1) > 0
       ORDER BY down DESC, up ASC, max(voted_at) DESC LIMIT $3`,
      [guildId, sinceMs, limit],
    );
    return {
      unanswered: unanswered.map((r) => ({ question: r.question, articleScope: r.article_scope, times: r.times })),
      downvoted: downvoted.map((r) => ({ question: r.question, articleScope: r.article_scope, down: r.down, up: r.up })),
    };
  }

  /** Every server (and null for DMs) with an unanswered question or a 👎 in the last `days`. */
  async guildsWithFeedback(days: number): Promise<(string | null)[]> {
    const sinceMs = this.now() - days * DAY_MS;
    const rows = await this.db.query<{ guild_id: string | null }>(
      `SELECT guild_id FROM unanswered_questions WHERE asked_at >= $1
       UNION SELECT guild_id FROM answer_votes WHERE voted_at >= $1 AND vote = -1 ORDER BY guild_id NULLS LAST`,
      [sinceMs],
    );
    return rows.map((r) => r.guild_id);
  }

  /** Deletes questions and votes older than `cutoffMs` (the retention period). */
  async purgeOlderThan(cutoffMs: number): Promise<{ questions: number; votes: number }> {
    return this.db.transaction(async (tx) => {
      const questions = await tx.query('DELETE FROM unanswered_questions WHERE asked_at < $1 RETURNING id', [cutoffMs]);
      const votes = await tx.query('DELETE FROM answer_votes WHERE voted_at < $1 RETURNING vote', [cutoffMs]);
      return { questions: questions.length, votes: votes.length };
    });
  }
}

/** The salt kept in the database: made by the first instance, read by every later one (and by the others sharing Postgres). */
async function storedSalt(db: Database): Promise<string> {
  await db.query("INSERT INTO settings (name, value) VALUES ('voter-salt', $1) ON CONFLICT (name) DO NOTHING", [randomBytes(24).toString('base64url')]);
  const [row] = await db.query<{ value: string }>("SELECT value FROM settings WHERE name = 'voter-salt'");
  if (!row) throw new Error('the voter salt could not be stored');
  return row.value;
}
