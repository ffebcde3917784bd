import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BUNDLED_ARTICLES_DIR, loadKnowledgeBase } from '../../src/data/load.js';
import { createAnswerEngine } from '../../src/engine/index.js';
import { generateArticle, writeGeneratedArticles } from '../../bench/generate-articles.js';

// A knowledge base of the seed article plus generated ones about budgets, strikes, floods…
const dir = mkdtempSync(join(tmpdir(), 'multi-kb-'));
for (const file of ['russia-ukraine-negotiations.json', 'russia-ukraine-negotiations.txt']) copyFileSync(join(BUNDLED_ARTICLES_DIR, file), join(dir, file));
writeGeneratedArticles(dir, 40);
const { articles, errors } = loadKnowledgeBase(dir);
const engine = createAnswerEngine(articles);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const generated = generateArticle(7).data;
const generatedSpeaker = generated.people[0];

describe('GIVEN a knowledge base of many articles', () => {
  it('THEN every article loads', () => {
    expect(errors).toEqual([]);
    expect(articles).toHaveLength(41);
  });

  it('WHEN a question names a person of one article THEN the answer comes from that article and says so', () => {
    const answer = engine.answer('what did Zakharova say?');
    expect(answer.found).toBe(true);
    expect(answer.items.length).toBeGreaterThan(0);
    for (const item of answer.items) expect(item.article.id).toBe('russia-ukraine-negotiations');
    expect(answer.summary).toContain('Russia says many countries are ready to negotiate on Ukraine');
  });

  it('WHEN a question names a generated article’s speaker by full name THEN that article answers', () => {
    const answer = engine.answer(`who is ${generatedSpeaker?.name}?`);
    expect(answer.found).toBe(true);
    expect(answer.items.some((item) => item.article.id === generated.id)).toBe(true);
  });

  it('WHEN a subject is covered by several articles THEN the best answer from each is shown, each citing its article', () => {
    const answer = engine.answer('who spoke about the strike?');
    expect(answer.found).toBe(true);
    expect(new Set(answer.items.map((i) => i.article.id)).size).toBeGreaterThan(1);
    for (const item of answer.items) {
      const article = articles.find((a) => a.id === item.article.id);
      expect(article?.text.slice(item.start, item.end)).toBe(item.quote);
    }
  });

  it('WHEN the subject is a word many articles use in passing ("port", in 28 of 41) THEN the answers come from articles about it', () => {
    const answer = engine.answer('who spoke about the port?');
    expect(answer.found).toBe(true);
    for (const item of answer.items) {
      const article = articles.find((a) => a.id === item.article.id);
      const subject = article?.topics.flatMap((t) => [t.label, ...t.keywords]).join(' ').toLowerCase() ?? '';
      expect(subject, item.article.id).toContain('port');
    }
  });

  it('WHEN an article is chosen THEN only it answers', () => {
    const answer = engine.answer('who spoke about the strike?', { articleId: 'russia-ukraine-negotiations' });
    expect(answer.found).toBe(false);
    expect(answer.items.filter((i) => i.kind !== 'narration')).toEqual([]);
  });

  it('WHEN no article covers the question THEN it says so honestly, with suggestions', () => {
    const answer = engine.answer('how tall is the Eiffel Tower?');
    expect(answer.found).toBe(false);
    expect(answer.items.filter((i) => i.kind !== 'narration')).toEqual([]);
    expect(answer.suggestions.length).toBeGreaterThan(0);
  });

  it('WHEN asked what the article is about without naming one THEN the articles are listed', () => {
    const answer = engine.answer('what is the article about?');
    expect(answer.summary).toMatch(/I know 41 articles/);
  });

  it('WHEN asked who is quoted without naming an article THEN every article’s speakers are listed, grouped by article', () => {
    const answer = engine.answer('list the speakers');
    expect(answer.found).toBe(true);
    expect(answer.intent).toBe('list-speakers');
    // The first articles are named with their speakers; the rest are counted.
    for (const article of articles.slice(0, 12)) {
      const names = article.people.filter((p) => article.quotes.some((q) => q.speaker === p.id)).map((p) => p.name);
      const at = answer.summary.indexOf(`“${article.title}”`);
      expect(at, article.title).toBeGreaterThanOrEqual(0);
      for (const name of names) expect(answer.summary.indexOf(name, at), `${name} in ${article.id}`).toBeGreaterThan(at);
    }
    expect(answer.summary).toMatch(/and \d+ more articles/);
    expect(new Set(answer.items.map((i) => i.article.id)).size).toBeGreaterThan(5);
  });

  it('THEN speakers are counted across articles and articles autocomplete by title or person', () => {
    expect(engine.speakers().length).toBeGreaterThan(10);
    expect(engine.suggestArticles('russia says')[0]?.value).toBe('russia-ukraine-negotiations');
    expect(engine.suggestArticles('zakharova')[0]?.value).toBe('russia-ukraine-negotiations');
  });
});
