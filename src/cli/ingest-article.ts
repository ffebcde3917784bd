import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, realpathSync, renameSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { ARTICLE_LOCK_WAIT_MS, articleLockName, readRegularFile } from '../data/load.js';
import { extractWithReport, type Extraction } from '../ingest/extract.js';
import { articleJson, IngestError, verifyArticleJson } from '../knowledge/verified-article.js';
import { slug } from '../text/index.js';

/**
 * Adding one article to the knowledge base, safely: read with the loader's limits, extracted,
 * checked with the bot's own loader and engine, and put in place whole or not at all.
 */

export const ID_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export interface IngestOptions {
  /** The articles directory written to. */
  dir: string;
  maxBytes: number;
  force: boolean;
  dryRun: boolean;
}

/** Reads, extracts, verifies and (unless a dry run) writes one article. */
export async function ingestFile(file: string, idOption: string | undefined, options: IngestOptions): Promise<Extraction> {
  const id = idOption ?? slug(basename(file, extname(file)));
  if (!ID_RE.test(id)) throw new IngestError(`cannot make an id from the file name ("${id}"); use --id`);
  let text: string;
  try {
    // The file named on the command line may be a link; the file it points to is what is read.
    text = readRegularFile(realOrAsGiven(file), options.maxBytes);
  } catch (error) {
    throw new IngestError(`cannot read it: it ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  let extraction: Extraction;
  try {
    extraction = extractWithReport(text, { id });
  } catch (error) {
    throw new IngestError(`cannot extract an article: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  const json = articleJson(extraction);
  const jsonFile = join(options.dir, `${id}.json`);
  verifyArticleJson(json, text, jsonFile, options.maxBytes);
  if (!options.dryRun) await writeArticle(options, id, text, json);
  return extraction;
}

/**
 * Puts both files in place without ever leaving a half-written or mismatched pair: each is written
 * to a temporary file of this process's own and read back, then both are renamed into place while
 * holding the article's lock, so concurrent ingests of one id take turns and the last one wins
 * whole. Only this process's own temporary files are ever removed.
 */
async function writeArticle(options: IngestOptions, id: string, text: string, json: string): Promise<void> {
  const own = `${process.pid}-${randomUUID().slice(0, 8)}`;
  const textTemp = join(options.dir, `.${id}.${own}.txt.tmp`);
  const jsonTemp = join(options.dir, `.${id}.${own}.json.tmp`);
  try {
    mkdirSync(options.dir, { recursive: true });
    writeFileSync(textTemp, text);
    writeFileSync(jsonTemp, json);
    if (readFileSync(textTemp, 'utf8') !== text || readFileSync(jsonTemp, 'utf8') !== json) throw new IngestError(`what was written to ${options.dir} reads back differently; nothing was put in place`);
  } catch (error) {
    removeOwn(textTemp, jsonTemp);
    if (error instanceof IngestError) throw error;
    throw new IngestError(`cannot write to ${options.dir}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  try {
    await withLock(options.dir, id, () => {
      const jsonFile = join(options.dir, `${id}.json`);
      const textFile = join(options.dir, `${id}.txt`);
      const existing = [jsonFile, textFile].filter(exists);
      if (existing.length > 0 && !options.force) throw new IngestError(`${existing.join(' and ')} already exist; use --force to overwrite or --id to choose another id`);
      // Text first: the description that points at it arrives second, so a reader never sees a description without its text.
      renameSync(textTemp, textFile);
      renameSync(jsonTemp, jsonFile);
    });
  } finally {
    removeOwn(textTemp, jsonTemp);
  }
}

/**
 * Runs `work` holding `.<id>.lock` in the articles directory (created exclusively, holding this
 * process's id and a random token). A lock whose process is gone is taken over; a live one is
 * waited for, up to ARTICLE_LOCK_WAIT_MS. Only a lock holding this process's own token is removed.
 */
async function withLock<T>(dir: string, id: string, work: () => T): Promise<T> {
  const lock = join(dir, articleLockName(id));
  const token = `${process.pid} ${randomUUID()}`;
  const started = Date.now();
  for (;;) {
    try {
      writeFileSync(lock, token, { flag: 'wx' });
      break;
    } catch (error) {
      if (!(error instanceof Error && 'code' in error && error.code === 'EEXIST')) throw error;
      takeOverIfAbandoned(lock);
      if (Date.now() - started > ARTICLE_LOCK_WAIT_MS) throw new IngestError(`another ingest of "${id}" has been writing it for ${ARTICLE_LOCK_WAIT_MS / 1000} s; if none is running, delete ${lock}`, { cause: error });
      await sleep(20 + Math.random() * 30);
    }
  }
  try {
    return work();
  } finally {
    if (readOrEmpty(lock) === token) unlinkSync(lock);
  }
}

/** Removes a lock left by a process that no longer exists (it was killed while writing). */
function takeOverIfAbandoned(lock: string): void {
  const held = readOrEmpty(lock);
  const pid = Number(held.split(' ')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || isAlive(pid)) return;
  // Removed only if it is still the same abandoned lock, not one another waiter has just taken.
  if (readOrEmpty(lock) === held) rmSync(lock, { force: true });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error instanceof Error && 'code' in error && error.code === 'EPERM';
  }
}

function realOrAsGiven(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    return file;
  }
}

function readOrEmpty(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

function exists(file: string): boolean {
  try {
    statSync(file);
    return true;
  } catch {
    return false;
  }
}

function removeOwn(...files: string[]): void {
  for (const file of files) rmSync(file, { force: true });
}

