import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import type { KnowledgeBase } from '../../src/knowledge/knowledge-base.js';
import { LiveKnowledgeBase } from '../../src/knowledge/live-knowledge-base.js';
import { ServerKnowledge } from '../../src/knowledge/server-knowledge.js';
import type { ServerArticleStore } from '../../src/store/server-article-store.js';
import { openTestServerArticleStore } from '../support/server-article-store.js';
import { oneQuoteArticle } from '../support/written-article.js';

/** Each server answers from the shared articles plus its own; an add or remove anywhere is seen at the next question. */

const article = (id: string, name: string, words: string) => oneQuoteArticle(id, name, words).article;
const ferry = article('island-ferry', 'Mara Holt', 'The first boat leaves at six');
const library = article('library-hours', 'Tomas Berg', 'We will open at ten every Sunday');
const library2 = article('library-hours', 'Tomas Berg', 'We will open at noon every Sunday');
const market = article('market-square', 'Ines Duarte', 'The stalls move to the square in May');

const SERVER_A = '100000000000000001';
const SERVER_B = '100000000000000002';
const quotes = (knowledge: KnowledgeBase, question: string) => knowledge.engine.answer(question).items.map((i) => i.quote);

function logCollector() {
  const lines: { level: number; msg: string }[] = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line) as { level: number; msg: string }) });
  return { logger, lines };
}

async function added(store: ServerArticleStore, guildId: string, ...articles: typeof ferry[]): Promise<void> {
  for (const a of articles) expect(await store.confirm(guildId, await store.stage(guildId, a))).toBeDefined();
}

