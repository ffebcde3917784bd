import { describe, expect, it } from 'vitest';
import type { DestinationStream } from 'pino';
import { createLogger, type Logger } from '../src/logger.js';

const SECRET = 'MTEyMzQ1Njc4OTAxMjM0NTY3OA.GabcDE.s3cr3t-v4lue_0123456789abcdefghijklmno';
const OTHER_SECRET = 'client-secret-0123456789abcdef';

async function collecting(level = 'trace', secrets: string[] = [SECRET, OTHER_SECRET]): Promise<{ logger: Logger; lines: string[] }> {
  const lines: string[] = [];
  const destination: DestinationStream = { write: (line: string) => void lines.push(line) };
  return { logger: await createLogger({ level, secrets, destination }), lines };
}

/** Every string anywhere in a parsed log line. */
function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => [k, ...stringsIn(v)]);
  return [];
}

function expectNoSecret(lines: string[]): void {
  expect(lines.length).toBeGreaterThan(0);
  for (const line of lines) {
    expect(line).not.toContain(SECRET);
    expect(line).not.toContain(OTHER_SECRET);
    for (const text of stringsIn(JSON.parse(line))) {
      expect(text).not.toContain(SECRET);
      expect(text).not.toContain(OTHER_SECRET);
    }
  }
}

describe('GIVEN a logger told about the bot token', () => {
  it('WHEN the token is logged as a plain field THEN it is redacted', async () => {
    const { logger, lines } = await collecting();
    logger.info({ token: SECRET, config: { token: SECRET }, note: `token=${SECRET}` }, 'starting');
    expectNoSecret(lines);
    expect(lines[0]).toContain('[REDACTED]');
  });

  it('WHEN the token is inside an Error message (and so its stack) THEN it is redacted', async () => {
    const { logger, lines } = await collecting();
    logger.error({ err: new Error(`401 Unauthorized for Bot ${SECRET}`) }, 'login failed');
    logger.error(new Error(`bad token ${SECRET}`));
    expectNoSecret(lines);
    expect(lines.join('\n')).toContain('401 Unauthorized for Bot [REDACTED]');
  });

  it('WHEN the token is in an Error cause or a custom error property THEN it is redacted', async () => {
    const { logger, lines } = await collecting();
    const error = Object.assign(new Error('request failed', { cause: new Error(`inner ${SECRET}`) }), { requestBody: { token: SECRET } });
    logger.error({ err: error }, 'REST error');
    expectNoSecret(lines);
  });

  it('WHEN the token is deep in a nested object or an array THEN it is redacted', async () => {
    const { logger, lines } = await collecting();
    logger.warn({ a: { b: { c: { d: [{ e: `prefix ${SECRET} suffix` }] } } }, list: [SECRET, OTHER_SECRET] }, 'nested');
    expectNoSecret(lines);
  });

  it('WHEN the token is in headers.authorization, at any depth THEN it is redacted', async () => {
    const { logger, lines } = await collecting();
    logger.info({ headers: { authorization: `Bot ${SECRET}` } }, 'request');
    logger.info({ request: { headers: { authorization: `Bot ${SECRET}`, Authorization: `Bot ${SECRET}` } } }, 'request');
    logger.info({ rest: { request: { headers: { authorization: `Bot ${SECRET}` } } } }, 'request');
    logger.info({ rest: { request: { options: { headers: { authorization: `Bot ${SECRET}` } } } } }, 'request');
    expectNoSecret(lines);
    expect(lines).toHaveLength(4);
  });

  it('WHEN the token is the message itself, or a format argument THEN it is redacted', async () => {
    const { logger, lines } = await collecting();
    logger.info(`connecting with ${SECRET}`);
    logger.info('connecting with %s and %o', SECRET, { token: SECRET });
    expectNoSecret(lines);
  });

  it('WHEN a child logger carries the token in its bindings THEN it is redacted', async () => {
    const { logger, lines } = await collecting();
    logger.child({ session: SECRET }).info('child line');
    expectNoSecret(lines);
  });

  it('WHEN a secret contains characters JSON escapes (a quote, a backslash) THEN it is still redacted', async () => {
    // Only the bot token is passed today, and tokens have no such characters; a password might.
    const password = 'pa"ss\\word-0123456789';
    const { logger, lines } = await collecting('info', [password]);
    logger.info({ password }, 'configured');
    logger.error(new Error(`login failed with ${password}`));
    expect(lines).toHaveLength(2);
    for (const line of lines) {
      for (const text of stringsIn(JSON.parse(line))) expect(text).not.toContain(password);
    }
  });

  it('THEN ordinary fields are written untouched, one JSON line each', async () => {
    const { logger, lines } = await collecting();
    logger.info({ interaction: '123', outcome: 'replied' }, 'interaction');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0] ?? '{}')).toMatchObject({ level: 30, interaction: '123', outcome: 'replied', msg: 'interaction' });
  });

  it('THEN the level filters lines', async () => {
    const { logger, lines } = await collecting('warn');
    logger.info('not written');
    logger.warn('written');
    expect(lines).toHaveLength(1);
  });
});
