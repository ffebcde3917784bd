import { parseArticle } from '../data/load.js';
import type { Article } from '../data/schema.js';
import { createAnswerEngine } from '../engine/index.js';
import type { Extraction } from '../ingest/extract.js';

/**
 * An extracted article checked before anyone is answered from it: it must load as the bot loads
 * a file (schema, verbatim spans, size) and the bot's own engine must answer from it. Shared by
 * `npm run ingest`, `/article add` and the real-news scorer, so all three accept the same articles.
 */

/** Why an article was refused, phrased for the person adding it. */
export class IngestError extends Error {}

/** The description file's content for an extraction. */
export function articleJson(extraction: Extraction): string {
  return `${JSON.stringify(extraction.article, null, 2)}\n`;
}

/**
 * What is about to be written must load as the bot loads it (schema, verbatim spans, size) and be
 * answerable by the bot's own engine; nothing is put in place otherwise. Throws an IngestError saying why.
 */
export function verifyArticleJson(json: string, text: string, jsonFile: string, maxBytes: number): Article {
  for (const [what, content] of [
    ['text', text],
    ['description', json],
  ] as const) {
    const bytes = Buffer.byteLength(content);
    if (bytes > maxBytes) throw new IngestError(`its ${what} would be ${bytes.toLocaleString('en')} bytes, over the ${maxBytes.toLocaleString('en')}-byte limit the bot loads (ARTICLE_MAX_BYTES)`);
  }
  let article: Article;
  try {
    article = parseArticle(json, jsonFile, () => text);
  } catch (error) {
    throw new IngestError(`extracted data failed verification: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  try {
    askEveryway(article);
  } catch (error) {
    throw new IngestError(`the bot's engine cannot answer from it: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  return article;
}

/**
 * The questions and lookups every surface of the bot makes about an article, asked of the engine
 * over it: none may throw, and every quote answered must be the article's text at its offsets.
 */
function askEveryway(article: Article): void {
  const engine = createAnswerEngine([article]);
  const questions = [
    'who is quoted?',
    'what topics does it cover?',
    'what is the article about?',
    'what is the source?',
    article.title,
    article.summary,
    ...article.people.flatMap((p) => [`what did ${p.name} say?`, `who is ${p.name}?`]),
    ...article.topics.map((t) => `who spoke about ${t.label}?`),
  ];
  for (const question of questions) {
    for (const item of engine.answer(question).items) {
      if (article.text.slice(item.start, item.end) !== item.quote) throw new Error(`an answer to "${question}" quotes text that is not the article's at ${item.start}-${item.end}`);
    }
  }
  for (const person of article.people) engine.quotesBy(person.id);
  for (const typed of ['', ...article.people.map((p) => p.name), ...article.topics.map((t) => t.label)]) {
    engine.suggestSpeakers(typed);
    engine.suggestTopics(typed);
    engine.suggestArticles(typed);
  }
  engine.speakers();
  engine.topics();
}
