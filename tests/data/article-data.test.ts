import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BUNDLED_ARTICLES_DIR, loadKnowledgeBase } from '../../src/data/load.js';
import type { Article } from '../../src/data/schema.js';

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** The article as the project received it, kept outside the repository. */
const SHARED_ARTICLE = resolve(REPO_ROOT, '../shared/article.txt');
const SEED_ARTICLE_ID = 'russia-ukraine-negotiations';

const knowledgeBase = loadKnowledgeBase();
const { articles } = knowledgeBase;

const paragraphOf = (article: Article, number: number) => article.paragraphs.find((p) => p.number === number);
const isInside = (span: { start: number; end: number }, outer: { start: number; end: number }): boolean =>
  span.start >= outer.start && span.end <= outer.end;

describe('GIVEN the bundled knowledge base', () => {
  it('THEN every data file loads without errors', () => {
    expect(knowledgeBase.errors.map((error) => error.message)).toEqual([]);
    expect(articles.map((article) => article.id)).toContain(SEED_ARTICLE_ID);
  });
});

describe.each(articles.map((article) => [article.id, article] as const))('GIVEN the article %s', (_id, article) => {
  const { text } = article;

  it('THEN each paragraph is exactly one whole line of the body, in order', () => {
    const lines = text.split('\n');
    const headerLines = article.standfirst === null ? 1 : 2;
    const bodyLines = lines.slice(headerLines).filter((line) => line.trim() !== '');
    expect(article.paragraphs.map((p) => text.slice(p.start, p.end).trim())).toEqual(bodyLines.map((line) => line.trim()));
    for (const p of article.paragraphs) {
      expect(p.start === 0 || text[p.start - 1] === '\n', `paragraph ${p.number} starts a line`).toBe(true);
      expect(p.end === text.length || text[p.end] === '\n', `paragraph ${p.number} ends a line`).toBe(true);
    }
  });

  it('THEN every quote is verbatim at its offsets and inside its paragraph', () => {
    for (const quote of article.quotes) {
      expect(text.slice(quote.start, quote.end), quote.id).toBe(quote.text);
      const paragraph = paragraphOf(article, quote.paragraph);
      expect(paragraph, `${quote.id}: paragraph ${quote.paragraph}`).toBeDefined();
      if (paragraph) expect(isInside(quote, paragraph), `${quote.id} inside paragraph ${quote.paragraph}`).toBe(true);
    }
  });

  it('THEN every direct quote opens right after a quotation mark', () => {
    for (const quote of article.quotes.filter((q) => q.kind === 'direct')) {
      expect(['"', '“', '«', '„'], quote.id).toContain(text[quote.start - 1]);
    }
  });

  it('THEN every date is verbatim at its offsets and inside its paragraph', () => {
    for (const date of article.dates) {
      expect(text.slice(date.start, date.end)).toBe(date.text);
      const paragraph = paragraphOf(article, date.paragraph);
      expect(paragraph, `${date.text}: paragraph ${date.paragraph}`).toBeDefined();
      if (paragraph) expect(isInside(date, paragraph), `${date.text} inside paragraph ${date.paragraph}`).toBe(true);
    }
  });

  it('THEN every introduction is inside a paragraph and names its person verbatim', () => {
    for (const person of article.people) {
      if (!person.introduction) continue;
      const { start, end } = person.introduction;
      expect(end, person.id).toBeGreaterThan(start);
      expect(article.paragraphs.some((p) => isInside({ start, end }, p)), `${person.id}: introduction inside a paragraph`).toBe(true);
      const introduced = text.slice(start, end);
      const names = [person.name, ...person.aliases];
      expect(names.some((name) => introduced.includes(name)), `${person.id}: "${introduced}" names ${names.join(' / ')}`).toBe(true);
    }
  });

  it('THEN every speaker, reporter and topic reference resolves', () => {
    const people = new Set(article.people.map((p) => p.id));
    const topics = new Set(article.topics.map((t) => t.id));
    for (const quote of article.quotes) {
      expect(people.has(quote.speaker), `${quote.id}: speaker ${quote.speaker}`).toBe(true);
      if (quote.reportedBy !== undefined) expect(people.has(quote.reportedBy), `${quote.id}: reportedBy ${quote.reportedBy}`).toBe(true);
      for (const topic of quote.topics) expect(topics.has(topic), `${quote.id}: topic ${topic}`).toBe(true);
    }
  });

  it('THEN ids of people, quotes and topics are unique', () => {
    for (const ids of [article.people.map((p) => p.id), article.quotes.map((q) => q.id), article.topics.map((t) => t.id)]) {
      expect(new Set(ids).size).toBe(ids.length);
    }
  });

  it('THEN every quoted person has a role (organisations may have none)', () => {
    const quoted = new Set(article.quotes.map((q) => q.speaker));
    for (const person of article.people.filter((p) => quoted.has(p.id) && p.kind === 'person')) {
      expect(person.role, `${person.id} is quoted`).toBeTruthy();
    }
  });

  it('THEN every topic has at least one quote', () => {
    for (const topic of article.topics) {
      expect(article.quotes.some((q) => q.topics.includes(topic.id)), `topic ${topic.id}`).toBe(true);
    }
  });

  it('THEN no alias points at two people', () => {
    const owner = new Map<string, string>();
    for (const person of article.people) {
      for (const alias of [person.name, ...person.aliases].map((a) => a.toLowerCase())) {
        const previous = owner.get(alias);
        expect(previous === undefined || previous === person.id, `"${alias}" is used by ${previous} and ${person.id}`).toBe(true);
        owner.set(alias, person.id);
      }
    }
  });
});

