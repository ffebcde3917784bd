import { commandSet } from '../../src/commands/index.js';
import { generateKeyPairSync, sign } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { InteractionContextType, InteractionResponseType, InteractionType, type APIInteraction, type APIInteractionResponse } from 'discord.js';
import { loadKnowledgeBase } from '../../src/data/load.js';
import { createAnswerEngine } from '../../src/engine/index.js';
import { createInteractionsServer } from '../../src/http/interactions-server.js';
import { fixedKnowledge } from '../../src/knowledge/knowledge-base.js';
import { postToEndpoint } from '../support/surfaces.js';
import { ed25519PublicKey } from '../../src/http/signature.js';
import { handleInteraction } from '../../src/discord/interactions.js';

const { publicKey, privateKey } = generateKeyPairSync('ed25519');
const publicKeyHex = publicKey.export({ format: 'der', type: 'spki' }).subarray(12).toString('hex');
const articles = loadKnowledgeBase().articles;
const knowledge = fixedKnowledge(createAnswerEngine(articles));
const commands = commandSet();
const logger = pino({ level: 'silent' });

let server: Server;
let port: number;

beforeAll(async () => {
  server = createInteractionsServer({ knowledge, commands, publicKey: ed25519PublicKey(publicKeyHex), logger, maxBodyBytes: 8 * 1024 });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

interface Reply {
  status: number;
  body: string;
}

const post = (body: string | Buffer, headers: Record<string, string>, path = '/interactions', method = 'POST'): Promise<Reply> => postToEndpoint(port, body, headers, path, method);

function signed(body: string, timestamp = String(Math.floor(Date.now() / 1000)), signedBody = body): Record<string, string> {
  const signature = sign(null, Buffer.from(timestamp + signedBody), privateKey).toString('hex');
  return { 'content-type': 'application/json', 'x-signature-ed25519': signature, 'x-signature-timestamp': timestamp };
}

/** Each a new interaction (Discord never sends one twice; the same id again is a replay). */
let interactions = 0;

function askInteraction(question: string): APIInteraction {
  return {
    id: String(1_300_000_000_000_000_001n + BigInt(interactions++)),
    application_id: '1300000000000000002',
    type: InteractionType.ApplicationCommand,
    token: 'interaction-token',
    version: 1,
    guild_id: '1300000000000000003',
    context: InteractionContextType.Guild,
    channel_id: '1300000000000000004',
    member: { user: { id: '1300000000000000005', username: 'asker', discriminator: '0', global_name: null, avatar: null }, roles: [], joined_at: '2026-01-01T00:00:00.000Z', deaf: false, mute: false, flags: 0, permissions: '0' },
    data: { id: '1300000000000000006', name: 'ask', type: 1, options: [{ name: 'question', type: 3, value: question }] },
  } as unknown as APIInteraction;
}

describe('HTTP interactions endpoint', () => {
  it('answers a PING with a PONG', async () => {
    const body = JSON.stringify({ id: '1', application_id: '2', type: InteractionType.Ping, token: 't', version: 1 });
    const reply = await post(body, signed(body));
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toEqual({ type: InteractionResponseType.Pong });
  });

  it('answers /ask with exactly the payload the gateway bot sends', async () => {
    const interaction = askInteraction('who spoke about venues');
    const body = JSON.stringify(interaction);
    const reply = await post(body, signed(body));
    expect(reply.status).toBe(200);
    const viaHttp = JSON.parse(reply.body) as APIInteractionResponse;
    let viaGateway: APIInteractionResponse | undefined;
    await handleInteraction(interaction, { respond: async (r) => void (viaGateway = r), editOriginal: async () => undefined, followUp: async () => undefined }, { knowledge, commands, logger });
    expect(viaHttp).toEqual(JSON.parse(JSON.stringify(viaGateway)));
    expect(viaHttp.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(reply.body).toContain('Polishchuk');
  });

  it.each<[string, (base: APIInteraction) => APIInteraction]>([
    ['/quotes', (base) => ({ ...base, data: { id: '1300000000000000007', name: 'quotes', type: 1, options: [{ name: 'speaker', type: 3, value: 'maria-zakharova' }] } }) as unknown as APIInteraction],
    ['/speakers', (base) => ({ ...base, data: { id: '1300000000000000008', name: 'speakers', type: 1 } }) as unknown as APIInteraction],
    ['autocomplete', (base) => ({ ...base, type: InteractionType.ApplicationCommandAutocomplete, data: { id: '1300000000000000007', name: 'quotes', type: 1, options: [{ name: 'speaker', type: 3, value: 'zak', focused: true }] } }) as unknown as APIInteraction],
    ['a "More" button', (base) => ({ ...base, type: InteractionType.MessageComponent, message: { id: '1', channel_id: '1', flags: 64, embeds: [], components: [] }, data: { custom_id: 'pg:1:a:who is quoted', component_type: 2 } }) as unknown as APIInteraction],
    ['the context-menu command', (base) => ({ ...base, data: { id: '1300000000000000009', name: 'Ask the article', type: 3, target_id: '42', resolved: { messages: { '42': { id: '42', content: 'what did Peskov say?' } } } } }) as unknown as APIInteraction],
  ])('answers %s with exactly the payload the gateway bot sends', async (_name, build) => {
    const interaction = build(askInteraction('unused'));
    const body = JSON.stringify(interaction);
    const reply = await post(body, signed(body));
    expect(reply.status).toBe(200);
    let viaGateway: APIInteractionResponse | undefined;
    await handleInteraction(interaction, { respond: async (r) => void (viaGateway = r), editOriginal: async () => undefined, followUp: async () => undefined }, { knowledge, commands, logger });
    expect(viaGateway).toBeDefined();
    expect(JSON.parse(reply.body)).toEqual(JSON.parse(JSON.stringify(viaGateway)));
  });

  it('refuses a request without signature headers with 401', async () => {
    const body = JSON.stringify(askInteraction('who is peskov'));
    const reply = await post(body, { 'content-type': 'application/json' });
    expect(reply.status).toBe(401);
  });

  it('refuses a forged signature with 401', async () => {
    const body = JSON.stringify(askInteraction('who is peskov'));
    const headers = { ...signed(body), 'x-signature-ed25519': 'ab'.repeat(64) };
    expect((await post(body, headers)).status).toBe(401);
  });

  it('refuses a signature made over a different body with 401', async () => {
    const body = JSON.stringify(askInteraction('who is peskov'));
    const other = JSON.stringify(askInteraction('who is putin'));
    expect((await post(body, signed(body, undefined, other))).status).toBe(401);
  });

  it('refuses a validly signed request replayed with an old timestamp with 401', async () => {
    const body = JSON.stringify(askInteraction('who is peskov'));
    const old = String(Math.floor(Date.now() / 1000) - 3600);
    expect((await post(body, signed(body, old))).status).toBe(401);
  });

  it('rejects a signed body with the wrong content type with 400', async () => {
    const body = JSON.stringify(askInteraction('who is peskov'));
    expect((await post(body, { ...signed(body), 'content-type': 'text/plain' })).status).toBe(400);
  });

  it('rejects signed malformed JSON with 400', async () => {
    const body = '{"type": 2, ';
    expect((await post(body, signed(body))).status).toBe(400);
  });

  it('refuses an oversized body with 413 before reading it', async () => {
    const body = 'x'.repeat(64 * 1024);
    expect((await post(body, signed(body))).status).toBe(413);
  });

  it('answers an unknown interaction type with a clear notice instead of crashing', async () => {
    const body = JSON.stringify({ ...askInteraction('x'), type: 99 });
    const reply = await post(body, signed(body));
    expect(reply.status).toBe(200);
    expect(reply.body).toContain('cannot handle');
  });

  it('serves /healthz for load balancers', async () => {
    const reply = await post('', {}, '/healthz', 'GET');
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toEqual({ ok: true, articles: articles.length, generation: 1 });
  });
});
