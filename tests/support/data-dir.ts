import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';

/** A fresh DATA_DIR holding an empty, migrated embedded database (a copy of the run's template, see global-setup.ts). */
export function freshDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'data-'));
  cpSync(inject('templateDataDir'), dir, { recursive: true });
  return dir;
}
