import type { Article } from '../data/schema.js';
import { articleText, ingestText } from './ingest-text.js';
import { readPage } from './page-text.js';
import { ArticleSourceError, type SourceProblem } from './source-error.js';

/**
 * The CPU-bound half of `/article add`: a fetched body to a verified Article (page-to-text, then
 * ingestion and verification). Everything in and out is plain data, so it runs on the reading
 * thread (see article-reader.ts) while the event loop goes on answering.
 */

/** A fetched body and how to read it. */
export type ReadJob =
  /** A web page (or an attached .html file): the article is found in it first. */
  | { kind: 'page'; html: string; /** Named as the source when the page names no site or byline. */ fallbackSource: string; maxArticleBytes: number }
  /** Article text: the title on line 1, then the paragraphs. */
  | { kind: 'text'; text: string; source: string; maxArticleBytes: number };

/** What the reading thread is sent. */
export interface ReadRequest {
  id: number;
  job: ReadJob;
}

/** What it answers: the article, the admin's reason it was refused, or an unexpected failure (a bug) to log. */
export type ReadReply =
  | { id: number; article: Article }
  | { id: number; refused: { problem: SourceProblem; message: string } }
  | { id: number; failed: { message: string; stack?: string } };

export function readArticle(job: ReadJob): Article {
  if (job.kind === 'text') return ingestText(job.text, { source: job.source, maxArticleBytes: job.maxArticleBytes });
  const page = readPage(job.html);
  if (!page || page.paragraphs.length === 0) throw new ArticleSourceError('no-article', 'I found no article text on that page; give the article\'s own page, not a front page or a list.');
  return ingestText(articleText(page.title || (page.paragraphs[0] ?? ''), page.paragraphs), {
    source: page.siteName ?? page.byline ?? job.fallbackSource,
    ...(page.publishedTime ? { date: page.publishedTime.slice(0, 10) } : {}),
    maxArticleBytes: job.maxArticleBytes,
  });
}

/** One request answered, never throwing: the reading thread's whole job. */
export function answerRead({ id, job }: ReadRequest): ReadReply {
  try {
    return { id, article: readArticle(job) };
  } catch (error) {
    if (error instanceof ArticleSourceError) return { id, refused: { problem: error.problem, message: error.message } };
    const failed = error instanceof Error ? error : new Error(String(error));
    return { id, failed: { message: failed.message, ...(failed.stack ? { stack: failed.stack } : {}) } };
  }
}
