import { closeSync, constants, fstatSync, openSync, readSync, readdirSync, realpathSync, type Stats } from 'node:fs';
import { basename, dirname, join, relative, resolve, isAbsolute } from 'node:path';
import { fileURLToPath } from 'node:url';
import { articleSchema, type Article, type ArticleData } from './schema.js';

/** The bundled knowledge base, used when ARTICLES_DIR is not set. */
export const BUNDLED_ARTICLES_DIR = join(dirname(fileURLToPath(import.meta.url)), 'articles');

/** Largest article file read (ARTICLE_MAX_BYTES): news articles are tens of KB; a huge file would stall start-up. */
export const DEFAULT_ARTICLE_MAX_BYTES = 2 * 1024 * 1024;

export interface LoadOptions {
  /** Files larger than this are refused with a per-file error (default DEFAULT_ARTICLE_MAX_BYTES). */
  maxFileBytes?: number;
}

/** One problem in one data file, phrased so the person who edits the file can fix it. */
export class ArticleDataError extends Error {
  constructor(
    readonly file: string,
    readonly field: string,
    readonly problem: string,
  ) {
    super(`${file}: ${field}: ${problem}`);
    this.name = 'ArticleDataError';
  }
}

export interface KnowledgeBase {
  articles: Article[];
  /** Files that were skipped, each with the first problem found in it. */
  errors: ArticleDataError[];
}

/**
 * Loads every `*.json` article description in `dir`, checks it against the schema and
 * against its original text, and keeps the valid ones. A broken file never hides the others.
 */
export function loadKnowledgeBase(dir: string = BUNDLED_ARTICLES_DIR, options: LoadOptions = {}): KnowledgeBase {
  const root = resolve(dir);
  let files: string[];
  try {
    files = readdirSync(root).filter((name) => name.endsWith('.json')).sort();
  } catch (error) {
    throw new ArticleDataError(root, 'directory', `cannot read the articles directory (${errorCode(error)}); check ARTICLES_DIR`);
  }
  const articles: Article[] = [];
  const errors: ArticleDataError[] = [];
  const seenIds = new Map<string, string>();
  for (const name of files) {
    const file = join(root, name);
    try {
      const article = loadArticleFile(file, options);
      const previous = seenIds.get(article.id);
      if (previous) throw new ArticleDataError(file, 'id', `"${article.id}" is already used by ${previous}`);
      seenIds.set(article.id, file);
      articles.push(article);
    } catch (error) {
      if (error instanceof ArticleDataError) errors.push(error);
      else errors.push(new ArticleDataError(file, '(file)', String(error)));
    }
  }
  return { articles, errors };
}

/** Reads and fully verifies one article description; throws ArticleDataError on the first problem. */
export function loadArticleFile(file: string, options: LoadOptions = {}): Article {
  const maxBytes = options.maxFileBytes ?? DEFAULT_ARTICLE_MAX_BYTES;
  const dir = dirname(resolve(file));
  const json = readFileInside(dir, file, maxBytes, (problem) => new ArticleDataError(file, '(file)', problem));
  return parseArticle(json, file, (textFile) => {
    if (basename(textFile) !== textFile) throw new ArticleDataError(file, 'textFile', 'must be a file name in the same directory, not a path');
    return readFileInside(dir, join(dir, textFile), maxBytes, (problem) =>
      problem === MISSING ? new ArticleDataError(file, 'textFile', `cannot read the original text "${textFile}" next to this file`) : new ArticleDataError(file, 'textFile', `"${textFile}" ${problem}`),
    );
  });
}

/**
 * Parses and fully verifies an article description whose text `readText` supplies (by its
 * `textFile` name); throws ArticleDataError, labelled `file`, on the first problem. Ingestion
 * checks what it is about to write with this, before anything is in place.
 */
