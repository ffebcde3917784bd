import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Every runtime dependency is one an admin installs: it must be imported by the shipped code and,
 * beyond the packages the project was asked to use, explained in the README's library list.
 */
const root = join(import.meta.dirname, '..', '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
const ASKED_FOR = new Set(['discord.js', 'dotenv', 'pino']);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(path) : /\.(ts|mjs)$/.test(entry.name) ? [path] : [];
  });
}

const shipped = sourceFiles(join(root, 'src')).map((file) => readFileSync(file, 'utf8'));
const importedBy = (name: string) => shipped.some((text) => text.includes(`from '${name}'`) || text.includes(`from '${name}/`) || text.includes(`import('${name}`));
const librarySection = (() => {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const start = readme.indexOf('### Libraries beyond the ones asked for');
  return readme.slice(start, readme.indexOf('\n## ', start));
})();

describe('runtime dependencies', () => {
  const runtime = Object.keys(manifest.dependencies);

  it.each(runtime)('%s is imported by src/', (name) => {
    expect(importedBy(name), `${name} is in dependencies but nothing in src/ imports it`).toBe(true);
  });

  it.each(runtime.filter((name) => !ASKED_FOR.has(name)))('%s is explained in the README', (name) => {
    expect(librarySection.includes(`**${name}**`), `README's "Libraries beyond the ones asked for" does not name ${name}`).toBe(true);
  });
});
