import { articleJson, IngestError, verifyArticleJson } from '../knowledge/verified-article.js';
import type { Article } from '../data/schema.js';
import { extractWithReport } from '../ingest/extract.js';
import { slug } from '../text/index.js';
import { ArticleSourceError } from './source-error.js';

/** Less body text than this is a teaser, a cookie wall or a page of links, not an article. */
const MIN_BODY_CHARACTERS = 200;
/** Ids made from titles are cut to this length (at a word) so they fit in buttons and lists. */
const MAX_ID_LENGTH = 60;

export interface TextMetadata {
  /** Who published it, when the text itself does not say (the site's name, the file's name). */
  source?: string;
  /** The date the page gives for it, used when the text states none. */
  date?: string;
  /** ARTICLE_MAX_BYTES: the largest article text the bot loads. */
  maxArticleBytes: number;
}

/** Title on line 1, a blank line, then one paragraph per line: the layout src/ingest reads. */
export function articleText(title: string, paragraphs: readonly string[]): string {
  return `${title}\n\n${paragraphs.join('\n')}\n`;
}

/**
 * Turns an article's plain text into an Article with the project's own ingestion, verified as the
 * loader verifies a file (every quote a verbatim span of `text`). Refuses text with no body or no
 * quoted speech: the bot answers only with quotes.
 */
export function ingestText(rawText: string, metadata: TextMetadata): Article {
  const text = rawText.replace(/\r\n?/g, '\n').replace(/^\s*\n/, '');
  const [title = '', ...rest] = text.split('\n');
  const body = rest.join(' ').replace(/\s+/g, ' ').trim();
  if (title.trim().length === 0 || body.length < MIN_BODY_CHARACTERS) {
    throw new ArticleSourceError('no-article', `I found no article text there (${body.length} characters of body); give the article's own page, or a file with the title on line 1 and the paragraphs below it.`);
  }
  const id = idFromTitle(title);
  let article: Article;
  try {
    const extraction = extractWithReport(text, { id, ...(metadata.source ? { source: metadata.source } : {}) });
    if (extraction.article.date === null && metadata.date) extraction.article.date = metadata.date;
    article = verifyArticleJson(articleJson(extraction), text, `${id}.json`, metadata.maxArticleBytes);
  } catch (error) {
    if (!(error instanceof IngestError)) throw error;
    throw new ArticleSourceError('no-article', `I could not read an article from it: ${error.message}`, { cause: error });
  }
  if (article.quotes.length === 0) {
    throw new ArticleSourceError('no-quotes', `I read "${article.title}" but found nobody quoted in it; I answer only with people's quotes, so there would be nothing to answer from.`);
  }
  return article;
}

/** The article's id: its title as lower-case words joined by hyphens, cut at a word. */
export function idFromTitle(title: string): string {
  const full = slug(title);
  if (full.length <= MAX_ID_LENGTH) return full;
  const cut = full.slice(0, MAX_ID_LENGTH);
  return cut.slice(0, cut.lastIndexOf('-') > 0 ? cut.lastIndexOf('-') : MAX_ID_LENGTH);
}
