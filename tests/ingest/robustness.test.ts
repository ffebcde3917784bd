import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadArticleFile } from '../../src/data/load.js';
import { extractArticle } from '../../src/ingest/extract.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ingest-fuzz-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** News-like fragments, so random texts exercise names, verbs, quotation marks and unclosed quotes. */
const fragment = fc.constantFrom(
  'Anna Berg', 'Mr Berg', 'Ms Bergg', 'he', 'she', 'The ministry', 'the Ministry of Health', 'According to Reuters,', 'according to',
  'said', 'told reporters', 'added that', 'said that', 'noted that', ', adding that', 'warned', 'said:', '“', '”', '"', ',', '.', '?',
  'the plan would work', 'on May 12', 'in a statement', 'Dr Jon Li, head of the unit,', 'President Kim', '’s', '—', '(', ')', ' ',
);
const paragraph = fc.array(fragment, { minLength: 1, maxLength: 25 }).map((parts) => parts.join(' '));
const article = fc
  .tuple(fc.string({ minLength: 1, maxLength: 30 }), fc.option(paragraph), fc.array(paragraph, { minLength: 1, maxLength: 6 }), fc.constantFrom('\n', '\r\n'))
  .map(([title, standfirst, body, eol]) => [title.replace(/[\r\n]/g, ' ') + 'x', ...(standfirst ? [standfirst, ''] : []), ...body].join(eol));

describe('extraction never produces data the loader rejects', () => {
  it('holds for random news-like texts', () => {
    let n = 0;
    fc.assert(
      fc.property(article, (text) => {
        let data;
        try {
          data = extractArticle(text, { id: 'fuzz' });
        } catch (error) {
          // The only refusal allowed: a text with no body paragraph.
          expect(String(error)).toMatch(/no body/);
          return;
        }
        const id = `fuzz-${n++}`;
        writeFileSync(join(dir, `${id}.txt`), text);
        writeFileSync(join(dir, `${id}.json`), JSON.stringify({ ...data, id, textFile: `${id}.txt` }));
        loadArticleFile(join(dir, `${id}.json`));
      }),
      { numRuns: 300, seed: 42 },
    );
  });
});
