import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { ConfigError, loadCliConfig } from '../config.js';
import { ArticleDataError, loadKnowledgeBase } from '../data/load.js';
import { createAnswerEngine, type AnswerEngine } from '../engine/index.js';
import { answerToJson, formatAnswerForTerminal } from './format-answer.js';
import { forTerminal, inputLines, jsonLine } from './output.js';

const USAGE = 'usage: npm run ask -- [--json] [--article ID] "QUESTION"; with no question, one question per line on stdin';

/** Exit codes: 0 answered (found or not), 1 the knowledge base cannot be loaded (or a question could not be answered), 2 usage error. */
async function main(): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({ args: process.argv.slice(2), allowPositionals: true, options: { json: { type: 'boolean' }, article: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  } catch (error) {
    const option = error instanceof Error ? /'([^']+)'/.exec(error.message)?.[1] : undefined;
    usageError(option ? `unknown option ${option}` : 'bad arguments');
  }
  if (parsed.values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const json = parsed.values.json ?? false;
  const articleId = parsed.values.article;
  if (articleId !== undefined && articleId.trim() === '') usageError('--article needs an article id');
  const question = parsed.positionals.join(' ');
  if (parsed.positionals.length > 0 && question.trim() === '') usageError('the question is empty');

  const engine = loadEngine();
  if (articleId !== undefined && !engine.articles.some((a) => a.id === articleId)) {
    usageError(`no article "${articleId}"; known: ${engine.articles.slice(0, 10).map((a) => a.id).join(', ')}`);
  }
  const ask = (q: string, asJson: boolean) => print(engine, q, asJson, articleId);
  if (parsed.positionals.length > 0) {
    ask(question, json);
  } else if (process.stdin.isTTY) {
    interactive(ask);
  } else {
    await answerEachLine(ask, json);
  }
}

function loadEngine(): AnswerEngine {
  try {
    const { articlesDir, articleMaxBytes } = loadCliConfig();
    const { articles, errors } = loadKnowledgeBase(articlesDir, { maxFileBytes: articleMaxBytes });
    for (const error of errors) process.stderr.write(forTerminal(`skipped article file: ${error.message}\n`));
    if (articles.length === 0) fatal(`no valid article in ${articlesDir}; fix the files above or set ARTICLES_DIR`);
    return createAnswerEngine(articles);
  } catch (error) {
    if (error instanceof ConfigError || error instanceof ArticleDataError) fatal(error.message);
    throw error;
  }
}

/** Answers one question. A question the engine fails on is reported and answered "not found", so a batch goes on. */
function print(engine: AnswerEngine, question: string, json: boolean, articleId: string | undefined): void {
  let answer;
  try {
    answer = engine.answer(question, { articleId });
  } catch (error) {
    process.exitCode = 1;
    process.stderr.write(forTerminal(`ask: could not answer ${JSON.stringify(question.slice(0, 200))}: ${error instanceof Error ? error.message : String(error)}\n`));
    answer = { question, intent: 'passage-search' as const, found: false, summary: 'Sorry, this question could not be answered (the error is on stderr).', items: [], suggestions: [] };
  }
  process.stdout.write(json ? jsonLine(answerToJson(answer)) : `${forTerminal(formatAnswerForTerminal(answer, process.stdout.columns || 80))}\n`);
}

/** Batch mode: with --json exactly one line out per line in ("\n"-separated; "\r\n" too), so scripts can zip them. */
type Ask = (question: string, json: boolean) => void;

async function answerEachLine(ask: Ask, json: boolean): Promise<void> {
  let first = true;
  for await (const line of inputLines(process.stdin)) {
    if (json) {
      ask(line, true);
      continue;
    }
    if (line.trim() === '') continue;
    if (!first) process.stdout.write('\n');
    first = false;
    process.stdout.write(`Q: ${forTerminal(line)}\n`);
    ask(line, false);
  }
}

function interactive(ask: Ask): void {
  const prompt = createInterface({ input: process.stdin, output: process.stdout, prompt: 'ask> ' });
  process.stdout.write('Ask a question about the article (Ctrl-D to quit).\n');
  prompt.prompt();
  prompt.on('line', (line) => {
    if (line.trim()) ask(line, false);
    prompt.prompt();
  });
  prompt.on('close', () => process.stdout.write('\n'));
}

function usageError(message: string): never {
  process.stderr.write(forTerminal(`ask: ${message} (${USAGE})\n`));
  process.exit(2);
}

function fatal(message: string): never {
  process.stderr.write(forTerminal(`ask: ${message}\n`));
  process.exit(1);
}

void main();
