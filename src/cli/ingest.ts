import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ArticleDataError, BUNDLED_ARTICLES_DIR, loadArticleFile } from '../data/load.js';
import type { ArticleData } from '../data/schema.js';
import { extractWithReport, type Extraction } from '../ingest/extract.js';
import { slug } from '../ingest/text.js';

const USAGE = 'usage: npx tsx src/cli/ingest.ts FILE [--id ID] [--force] [--json] [--dry-run]';
const ID_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Exit codes: 0 ingested (or dry run), 1 the file cannot be read, extracted or written, 2 usage error. */
function main(): void {
  let parsed;
  try {
    parsed = parseArgs({
      args: process.argv.slice(2),
      allowPositionals: true,
      options: { id: { type: 'string' }, force: { type: 'boolean' }, json: { type: 'boolean' }, 'dry-run': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (error) {
    const option = error instanceof Error ? /'([^']+)'/.exec(error.message)?.[1] : undefined;
    return usageError(option ? `unknown or incomplete option ${option}` : 'bad arguments');
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if (positionals.length !== 1) return usageError(positionals.length === 0 ? 'missing FILE' : 'give exactly one FILE');
  const file = positionals[0] ?? '';
  const id = values.id ?? slug(basename(file, extname(file)));
  if (!ID_RE.test(id)) return usageError(`--id "${id}" must be lower-case words joined by hyphens`);

  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return fatal(`cannot read ${file}`);
  }
  let extraction: Extraction;
  try {
    extraction = extractWithReport(text, { id });
  } catch (error) {
    return fatal(`${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const dir = resolve(process.env.ARTICLES_DIR || BUNDLED_ARTICLES_DIR);
  if (!values['dry-run']) write(dir, id, text, extraction.article, values.force ?? false);
  process.stdout.write(values.json ? `${JSON.stringify(toJson(extraction.article))}\n` : summary(extraction, values['dry-run'] ? null : dir));
}

/** Writes both files, then loads them back with the bot's own loader; a file the bot would reject is removed. */
function write(dir: string, id: string, text: string, article: ArticleData, force: boolean): void {
  const jsonFile = join(dir, `${id}.json`);
  const textFile = join(dir, `${id}.txt`);
  const existing = [jsonFile, textFile].filter((f) => existsSync(f));
  if (existing.length > 0 && !force) fatal(`${existing.join(' and ')} already exist; use --force to overwrite or --id to choose another id`);
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(textFile, text);
    writeFileSync(jsonFile, `${JSON.stringify(article, null, 2)}\n`);
    loadArticleFile(jsonFile);
  } catch (error) {
    rmSync(jsonFile, { force: true });
    rmSync(textFile, { force: true });
    fatal(error instanceof ArticleDataError ? `extracted data failed verification: ${error.message}` : `cannot write to ${dir}: ${String(error)}`);
  }
}

interface IngestJson {
  id: string;
  title: string;
  speakers: { name: string; role: string | null }[];
  quotes: { speaker: string; kind: 'direct' | 'reported'; quote: string; paragraph: number }[];
}

function toJson(article: ArticleData): IngestJson {
  const names = new Map(article.people.map((p) => [p.id, p.name]));
  return {
    id: article.id,
    title: article.title,
    speakers: article.people.map((p) => ({ name: p.name, role: p.role })),
    quotes: article.quotes.map((q) => ({ speaker: names.get(q.speaker) ?? q.speaker, kind: q.kind, quote: q.text, paragraph: q.paragraph })),
  };
}

function summary({ article, unattributed }: Extraction, dir: string | null): string {
  const lines = [
    dir ? `wrote ${article.id}.txt and ${article.id}.json to ${dir}` : `dry run: nothing written (id ${article.id})`,
    `${article.title}`,
    `source ${article.source}${article.date ? `, ${article.date}` : ''}; ${article.paragraphs.length} paragraphs, ${article.quotes.length} quotes, ${article.topics.length} topics`,
    '',
    'speakers:',
  ];
  for (const person of article.people) {
    const count = article.quotes.filter((q) => q.speaker === person.id).length;
    lines.push(`  ${person.name}${person.role ? ` (${person.role})` : ''}: ${count} quote${count === 1 ? '' : 's'}`);
  }
  if (article.people.length === 0) lines.push('  (none found)');
  if (unattributed.length > 0) {
    lines.push('', 'speech without a speaker (not imported; check by hand):');
    for (const u of unattributed) lines.push(`  ¶${u.paragraph}: ${u.sentence}`);
  }
  return `${lines.join('\n')}\n`;
}

function usageError(message: string): never {
  process.stderr.write(`${message}; ${USAGE}\n`);
  process.exit(2);
}

function fatal(message: string): never {
  process.stderr.write(`ingest: ${message}\n`);
  process.exit(1);
}

main();
