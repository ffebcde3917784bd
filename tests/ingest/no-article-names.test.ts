import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Mechanisms, not cases: no proper name from an article may appear in the ingestion code, its word lists or its
 * comments. A "name" is a word the articles write capitalised inside a sentence and never in lower case, so common
 * words ("Senate" is also "senate") never trip the check. Written capitalised in the code, any such name fails;
 * in lower case (a word list) a name of our own articles fails unless it is a word of news English at large (in a
 * PolNeAR article too: "gazette"). The articles are the bundled ones, our fixtures and,
 * when present, the PolNeAR train articles. A file id in quotes ("seed-article-id") is a file, not a name.
 */
const ROOT = resolve(import.meta.dirname, '../..');
const POLNEAR = resolve(ROOT, '../shared/polnear/data/train');
/** Proper nouns of the language itself, not of any article. */
const GENERAL = new Set('english january february march april may june july august september october november december monday tuesday wednesday thursday friday saturday sunday'.split(' '));

function textsIn(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return textsIn(path);
    return entry.name.endsWith('.txt') ? [readFileSync(path, 'utf8')] : [];
  });
}

/** Each article name with the number of articles that write it. */
function articleNames(texts: readonly string[]): Map<string, number> {
  const articles = new Map<string, number>();
  const lowerCase = new Set<string>();
  for (const text of texts) {
    const here = new Set<string>();
    for (const match of text.matchAll(/(?<=[\p{Ll},;] )\p{Lu}\p{Ll}{2,}(?!\p{L})|(?<!\p{L})\p{Ll}{3,}(?!\p{L})/gu)) {
      const word = match[0];
      if (/^\p{Lu}/u.test(word)) here.add(word.toLowerCase());
      else lowerCase.add(word);
    }
    for (const word of here) articles.set(word, (articles.get(word) ?? 0) + 1);
  }
  for (const word of lowerCase) articles.delete(word);
  return articles;
}

/** The words of a TypeScript file's comments and string literals, as written. */
function prose(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  const pieces = source.match(/\/\/[^\n]*|\/\*[\s\S]*?\*\/|'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\.)*`/g) ?? [];
  return pieces.filter((piece) => !/^['"][a-z0-9]+(?:-[a-z0-9]+)+['"]$/.test(piece)).flatMap((piece) => piece.match(/\p{L}{3,}/gu) ?? []);
}

const ownTexts = [textsIn(join(ROOT, 'src/data/articles')), textsIn(join(ROOT, 'tests/fixtures'))].flat();
const names = articleNames([...ownTexts, ...textsIn(POLNEAR)]);
const ownNames = articleNames(ownTexts);
/** Words found (in any case) in the PolNeAR articles: news English at large. */
const newsWords = (() => {
  const counts = new Map<string, number>();
  for (const text of textsIn(POLNEAR)) for (const w of new Set(text.toLowerCase().match(/\p{L}{3,}/gu) ?? [])) counts.set(w, (counts.get(w) ?? 0) + 1);
  return new Set([...counts].filter(([, n]) => n >= 1).map(([w]) => w));
})();

/** The article names a directory's code mentions. */
function namesIn(dir: string): string[] {
  const found = new Set<string>();
  // Sub-folders too: src/ingest/statements/ holds the sentence forms of statements.ts.
  for (const file of readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'))) {
    for (const word of prose(join(ROOT, dir, file))) {
      const lower = word.toLowerCase();
      if (!names.has(lower) || GENERAL.has(lower)) continue;
      if (/^\p{Lu}/u.test(word) || (ownNames.has(lower) && !newsWords.has(lower))) found.add(`${file}: ${word}`);
    }
  }
  return [...found];
}

describe('GIVEN the ingestion code and the articles it is measured on', () => {
  it('THEN the check knows names of the articles, and not common words', () => {
    expect(names.size).toBeGreaterThan(40);
    for (const common of ['president', 'report', 'campaign', 'statement', 'minister']) expect(names.has(common)).toBe(false);
    // Names of our own fixtures are names too.
    expect(names.has('okafor')).toBe(true);
  });

  it.each(['src/ingest', 'src/text'])('THEN no article name appears in %s', (dir) => {
    expect(namesIn(dir).join(" ")).toEqual("");
  });
});
