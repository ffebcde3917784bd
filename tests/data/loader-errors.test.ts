import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ArticleDataError, BUNDLED_ARTICLES_DIR, loadKnowledgeBase, type KnowledgeBase } from '../../src/data/load.js';
import { articleSchema, type ArticleData } from '../../src/data/schema.js';

const SEED = 'russia-ukraine-negotiations';
const seedJsonFile = join(BUNDLED_ARTICLES_DIR, `${SEED}.json`);
const seedTextFile = join(BUNDLED_ARTICLES_DIR, `${SEED}.txt`);
const seed: ArticleData = articleSchema.parse(JSON.parse(readFileSync(seedJsonFile, 'utf8')));

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'article-data-'));
  copyFileSync(seedJsonFile, join(dir, basename(seedJsonFile)));
  copyFileSync(seedTextFile, join(dir, basename(seedTextFile)));
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** Writes, beside the valid seed article, a copy under another id with one thing broken. */
function writeBrokenCopy(name: string, breakIt: (data: ArticleData) => unknown): void {
  const copy: ArticleData = { ...structuredClone(seed), id: 'broken-copy' };
  writeFileSync(join(dir, name), JSON.stringify(breakIt(copy), null, 2));
}

/** The broken file is reported with its name, the field and the problem, and the valid article still loads. */
function expectReported(kb: KnowledgeBase, file: string, field: string, problem: RegExp): ArticleDataError {
  expect(kb.articles.map((article) => article.id)).toEqual([SEED]);
  expect(kb.errors).toHaveLength(1);
  const [error] = kb.errors;
  if (!error) throw new Error('no error reported');
  expect(error).toBeInstanceOf(ArticleDataError);
  expect(basename(error.file)).toBe(file);
  expect(error.field).toBe(field);
  expect(error.message).toContain(file);
  expect(error.message).toContain(field);
  expect(error.message).toMatch(problem);
  return error;
}

const firstQuote = (data: ArticleData) => {
  const quote = data.quotes[0];
  if (!quote) throw new Error('the seed article has no quotes');
  return quote;
};

