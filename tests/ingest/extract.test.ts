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

describe('GIVEN shapes of news text the loader once refused', () => {
  const said = (text: string): [string, string, number][] => {
    const loaded = roundTrip('refused-shape', text);
    return loaded.quotes.map((q) => [loaded.people.find((p) => p.id === q.speaker)?.name ?? '', q.text, q.paragraph]);
  };

  it('WHEN a quotation ending in a question mark is attributed after it THEN it is one quote of one part', () => {
    const text = 'Harbour plan approved\n\n“Who do they think they are?” Tamsin Arkwell said of the council in May, when the vote was held.\n';
    expect(said(text)).toEqual([['Tamsin Arkwell', 'Who do they think they are?', 1]]);
  });

  it('WHEN a paragraph opening with a dash follows a quotation THEN the dash signs nothing', () => {
    const text = 'Harbour plan approved\n\nTamsin Arkwell, the mayor, wants a harbour that “works for everyone.”\n\n– Ready for the vote –.\n\nThe council meets on Monday.\n';
    expect(() => said(text)).not.toThrow();
    expect(said(text).filter(([, , paragraph]) => paragraph === 2)).toEqual([]);
  });

  it('WHEN a name and a colon end a paragraph and a quotation opens the next THEN no quote spans the break', () => {
    const text = 'Harbour plan approved\n\nFrom a column in the Brenwick Ledger:\n\n"Rising from the middle of the pack takes nerve.\n\n"And the harbour has plenty of it."\n';
    for (const [, quote, paragraph] of said(text)) expect(text.split('\n').filter(Boolean)[paragraph]).toContain(quote);
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
  // climate-talks misses one statement; rovers-manager's "the club" stays a described speaker, since nothing in the
  // text says "Harbour Rovers" is a club rather than a person (the club words that once said so fitted this fixture).
  it('the original fixtures and the seed: 106/108 matched of 107 extracted, one described speaker for a named one', () => {
    const original = total(results.filter((r) => ORIGINAL.includes(r.name) || r.name.startsWith('seed:')).map((r) => r.score));
    expect(original.recall).toBeGreaterThanOrEqual(0.98);
    expect(original.precision).toBeGreaterThanOrEqual(0.98);
    expect(original.wrongSpeaker).toBeLessThanOrEqual(1);
    expect(original.nonVerbatim).toBe(0);
  });

  // heatwave-power: "the national grid operator warned …" is Transgrid in the key, but the text never says so; it is
  // kept as a body named by its description.
  it('every fixture: 277/280 matched of 280 extracted, two described speakers for named ones', () => {
    const overall = total(results.map((r) => r.score));
    expect(overall.recall).toBeGreaterThanOrEqual(0.98);
    expect(overall.precision).toBeGreaterThanOrEqual(0.98);
    expect(overall.wrongSpeaker).toBeLessThanOrEqual(2);
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

  it('joins a quote interrupted by its attribution into one statement of two parts, without the trailing comma', () => {
    const text = body('Coach Tom Reed was upbeat. “We played well,” he said, “and we will win.”');
    expect(quotes(text)).toEqual(['Tom Reed/direct: We played well,” he said, “and we will win.']);
    const quote = extractArticle(text).quotes[0];
    expect(quote?.parts?.map((p) => text.slice(p.start, p.end))).toEqual(['We played well', 'and we will win.']);
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

describe('attribution rules (general, on made-up texts)', () => {
  const body = (...paragraphs: string[]): string => ['Title line', 'A standfirst.', '', ...paragraphs].join('\n');
  const quotes = (text: string): string[] => {
    const article = extractArticle(text);
    const names = new Map(article.people.map((p) => [p.id, p.name]));
    return article.quotes.map((q) => `${names.get(q.speaker)}/${q.kind}${q.reportedBy ? ` via ${names.get(q.reportedBy)}` : ''}: ${q.text}`);
  };

  it('knows verbs of conceding and denying, after a sentence-opening "But"', () => {
    expect(quotes(body('The mayor, Anna Berg, opened the bridge. But she conceded that the cost had doubled since May.'))).toEqual([
      'Anna Berg/reported: the cost had doubled since May',
    ]);
    expect(quotes(body('Anna Berg opened the bridge. She admitted that the works were late, and she denied that money had been wasted.'))).toEqual([
      'Anna Berg/reported: the works were late',
      'Anna Berg/reported: money had been wasted',
    ]);
  });

  it('does not quote the narration after "she said as …"', () => {
    const text = body('“The bridge is safe,” Anna Berg said as she cut the ribbon. “It will last a century.”');
    const quote = extractArticle(text).quotes[0];
    expect(quote?.parts?.map((p) => text.slice(p.start, p.end))).toEqual(['The bridge is safe', 'It will last a century.']);
    expect(quotes(body('The city council said as many as 40 people had been injured.'))).toEqual(['city council/reported: as many as 40 people had been injured']);
  });

  it('reads an attribution that follows its clause, past appositions and a participle tail', () => {
    expect(quotes(body('The bridge will close for two weeks in July, its engineer, Tom Reed, told reporters outside the town hall.'))).toEqual([
      'Tom Reed/reported: The bridge will close for two weeks in July',
    ]);
    // The participle is a statement of its own: what the authority urged.
    expect(quotes(body('Ticket prices will rise by ten per cent next year, the Harwick Transport Authority said on Monday, urging passengers to buy season tickets.'))).toEqual([
      'Harwick Transport Authority/reported: Ticket prices will rise by ten per cent next year',
      'Harwick Transport Authority/reported: passengers to buy season tickets',
    ]);
  });

  it('ends a clause before a role apposition and before what the speaker did next', () => {
    expect(quotes(body('According to Anna Berg, a transport analyst at Kessler Bank, the deal makes sense on paper.'))).toEqual([
      'Anna Berg/reported: the deal makes sense on paper',
    ]);
    expect(quotes(body('A spokesman, Tom Reed, said the police had not yet been informed and declined to comment further.'))).toEqual([
      'Tom Reed/reported: the police had not yet been informed',
    ]);
    expect(quotes(body('Harwick Rovers said the manager had left the club and thanked him for his work.'))).toEqual(['Harwick Rovers/reported: the manager had left the club']);
    // With the speaker as the clause's own subject, the second verb is still part of what was said.
    expect(quotes(body('Harwick Rovers said it accepted the fine and apologised to the fans.'))).toEqual(['Harwick Rovers/reported: it accepted the fine and apologised to the fans']);
  });

  it('gives a club its own statements and a fans\' group its own', () => {
    expect(
      quotes(body('Westfield City have signed a new striker.', 'The player has agreed a four-year contract with the club, the club said in a statement.', "City fans' group Westfield Supporters Trust said it welcomed the signing.")),
    ).toEqual(['Westfield City/reported: The player has agreed a four-year contract with the club', 'Westfield Supporters Trust/reported: it welcomed the signing']);
  });

  it('records how the text describes an organisation ("the club"), so people can ask by it', () => {
    const article = extractArticle(body('Westfield City have signed a new striker.', 'The player has agreed a four-year contract, the club said in a statement.'));
    expect(article.people.find((p) => p.name === 'Westfield City')?.roleAliases).toContain('the club');
  });

  it('resolves a described firm to the name the article gives it, else keeps the description as an unnamed speaker', () => {
    const warning = 'Demand hit a record, and the national grid operator warned that blackouts could not be ruled out.';
    expect(quotes(body(warning, 'Transgrid, the national grid operator, asked users to save power.'))).toEqual([
      'Transgrid/reported: blackouts could not be ruled out',
      'Transgrid/reported: users to save power',
    ]);
    expect(quotes(body(warning, "Transgrid, the country's national grid operator, asked users to save power.")).slice(0, 1)).toEqual(['Transgrid/reported: blackouts could not be ruled out']);
    expect(quotes(body(warning, 'Engineers at Transgrid worked overnight.'))).toEqual(['national grid operator/reported: blackouts could not be ruled out']);
    expect(quotes(body(warning, 'Anna Smith, the head of the national grid operator, was at home.'))).toEqual(['national grid operator/reported: blackouts could not be ruled out']);
    // A public body is named by its description.
    expect(quotes(body('The state fire service said that the blaze was contained.'))).toEqual(['state fire service/reported: the blaze was contained']);
  });

  it('lets a document speak for the body whose advice it is, and for no one else', () => {
    const statement = 'The regional health ministry said in a statement that cases had doubled.';
    expect(quotes(body(statement, 'The ministry\'s advice is simple. "Wear long sleeves in forests," the advisory says.'))).toEqual([
      'regional health ministry/reported: cases had doubled',
      'regional health ministry/direct: Wear long sleeves in forests',
    ]);
    // With no body named as its author, the advisory is a described source of its own.
    expect(quotes(body(statement, 'The advice is simple. "Wear long sleeves in forests," the advisory says.'))).toEqual([
      'regional health ministry/reported: cases had doubled',
      'advisory/direct: Wear long sleeves in forests',
    ]);
  });

  it('attributes quotes inside quotes to their own speaker, reported by the quoting one', () => {
    expect(
      quotes(body('Sam Ocampo joined Harwick Rovers on Monday.', 'Coach Tom Reed was upbeat. “When we met he told me, ‘I want to win the league.’ That is the attitude we need,” Reed said.')),
    ).toEqual([
      'Tom Reed/direct: When we met he told me, ‘I want to win the league.’ That is the attitude we need',
      'Sam Ocampo/direct via Tom Reed: I want to win the league.',
    ]);
    expect(
      quotes(
        body(
          'The Harwick port authority said in a statement that fees would rise.',
          'Campaigner Anna Berg said: “When we complained, the port told us that the fees were ‘entirely normal’. Now we know better.”',
        ),
      ),
    ).toEqual([
      'Harwick port authority/reported: fees would rise',
      'Anna Berg/direct: When we complained, the port told us that the fees were ‘entirely normal’. Now we know better.',
      'Harwick port authority/reported via Anna Berg: the fees were ‘entirely normal’',
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
    expect(forced.stdout).toMatch(/Sandra Okafor \(regional secretary of the Transport Workers Union\): 3 quotes/);
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
    // A quotation interrupted by its attribution gives the words said, not the attribution between its parts.
    expect(quotes).toContainEqual({ speaker: 'Sandra Okafor', kind: 'direct', quote: 'Our members have not had a real-terms pay rise in four years … They are tired of being told to wait.', paragraph: 3 });
    expect(existsSync(join(dryDir, 'bus-strike.json'))).toBe(false);
  });

  it('exits 2 with one line on stderr on a usage error', () => {
    usage.forEach((result, i) => {
      expect(result.status, usageArgs[i]?.join(' ')).toBe(2);
      expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    });
  });
});