describe('GIVEN per-server knowledge over the shared articles', () => {
  it('WHEN a server adds an article THEN its questions are answered from it, another server and DMs are not, and the answer cache never hides it', async () => {
    const store = await openTestServerArticleStore();
    const shared = new LiveKnowledgeBase('directory', [ferry], { answerCacheSize: 100 });
    const servers = new ServerKnowledge(shared, store, { logger: logCollector().logger, engineOptions: { answerCacheSize: 100 } });
    // Asked (and remembered) before the article exists.
    const before = await servers.forServer(SERVER_A);
    // No articles of its own: the shared engine itself, nothing built.
    expect(before.engine).toBe(shared.current().engine);
    expect(before.engine.answer('what did Tomas Berg say?').found).toBe(false);

    await added(store, SERVER_A, library);
    const a = await servers.forServer(SERVER_A);
    expect(quotes(a, 'what did Tomas Berg say?')).toEqual(['We will open at ten every Sunday']);
    expect(quotes(a, 'what did Mara Holt say?')).toEqual(['The first boat leaves at six']);
    expect(a.engine.suggestArticles('library').map((c) => c.value)).toContain('library-hours');
    expect(a.server).toEqual({ guildId: SERVER_A, revision: await store.revision(SERVER_A) });

    const b = await servers.forServer(SERVER_B);
    expect(b.engine.answer('what did Tomas Berg say?').found).toBe(false);
    expect(b.engine.suggestArticles('library').map((c) => c.value)).not.toContain('library-hours');
    expect(servers.current().engine.answer('what did Tomas Berg say?').found).toBe(false);
    // Unchanged: the same engine is served again, not rebuilt.
    expect(await servers.forServer(SERVER_A)).toBe(a);
  });

  it('WHEN the article is removed THEN no answer, autocomplete or cached answer comes from it', async () => {
    const store = await openTestServerArticleStore();
    const shared = new LiveKnowledgeBase('directory', [ferry]);
    const servers = new ServerKnowledge(shared, store, { logger: logCollector().logger, engineOptions: { answerCacheSize: 100 } });
    await added(store, SERVER_A, library, market);
    const withBoth = await servers.forServer(SERVER_A);
    expect(quotes(withBoth, 'what did Tomas Berg say?')).toEqual(['We will open at ten every Sunday']);
    expect(await store.remove(SERVER_A, 'library-hours')).toBe(true);
    const after = await servers.forServer(SERVER_A);
    expect(after.engine.answer('what did Tomas Berg say?').found).toBe(false);
    expect(after.engine.suggestArticles('library').map((c) => c.value)).not.toContain('library-hours');
    expect(after.engine.suggestSpeakers('berg').map((c) => c.value)).toEqual([]);
    expect(quotes(after, 'what did Ines Duarte say?')).toEqual(['The stalls move to the square in May']);
  });

  it('WHEN another instance sharing the store changes a server’s articles THEN this one notices at the next question', async () => {
    const store = await openTestServerArticleStore();
    const shared = new LiveKnowledgeBase('directory', [ferry]);
    const here = new ServerKnowledge(shared, store, { logger: logCollector().logger });
    const there = new ServerKnowledge(shared, store, { logger: logCollector().logger });
    await added(store, SERVER_A, library);
    expect(quotes(await here.forServer(SERVER_A), 'what did Tomas Berg say?')).toEqual(['We will open at ten every Sunday']);
    // "There" replaces it with a new version (same id).
    expect(await store.confirm(SERVER_A, await store.stage(SERVER_A, library2))).toBeDefined();
    await there.forServer(SERVER_A);
    expect(quotes(await here.forServer(SERVER_A), 'what did Tomas Berg say?')).toEqual(['We will open at noon every Sunday']);
  });

  it('WHEN the shared articles reload THEN each server’s engine is rebuilt over the new ones', async () => {
    const store = await openTestServerArticleStore();
    const shared = new LiveKnowledgeBase('directory', [ferry]);
    const servers = new ServerKnowledge(shared, store, { logger: logCollector().logger });
    await added(store, SERVER_A, library);
    const first = await servers.forServer(SERVER_A);
    shared.update('directory', [market]);
    const second = await servers.forServer(SERVER_A);
    expect(second).not.toBe(first);
    expect(second.articles.map((a) => a.id)).toEqual(['market-square', 'library-hours']);
    expect(second.engine.answer('what did Mara Holt say?').found).toBe(false);
  });

  it('WHEN the store fails THEN the question is answered from the shared articles and the failure is logged', async () => {
    const store = await openTestServerArticleStore();
    const { logger, lines } = logCollector();
    const failing: ServerArticleStore = { ...store, revision: () => Promise.reject(new Error('connection refused')) };
    const shared = new LiveKnowledgeBase('directory', [ferry]);
    const servers = new ServerKnowledge(shared, failing, { logger });
    const knowledge = await servers.forServer(SERVER_A);
    expect(knowledge).toBe(shared.current());
    expect(quotes(knowledge, 'what did Mara Holt say?')).toEqual(['The first boat leaves at six']);
    expect(lines.some((l) => l.level === 50 && l.msg.includes('shared articles'))).toBe(true);
  });

  it('WHEN the store does not answer THEN the question is answered from the shared articles once the store timeout passes', async () => {
    const store = await openTestServerArticleStore();
    const { logger, lines } = logCollector();
    const hanging: ServerArticleStore = { ...store, revision: () => new Promise<number>(() => undefined) };
    const shared = new LiveKnowledgeBase('directory', [ferry]);
    const servers = new ServerKnowledge(shared, hanging, { logger, storeTimeoutMs: 20 });
    expect(await servers.forServer(SERVER_A)).toBe(shared.current());
    expect(lines.some((l) => l.level === 50)).toBe(true);
  });

  it('WHEN many questions from one server arrive together after a change THEN one engine is built for all of them', async () => {
    const store = await openTestServerArticleStore();
    const { logger, lines } = logCollector();
    const servers = new ServerKnowledge(new LiveKnowledgeBase('directory', [ferry]), store, { logger });
    await added(store, SERVER_A, library);
    const all = await Promise.all(Array.from({ length: 5 }, () => servers.forServer(SERVER_A)));
    expect(new Set(all).size).toBe(1);
    expect(lines.filter((l) => l.msg === 'server knowledge built')).toHaveLength(1);
  });
});
