import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, get, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, onTestFinished, vi } from 'vitest';
import { msg, spawnEntry, type BotProcess, PROCESS_START_MS } from '../reliability/helpers.js';

// Each test starts a real process, which opens its database: seconds on a busy machine.
vi.setConfig({ testTimeout: 2 * PROCESS_START_MS });

/**
 * `npm run start:http` as a supervisor sees it: the same start-up contract as the gateway bot (a
 * process that cannot serve exits 1 with one line naming the problem), and HOST chooses the
 * interface it listens on.
 */

const PUBLIC_KEY = 'a'.repeat(64);
const empty = mkdtempSync(join(tmpdir(), 'serve-http-empty-'));
afterAll(() => rmSync(empty, { recursive: true, force: true }));

function serve(env: Record<string, string>): BotProcess {
  const server = spawnEntry('src/serve-http.ts', { DISCORD_PUBLIC_KEY: PUBLIC_KEY, PORT: '0', ...env });
  onTestFinished(() => server.stop());
  return server;
}

function fatalLines(server: BotProcess): string[] {
  return server.output.parsed().flatMap((l) => (l['level'] === 60 ? [String(l['msg'])] : []));
}

describe('GIVEN the HTTP interactions endpoint cannot start', () => {
  it('WHEN ARTICLES_DIR has no valid article THEN it exits 1 with one line naming the directory', async () => {
    const server = serve({ ARTICLES_DIR: empty });
    expect((await server.exited).code).toBe(1);
    expect(fatalLines(server)).toEqual([`could not start the interactions endpoint: no valid article in ${empty}; fix the files reported above or set ARTICLES_DIR`]);
    expect(server.output.lines.join('')).not.toContain('unhandled rejection');
  });

  it('WHEN ARTICLES_DIR does not exist THEN it exits 1 saying it cannot read the directory', async () => {
    const server = serve({ ARTICLES_DIR: join(empty, 'missing') });
    expect((await server.exited).code).toBe(1);
    expect(fatalLines(server)).toEqual([expect.stringMatching(/could not start the interactions endpoint: .*missing: directory: cannot read the articles directory \(ENOENT\); check ARTICLES_DIR/)]);
  });

  it('WHEN its port is taken THEN it exits 1 saying so', async () => {
    const taken: Server = createServer();
    await new Promise<void>((done) => taken.listen(0, '127.0.0.1', done));
    onTestFinished(() => new Promise<void>((done) => taken.close(() => done())));
    const server = serve({ HOST: '127.0.0.1', PORT: String((taken.address() as AddressInfo).port) });
    expect((await server.exited).code).toBe(1);
    expect(fatalLines(server)).toEqual([expect.stringMatching(/could not start the interactions endpoint: listen EADDRINUSE/)]);
  });
});

describe('GIVEN HOST', () => {
  it('WHEN it is 127.0.0.1 THEN the endpoint listens there only, and answers there', async () => {
    const server = serve({ HOST: '127.0.0.1' });
    const line = await server.output.waitFor(msg('interactions endpoint listening'), { timeoutMs: PROCESS_START_MS });
    const { host, port } = JSON.parse(line) as { host: string; port: number };
    expect(host).toBe('127.0.0.1');
    const status = await new Promise<number>((done, fail) => get({ host: '127.0.0.1', port, path: '/healthz' }, (res) => { res.resume(); done(res.statusCode ?? 0); }).on('error', fail));
    expect(status).toBe(200);
  });

  it('WHEN it is unset THEN every interface is listened on, as before', async () => {
    const server = serve({});
    const line = await server.output.waitFor(msg('interactions endpoint listening'), { timeoutMs: PROCESS_START_MS });
    expect(['::', '0.0.0.0']).toContain((JSON.parse(line) as { host: string }).host);
  });
});
