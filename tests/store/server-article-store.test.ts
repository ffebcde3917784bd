import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqlServerArticleStore } from '../../src/store/sql-server-article-store.js';
import { oneQuoteArticle } from '../support/written-article.js';
import { DRIVERS, STARTUP_TIMEOUT_MS, type Started } from './drivers.js';

const GUILD = '111111111111111111';
const OTHER_GUILD = '222222222222222222';
const ferry = oneQuoteArticle('harbour-ferry-returns', 'Mara Quint', 'The ferry will sail again in spring.').article;
const library = oneQuoteArticle('library-hours', 'Tobias Wren', 'We will open on Sundays from May.').article;

describe.each(DRIVERS)('ServerArticleStore on $name', (driver) => {
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
});
