import type { Services } from './discord/command.js';
import { loadKnowledgeBase } from './data/load.js';
import { createAnswerEngine, type EngineOptions } from './engine/index.js';
import type { Logger } from './logger.js';

/** Loads the knowledge base and builds the engine once; bad files are reported, good ones served. */
export function loadServices(articlesDir: string, logger: Logger, options: EngineOptions = {}): Services {
  const started = performance.now();
  const { articles, errors } = loadKnowledgeBase(articlesDir);
  for (const error of errors) logger.error({ file: error.file, field: error.field, problem: error.problem }, `skipped article file: ${error.message}`);
  if (articles.length === 0) throw new Error(`no valid article in ${articlesDir}; fix the files reported above or set ARTICLES_DIR`);
  const engine = createAnswerEngine(articles, options);
  logger.info({ articles: articles.length, skipped: errors.length, answerCacheSize: options.answerCacheSize ?? 0, ms: Math.round(performance.now() - started) }, 'knowledge base loaded');
  return { engine, articles };
}
