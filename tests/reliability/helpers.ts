import { commands, commandSet } from '../../src/commands/index.js';
import { freshDataDir } from '../support/data-dir.js';
import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import type { APIEmbed } from 'discord.js';
import { pino } from 'pino';
import { createLogger, type Logger } from '../../src/logger.js';
import { loadKnowledgeBase } from '../../src/data/load.js';
import { createAnswerEngine, type AnswerEngine } from '../../src/engine/index.js';
import { startGatewayBot, type GatewayBot, type GatewayBotOptions } from '../../src/discord/gateway-bot.js';
import { fixedKnowledge } from '../../src/knowledge/knowledge-base.js';
import { startFakeDiscord, type FakeDiscord } from '../fake-discord/index.js';

export const articles = loadKnowledgeBase().articles;
export const realEngine = createAnswerEngine(articles);

/** Log lines a test can search, and wait for. */
export class LogCapture {
  readonly lines: string[] = [];
  private waiters: { test: (line: string) => boolean; resolve: (line: string) => void }[] = [];
  /** A plain pino logger into this capture (for code whose logging is not under test). */
  readonly logger: Logger = pino({ level: 'debug' }, { write: (line: string) => this.push(line) });

  /** The bot's own logger (redaction and scrubbing included), writing into this capture. */
  productionLogger(secrets: string[]): Promise<Logger> {
    return createLogger({ level: 'debug', secrets, destination: { write: (line: string) => this.push(line) } });
  }

  push(line: string): void {
    this.lines.push(line);
    this.waiters = this.waiters.filter((w) => (w.test(line) ? (w.resolve(line), false) : true));
  }

  parsed(): Record<string, unknown>[] {
    return this.lines.flatMap((line) => {
      try {
        return [JSON.parse(line) as Record<string, unknown>];
      } catch {
        return [];
      }
    });
  }

  count(test: (line: string) => boolean): number {
    return this.lines.filter(test).length;
  }

  /** Resolves with the first line (already seen after `since`, or still to come) that passes `test`. */
  waitFor(test: (line: string) => boolean, { since = 0, timeoutMs = 5000, what = 'a log line' } = {}): Promise<string> {
    const seen = this.lines.slice(since).find(test);
    if (seen !== undefined) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}; last lines:\n${this.lines.slice(-8).join('')}`)), timeoutMs);
      this.waiters.push({ test, resolve: (line) => (clearTimeout(timer), resolve(line)) });
    });
  }
}

/** An engine whose chosen methods fail (or do something else) while a flag says so. */
export function engineWith(overrides: Partial<Pick<AnswerEngine, 'answer' | 'quotesBy' | 'suggestSpeakers'>>): AnswerEngine {
  return new Proxy(realEngine, {
    get(target, key, receiver) {
      const override = (overrides as Record<PropertyKey, unknown>)[key];
      if (typeof override === 'function') return override;
      const value: unknown = Reflect.get(target, key, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/** A no-op identify throttler, so re-identify tests do not wait @discordjs/ws's ~5 s. */
export const noThrottle: GatewayBotOptions['buildIdentifyThrottler'] = () => ({ async waitForIdentify() {} });

export interface BotUnderTest {
  fake: FakeDiscord;
  bot: GatewayBot;
  logs: LogCapture;
  close(): Promise<void>;
}

/** The real discord.js client (startGatewayBot) against a fresh fake Discord (or `fake`, to restart a bot against the same one). */
export async function startBot({ engine = realEngine, fake: existing, ...overrides }: Partial<GatewayBotOptions> & { engine?: AnswerEngine; fake?: FakeDiscord } = {}): Promise<BotUnderTest> {
  const fake = existing ?? (await startFakeDiscord());
  const logs = new LogCapture();
  const bot = await startGatewayBot({
    knowledge: fixedKnowledge(engine),
    // The list as imported, so a test that adds a command (vi.mock) serves it too.
    commands: commandSet(commands),
    token: fake.token,
    apiUrl: fake.apiUrl,
    logger: await logs.productionLogger([fake.token]),
    buildIdentifyThrottler: noThrottle,
    ...overrides,
  });
  return {
    fake,
    bot,
    logs,
    async close() {
      await bot.stop();
      await fake.close();
    },
  };
}

export function embedsOf(data: unknown): APIEmbed[] {
  return (data as { embeds?: APIEmbed[] } | undefined)?.embeds ?? [];
}

export function descriptionOf(data: unknown): string {
  return embedsOf(data)[0]?.description ?? '';
}

export function flagsOf(data: unknown): number {
  return (data as { flags?: number } | undefined)?.flags ?? 0;
}

/** How long a spawned bot or endpoint may take to be ready: it opens its database too, and CI machines are busy. */
export const PROCESS_START_MS = 30_000;

/** The real bot process (`node --import tsx src/index.ts`), its output as lines, and its exit. */
export interface BotProcess {
  child: ChildProcess;
  output: LogCapture;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stop(): Promise<void>;
}

export function spawnBot(env: Record<string, string>): BotProcess {
  return spawnEntry('src/index.ts', { DISCORD_CLIENT_ID: '100000000000000001', ...env });
}

/**
 * A real entry point (`node --import tsx <script>`), its output as lines, and its exit. Each gets its
 * own DATA_DIR (an empty embedded database) unless `env` names one or a DATABASE_URL.
 */
export function spawnEntry(script: string, env: Record<string, string>): BotProcess {
  const storage = env.DATA_DIR !== undefined || env.DATABASE_URL !== undefined ? {} : { DATA_DIR: freshDataDir() };
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    cwd: process.cwd(),
    // Only what the process needs: no .env from the developer's checkout leaks into the test.
    env: { PATH: process.env.PATH ?? '', NODE_ENV: 'test', LOG_LEVEL: 'debug', ...storage, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = new LogCapture();
  const feed = (stream: NodeJS.ReadableStream | null) => {
    let rest = '';
    stream?.setEncoding('utf8');
    stream?.on('data', (chunk: string) => {
      const parts = (rest + chunk).split('\n');
      rest = parts.pop() ?? '';
      for (const line of parts) output.push(`${line}\n`);
    });
    stream?.on('end', () => {
      if (rest) output.push(rest);
    });
  };
  feed(child.stdout);
  feed(child.stderr);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('close', (code, signal) => {
      if (storage.DATA_DIR) rmSync(storage.DATA_DIR, { recursive: true, force: true });
      resolve({ code, signal });
    }),
  );
  return {
    child,
    output,
    exited,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}

/** A message line of the bot's JSON log, e.g. `msg('bot ready')`. */
export const msg = (text: string) => (line: string) => line.includes(`"msg":"${text}`);

/**
 * Interactions the fake delivered that never got a usable response: no callback other than a
 * deferral, and no edit after one. "Nothing lost" means this is empty (or exactly the expected ids).
 */
export function unanswered(fake: FakeDiscord): { sent: number; unanswered: string[] } {
  const created = fake.events.flatMap((e) => (e.kind === 'interactionCreate' ? [e.interactionId] : []));
  const answered = new Set(
    fake.events.flatMap((e) => (e.kind === 'interactionResponse' && ((e.action === 'callback' && e.callbackType !== 5) || e.action === 'editOriginal') ? [e.interactionId] : [])),
  );
  const missing = created.filter((id) => !answered.has(id));
  if (process.env.RELIABILITY_STATS) process.stdout.write(`[stats] interactions sent ${created.length}, unanswered ${missing.length}\n`);
  return { sent: created.length, unanswered: missing };
}
