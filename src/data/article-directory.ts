import { readdir, stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { ARTICLE_LOCK_WAIT_MS, articleLockName, firstOfEachId, listArticleFiles, loadArticlePair, unreadableDirectory, type ArticleDataError, type LoadOptions } from './load.js';
import type { Article } from './schema.js';

/**
 * An articles directory read again and again while the bot runs: each scan looks at every file's
 * signature (device, inode, size, change times) and reads, verifies and parses only the article
 * pairs whose files changed. An unchanged article keeps its parsed `Article` object, so whoever
 * indexes the list can tell what changed by identity.
 */

/** One article description (`<name>.json`) as last seen. */
interface Entry {
  /** The signatures of the description and of its text file, taken before they were last read. */
  seen: string;
  /** The text file the description names, once read far enough to name one. */
  textFile: string | undefined;
  /** Hash of the bytes last read: the version on disk. */
  digest: string;
  /** The version served: the last one that loaded, kept while a newer one on disk fails. */
  article: Article | undefined;
  /** Hash of the bytes `article` was parsed from. */
  articleDigest: string | undefined;
  /** Why the version on disk does not load, if it does not. */
  problem: ArticleDataError | undefined;
  /** The problem as last reported (bytes and message), so one problem is reported once. */
  reported: string | undefined;
}

export interface RejectedFile {
  error: ArticleDataError;
  /** The file's last good version is still served (its new version is what failed). */
  servingPrevious: boolean;
}

export interface DirectoryScan {
  /** What to serve, one article per id, in file-name order. */
  articles: Article[];
  /** Problems to report now: new ones, or on a forced scan every current one. Each names the file, the field and the problem. */
  rejected: RejectedFile[];
  /** Files that may be mid-write (an ingest holds their lock, or a problem was just seen): look again soon. */
  unsettled: string[];
  /** Article pairs read and verified by this scan; the others were unchanged. */
  read: number;
}

export interface ScanOptions {
  /** Read every pair again, changed or not, and report every current problem again (an admin's SIGHUP). */
  force?: boolean;
  /**
   * Report a problem only once the files are seen unchanged a second time: a pair caught
   * half-written fails first and settles by the next look. Off for the first load.
   */
  settle?: boolean;
}

const ABSENT = 'absent';

export class ArticleDirectory {
  readonly root: string;
  private entries = new Map<string, Entry>();

  constructor(
    dir: string,
    private readonly options: LoadOptions = {},
  ) {
    this.root = resolve(dir);
  }

  /** Looks at every file; throws ArticleDataError (field `directory`) when the directory cannot be read. */
  async scan({ force = false, settle = false }: ScanOptions = {}): Promise<DirectoryScan> {
    let names: string[];
    try {
      names = await readdir(this.root);
    } catch (error) {
      throw unreadableDirectory(this.root, error);
    }
    const held = await this.heldLocks(names);
    const looks = await inTurn(listArticleFiles(this.root, names), async (name) => {
      const previous = this.entries.get(name);
      const base = name.slice(0, -'.json'.length);
      const textFile = previous?.textFile ?? `${base}.txt`;
      const description = await signature(join(this.root, name));
      const text = textFile.includes('/') ? ABSENT : await signature(join(this.root, textFile));
      return { name, base, previous, textFile, description, seen: `${description}|${text}` };
    });

    const next = new Map<string, Entry>();
    const freshProblems = new Set<string>();
    const unsettled: string[] = [];
    let read = 0;
    for (const look of looks) {
      const file = join(this.root, look.name);
      if (look.description === ABSENT) continue; // removed since the listing
      if (held.has(look.base)) {
        // An ingest is putting this pair in place: the version served stays until it is done.
        unsettled.push(file);
        if (look.previous) next.set(look.name, look.previous);
        continue;
      }
      if (!force && look.previous?.seen === look.seen) {
        next.set(look.name, look.previous);
        continue;
      }
      read++;
      const entry = this.read(file, look);
      if (entry.problem && settle && !force) freshProblems.add(look.name);
      next.set(look.name, entry);
    }

    const candidates = [...next].flatMap(([name, entry]) => (entry.article ? [{ file: join(this.root, name), name, article: entry.article }] : []));
    const { kept, duplicates } = firstOfEachId(candidates);
    const duplicateOf = new Map(duplicates.map((error) => [basename(error.file), error]));
    const served = new Set(kept.map((k) => k.name));
    const rejected: RejectedFile[] = [];
    for (const [name, entry] of next) {
      const problem = entry.problem ?? duplicateOf.get(name);
      if (!problem) {
        entry.reported = undefined;
        continue;
      }
      if (freshProblems.has(name)) {
        unsettled.push(join(this.root, name));
        continue;
      }
      const key = `${entry.digest}\0${problem.message}`;
      if (!force && entry.reported === key) continue;
      entry.reported = key;
      rejected.push({ error: problem, servingPrevious: entry.problem !== undefined && served.has(name) });
    }
    this.entries = next;
    return { articles: kept.map((k) => k.article), rejected, unsettled, read };
  }

  /** Reads one pair; a pair whose bytes are the ones already parsed keeps its Article object. */
  private read(file: string, look: { textFile: string; description: string; seen: string; previous: Entry | undefined }): Entry {
    const { previous } = look;
    const pair = loadArticlePair(file, this.options);
    // Signatures were taken of the text file the description named before; if it names another now, look again next time.
    const seen = pair.textFile === undefined || pair.textFile === look.textFile ? look.seen : `${look.description}|?`;
    const kept = { reported: previous?.reported, digest: pair.digest };
    if (pair.article) {
      const article = previous?.article && previous.articleDigest === pair.digest ? previous.article : pair.article;
      return { ...kept, seen, textFile: pair.textFile, article, articleDigest: pair.digest, problem: undefined };
    }
    return { ...kept, seen, textFile: pair.textFile ?? previous?.textFile, article: previous?.article, articleDigest: previous?.articleDigest, problem: pair.error };
  }

  /** Ids whose ingest lock is held: present, and younger than an ingest would wait for it. */
  private async heldLocks(names: string[]): Promise<Set<string>> {
    const locks = names.filter((name) => name.startsWith('.') && name.endsWith('.lock'));
    const held = await Promise.all(
      locks.map(async (name) => {
        const id = name.slice(1, -'.lock'.length);
        if (articleLockName(id) !== name) return undefined;
        try {
          const { mtimeMs } = await stat(join(this.root, name));
          return Date.now() - mtimeMs < ARTICLE_LOCK_WAIT_MS ? id : undefined;
        } catch {
          return undefined; // released since the listing
        }
      }),
    );
    return new Set(held.filter((id): id is string => id !== undefined));
  }
}

/** Files looked at at once: enough to keep the filesystem busy, few enough that issuing them never holds up answering. */
const LOOKS_AT_ONCE = 32;

/** `look` over every item, LOOKS_AT_ONCE at a time, results in order. */
async function inTurn<T, R>(items: readonly T[], look: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < items.length; i = next++) results[i] = await look(items[i] as T);
  };
  await Promise.all(Array.from({ length: Math.min(LOOKS_AT_ONCE, items.length) }, worker));
  return results;
}

/** What changes when a file is replaced (rename: a new inode) or edited in place (size, modification and change times). */
async function signature(path: string): Promise<string> {
  try {
    const s = await stat(path, { bigint: true });
    return `${s.dev}:${s.ino}:${s.size}:${s.mtimeNs}:${s.ctimeNs}`;
  } catch {
    return ABSENT;
  }
}