describe('GIVEN an articles directory with the valid seed article and one broken file', () => {
  it('WHEN a file is not valid JSON THEN it is reported as such and the seed still loads', () => {
    writeFileSync(join(dir, 'broken.json'), '{ "format": 1, "id": "broken-copy", ');
    expectReported(loadKnowledgeBase(dir), 'broken.json', '(file)', /JSON/i);
  });

  it('WHEN quotes[0].speaker is missing THEN the error names that field', () => {
    writeBrokenCopy('broken.json', (data) => {
      const { speaker: _speaker, ...quoteWithoutSpeaker } = firstQuote(data);
      return { ...data, quotes: [quoteWithoutSpeaker, ...data.quotes.slice(1)] };
    });
    expectReported(loadKnowledgeBase(dir), 'broken.json', 'quotes[0].speaker', /expected string|required|missing/i);
  });

  it("WHEN a quote's offsets do not match its text THEN the error names quotes[N].text and the offsets", () => {
    const quote = seed.quotes[2];
    if (!quote) throw new Error('the seed article has fewer than 3 quotes');
    const [start, end] = [quote.start + 1, quote.end + 1];
    writeBrokenCopy('broken.json', (data) => ({
      ...data,
      quotes: data.quotes.map((q, i) => (i === 2 ? { ...q, start, end } : q)),
    }));
    expectReported(loadKnowledgeBase(dir), 'broken.json', 'quotes[2].text', new RegExp(`${start}-${end}`));
  });

  it('WHEN a quote changes one word of the article THEN the error names quotes[N].text', () => {
    writeBrokenCopy('broken.json', (data) => ({
      ...data,
      quotes: data.quotes.map((q, i) => (i === 1 ? { ...q, text: q.text.replace('shortage', 'lack') } : q)),
    }));
    expectReported(loadKnowledgeBase(dir), 'broken.json', 'quotes[1].text', /not the article text|verbatim|does not match/i);
  });

  it('WHEN a quote is not inside the paragraph it claims THEN the error says which paragraph', () => {
    writeBrokenCopy('broken.json', (data) => ({ ...data, quotes: [{ ...firstQuote(data), paragraph: 2 }, ...data.quotes.slice(1)] }));
    expectReported(loadKnowledgeBase(dir), 'broken.json', 'quotes[0]', /paragraph 2/);
  });

  it('WHEN a speaker id is not in people THEN the error names the id', () => {
    writeBrokenCopy('broken.json', (data) => ({
      ...data,
      quotes: data.quotes.map((q, i) => (i === 1 ? { ...q, speaker: 'boris-johnson' } : q)),
    }));
    const error = expectReported(loadKnowledgeBase(dir), 'broken.json', 'quotes[1].speaker', /people/i);
    expect(error.message).toContain('boris-johnson');
  });

  it('WHEN a quote has a topic that is not in topics THEN the error names the topic', () => {
    writeBrokenCopy('broken.json', (data) => ({ ...data, quotes: [{ ...firstQuote(data), topics: ['weather'] }, ...data.quotes.slice(1)] }));
    const error = expectReported(loadKnowledgeBase(dir), 'broken.json', 'quotes[0].topics[0]', /topics/i);
    expect(error.message).toContain('weather');
  });

  it('WHEN a date is not the article text at its offsets THEN the error names dates[N].text', () => {
    writeBrokenCopy('broken.json', (data) => ({
      ...data,
      dates: data.dates.map((d, i) => (i === 0 ? { ...d, text: 'February 5' } : d)),
    }));
    expectReported(loadKnowledgeBase(dir), 'broken.json', 'dates[0].text', /not the article text|verbatim|does not match/i);
  });

  it('WHEN a quote part lies outside its quote THEN the error names quotes[N].parts[M]', () => {
    writeBrokenCopy('broken.json', (data) => {
      const quote = firstQuote(data);
      quote.parts = [
        { start: quote.start, end: quote.start + 5 },
        { start: quote.end - 3, end: quote.end + 10 },
      ];
      return data;
    });
    expectReported(loadKnowledgeBase(dir), 'broken.json', 'quotes[0].parts[1]', /is not inside the quote/);
  });

  it('WHEN quote parts are out of order THEN the error says so', () => {
    writeBrokenCopy('broken.json', (data) => {
      const quote = firstQuote(data);
      quote.parts = [
        { start: quote.start + 10, end: quote.start + 20 },
        { start: quote.start, end: quote.start + 5 },
      ];
      return data;
    });
    expectReported(loadKnowledgeBase(dir), 'broken.json', 'quotes[0].parts[1]', /overlaps or precedes/);
  });

  it('WHEN two files describe one article id THEN the second is reported with both file names', () => {
    copyFileSync(seedJsonFile, join(dir, 'zz-duplicate.json'));
    const kb = loadKnowledgeBase(dir);
    expect(kb.articles.map((article) => article.id)).toEqual([SEED]);
    expect(kb.errors).toHaveLength(1);
    const [error] = kb.errors;
    expect(error).toBeInstanceOf(ArticleDataError);
    expect(error?.field).toBe('id');
    expect(error?.message).toContain(SEED);
    expect(error?.message).toContain('zz-duplicate.json');
    expect(error?.message).toContain(`${SEED}.json`);
  });

  it('WHEN the text file is missing THEN the error names textFile and the missing file', () => {
    writeBrokenCopy('broken.json', (data) => ({ ...data, textFile: 'missing.txt' }));
    const error = expectReported(loadKnowledgeBase(dir), 'broken.json', 'textFile', /missing\.txt/);
    expect(error.problem).toMatch(/cannot read|not found|missing|does not exist/i);
  });
});

describe('GIVEN an articles directory that does not exist', () => {
  it('WHEN the knowledge base is loaded THEN it throws an ArticleDataError naming the directory', () => {
    const missing = join(dir, 'no-such-directory');
    let thrown: unknown;
    try {
      loadKnowledgeBase(missing);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ArticleDataError);
    expect(thrown instanceof Error ? thrown.message : '').toContain(missing);
  });
});
