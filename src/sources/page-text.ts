import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';

/** An article's main text as read from a web page, without navigation, ads or comments. */
export interface PageArticle {
  title: string;
  /** One entry per paragraph, whitespace collapsed. */
  paragraphs: string[];
  byline: string | undefined;
  siteName: string | undefined;
  publishedTime: string | undefined;
}

/** Elements whose text is one paragraph of the article (the innermost ones are taken). */
const BLOCKS = 'p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, figcaption, dd, dt';

/**
 * Mozilla's Readability (Firefox's Reader View) finds the article in the page; its cleaned HTML is
 * then cut into paragraphs. Undefined when it finds no article.
 */
export function readPage(html: string): PageArticle | undefined {
  const { document } = parseHTML(html);
  // linkedom's Document lacks a few of the DOM lib's members, none of which Readability reads.
  const parsed = new Readability(document as unknown as ConstructorParameters<typeof Readability>[0]).parse();
  if (!parsed?.content) return undefined;
  const { document: content } = parseHTML(`<!doctype html><html><body>${parsed.content}</body></html>`);
  const blocks = [...content.querySelectorAll(BLOCKS)].filter((element) => element.querySelector(BLOCKS) === null);
  const paragraphs = (blocks.length > 0 ? blocks.map((element) => element.textContent ?? '') : (parsed.textContent ?? '').split(/\n\s*\n/)).map(collapse).filter((text) => text.length > 0);
  const title = collapse(parsed.title ?? '');
  return { title, paragraphs, byline: optional(parsed.byline), siteName: optional(parsed.siteName), publishedTime: optional(parsed.publishedTime) };
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function optional(value: string | null | undefined): string | undefined {
  const text = collapse(value ?? '');
  return text.length > 0 ? text : undefined;
}
