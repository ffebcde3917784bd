import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BUNDLED_ARTICLES_DIR, loadKnowledgeBase } from '../../src/data/load.js';
import { writeGeneratedArticles } from '../../bench/generate-articles.js';
import { runCli } from '../support/run-cli.js';
import { writeArticle, writtenArticle } from '../support/written-article.js';

/**
 * The contract scripts rely on, checked against the real CLI in a child process.
 * Each spawn costs about half a second, so each one checks as much as it can.
 */

const SPAWN_TIMEOUT_MS = 30_000;
const { articles } = loadKnowledgeBase();

const ask = (args: string[], options: { input?: string; env?: Record<string, string> } = {}) => runCli('ask', args, options);

const ANSWER_KEYS = ['answers', 'found', 'question', 'summary'];
const ITEM_KEYS = ['article', 'kind', 'paragraph', 'quote', 'role', 'speaker'];

interface JsonItem {
  speaker: string | null;
  role: string | null;
  quote: string;
  parts?: string[];
  kind: string;
  article: string;
  paragraph: number;
}

interface JsonAnswer {
  question: string;
  found: boolean;
  summary: string;
  answers: JsonItem[];
}

/** Parses one --json line and checks its exact shape. */
function parseAnswer(line: string): JsonAnswer {
  const value: unknown = JSON.parse(line);
  expect(value).toBeTypeOf('object');
  const record = value as Record<string, unknown>;
  expect(Object.keys(record).sort()).toEqual(ANSWER_KEYS);
  expect(typeof record['question']).toBe('string');
  expect(typeof record['found']).toBe('boolean');
  expect(typeof record['summary']).toBe('string');
  expect(Array.isArray(record['answers'])).toBe(true);
  for (const item of record['answers'] as Record<string, unknown>[]) {
    // `parts` only when the attribution interrupts the quote: the speaker's own words, each verbatim.
    expect(Object.keys(item).filter((k) => k !== 'parts').sort()).toEqual(ITEM_KEYS);
    if ('parts' in item) expect(Array.isArray(item['parts']) && item['parts'].every((p) => typeof p === 'string')).toBe(true);
    expect(['direct', 'reported', 'narration']).toContain(item['kind']);
    expect(typeof item['quote']).toBe('string');
    expect(typeof item['paragraph']).toBe('number');
    expect(item['speaker'] === null || typeof item['speaker'] === 'string').toBe(true);
    expect(item['role'] === null || typeof item['role'] === 'string').toBe(true);
  }
  return value as JsonAnswer;
}

function expectVerbatim(answer: JsonAnswer): void {
  for (const item of answer.answers) {
    const article = articles.find((a) => a.id === item.article);
    expect(article, `article ${item.article}`).toBeDefined();
    expect(article?.text.includes(item.quote), `quote ${JSON.stringify(item.quote.slice(0, 60))} is verbatim`).toBe(true);
    for (const part of item.parts ?? []) expect(item.quote.includes(part), `part ${JSON.stringify(part.slice(0, 60))} is inside the quote`).toBe(true);
  }
}

const emptyDir = mkdtempSync(join(tmpdir(), 'ask-cli-empty-'));
afterAll(() => rmSync(emptyDir, { recursive: true, force: true }));

