import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../src/store/open-database.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A DATA_DIR with a created, migrated, empty embedded database: copied for each spawned bot (creating one costs seconds). */
    templateDataDir: string;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const dir = mkdtempSync(join(tmpdir(), 'data-template-'));
  const db = await openDatabase({ dataDir: dir });
  await db.close();
  project.provide('templateDataDir', dir);
  return () => rmSync(dir, { recursive: true, force: true });
}
