import { closeSync, constants, fstatSync, openSync, readSync, readdirSync, realpathSync, type Stats } from 'node:fs';
import { createHash, type Hash } from 'node:crypto';
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

/** Every valid article of a directory, and the files that were skipped. */
export interface LoadedArticles {
  articles: Article[];
  /** Files that were skipped, each with the first problem found in it. */
  errors: ArticleDataError[];
}

/**
 * Loads every `*.json` article description in `dir`, checks it against the schema and
 * against its original text, and keeps the valid ones. A broken file never hides the others.
 */
export function loadKnowledgeBase(dir: string = BUNDLED_ARTICLES_DIR, options: LoadOptions = {}): LoadedArticles {
  const root = resolve(dir);
  const loads = listArticleFiles(root).map((name) => loadArticlePair(join(root, name), options));
  const { kept, duplicates } = firstOfEachId(loads.flatMap((load) => (load.article ? [{ file: load.file, article: load.article }] : [])));
  const errors = loads.flatMap((load) => (load.error ? [load.error] : duplicates.filter((d) => d.file === load.file)));
  return { articles: kept.map((k) => k.article), errors };
}

/** The article descriptions (`*.json`) in a directory, by name; `names` is its listing if already read. */
export function listArticleFiles(root: string, names?: string[]): string[] {
  let listing = names;
  if (!listing) {
    try {
      listing = readdirSync(root);
    } catch (error) {
      throw unreadableDirectory(root, error);
    }
  }
  return listing.filter((name) => name.endsWith('.json')).sort();
}

/** The error for an articles directory that cannot be listed (missing, not a directory, no permission). */
export function unreadableDirectory(root: string, error: unknown): ArticleDataError {
  return new ArticleDataError(root, 'directory', `cannot read the articles directory (${errorCode(error)}); check ARTICLES_DIR`);
}

/**
 * One article description and its text, as loaded: the article, or the first problem in them;
 * `textFile` is the text the description names, when it got far enough to name one. The digest
 * identifies the exact bytes read, so a re-read that finds them unchanged can keep the article
 * already parsed, or know the problem is the one already reported.
 */
export type ArticlePair =
  | { file: string; textFile: string; digest: string; article: Article; error?: undefined }
  | { file: string; textFile: string | undefined; digest: string; article?: undefined; error: ArticleDataError };

/** Loads one article's description and text and verifies them together; never throws. */
export function loadArticlePair(file: string, options: LoadOptions = {}): ArticlePair {
  const trace: ReadTrace = { textFile: undefined, digest: createHash('sha256') };
  try {
    const article = loadArticleFile(file, options, trace);
    return { file, textFile: article.textFile, article, digest: trace.digest.digest('base64url') };
  } catch (error) {
    return { file, textFile: trace.textFile, digest: trace.digest.digest('base64url'), error: error instanceof ArticleDataError ? error : new ArticleDataError(file, '(file)', String(error)) };
  }
}

/** What loading one description got to: the text file it names, and a hash of every byte read. */
interface ReadTrace {
  textFile: string | undefined;
  digest: Hash;
}

/** Articles in the order given, the first of each id kept; each later one is a duplicate naming the file that has the id. */
export function firstOfEachId<T extends { file: string; article: Article }>(candidates: T[]): { kept: T[]; duplicates: ArticleDataError[] } {
  const seen = new Map<string, string>();
  const kept: T[] = [];
  const duplicates: ArticleDataError[] = [];
  for (const candidate of candidates) {
    const previous = seen.get(candidate.article.id);
    if (previous) {
      duplicates.push(new ArticleDataError(candidate.file, 'id', `"${candidate.article.id}" is already used by ${previous}`));
      continue;
    }
    seen.set(candidate.article.id, candidate.file);
    kept.push(candidate);
  }
  return { kept, duplicates };
}

/** Reads and fully verifies one article description; throws ArticleDataError on the first problem. */
export function loadArticleFile(file: string, options: LoadOptions = {}, trace?: ReadTrace): Article {
  const maxBytes = options.maxFileBytes ?? DEFAULT_ARTICLE_MAX_BYTES;
  const dir = dirname(resolve(file));
  const json = readFileInside(dir, file, maxBytes, (problem) => new ArticleDataError(file, '(file)', problem));
  trace?.digest.update(json).update('\0');
  return parseArticle(json, file, (textFile) => {
    if (trace) trace.textFile = textFile;
    if (basename(textFile) !== textFile) throw new ArticleDataError(file, 'textFile', 'must be a file name in the same directory, not a path');
    const text = readFileInside(dir, join(dir, textFile), maxBytes, (problem) =>
      problem === MISSING ? new ArticleDataError(file, 'textFile', `cannot read the original text "${textFile}" next to this file`) : new ArticleDataError(file, 'textFile', `"${textFile}" ${problem}`),
    );
    trace?.digest.update(text);
    return text;
  });
}

/** The lock `ingest` holds on an article's id while it puts the article's two files in place (see src/cli/ingest-article.ts). */
export function articleLockName(id: string): string {
  return `.${id}.lock`;
}

/** How long an ingest waits for another one writing the same id; a lock older than this was left by an ingest that died. */
export const ARTICLE_LOCK_WAIT_MS = 30_000;

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