describe(`GIVEN the seed article ${SEED_ARTICLE_ID}`, () => {
  const seed = articles.find((article) => article.id === SEED_ARTICLE_ID);
  if (!seed) throw new Error(`${SEED_ARTICLE_ID} did not load from ${BUNDLED_ARTICLES_DIR}`);

  it('THEN its text file is byte for byte the shared original (../shared/article.txt)', (context) => {
    context.skip(!existsSync(SHARED_ARTICLE), `skipped: ${SHARED_ARTICLE} does not exist, so there is nothing to compare against`);
    const bundled = readFileSync(join(BUNDLED_ARTICLES_DIR, seed.textFile));
    expect(bundled.equals(readFileSync(SHARED_ARTICLE)), `${seed.textFile} differs from ${SHARED_ARTICLE}`).toBe(true);
  });

  it('THEN it spells Polishchuk two ways, and both spellings name one person', () => {
    expect(seed.text).toContain('Polishchuk');
    expect(seed.text).toContain('Polischuk');
    const owners = (spelling: string) =>
      seed.people.filter((p) => [p.name, ...p.aliases].some((name) => name.split(/\s+/).includes(spelling))).map((p) => p.id);
    expect(owners('Polishchuk')).toEqual(['alexei-polishchuk']);
    expect(owners('Polischuk')).toEqual(['alexei-polishchuk']);
  });

  it('THEN the Russian authorities are an organisation, and Zelensky and Xi Jinping are mentioned but never quoted', () => {
    expect(seed.people.find((p) => p.id === 'russian-authorities')?.kind).toBe('organisation');
    const speakers = new Set(seed.quotes.map((q) => q.speaker));
    expect(speakers.has('volodymyr-zelensky')).toBe(false);
    expect(speakers.has('xi-jinping')).toBe(false);
    expect([...speakers].sort()).toEqual(
      ['alexei-polishchuk', 'caroline-leavitt', 'dmitry-peskov', 'donald-trump', 'maria-zakharova', 'russian-authorities', 'vladimir-putin'],
    );
  });

  it('THEN it has 7 body paragraphs and its source is TASS', () => {
    expect(seed.paragraphs).toHaveLength(7);
    expect(seed.source).toBe('TASS');
  });
});