export function parseArticle(json: string, file: string, readText: (textFile: string) => string): Article {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (error) {
    throw new ArticleDataError(file, '(file)', `is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = articleSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ArticleDataError(file, issue ? fieldPath(issue.path) : '(root)', issue?.message ?? 'invalid');
  }
  const data = parsed.data;
  const text = readText(data.textFile);
  verifyAgainstText(data, text, file);
  return { ...data, text };
}

const MISSING = 'does not exist';

/**
 * Reads a file of the knowledge base, or says why not: only a regular file inside `root` (a link
 * is followed only while it stays inside), at most `maxBytes` (see readRegularFile).
 */
function readFileInside(root: string, path: string, maxBytes: number, problem: (text: string) => ArticleDataError): string {
  let real: string;
  let realRoot: string;
  try {
    real = realpathSync(path);
    realRoot = realpathSync(root);
  } catch (error) {
    throw problem(errorCode(error) === 'ENOENT' ? MISSING : `cannot be read (${errorCode(error)})`);
  }
  const inside = relative(realRoot, real);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) throw problem(`is a link to ${real}, outside the articles directory; only files inside it are read`);
  try {
    return readRegularFile(real, maxBytes);
  } catch (error) {
    throw problem(error instanceof Error ? error.message : String(error));
  }
}

/**
 * A regular file's text, at most `maxBytes`; otherwise an Error saying why not ("is not a regular
 * file (a FIFO)", "is 52,428,800 bytes, over the … limit"). Opened without blocking and without
 * following a link, so a FIFO cannot hang the reader and /dev/zero cannot fill its memory.
 */
export function readRegularFile(path: string, maxBytes: number): string {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW);
  } catch (error) {
    const code = errorCode(error);
    throw new Error(code === 'ENOENT' ? MISSING : code === 'ELOOP' ? 'is a symbolic link; give the file it points to' : `cannot be read (${code})`, { cause: error });
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw new Error(`is not a regular file (${fileKind(stat)}); only regular files are read`);
    if (stat.size > maxBytes) throw new Error(`is ${stat.size.toLocaleString('en')} bytes, over the ${maxBytes.toLocaleString('en')}-byte limit (ARTICLE_MAX_BYTES)`);
    // One byte more than the file's size is asked for, so a file that grew while being read is caught too.
    const buffer = Buffer.alloc(stat.size + 1);
    let read = 0;
    for (let n = -1; n !== 0 && read < buffer.length; read += n) n = readSync(fd, buffer, read, buffer.length - read, null);
    if (read > maxBytes) throw new Error(`grew past the ${maxBytes.toLocaleString('en')}-byte limit (ARTICLE_MAX_BYTES) while being read`);
    return buffer.toString('utf8', 0, read);
  } finally {
    closeSync(fd);
  }
}

function fileKind(stat: Stats): string {
  if (stat.isDirectory()) return 'a directory';
  if (stat.isFIFO()) return 'a FIFO';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  if (stat.isSocket()) return 'a socket';
  return 'not a file';
}

function errorCode(error: unknown): string {
  return error instanceof Error && 'code' in error ? String(error.code) : String(error);
}

function fieldPath(path: readonly PropertyKey[]): string {
  const field = path.reduce<string>((acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key)), '');
  return field || '(root)';
}

/** The checks a schema cannot express: every span is verbatim and every reference resolves. */
function verifyAgainstText(data: ArticleData, text: string, file: string): void {
  const fail = (field: string, problem: string): never => {
    throw new ArticleDataError(file, field, problem);
  };
  const checkSpan = (field: string, start: number, end: number): void => {
    if (end <= start) fail(field, `end (${end}) must be greater than start (${start})`);
    if (end > text.length) fail(field, `end (${end}) is past the end of the text (${text.length} characters)`);
  };
  const firstLine = text.split('\n', 1)[0] ?? '';
  if (firstLine.trim() !== data.title.trim()) fail('title', 'does not match the first line of the original text');
  if (data.standfirst !== null && !text.includes(data.standfirst)) fail('standfirst', 'does not appear verbatim in the original text');

  const paragraphs = new Map<number, { start: number; end: number }>();
  data.paragraphs.forEach((paragraph, i) => {
    const field = `paragraphs[${i}]`;
    if (paragraph.number !== i + 1) fail(`${field}.number`, `must be ${i + 1} (paragraphs are numbered from 1 in order)`);
    checkSpan(field, paragraph.start, paragraph.end);
    if (text.slice(paragraph.start, paragraph.end).includes('\n')) fail(field, 'spans a line break; a paragraph is one line of the text');
    const previous = paragraphs.get(i);
    if (previous && paragraph.start < previous.end) fail(`${field}.start`, 'overlaps the previous paragraph');
    paragraphs.set(paragraph.number, paragraph);
  });
  const inParagraph = (field: string, number: number, start: number, end: number): void => {
    const paragraph = paragraphs.get(number);
    if (!paragraph) fail(`${field}.paragraph`, `paragraph ${number} does not exist (the article has ${paragraphs.size})`);
    else if (start < paragraph.start || end > paragraph.end) fail(field, `span ${start}-${end} is not inside paragraph ${number}`);
  };

  const people = new Set<string>();
  data.people.forEach((person, i) => {
    if (people.has(person.id)) fail(`people[${i}].id`, `"${person.id}" is used twice`);
    people.add(person.id);
    if (person.introduction) checkSpan(`people[${i}].introduction`, person.introduction.start, person.introduction.end);
  });
  const topics = new Set<string>();
  data.topics.forEach((topic, i) => {
    if (topics.has(topic.id)) fail(`topics[${i}].id`, `"${topic.id}" is used twice`);
    topics.add(topic.id);
  });
  const quoteIds = new Set<string>();
  data.quotes.forEach((quote, i) => {
    const field = `quotes[${i}]`;
    if (quoteIds.has(quote.id)) fail(`${field}.id`, `"${quote.id}" is used twice`);
    quoteIds.add(quote.id);
    if (!people.has(quote.speaker)) fail(`${field}.speaker`, `"${quote.speaker}" is not in people`);
    if (quote.reportedBy !== undefined && !people.has(quote.reportedBy)) fail(`${field}.reportedBy`, `"${quote.reportedBy}" is not in people`);
    quote.topics.forEach((topic, j) => {
      if (!topics.has(topic)) fail(`${field}.topics[${j}]`, `"${topic}" is not in topics`);
    });
    checkSpan(field, quote.start, quote.end);
    if (text.slice(quote.start, quote.end) !== quote.text) {
      fail(`${field}.text`, `is not the article text at ${quote.start}-${quote.end} (found "${text.slice(quote.start, quote.end).slice(0, 60)}")`);
    }
    inParagraph(field, quote.paragraph, quote.start, quote.end);
    quote.parts?.forEach((part, j) => {
      checkSpan(`${field}.parts[${j}]`, part.start, part.end);
      if (part.start < quote.start || part.end > quote.end) fail(`${field}.parts[${j}]`, `span ${part.start}-${part.end} is not inside the quote's ${quote.start}-${quote.end}`);
      const previous = quote.parts?.[j - 1];
      if (previous && part.start < previous.end) fail(`${field}.parts[${j}]`, 'overlaps or precedes the part before it');
    });
  });
  data.dates.forEach((date, i) => {
    const field = `dates[${i}]`;
    checkSpan(field, date.start, date.end);
    if (text.slice(date.start, date.end) !== date.text) fail(`${field}.text`, `is not the article text at ${date.start}-${date.end}`);
    inParagraph(field, date.paragraph, date.start, date.end);
  });
}