describe('npm run ask', () => {
  it(
    'GIVEN one question THEN it prints the answer for a person: the speaker and the paragraph (¶)',
    async () => {
      const result = await ask(['who', 'spoke', 'about', 'venues?']);
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('Polishchuk');
      expect(result.stdout).toContain('¶');
      expect(result.stderr).toBe('');
    },
    SPAWN_TIMEOUT_MS,
  );

  it(
    'GIVEN --json THEN it prints exactly one line with question, found, summary and answers, quoting the article verbatim',
    async () => {
      const result = await ask(['--json', 'who spoke about venues?']);
      expect(result.code).toBe(0);
      const lines = result.stdout.split('\n');
      expect(lines).toHaveLength(2);
      expect(lines[1]).toBe('');
      const answer = parseAnswer(lines[0] ?? '');
      expect(answer.question).toBe('who spoke about venues?');
      expect(answer.found).toBe(true);
      expect(answer.answers.length).toBeGreaterThan(0);
      expect(answer.answers[0]?.speaker).toBe('Alexei Polishchuk');
      expect(answer.answers[0]?.article).toBe('russia-ukraine-negotiations');
      expectVerbatim(answer);
    },
    SPAWN_TIMEOUT_MS,
  );

  it(
    'GIVEN questions on stdin with --json THEN each line in (a blank one, an out-of-scope one and a Windows line ending included) gives one JSON line out, in order',
    async () => {
      const questions = ['who spoke about venues?', '', 'what did zakharova say', 'what is the weather in Paris', 'who is peskov'];
      const input = `${questions[0]}\r\n${questions.slice(1).join('\n')}\n`;
      const result = await ask(['--json'], { input });
      expect(result.code).toBe(0);
      const lines = result.stdout.split('\n');
      expect(lines.pop()).toBe('');
      expect(lines).toHaveLength(questions.length);
      const answers = lines.map(parseAnswer);
      expect(answers.map((a) => a.question)).toEqual(questions);
      expect(answers.map((a) => a.found)).toEqual([true, false, true, false, true]);
      expect(answers[2]?.answers.some((a) => a.speaker === 'Maria Zakharova')).toBe(true);
      for (const answer of answers) expectVerbatim(answer);
    },
    SPAWN_TIMEOUT_MS,
  );

  it(
    'GIVEN an unknown flag THEN it exits 2 with one line on stderr naming the flag',
    async () => {
      const result = await ask(['--bogus', 'who spoke about venues?']);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr.endsWith('\n')).toBe(true);
      expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(result.stderr).toContain('--bogus');
      expect(result.stderr).toContain('usage');
    },
    SPAWN_TIMEOUT_MS,
  );

  it(
    'GIVEN an empty question THEN it exits 2 saying so',
    async () => {
      const result = await ask(['   ']);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(result.stderr).toMatch(/empty/);
    },
    SPAWN_TIMEOUT_MS,
  );

  it(
    'GIVEN a question the article does not answer THEN it exits 0 with found false and no attributed quote',
    async () => {
      const result = await ask(['--json', 'how tall is the Eiffel Tower']);
      expect(result.code).toBe(0);
      const answer = parseAnswer(result.stdout.trimEnd());
      expect(answer.found).toBe(false);
      expect(answer.answers.every((a) => a.kind === 'narration')).toBe(true);
      expect(answer.summary.length).toBeGreaterThan(0);
    },
    SPAWN_TIMEOUT_MS,
  );

  it(
    'GIVEN ARTICLES_DIR is an empty directory THEN it exits 1 with a message naming the directory',
    async () => {
      const result = await ask(['who spoke about venues?'], { env: { ARTICLES_DIR: emptyDir } });
      expect(result.code).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr).toContain(emptyDir);
      expect(result.stderr).toMatch(/no valid article/);
    },
    SPAWN_TIMEOUT_MS,
  );
});

describe('npm run ask, given a quote its attribution interrupts (“A,” said X, who …, “B.”)', () => {
  // An article written for this test.
  const kb = mkdtempSync(join(tmpdir(), 'ask-cli-parts-'));
  afterAll(() => rmSync(kb, { recursive: true, force: true }));
  const first = 'The ferry will run all winter,';
  const second = 'and the fares will not rise.';
  const narration = 'said Odile Marchetti, who has run the harbour board since the spring and who also thanked the crews';
  writeArticle(
    kb,
    writtenArticle({
      id: 'harbour',
      title: 'Harbour board sets winter timetable',
      people: [{ id: 'odile-marchetti', name: 'Odile Marchetti' }],
      paragraphs: [{ text: `“${first}” ${narration}. “${second}”`, quotes: [{ speaker: 'odile-marchetti', words: `${first}” ${narration}. “${second}`, parts: [first, second] }] }],
    }),
  );

  it(
    'GIVEN a question it answers THEN the text shows the speaker’s words joined by “ … ”, and --json keeps the verbatim quote and adds its parts',
    async () => {
      const text = await ask(['what did Marchetti say about the ferry?'], { env: { ARTICLES_DIR: kb } });
      expect(text.code, text.stderr).toBe(0);
      const shown = text.stdout.split('\n').filter((l) => l.includes('│')).map((l) => l.replace(/^\s*│ /, '')).join(' ');
      expect(shown).toBe(`${first} … ${second}`);
      const json = await ask(['--json', 'what did Marchetti say about the ferry?'], { env: { ARTICLES_DIR: kb } });
      const answer = parseAnswer(json.stdout.trimEnd());
      expect(answer.answers[0]?.parts).toEqual([first, second]);
      expect(answer.answers[0]?.quote).toContain(narration);
    },
    SPAWN_TIMEOUT_MS,
  );
});

