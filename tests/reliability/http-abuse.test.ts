import { commandSet } from '../../src/commands/index.js';
import { generateKeyPairSync, sign } from 'node:crypto';
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { request, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { InteractionContextType, InteractionType } from 'discord.js';
import { createInteractionsServer } from '../../src/http/interactions-server.js';
import { ed25519PublicKey } from '../../src/http/signature.js';
import { fixedKnowledge } from '../../src/knowledge/knowledge-base.js';
import { postToEndpoint } from '../support/surfaces.js';
import { LogCapture, realEngine } from './helpers.js';

export const FUZZ_RUNS = { unsigned: 400, signed: 300 };

const { publicKey, privateKey } = generateKeyPairSync('ed25519');
const publicKeyHex = publicKey.export({ format: 'der', type: 'spki' }).subarray(12).toString('hex');
const logs = new LogCapture();
const BODY_TIMEOUT_MS = 300;
let server: Server;
let port: number;

beforeAll(async () => {
  server = createInteractionsServer({
    knowledge: fixedKnowledge(realEngine),
    commands: commandSet(),
    publicKey: ed25519PublicKey(publicKeyHex),
    logger: await logs.productionLogger([]),
    maxBodyBytes: 8 * 1024,
    bodyTimeoutMs: BODY_TIMEOUT_MS,
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

/** How many interactions reached the handlers: handleInteraction logs exactly one "interaction" line each. */
const handled = () => logs.count((l) => l.includes('"msg":"interaction"'));

const post = (body: string | Buffer, headers: Record<string, string>) => postToEndpoint(port, body, headers);

const now = () => String(Math.floor(Date.now() / 1000));
function signed(body: string | Buffer, timestamp = now(), signedBody: string | Buffer = body): Record<string, string> {
  const signature = sign(null, Buffer.concat([Buffer.from(timestamp), Buffer.from(signedBody)]), privateKey).toString('hex');
  return { 'content-type': 'application/json', 'x-signature-ed25519': signature, 'x-signature-timestamp': timestamp };
}

/** Each body a new interaction (Discord never sends one twice; the same id again is a replay). */
let interactions = 0;
const ask = (question: string) =>
  JSON.stringify({
    id: String(1_300_000_000_000_000_001n + BigInt(interactions++)),
    application_id: '1300000000000000002',
    type: InteractionType.ApplicationCommand,
    token: 'interaction-token',
    version: 1,
    context: InteractionContextType.BotDM,
    channel_id: '1300000000000000004',
    user: { id: '1300000000000000005', username: 'asker', discriminator: '0', global_name: null, avatar: null },
    data: { id: '1300000000000000006', name: 'ask', type: 1, options: [{ name: 'question', type: 3, value: question }] },
  });

describe('GIVEN a request to the HTTP interactions endpoint', () => {
  const body = ask('who is peskov');

  it.each([
    ['no signature headers', 401, () => ({ 'content-type': 'application/json' })],
    ['a forged signature', 401, () => ({ ...signed(body), 'x-signature-ed25519': 'ab'.repeat(64) })],
    ['a malformed signature', 401, () => ({ ...signed(body), 'x-signature-ed25519': 'not-hex' })],
    ['a valid signature replayed an hour later', 401, () => signed(body, String(Number(now()) - 3600))],
    ['a valid signature from an hour in the future', 401, () => signed(body, String(Number(now()) + 3600))],
    ['a signature over a different body', 401, () => signed(body, now(), ask('who is putin'))],
    ['a signed body with content-type text/plain', 400, () => ({ ...signed(body), 'content-type': 'text/plain' })],
  ] as const)('WHEN it has %s THEN it is refused (%i) and no handler runs', async (_what, status, headers) => {
    const before = handled();
    expect((await post(body, headers())).status).toBe(status);
    expect(handled()).toBe(before);
  });

  it('WHEN a validly signed request is replayed within the 5-minute window THEN the copy is refused (409) and no handler runs, while a new interaction is answered', async () => {
    const original = ask('who is peskov');
    const headers = signed(original);
    expect((await post(original, headers)).status).toBe(200);
    const before = handled();
    for (const replay of [headers, signed(original)]) {
      const reply = await post(original, replay);
      expect(reply.status).toBe(409);
      expect(reply.body).toContain('already received');
    }
    expect(handled()).toBe(before);
    const next = ask('who is peskov');
    expect((await post(next, signed(next))).status).toBe(200);
  });

  it.each([
    ['malformed JSON', '{"type": 2, '],
    ['JSON that is not an interaction', '[1,2,3]'],
    ['an object without id or token', '{"type":2}'],
  ])('WHEN it is signed %s THEN it is refused with 400 and no handler runs', async (_what, text) => {
    const before = handled();
    expect((await post(text, signed(text))).status).toBe(400);
    expect(handled()).toBe(before);
  });

  it('WHEN the declared body is oversized THEN 413 before it is read', async () => {
    const big = 'x'.repeat(64 * 1024);
    const before = handled();
    expect((await post(big, signed(big))).status).toBe(413);
    expect(handled()).toBe(before);
  });

  it('WHEN an oversized body comes chunked, without a length THEN 413 as soon as the limit is passed', async () => {
    const before = handled();
    const status = await new Promise<number>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, path: '/interactions', method: 'POST', headers: { ...signed('x'), 'transfer-encoding': 'chunked' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      for (let i = 0; i < 20; i++) req.write('y'.repeat(1024));
      req.end();
    });
    expect(status).toBe(413);
    expect(handled()).toBe(before);
  });

  it('WHEN a client sends headers then trickles the body (slow-loris) THEN it gets 408 and is cut off within the body timeout', async () => {
    const before = handled();
    const socket = connect(port, '127.0.0.1');
    const started = performance.now();
    socket.write(`POST /interactions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{`);
    const trickle = setInterval(() => socket.writable && socket.write(' '), 50);
    const response = await new Promise<string>((resolve) => {
      let text = '';
      socket.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
      socket.on('close', () => resolve(text));
      socket.on('error', () => undefined);
    });
    clearInterval(trickle);
    expect(response).toMatch(/^HTTP\/1\.1 408/);
    expect(performance.now() - started).toBeLessThan(BODY_TIMEOUT_MS + 1500);
    expect(handled()).toBe(before);
  });

  it('WHEN it is properly signed THEN (the control) it is answered and exactly one handler ran', async () => {
    const before = handled();
    const reply = await post(body, signed(body));
    expect(reply.status).toBe(200);
    expect(reply.body).toContain('Dmitry Peskov');
    expect(handled()).toBe(before + 1);
  });

  it('THEN every refusal was logged as a warning without the body', () => {
    const refused = logs.parsed().filter((l) => l['msg'] === 'http request refused');
    expect(refused.length).toBeGreaterThanOrEqual(12);
    expect(JSON.stringify(refused)).not.toContain('who is peskov');
  });
});

const headerValue = fc.stringMatching(/^[\x20-\x7e]{0,200}$/);
const fuzzHeaders = fc.record(
  {
    'content-type': fc.oneof(fc.constant('application/json'), headerValue),
    'x-signature-ed25519': fc.oneof(fc.stringMatching(/^[0-9a-f]{128}$/), headerValue),
    'x-signature-timestamp': fc.oneof(fc.constant(now()), fc.integer({ min: 0, max: 2 ** 40 }).map(String), headerValue),
    'x-extra': headerValue,
  },
  { requiredKeys: [] },
);
const fuzzBody = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 2000 }),
  fc.json({ maxDepth: 3 }),
  fc.uint8Array({ maxLength: 2000 }).map((bytes) => Buffer.from(bytes)),
  fc.constant(ask('who is peskov')),
);

describe('GIVEN fuzzed requests (fast-check)', () => {
  it(`WHEN ${FUZZ_RUNS.unsigned} random bodies and headers arrive without a valid signature THEN none gets a 2xx, none runs a handler, the server stays up`, async () => {
    const before = handled();
    await fc.assert(
      fc.asyncProperty(fuzzBody, fuzzHeaders, async (body, headers) => {
        const reply = await post(body, headers);
        expect(reply.status).toBeGreaterThanOrEqual(400);
        expect(reply.status).toBeLessThan(500);
      }),
      { numRuns: FUZZ_RUNS.unsigned },
    );
    expect(handled()).toBe(before);
  });

  it(`WHEN ${FUZZ_RUNS.signed} random bodies arrive validly signed THEN the server never fails (no 5xx) and answers only interactions`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.json({ maxDepth: 3 }), fc.string({ maxLength: 500 }), interactionLike()), async (body) => {
        const reply = await post(body, signed(body));
        // 409: random ids repeat, and an id seen before is refused as a replay.
        expect([200, 400, 409]).toContain(reply.status);
        expect(() => JSON.parse(reply.body) as unknown).not.toThrow();
      }),
      { numRuns: FUZZ_RUNS.signed },
    );
    const health = await new Promise<number>((resolve) => request({ host: '127.0.0.1', port, path: '/healthz' }, (res) => (res.resume(), resolve(res.statusCode ?? 0))).end());
    expect(health).toBe(200);
  });
});

/** Interaction-shaped JSON with random types and data: gets past the shape check into the handlers. */
function interactionLike(): fc.Arbitrary<string> {
  return fc
    .record({
      id: fc.stringMatching(/^\d{1,19}$/),
      application_id: fc.constant('1300000000000000002'),
      token: fc.string({ minLength: 1, maxLength: 40 }),
      type: fc.integer({ min: -1, max: 10 }),
      data: fc.oneof(fc.constant(undefined), fc.object({ maxDepth: 2 }), fc.record({ name: fc.constantFrom('ask', 'quotes', 'speakers', 'nope'), type: fc.integer({ min: 1, max: 3 }), custom_id: fc.string() })),
      member: fc.oneof(fc.constant(undefined), fc.object({ maxDepth: 1 })),
    })
    .map((value) => JSON.stringify(value));
}
