import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadKnowledgeBase, type LoadedArticles } from '../../src/data/load.js';
import { extractArticle } from '../../src/ingest/extract.js';

/**
 * A knowledge base built the way a user builds one: each `<name>.txt` of `sourceDir` is run
 * through the project's extractor into a temporary data directory, which is then loaded. Nothing
 * is hand-written, so a held-out suite measures ingestion and engine together.
 */
export function ingestedKnowledgeBase(sourceDir: string, names: Iterable<string>): LoadedArticles & { cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'ingested-kb-'));
  for (const name of new Set(names)) {
    const text = readFileSync(join(sourceDir, `${name}.txt`), 'utf8');
    writeFileSync(join(dir, `${name}.txt`), text);
    writeFileSync(join(dir, `${name}.json`), JSON.stringify(extractArticle(text, { id: name })));
  }
  return { ...loadKnowledgeBase(dir), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
