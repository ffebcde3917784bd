import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, loadCliConfig } from '../config.js';
import { ArticleDataError } from '../data/load.js';
import type { Extraction } from '../ingest/extract.js';
import { ingestJson } from '../ingest/report.js';
import { IngestError } from '../knowledge/verified-article.js';
import { ID_RE, ingestFile, type IngestOptions } from './ingest-article.js';
import { forTerminal, jsonLine } from './output.js';

const USAGE = 'usage: npm run ingest -- FILE|DIR... [--id ID] [--force] [--json] [--dry-run]';

/**
 * Exit codes: 0 every file ingested (or dry run), 1 at least one file could not be read, extracted,
 * verified or written (each is reported; the others still go through), 2 usage error.
 */
async function main(): Promise<void> {
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
  if (positionals.length === 0) return usageError('missing FILE');
  let config;
  try {
    config = loadCliConfig();
  } catch (error) {
    if (error instanceof ConfigError) return fatal(error.message);
    throw error;
  }
  const expanded = positionals.map((path) => ({ path, files: expand(path) }));
  const files = expanded.flatMap((e) => e.files);
  if (values.id !== undefined && files.length !== 1) return usageError('--id names one article; give exactly one FILE with it');
  if (values.id !== undefined && !ID_RE.test(values.id)) return usageError(`--id "${values.id}" must be lower-case words joined by hyphens`);
  const json = values.json ?? false;
  const options: IngestOptions = { dir: resolve(config.articlesDir), maxBytes: config.articleMaxBytes, force: values.force ?? false, dryRun: values['dry-run'] ?? false };

  let failed = 0;
  for (const { path } of expanded.filter((e) => e.files.length === 0)) {
    failed++;
    process.stderr.write(forTerminal(`ingest: ${path}: is a directory with no .txt file in it\n`));
  }
  for (const [i, file] of files.entries()) {
    try {
      const done = await ingestFile(file, values.id, options);
      process.stdout.write(json ? jsonLine(ingestJson(done.article)) : `${i > 0 ? '\n' : ''}${forTerminal(summary(done, options.dryRun ? null : options.dir))}`);
    } catch (error) {
      failed++;
      const problem = error instanceof IngestError || error instanceof ArticleDataError ? error.message : `unexpected error: ${error instanceof Error ? error.message : String(error)}`;
      process.stderr.write(forTerminal(`ingest: ${file}: ${problem}\n`));
    }
  }
  if (files.length > 1 && !json) process.stdout.write(`\n${files.length - failed} of ${files.length} files ingested${failed ? `; ${failed} failed (listed on stderr)` : ''}\n`);
  if (failed > 0) process.exitCode = 1;
}

/** A directory stands for the `.txt` files in it (not its subdirectories), in name order. */
function expand(path: string): string[] {
  try {
    if (statSync(path).isDirectory()) {
      return readdirSync(path)
        .filter((name) => name.endsWith('.txt'))
        .sort()
        .map((name) => join(path, name));
    }
  } catch {
    // Reported when the file is read.
  }
  return [path];
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
  process.stderr.write(forTerminal(`${message}; ${USAGE}\n`));
  process.exit(2);
}

function fatal(message: string): never {
  process.stderr.write(forTerminal(`ingest: ${message}\n`));
  process.exit(1);
}

void main();
