import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A short hash of the code ingestion runs (src/ingest and the text tools and data schema it imports, sub-folders
 * included), naming the cache of ingested PolNeAR articles that polnear-qa and qa-losses share: a change anywhere
 * in that code is a new cache, so no run reads articles ingested by other code.
 */
export function ingestVersion(root: string): string {
  const hash = createHash('sha1');
  for (const dir of ['src/ingest', 'src/text', 'src/data']) {
    for (const file of readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts')).sort()) {
      hash.update(`${dir}/${file}`).update(readFileSync(join(root, dir, file)));
    }
  }
  return hash.digest('hex').slice(0, 12);
}
