import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LogCapture, descriptionOf } from './reliability/helpers.js';
import type { APIMessage } from 'discord.js';
import { button, slashCommand, startFakeDiscord, type FakeDiscord } from './fake-discord/index.js';

/**
 * The README's first start, step by step, as a new user takes it: a checkout, `cp .env.example
 * .env`, the token, client id and guild id filled in (and DISCORD_API_URL pointing at the local
 * fake Discord instead of discord.com), then `npm start` or `npm run dev` exactly as package.json
 * runs them. Nothing else is set: the rest of `.env.example` is used as shipped.
 */

const ROOT = resolve(import.meta.dirname, '..');
const STARTUP_MS = 120_000;
let checkout: string;

beforeAll(() => {
  checkout = mkdtempSync(join(tmpdir(), 'first-start-'));
  for (const entry of ['package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json', '.env.example', 'scripts', 'src']) {
    cpSync(join(ROOT, entry), join(checkout, entry), { recursive: true });
  }
  symlinkSync(join(ROOT, 'node_modules'), join(checkout, 'node_modules'), 'dir');
});

afterAll(() => {
  rmSync(checkout, { recursive: true, force: true });
});

/** `cp .env.example .env`, then the values the README says to fill in; every other line as shipped. */
function envFromExample(values: Record<string, string>): void {
  const example = readFileSync(join(checkout, '.env.example'), 'utf8');
  const filled = example.replace(/^([A-Z_]+)=.*$/gm, (line, name: string) => (name in values ? `${name}=${values[name]}` : line));
  for (const name of Object.keys(values)) expect(filled, `.env.example has a ${name}= line to fill in`).toMatch(new RegExp(`^${name}=`, 'm'));
  writeFileSync(join(checkout, '.env'), filled);
}

function readmeValues(fake: FakeDiscord, token = fake.token): Record<string, string> {
  return { DISCORD_TOKEN: token, DISCORD_CLIENT_ID: fake.applicationId, DISCORD_GUILD_ID: fake.guild.id, DISCORD_API_URL: fake.apiUrl };
}

interface Run {
  child: ChildProcess;
  output: LogCapture;
  exited: Promise<number | null>;
  /** Ends the whole process group (npm, the shell and node), then waits for npm to exit. */
  stop(): Promise<void>;
}

/** `npm <args>` in the checkout, with nothing from this test's environment but PATH and HOME (no NODE_ENV, no .env values). */
function npm(args: string[]): Run {
  const child = spawn('npm', args, { cwd: checkout, env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? checkout }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const output = new LogCapture();
  for (const stream of [child.stdout, child.stderr]) {
    let rest = '';
    stream?.setEncoding('utf8').on('data', (chunk: string) => {
      const lines = (rest + chunk).split('\n');
      rest = lines.pop() ?? '';
      for (const line of lines) output.push(`${line}\n`);
    });
  }
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  return {
    child,
    output,
    exited,
    async stop() {
      if (child.exitCode === null && child.pid) {
        try {
          process.kill(-child.pid, 'SIGTERM');
        } catch {
          // already gone
        }
      }
      await exited;
    },
  };
}

/** Resolves when the bot is READY on the fake; rejects with the process's last lines if it exits first. */
async function readyOrFailed(fake: FakeDiscord, run: Run): Promise<void> {
  await Promise.race([fake.waitForReady(), run.exited.then((code) => Promise.reject(new Error(`exited ${code} before READY:\n${run.output.lines.slice(-15).join('')}`)))]);
}

/** The exit code, or "still running" if the process has not exited within `ms` (a watcher waiting for changes). */
function exitWithin(run: Run, ms: number): Promise<number | null | 'still running'> {
  return Promise.race([run.exited, new Promise<'still running'>((done) => setTimeout(() => done('still running'), ms))]);
}

describe('GIVEN a checkout with .env made from .env.example as the README says', () => {
  it(
    'WHEN `npm start` runs (it builds, then starts the compiled bot) THEN the bot logs in and answers /ask',
    async () => {
      const fake = await startFakeDiscord({ defaultTimeoutMs: STARTUP_MS });
      envFromExample(readmeValues(fake));
      const run = npm(['start']);
      try {
        await readyOrFailed(fake, run);
        const asked = fake.sendInteraction(slashCommand('ask', { question: 'who spoke about venues?' }));
        expect(descriptionOf((await asked.waitForCallback()).data)).toContain('Polishchuk');
        // The database is on with DATA_DIR left empty: created in ./data, and a vote is recorded in it.
        expect(existsSync(join(checkout, 'data', 'pglite', 'PG_VERSION'))).toBe(true);
        const answer = asked.originalMessage() as APIMessage;
        const up = (answer.components ?? []).flatMap((row) => ('components' in row ? (row.components as { label?: string; custom_id?: string }[]) : [])).find((b) => b.label === '👍');
        const voted = fake.sendInteraction(button(up?.custom_id ?? '', answer));
        expect(descriptionOf((await voted.waitForCallback()).data)).toBe('Thanks, your 👍 is recorded.');
        expect(run.output.lines.join('')).not.toContain('FATAL');
      } finally {
        await run.stop();
        await fake.close();
      }
    },
    STARTUP_MS + 30_000,
  );

  it(
    'WHEN `npm run dev` runs THEN the bot logs in and answers /ask, and SIGTERM stops it',
    async () => {
      const fake = await startFakeDiscord({ defaultTimeoutMs: 30_000 });
      envFromExample(readmeValues(fake));
      const run = npm(['run', 'dev']);
      try {
        await readyOrFailed(fake, run);
        const asked = fake.sendInteraction(slashCommand('ask', { question: 'who is peskov?' }));
        expect(descriptionOf((await asked.waitForCallback()).data)).toContain('Peskov');
      } finally {
        await run.stop();
        await fake.close();
      }
    },
    60_000,
  );

  it(
    'WHEN `npm run dev` cannot start (Discord rejects the token) THEN the failure is printed and the process exits 1 instead of waiting in watch mode',
    async () => {
      const fake = await startFakeDiscord();
      envFromExample(readmeValues(fake, `${fake.token.split('.')[0]}.AAAAAA.${'x'.repeat(38)}`));
      const run = npm(['run', 'dev']);
      try {
        expect(await exitWithin(run, 30_000)).toBe(1);
        expect(run.output.lines.join('')).toMatch(/could not start the bot: Discord rejected the bot token/);
      } finally {
        await run.stop();
        await fake.close();
      }
    },
    45_000,
  );

  it(
    'WHEN `npm run dev` starts with .env copied but not filled in THEN it names DISCORD_TOKEN and exits 1',
    async () => {
      envFromExample({});
      const run = npm(['run', 'dev']);
      try {
        expect(await exitWithin(run, 30_000)).toBe(1);
        expect(run.output.lines.join('')).toContain('Configuration error: DISCORD_TOKEN: is empty');
      } finally {
        await run.stop();
      }
    },
    45_000,
  );
});
