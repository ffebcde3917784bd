import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { DiscordAPIError, HTTPError } from 'discord.js';
import type { DestinationStream } from 'pino';
import { ConfigError, loadBotConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';

const run = promisify(execFile);
const TOKEN = 'MTEyMzQ1Njc4OTAxMjM0NTY3OA.GabcDE.s3cr3t-v4lue_0123456789abcdefghijklmno';
const INTERACTION_TOKEN = 'aW50ZXJhY3Rpb246MTIzOjEyMw-very-long-interaction-token_0123456789';

async function capture(): Promise<{ lines: string[]; log: Awaited<ReturnType<typeof createLogger>> }> {
  const lines: string[] = [];
  const destination: DestinationStream = { write: (line: string) => void lines.push(line) };
  return { lines, log: await createLogger({ level: 'trace', secrets: [TOKEN], destination }) };
}

describe('GIVEN errors that carry the token in their context', () => {
  it('WHEN discord.js errors quote the token in the message, the cause, the request body or the URL THEN no log line contains it', async () => {
    const { lines, log } = await capture();
    const apiError = new DiscordAPIError({ message: `401: Unauthorized ${TOKEN}`, code: 0 }, 0, 401, 'POST', `https://discord.com/api/v10/channels/1/messages?t=${TOKEN}`, {
      body: { token: TOKEN, content: `Bot ${TOKEN}` },
    });
    log.error({ err: apiError }, 'could not answer a message');
    log.error({ err: new Error('login failed', { cause: new Error(`An invalid token was provided: ${TOKEN}`) }) }, 'could not start the bot');
    log.error({ err: new HTTPError(500, 'Internal Server Error', 'POST', `https://discord.com/api/v10/interactions/123/${INTERACTION_TOKEN}/callback`, { body: {} }) }, 'interaction handler failed');
    log.warn({ headers: { authorization: `Bot ${TOKEN}` }, nested: { deeper: [`Bot ${TOKEN}`] } }, `header Bot ${TOKEN}`);
    const all = lines.join('');
    expect(lines).toHaveLength(4);
    expect(all).not.toContain(TOKEN);
    expect(all).not.toContain(INTERACTION_TOKEN);
    expect(all).toContain('/interactions/123/[REDACTED]/callback');
  });

  it('WHEN the token is malformed THEN the configuration error names the variable but never echoes the value', () => {
    const bad = `${TOKEN} extra`;
    let caught: unknown;
    try {
      loadBotConfig({ DISCORD_TOKEN: bad, DISCORD_CLIENT_ID: '123456789012345678' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    expect(String(caught)).toContain('DISCORD_TOKEN');
    expect(String(caught)).not.toContain(TOKEN.slice(0, 20));
  });
});

describe('GIVEN the repository', () => {
  it('THEN .gitignore lists .env', () => {
    const ignored = readFileSync('.gitignore', 'utf8').split('\n').map((l) => l.trim());
    expect(ignored).toContain('.env');
  });

  it('THEN git itself ignores .env (git check-ignore)', async () => {
    const { stdout } = await run('git', ['check-ignore', '-v', '.env']);
    expect(stdout).toMatch(/^\.gitignore:\d+:\.env\s+\.env$/m);
  });

  it('THEN .env is not tracked', async () => {
    const { stdout } = await run('git', ['ls-files', '--', '.env']);
    expect(stdout.trim()).toBe('');
  });
});
