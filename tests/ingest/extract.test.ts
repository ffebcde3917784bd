import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUNDLED_ARTICLES_DIR, loadArticleFile } from '../../src/data/load.js';
import { articleSchema, type ArticleData } from '../../src/data/schema.js';
import { FIXTURES_DIR, SEED_ID, evaluateAll, type CaseResult } from '../../src/ingest/evaluate.js';
import { extractArticle } from '../../src/ingest/extract.js';
import { total } from '../../src/ingest/score.js';

const ROOT = resolve(import.meta.dirname, '../..');
const fixtureNames = readdirSync(FIXTURES_DIR)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => f.slice(0, -'.txt'.length))
  .sort();
const seedText = readFileSync(join(BUNDLED_ARTICLES_DIR, `${SEED_ID}.txt`), 'utf8');
const seed: ArticleData = articleSchema.parse(JSON.parse(readFileSync(join(BUNDLED_ARTICLES_DIR, `${SEED_ID}.json`), 'utf8')));

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ingest-test-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** Writes the extraction beside its text and loads it with the bot's own loader (which checks every span). */
function roundTrip(id: string, text: string): ArticleData {
  const article = extractArticle(text, { id });
  writeFileSync(join(dir, `${id}.txt`), text);
  writeFileSync(join(dir, `${id}.json`), JSON.stringify(article));
  return loadArticleFile(join(dir, `${id}.json`));
}

describe('extraction passes the loader', () => {
  it.each([...fixtureNames])('%s', (name) => {
    const text = readFileSync(join(FIXTURES_DIR, `${name}.txt`), 'utf8');
    const loaded = roundTrip(name, text);
    expect(loaded.quotes.length).toBeGreaterThan(0);
    for (const quote of loaded.quotes) {
      expect(text.slice(quote.start, quote.end)).toBe(quote.text);
      expect(quote.topics.length).toBeGreaterThan(0);
    }
  });

  it('the seed article', () => {
    const loaded = roundTrip('seed-copy', seedText);
    expect(loaded.title).toBe(seed.title);
    expect(loaded.standfirst).toBe(seed.standfirst);
    expect(loaded.paragraphs).toEqual(seed.paragraphs);
    expect(loaded.source).toBe('TASS');
    expect(loaded.date).toBe('February 4');
  });
});

describe('the seed article', () => {
  const extracted = extractArticle(seedText, { id: SEED_ID });
  const key = (q: { speaker: string; kind: string; text: string; start: number; end: number; paragraph: number; reportedBy?: string | undefined }): string =>
    `${q.speaker} | ${q.kind} | ${q.reportedBy ?? '-'} | ¶${q.paragraph} ${q.start}-${q.end} | ${q.text}`;

  it('reproduces the hand-checked speakers', () => {
    const speakers = (a: ArticleData): string[] => [...new Set(a.quotes.map((q) => q.speaker))].sort();
    expect(speakers(extracted)).toEqual(speakers(seed));
    const roles = new Map(extracted.people.map((p) => [p.id, p.role]));
    expect(roles.get('alexei-polishchuk')).toBe('head of the Department for CIS countries of the Russian Foreign Ministry');
    expect(roles.get('caroline-leavitt')).toBe('White House press secretary');
    expect(extracted.people.find((p) => p.id === 'russian-authorities')?.kind).toBe('organisation');
  });

  it('reproduces every hand-checked attribution, at the same offsets, and nothing else', () => {
    expect(extracted.quotes.map(key).sort()).toEqual(seed.quotes.map(key).sort());
  });
});

describe('accuracy against the hand-written keys', () => {
  /** The fixtures that came with the brief; the others were written later (see their "note"). */
  const ORIGINAL = ['bus-strike', 'climate-talks', 'measles-outbreak', 'motorway-ruling', 'nordale-breach', 'rates-decision', 'rovers-manager', 'ship-aground'];
  let results: CaseResult[];
  beforeAll(() => {
    results = evaluateAll();
  });

  // Floors are the measured values rounded down (`npx tsx src/ingest/evaluate.ts` prints them).
  it('the original fixtures and the seed: 79/80 matched, no wrong speaker', () => {
    const original = total(results.filter((r) => ORIGINAL.includes(r.name) || r.name.startsWith('seed:')).map((r) => r.score));
    expect(original.recall).toBeGreaterThanOrEqual(0.98);
    expect(original.precision).toBeGreaterThanOrEqual(0.98);
    expect(original.wrongSpeaker).toBe(0);
    expect(original.nonVerbatim).toBe(0);
  });

  it('every fixture: 252/254 matched, one wrong speaker', () => {
    const overall = total(results.map((r) => r.score));
    expect(overall.recall).toBeGreaterThanOrEqual(0.99);
    expect(overall.precision).toBeGreaterThanOrEqual(0.99);
    // heatwave-power: "the national grid operator warned …" is Transgrid, named only later; we name it by its description.
    expect(overall.wrongSpeaker).toBeLessThanOrEqual(1);
    expect(overall.nonVerbatim).toBe(0);
  });

  it('no article falls far behind', () => {
    for (const r of results) {
      expect.soft(r.score.recall, r.name).toBeGreaterThanOrEqual(0.85);
      expect.soft(r.score.precision, r.name).toBeGreaterThanOrEqual(0.85);
    }
  });
});

