import type { ArticleData, Quote } from '../data/schema.js';

/** The `ingest --json` shape: what scripts (and the PolNeAR scorer) read. */
export interface IngestJson {
  id: string;
  title: string;
  speakers: { name: string; role: string | null }[];
  quotes: { speaker: string; kind: 'direct' | 'reported'; quote: string; paragraph: number }[];
}

export function ingestJson(article: ArticleData): IngestJson {
  const names = new Map(article.people.map((p) => [p.id, p.name]));
  return {
    id: article.id,
    title: article.title,
    speakers: article.people.map((p) => ({ name: p.name, role: p.role })),
    quotes: article.quotes.map((q) => ({ speaker: names.get(q.speaker) ?? q.speaker, kind: q.kind, quote: statementWords(q), paragraph: q.paragraph })),
  };
}

/** What was said: an interrupted quotation's parts joined by an ellipsis, without the attribution between them. */
function statementWords(quote: Quote): string {
  if (!quote.parts) return quote.text;
  return quote.parts.map((p) => quote.text.slice(p.start - quote.start, p.end - quote.start)).join(' … ');
}
