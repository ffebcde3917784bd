import { extname } from 'node:path';
import type { Article } from '../data/schema.js';
import { fetchText, formatBytes, type FetchPolicy } from './fetch-text.js';
import { sharedArticleReader, type ArticleReader } from './article-reader.js';
import { ArticleSourceError } from './source-error.js';

/**
 * Where a server's admin gets an article from: a link to a news page, or a file attached in
 * Discord. Knows nothing about Discord beyond an attachment's address, name and size.
 */

export interface SourceOptions {
  fetch: FetchPolicy;
  /** ARTICLE_MAX_BYTES: the largest article text the bot loads. */
  maxArticleBytes: number;
  /** Reads the fetched body into an article; default the process's reading thread. */
  reader?: ArticleReader;
}

/** A file attached to the command, as Discord describes it. */
export interface AttachedFile {
  url: string;
  filename: string;
  /** As Discord states it; checked before downloading. */
  size?: number;
}

const PAGE_TYPES = new Set(['text/html', 'application/xhtml+xml']);
const FILE_KINDS: Record<string, 'text' | 'markdown' | 'html'> = { '.txt': 'text', '.text': 'text', '.md': 'markdown', '.markdown': 'markdown', '.html': 'html', '.htm': 'html' };

/** Fetches a news page (or a plain-text file) and ingests the article in it (on the reading thread). */
export async function articleFromLink(link: string, options: SourceOptions): Promise<Article> {
  const reader = options.reader ?? sharedArticleReader();
  reader.prepare?.();
  // People wrap links in <…> in Discord to stop the preview card; the link is what is inside.
  const fetched = await fetchText(link.trim().replace(/^<(.+)>$/, '$1'), options.fetch, (type) => PAGE_TYPES.has(type) || type === 'text/plain');
  refuseBinary(fetched.text);
  if (fetched.contentType === 'text/plain') return reader.read({ kind: 'text', text: fetched.text, source: fetched.url.hostname, maxArticleBytes: options.maxArticleBytes });
  return reader.read({ kind: 'page', html: fetched.text, fallbackSource: fetched.url.hostname, maxArticleBytes: options.maxArticleBytes });
}

/** Downloads a .txt, .md or .html file attached in Discord and ingests it (on the reading thread). */
export async function articleFromAttachment(file: AttachedFile, options: SourceOptions): Promise<Article> {
  const kind = FILE_KINDS[extname(file.filename).toLowerCase()];
  if (!kind) throw new ArticleSourceError('unsupported-file', `I read .txt, .md and .html files; "${file.filename}" is none of those.`);
  if (file.size !== undefined && file.size > options.fetch.maxBytes) {
    throw new ArticleSourceError('too-large', `"${file.filename}" is ${formatBytes(file.size)}; I take files up to ${formatBytes(options.fetch.maxBytes)}.`);
  }
  const reader = options.reader ?? sharedArticleReader();
  reader.prepare?.();
  // The file's own extension decides how it is read; Discord's stated type is only a guess from it.
  const fetched = await fetchText(file.url, options.fetch, () => true);
  refuseBinary(fetched.text, file.filename);
  if (kind === 'html') return reader.read({ kind: 'page', html: fetched.text, fallbackSource: file.filename, maxArticleBytes: options.maxArticleBytes });
  const text = kind === 'markdown' ? plainMarkdown(fetched.text) : fetched.text;
  return reader.read({ kind: 'text', text, source: file.filename, maxArticleBytes: options.maxArticleBytes });
}

/** Text with NUL bytes or undecodable bytes (U+FFFD) in number is not a text file. */
function refuseBinary(text: string, filename?: string): void {
  const replaced = text.match(/\uFFFD/g)?.length ?? 0;
  if (text.includes('\u0000') || replaced > Math.max(8, text.length / 1000)) {
    throw new ArticleSourceError('binary', `${filename ? `"${filename}"` : 'That'} is not text (it looks like a binary file); attach the article as .txt, .md or .html.`);
  }
}

/** Markdown read as the plain text it shows: heading marks and emphasis markers go, words stay. */
function plainMarkdown(markdown: string): string {
  return markdown
    .replace(/^\s{0,3}#{1,6}\s+/gm, '')
    .replace(/^\s{0,3}>\s?/gm, '')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1');
}
