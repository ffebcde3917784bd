import { readDocument } from '../../src/ingest/document.js';
import { extractArticle } from '../../src/ingest/extract.js';
import { joinTokens } from '../../src/ingest/names.js';
import { sentenceStatements } from '../../src/ingest/statements.js';

/** Short texts written for the ingestion tests, read as an article (a title and a standfirst first). */
export const article = (...paragraphs: string[]): string => ['A title', 'A standfirst.', '', ...paragraphs].join('\n');

/** Every statement of a text as "source as written → words said" (source "-" when inherited). */
export function statements(...paragraphs: string[]): string[] {
  const text = article(...paragraphs);
  const doc = readDocument(text);
  return doc.sentences.flatMap((s) => sentenceStatements(doc, s)).map((st) => {
    const source = st.source ? joinTokens(doc.tokens, st.source.head.first, st.source.head.last) : '-';
    return `${source} → ${st.parts.map((p) => text.slice(p.start, p.end)).join(' | ')}`;
  });
}

/** Speaker and words of every quote the whole pipeline extracts, as "Speaker: words". */
export function quotes(...paragraphs: string[]): string[] {
  const data = extractArticle(article(...paragraphs));
  const people = new Map(data.people.map((p) => [p.id, p]));
  return data.quotes.map((q) => `${people.get(q.speaker)?.name}: ${q.text}`);
}
