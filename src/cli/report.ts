import { parseArgs } from 'node:util';
import { ConfigError, loadEnvFile, loadStoreConfig } from '../config.js';
import { REPORT_DAYS, REPORT_LIMIT } from '../commands/report.js';
import { DatabaseError } from '../store/database.js';
import { SqlFeedbackLog, type FeedbackReport } from '../store/feedback-log.js';
import { openDatabase } from '../store/open-database.js';
import { forTerminal, jsonLine } from './output.js';

const USAGE = 'usage: npm run report -- [--json] [--days N]   (reads DATA_DIR or DATABASE_URL, as the bot does)';

/** `npm run report`: /report for every server at once. Exit codes: 0 printed, 1 the database cannot be opened, 2 usage error. */
async function main(): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({ args: process.argv.slice(2), options: { json: { type: 'boolean' }, days: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  } catch {
    usageError('bad arguments');
  }
  if (parsed.values.help) return void process.stdout.write(`${USAGE}\n`);
  const days = parsed.values.days === undefined ? REPORT_DAYS : Number(parsed.values.days);
  if (!Number.isInteger(days) || days < 1) usageError('--days needs a whole number of days, 1 or more');

  loadEnvFile();
  let config;
  try {
    config = loadStoreConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return fail(`Configuration error: ${error.message}`);
  }
  let db;
  try {
    db = await openDatabase(config);
  } catch (error) {
    if (!(error instanceof DatabaseError)) throw error;
    return fail(`Database error: ${error.message}`);
  }
  try {
    const log = await SqlFeedbackLog.open(db, { salt: config.feedbackSalt });
    const guilds = await log.guildsWithFeedback(days);
    if (!parsed.values.json) process.stdout.write(`Feedback, last ${days} days (${db.description}): ${guilds.length} server${guilds.length === 1 ? '' : 's'} with any\n`);
    for (const guild of guilds) {
      const report = await log.report(guild, { days, limit: REPORT_LIMIT });
      process.stdout.write(parsed.values.json ? jsonLine({ guild, days, ...report }) : formatReport(guild, report));
    }
  } finally {
    await db.close();
  }
}

/** One server's report for the terminal: the same lists /report shows, as plain lines. */
export function formatReport(guild: string | null, report: FeedbackReport): string {
  const scope = (s: string | null) => (s === null ? '' : ` (article ${s})`);
  const lines = [
    '',
    guild === null ? 'DMs and user installs' : `Server ${guild}`,
    '  Most frequent unanswered questions',
    ...(report.unanswered.length > 0 ? report.unanswered.map((e) => `    ${e.times}×  “${e.question}”${scope(e.articleScope)}`) : ['    none']),
    '  Most 👎’d answers',
    ...(report.downvoted.length > 0 ? report.downvoted.map((e) => `    ${e.down} 👎 · ${e.up} 👍  “${e.question}”${scope(e.articleScope)}`) : ['    none']),
  ];
  return forTerminal(`${lines.join('\n')}\n`);
}

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

function usageError(message: string): never {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exit(2);
}

void main();
