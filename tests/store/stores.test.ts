import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { SqlFeedbackLog, type AskedQuestion } from '../../src/store/feedback-log.js';
import { MIGRATIONS, migrate } from '../../src/store/migrations.js';
import { startRetention } from '../../src/store/retention.js';
import { SqlServerArticleStore } from '../../src/store/sql-server-article-store.js';
import { oneQuoteArticle } from '../support/written-article.js';
import { DRIVERS, STARTUP_TIMEOUT_MS, type Started } from './drivers.js';

const GUILD = '111111111111111111';
const OTHER_GUILD = '222222222222222222';
const ferry = oneQuoteArticle('harbour-ferry-returns', 'Mara Quint', 'The ferry will sail again in spring.').article;
const library = oneQuoteArticle('library-hours', 'Tobias Wren', 'We will open on Sundays from May.').article;

const DAY = 86_400_000;

/** One database per engine for this whole file: creating one costs seconds, and every suite below uses its own rows. */
describe.each(DRIVERS)('the stores on $name', (driver) => {
  let started: Started;
  let clock = 1_000_000;
  let store: SqlServerArticleStore;
  beforeAll(async () => {
    started = await driver.start();
    store = new SqlServerArticleStore(started.db, { now: () => clock, stageTtlMs: 60_000 });
  }, STARTUP_TIMEOUT_MS);
  afterAll(() => started.stop());

  it('GIVEN a staged article THEN it is not listed until confirmed, and confirming lists it whole', async () => {
    const key = await store.stage(GUILD, ferry);
    expect(key.length).toBeLessThanOrEqual(20);
    expect(await store.list(GUILD)).toEqual([]);
    const confirmed = await store.confirm(GUILD, key);
    expect(confirmed).toEqual(ferry);
    expect(await store.list(GUILD)).toEqual([ferry]);
    // A key confirms once.
    expect(await store.confirm(GUILD, key)).toBeUndefined();
  });

  it('GIVEN a key staged in one server THEN another server cannot confirm or cancel it, and never sees the article', async () => {
    const key = await store.stage(GUILD, library);
    expect(await store.confirm(OTHER_GUILD, key)).toBeUndefined();
    expect(await store.cancel(OTHER_GUILD, key)).toBe(false);
    expect(await store.list(OTHER_GUILD)).toEqual([]);
    expect(await store.cancel(GUILD, key)).toBe(true);
    expect(await store.confirm(GUILD, key)).toBeUndefined();
    expect((await store.list(GUILD)).map((a) => a.id)).toEqual(['harbour-ferry-returns']);
  });

  it('GIVEN a stage older than its expiry THEN confirming it is refused', async () => {
    const key = await store.stage(GUILD, library);
    clock += 60_001;
    expect(await store.confirm(GUILD, key)).toBeUndefined();
    expect(await store.cancel(GUILD, key)).toBe(true);
    const fresh = await store.stage(GUILD, library);
    clock += 59_000;
    expect(await store.confirm(GUILD, fresh)).toEqual(library);
    expect((await store.list(GUILD)).map((a) => a.id)).toEqual(['harbour-ferry-returns', 'library-hours']);
  });

  it('GIVEN adds, replacements and removals THEN the revision changes with each, and only with them', async () => {
    const before = await store.revision(GUILD);
    expect(await store.revision(OTHER_GUILD)).toBe(0);
    const changed = oneQuoteArticle('harbour-ferry-returns', 'Mara Quint', 'The ferry will sail again in summer.').article;
    await store.confirm(GUILD, await store.stage(GUILD, changed));
    const afterReplace = await store.revision(GUILD);
    expect(afterReplace).not.toBe(before);
    expect((await store.list(GUILD)).find((a) => a.id === ferry.id)?.text).toBe(changed.text);
    expect((await store.list(GUILD)).filter((a) => a.id === ferry.id)).toHaveLength(1);
    // Staging and cancelling change nothing served.
    await store.cancel(GUILD, await store.stage(GUILD, ferry));
    expect(await store.revision(GUILD)).toBe(afterReplace);
    expect(await store.remove(GUILD, 'library-hours')).toBe(true);
    const afterRemove = await store.revision(GUILD);
    expect(afterRemove).not.toBe(afterReplace);
    expect(await store.remove(GUILD, 'library-hours')).toBe(false);
    expect(await store.remove(OTHER_GUILD, ferry.id)).toBe(false);
    expect(await store.revision(GUILD)).toBe(afterRemove);
    expect(await store.revision(OTHER_GUILD)).toBe(0);
  });

  it.runIf(driver.name !== 'embedded (PGlite)')('GIVEN two instances on one server THEN each sees the other’s writes and revisions', async () => {
    const other = new SqlServerArticleStore(await started.second!(), { now: () => clock });
    const seen = await other.revision(GUILD);
    expect(seen).toBe(await store.revision(GUILD));
    const key = await store.stage(GUILD, library);
    // The preview made on one instance may be confirmed on the other (buttons work on any instance).
    expect(await other.confirm(GUILD, key)).toEqual(library);
    expect(await store.revision(GUILD)).not.toBe(seen);
    expect((await store.list(GUILD)).map((a) => a.id)).toContain('library-hours');
    await store.remove(GUILD, 'library-hours');
    expect((await other.list(GUILD)).map((a) => a.id)).not.toContain('library-hours');
  });

  describe('migrations', () => {
    it('GIVEN a migrated database THEN migrating again applies nothing, and every step is recorded once', async () => {
      expect(await migrate(started.db)).toEqual([]);
      const rows = await started.db.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
      expect(rows.map((r) => Number(r.version))).toEqual(MIGRATIONS.map((m) => m.version));
    });

    it('GIVEN a database from a newer bot THEN it is refused with what to do, and nothing is changed', async () => {
      const newer = [...MIGRATIONS, { version: 99, name: 'from the future', sql: 'CREATE TABLE future_things (id int)' }];
      expect(await migrate(started.db, newer)).toEqual([99]);
      await expect(migrate(started.db)).rejects.toThrow(/schema version 99, newer than this bot knows \(1\); run the newer bot/);
      await started.db.query('DROP TABLE future_things');
      await started.db.query('DELETE FROM schema_migrations WHERE version = 99');
    });

    it('GIVEN a step that fails half-way THEN none of it is applied', async () => {
      const broken = [...MIGRATIONS, { version: 2, name: 'broken', sql: 'CREATE TABLE half_done (id int); SELECT * FROM no_such_table' }];
      await expect(migrate(started.db, broken)).rejects.toThrow(/no_such_table/);
      expect(await started.db.query("SELECT 1 FROM information_schema.tables WHERE table_name = 'half_done'")).toEqual([]);
      expect(await migrate(started.db)).toEqual([]);
    });
  });

  describe('feedback', () => {
    const GUILD_F = '333333333333333333';
    const answer: AskedQuestion = { guildId: GUILD_F, articleScope: null, question: 'Who spoke about the ferry?' };
    let now = 50 * DAY;
    let log: SqlFeedbackLog;
    beforeAll(async () => {
      log = await SqlFeedbackLog.open(started.db, { now: () => now });
    });

    it('GIVEN votes THEN each user counts once per answer, a second click of the other button changes it, the same one does not count twice', async () => {
      expect(await log.vote(answer, 'user-a', 'up')).toBe('recorded');
      expect(await log.vote(answer, 'user-a', 'up')).toBe('unchanged');
      expect(await log.vote(answer, 'user-a', 'down')).toBe('changed');
      expect(await log.vote(answer, 'user-a', 'down')).toBe('unchanged');
      // The same question with other spacing and case is the same answer.
      expect(await log.vote({ ...answer, question: '  who spoke about   the FERRY? ' }, 'user-a', 'down')).toBe('unchanged');
      expect(await log.vote(answer, 'user-b', 'down')).toBe('recorded');
      expect(await log.vote(answer, 'user-c', 'up')).toBe('recorded');
      const report = await log.report(GUILD_F, { days: 7, limit: 10 });
      expect(report.downvoted).toEqual([{ question: 'Who spoke about the ferry?', articleScope: null, down: 2, up: 1 }]);
    });

    it('GIVEN a vote THEN no user id is stored anywhere, and the salt is kept so another instance counts the same voter', async () => {
      await log.vote(answer, '987654321098765432', 'up');
      const rows = await started.db.query<Record<string, unknown>>('SELECT * FROM answer_votes');
      expect(JSON.stringify(rows)).not.toContain('987654321098765432');
      const again = await SqlFeedbackLog.open(started.second ? await started.second() : started.db, { now: () => now });
      expect(await again.vote(answer, '987654321098765432', 'up')).toBe('unchanged');
      // A configured salt (FEEDBACK_SALT) makes other hashes: the same user is a new voter under it.
      const salted = await SqlFeedbackLog.open(started.db, { salt: 'a-configured-salt', now: () => now });
      expect(await salted.vote(answer, '987654321098765432', 'up')).toBe('recorded');
    });

    it('GIVEN declined questions THEN the report counts them per server and scope, most frequent first, within the week', async () => {
      const ask = (question: string, guildId: string | null = GUILD_F, articleScope: string | null = null) => log.recordUnanswered({ guildId, articleScope, question });
      now = 60 * DAY;
      await ask('What is the ticket price?');
      now -= 8 * DAY;
      await ask('Who owns the harbour?'); // older than the week: kept (retention is 30 days) but not reported
      now += 8 * DAY;
      await ask('Who owns the harbour?');
      await ask('what is the   ticket price?');
      await ask('What is the ticket price?', GUILD_F, 'harbour-ferry-returns');
      await ask('What is the ticket price?', '444444444444444444');
      await ask('Where do buses stop?', null);
      const report = await log.report(GUILD_F, { days: 7, limit: 10 });
      expect(report.unanswered).toEqual([
        { question: 'What is the ticket price?', articleScope: null, times: 2 },
        { question: 'What is the ticket price?', articleScope: 'harbour-ferry-returns', times: 1 },
        { question: 'Who owns the harbour?', articleScope: null, times: 1 },
      ]);
      expect((await log.report(null, { days: 7, limit: 10 })).unanswered).toEqual([{ question: 'Where do buses stop?', articleScope: null, times: 1 }]);
      expect((await log.report(GUILD_F, { days: 7, limit: 1 })).unanswered).toHaveLength(1);
      expect(await log.guildsWithFeedback(7)).toEqual(expect.arrayContaining([GUILD_F, '444444444444444444', null]));
    });

    it('GIVEN a retention period THEN the purge at start and each periodic one delete what is older, with an injected clock', async () => {
      vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
      try {
        now = 200 * DAY;
        await log.recordUnanswered({ guildId: GUILD_F, articleScope: null, question: 'Kept until day 230?' });
        await log.vote({ ...answer, question: 'A vote on day 200' }, 'user-z', 'down');
        now = 220 * DAY;
        await log.recordUnanswered({ guildId: GUILD_F, articleScope: null, question: 'Asked on day 220' });
        const purges: number[] = [];
        const retention = startRetention({ retentionMs: 30 * DAY, everyMs: DAY, now: () => now, purge: (cutoff) => log.purgeOlderThan(cutoff), onPurged: (p) => purges.push(p.questions + p.votes) });
        await retention.first;
        // Everything before day 190 (the earlier tests' rows) went at start; day 200's are younger than 30 days.
        const questions = async () => (await started.db.query<{ question: string }>('SELECT question FROM unanswered_questions ORDER BY asked_at')).map((r) => r.question);
        expect(await questions()).toEqual(['Kept until day 230?', 'Asked on day 220']);
        now = 231 * DAY;
        vi.advanceTimersByTime(DAY);
        await vi.waitFor(() => expect(purges).toHaveLength(2));
        expect(await questions()).toEqual(['Asked on day 220']);
        expect(await started.db.query('SELECT * FROM answer_votes')).toEqual([]);
        retention.stop();
      } finally {
        vi.useRealTimers();
      }
    });
  });
});