describe('rules on small texts', () => {
  const body = (...paragraphs: string[]): string => ['Title line', 'A standfirst.', '', ...paragraphs].join('\n');
  const quotes = (text: string): string[] => {
    const article = extractArticle(text);
    const names = new Map(article.people.map((p) => [p.id, p.name]));
    return article.quotes.map((q) => `${names.get(q.speaker)}/${q.kind}: ${q.text}`);
  };

  it('line 2 is a standfirst only when a blank line follows it', () => {
    expect(extractArticle(body('Anna Berg said the plan works.')).standfirst).toBe('A standfirst.');
    const noBlank = extractArticle('Title line\nAnna Berg said the plan works.\nShe added that it is cheap.');
    expect(noBlank.standfirst).toBeNull();
    expect(noBlank.paragraphs).toHaveLength(2);
  });

  it('splits a quote interrupted by its attribution, and drops the trailing comma', () => {
    expect(quotes(body('Coach Tom Reed was upbeat. “We played well,” he said, “and we will win.”'))).toEqual([
      'Tom Reed/direct: We played well',
      'Tom Reed/direct: and we will win.',
    ]);
  });

  it('runs an unclosed quote to the paragraph end and follows a misspelled surname', () => {
    expect(quotes(body('Mayor Lena Frost said: "The bridge will open in May.', 'Mrs Forst added that the cost had doubled.'))).toEqual([
      'Lena Frost/direct: The bridge will open in May.',
      'Lena Frost/reported: the cost had doubled',
    ]);
  });

  it('lets an organisation speak and reports a second-hand statement', () => {
    expect(quotes(body('The city council said in a statement that roads would close.', '“Ms Dale told me that she would resign,” said Tim Ross, a colleague.', 'Jane Dale is 50.'))).toEqual([
      'city council/reported: roads would close',
      'Tim Ross/direct: Ms Dale told me that she would resign',
      'Jane Dale/reported: she would resign',
    ]);
  });
});

describe('the ingest command', () => {
  interface Run {
    status: number | null;
    stdout: string;
    stderr: string;
  }
  const run = (args: string[], articlesDir: string): Promise<Run> =>
    new Promise((done) => {
      // What `npx tsx src/cli/ingest.ts` runs, minus npx's second of start-up (the suite must stay fast).
      const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/ingest.ts', ...args], { cwd: ROOT, env: { ...process.env, ARTICLES_DIR: articlesDir } });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.on('close', (status) => done({ status, stdout, stderr }));
    });
  const fixture = join(FIXTURES_DIR, 'bus-strike.txt');
  const usageArgs = [[], ['--nope', fixture], [fixture, '--id', 'Not An Id']];
  let refuseDir: string;
  let forceDir: string;
  let dryDir: string;
  let refused: Run;
  let forced: Run;
  let dry: Run;
  let usage: Run[];
  const EDITED = '{"edited": true}';

  // Spawning costs about a second of CPU each, so the runs go in parallel, each against its own directory.
  beforeAll(async () => {
    const fresh = (): string => mkdtempSync(join(dir, 'cli-'));
    [refuseDir, forceDir, dryDir] = [fresh(), fresh(), fresh()];
    for (const d of [refuseDir, forceDir]) {
      writeFileSync(join(d, 'bus.json'), EDITED);
      writeFileSync(join(d, 'bus.txt'), 'edited');
    }
    [refused, forced, dry, ...usage] = await Promise.all([
      run([fixture, '--id', 'bus'], refuseDir),
      run([fixture, '--id', 'bus', '--force'], forceDir),
      run([fixture, '--json', '--dry-run'], dryDir),
      ...usageArgs.map((args) => run(args, dryDir)),
    ]);
  }, 30_000);

  it('refuses to overwrite without --force', () => {
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/already exist.*--force/);
    expect(readFileSync(join(refuseDir, 'bus.json'), 'utf8')).toBe(EDITED);
  });

  it('with --force writes the text and data the loader accepts, and prints a summary', () => {
    expect(forced.status, forced.stderr).toBe(0);
    expect(forced.stdout).toMatch(/Sandra Okafor \(regional secretary of the Transport Workers Union\): 4 quotes/);
    expect(loadArticleFile(join(forceDir, 'bus.json')).quotes.length).toBeGreaterThan(0);
    expect(readFileSync(join(forceDir, 'bus.txt'), 'utf8')).toBe(readFileSync(fixture, 'utf8'));
  });

  it('--json --dry-run prints the documented shape and writes nothing', () => {
    expect(dry.status, dry.stderr).toBe(0);
    expect(readdirSync(dryDir)).toEqual([]);
    const json = JSON.parse(dry.stdout) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual(['id', 'title', 'speakers', 'quotes']);
    expect(json.id).toBe('bus-strike');
    const speakers = json.speakers as Record<string, unknown>[];
    const quotes = json.quotes as Record<string, unknown>[];
    expect(speakers.every((s) => Object.keys(s).join() === 'name,role')).toBe(true);
    expect(quotes.every((q) => Object.keys(q).join() === 'speaker,kind,quote,paragraph')).toBe(true);
    expect(quotes).toContainEqual({ speaker: 'Helen Rowe', kind: 'direct', quote: 'Nobody wins if the buses stop running', paragraph: 9 });
    expect(existsSync(join(dryDir, 'bus-strike.json'))).toBe(false);
  });

  it('exits 2 with one line on stderr on a usage error', () => {
    usage.forEach((result, i) => {
      expect(result.status, usageArgs[i]?.join(' ')).toBe(2);
      expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    });
  });
});
