import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Article, ArticleData, Person, Topic } from '../../src/data/schema.js';

/** A paragraph of a test article and the quotes in it, each given by its exact words. */
export interface WrittenParagraph {
  text: string;
  /** `parts`: the speaker's own words inside `words`, when the attribution interrupts them (“A,” she said, “B.”). */
  quotes?: { speaker: string; words: string; kind?: 'direct' | 'reported'; topics?: string[]; parts?: string[] }[];
}

export interface WrittenArticle {
  id: string;
  title: string;
  standfirst?: string;
  summary?: string;
  source?: string;
  date?: string;
  people: (Pick<Person, 'id' | 'name'> & Partial<Person>)[];
  topics?: Topic[];
  paragraphs: WrittenParagraph[];
}

/**
 * An article in the knowledge-base format from text written for a test: offsets are computed
 * from the words, so every quote is verbatim by construction and the loader accepts it.
 */
export function writtenArticle(spec: WrittenArticle): { data: ArticleData; text: string; article: Article } {
  let text = `${spec.title}\n${spec.standfirst ?? ''}\n`;
  const paragraphs: ArticleData['paragraphs'] = [];
  const quotes: ArticleData['quotes'] = [];
  spec.paragraphs.forEach((paragraph, i) => {
    const start = text.length + 1;
    text += `\n${paragraph.text}`;
    paragraphs.push({ number: i + 1, start, end: start + paragraph.text.length });
    for (const quote of paragraph.quotes ?? []) {
      const at = paragraph.text.indexOf(quote.words);
      if (at < 0) throw new Error(`"${quote.words}" is not in paragraph ${i + 1}`);
      quotes.push({
        id: `q${quotes.length + 1}`,
        speaker: quote.speaker,
        kind: quote.kind ?? 'direct',
        text: quote.words,
        paragraph: i + 1,
        start: start + at,
        end: start + at + quote.words.length,
        topics: quote.topics ?? [],
        ...(quote.parts ? { parts: partsOf(quote.words, quote.parts, start + at) } : {}),
      });
    }
  });
  const data: ArticleData = {
    format: 1,
    id: spec.id,
    textFile: `${spec.id}.txt`,
    title: spec.title,
    standfirst: spec.standfirst ?? null,
    source: spec.source ?? 'Test Wire',
    date: spec.date ?? null,
    summary: spec.summary ?? spec.title,
    paragraphs,
    people: spec.people.map((p) => ({ kind: 'person', role: null, organisation: null, aliases: [], roleAliases: [], ...p })),
    quotes,
    topics: spec.topics ?? [],
    dates: [],
  };
  return { data, text, article: { ...data, text } };
}

/** Offsets of each piece inside `words` (found in order), shifted to where `words` stands. */
function partsOf(words: string, parts: string[], offset: number): { start: number; end: number }[] {
  let from = 0;
  return parts.map((part) => {
    const at = words.indexOf(part, from);
    if (at < 0) throw new Error(`"${part}" is not in "${words}" after offset ${from}`);
    from = at + part.length;
    return { start: offset + at, end: offset + at + part.length };
  });
}

/** Writes the article's two files into `dir`, as the loader expects them. */
export function writeArticle(dir: string, written: { data: ArticleData; text: string }): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, written.data.textFile), written.text);
  writeFileSync(join(dir, `${written.data.id}.json`), JSON.stringify(written.data, null, 2));
}

/** The smallest article: one person saying `words` in one paragraph, titled after them. */
export function oneQuoteArticle(id: string, name: string, words: string): ReturnType<typeof writtenArticle> {
  const speaker = name.toLowerCase().replace(/ /g, '-');
  return writtenArticle({ id, title: `${name} speaks`, people: [{ id: speaker, name }], paragraphs: [{ text: `“${words},” ${name} said.`, quotes: [{ speaker, words }] }] });
}