describe('npm run ask, given hostile input', () => {
  const kb = mkdtempSync(join(tmpdir(), 'ask-cli-kb-'));
  afterAll(() => rmSync(kb, { recursive: true, force: true }));
  // Several articles, so every question goes through the router.
  for (const ext of ['json', 'txt']) copyFileSync(join(BUNDLED_ARTICLES_DIR, `russia-ukraine-negotiations.${ext}`), join(kb, `russia-ukraine-negotiations.${ext}`));
  writeGeneratedArticles(kb, 5);

  it(
    'GIVEN "constructor" between two questions in a --json batch THEN every line is answered, in order, and the exit code is 0',
    async () => {
      const result = await ask(['--json'], { input: 'who is peskov\nconstructor\nwho is leavitt\n' });
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout.trimEnd().split('\n').map((l) => parseAnswer(l).question)).toEqual(['who is peskov', 'constructor', 'who is leavitt']);
    },
    SPAWN_TIMEOUT_MS,
  );

  it(
    'GIVEN a single word of 100,000 characters over several articles THEN it is answered (not found), not a crash',
    async () => {
      const word = 'a'.repeat(100_000);
      const result = await ask(['--json'], { input: `${word}\nwho is peskov\n`, env: { ARTICLES_DIR: kb } });
      expect(result.code, result.stderr.slice(0, 300)).toBe(0);
      const [long, next] = result.stdout.trimEnd().split('\n').map(parseAnswer);
      expect(long?.question).toBe(word);
      expect(long?.found).toBe(false);
      expect(next?.found).toBe(true);
    },
    SPAWN_TIMEOUT_MS,
  );

  it(
    'GIVEN a lone \\r inside a line, U+2028, U+2029 and C1 controls THEN there is one JSON line per input line, with those characters escaped',
    async () => {
      const questions = ['who is peskov\rwho is leavitt', 'who\u2028is\u2029peskov', 'who is \u009b31mpeskov', 'what did zakharova say'];
      const result = await ask(['--json'], { input: `${questions.join('\n')}\r\n` });
      expect(result.code).toBe(0);
      const lines = result.stdout.split('\n');
      expect(lines.pop()).toBe('');
      expect(lines).toHaveLength(questions.length);
      expect(result.stdout).not.toMatch(/[\u2028\u2029\u0080-\u009f]/);
      expect(lines[1]).toContain('\\u2028');
      expect(lines.map((l) => parseAnswer(l).question)).toEqual(questions);
    },
    SPAWN_TIMEOUT_MS,
  );

  it(
    'GIVEN ANSI escapes and bidirectional overrides in a question THEN the terminal output shows them as U+FFFD, never raw',
    async () => {
      const result = await ask([], { input: 'who is \u001b[2J\u001b]0;owned\u0007peskov \u202eevil\n' });
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('Q: who is \ufffd[2J\ufffd]0;owned\ufffdpeskov \ufffdevil');
      const unsafe = [...result.stdout].filter((c) => {
        const code = c.charCodeAt(0);
        return (code < 0x20 && c !== '\n' && c !== '\t') || (code >= 0x7f && code <= 0x9f) || (code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069);
      });
      expect(unsafe).toEqual([]);
    },
    SPAWN_TIMEOUT_MS,
  );
});
