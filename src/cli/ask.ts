import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { ConfigError, loadCliConfig } from '../config.js';
import { ArticleDataError, loadKnowledgeBase } from '../data/load.js';
import { createAnswerEngine, type AnswerEngine } from '../engine/index.js';
import { answerToJson, formatAnswerForTerminal } from './format-answer.js';

const USAGE = 'usage: npm run ask -- [--json] "QUESTION"; with no question, one question per line on stdin';

/** Exit codes: 0 answered (found or not), 1 the knowledge base cannot be loaded, 2 usage error. */
function main(): void {
  let parsed;
  try {
    parsed = parseArgs({ args: process.argv.slice(2), allowPositionals: true, options: { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } });
  } catch (error) {
    const option = error instanceof Error ? /'([^']+)'/.exec(error.message)?.[1] : undefined;
    usageError(option ? `unknown option ${option}` : 'bad arguments');
  }
  if (parsed.values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const json = parsed.values.json ?? false;
  const question = parsed.positionals.join(' ');
  if (parsed.positionals.length > 0 && question.trim() === '') usageError('the question is empty');

  const engine = loadEngine();
  if (parsed.positionals.length > 0) {
    print(engine, question, json);
  } else if (process.stdin.isTTY) {
    interactive(engine);
  } else {
    answerEachLine(engine, json);
  }
}

function loadEngine(): AnswerEngine {
  try {
    const { articlesDir } = loadCliConfig();
    const { articles, errors } = loadKnowledgeBase(articlesDir);
    for (const error of errors) process.stderr.write(`skipped article file: ${error.message}\n`);
    if (articles.length === 0) fatal(`no valid article in ${articlesDir}; fix the files above or set ARTICLES_DIR`);
    return createAnswerEngine(articles);
  } catch (error) {
    if (error instanceof ConfigError || error instanceof ArticleDataError) fatal(error.message);
    throw error;
  }
}

function print(engine: AnswerEngine, question: string, json: boolean): void {
  const answer = engine.answer(question);
  process.stdout.write(json ? `${answerToJson(answer)}\n` : `${formatAnswerForTerminal(answer, process.stdout.columns || 80)}\n`);
}

/** Batch mode: with --json exactly one line out per line in, so scripts can zip them. */
function answerEachLine(engine: AnswerEngine, json: boolean): void {
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  let first = true;
  lines.on('line', (line) => {
    if (json) return print(engine, line, true);
    if (line.trim() === '') return;
    if (!first) process.stdout.write('\n');
    first = false;
    process.stdout.write(`Q: ${line}\n`);
    print(engine, line, false);
  });
}

function interactive(engine: AnswerEngine): void {
  const prompt = createInterface({ input: process.stdin, output: process.stdout, prompt: 'ask> ' });
  process.stdout.write('Ask a question about the article (Ctrl-D to quit).\n');
  prompt.prompt();
  prompt.on('line', (line) => {
    if (line.trim()) print(engine, line, false);
    prompt.prompt();
  });
  prompt.on('close', () => process.stdout.write('\n'));
}

function usageError(message: string): never {
  process.stderr.write(`ask: ${message} (${USAGE})\n`);
  process.exit(2);
}

function fatal(message: string): never {
  process.stderr.write(`ask: ${message}\n`);
  process.exit(1);
}

main();
