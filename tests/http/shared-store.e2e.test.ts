import { generateKeyPairSync } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { button, slashCommand } from '../fake-discord/index.js';
import { msg, PROCESS_START_MS, spawnEntry, type BotProcess } from '../reliability/helpers.js';
import { startWireServer } from '../store/drivers.js';
import { buttons, viaHttp, type Surface } from '../support/surfaces.js';

/**
 * Two HTTP endpoint processes behind one load balancer share one Postgres (here PGlite served over
 * the Postgres wire on 127.0.0.1): a vote given through one counts on the other, and a question
 * declined by either is in the shared log.
 */

const { publicKey, privateKey } = generateKeyPairSync('ed25519');
const publicKeyHex = publicKey.export({ format: 'der', type: 'spki' }).subarray(-32).toString('hex');
const ANSWERED = 'what did Zakharova say?';
const DECLINED = 'how many moons does the harbour cat own?';
let wire: Awaited<ReturnType<typeof startWireServer>>;
const endpoints: BotProcess[] = [];
const surfaces: Surface[] = [];

beforeAll(async () => {
  wire = await startWireServer();
  for (let i = 0; i < 2; i++) endpoints.push(spawnEntry('src/serve-http.ts', { DISCORD_PUBLIC_KEY: publicKeyHex, PORT: '0', HOST: '127.0.0.1', DATABASE_URL: wire.url, RATE_LIMIT_QUESTIONS: '0' }));
  for (const endpoint of endpoints) {
    const { port } = JSON.parse(await endpoint.output.waitFor(msg('interactions endpoint listening'), { what: 'the endpoint to listen', timeoutMs: 2 * PROCESS_START_MS })) as { port: number };
    surfaces.push(viaHttp(() => port, privateKey));
  }
}, 4 * PROCESS_START_MS);

afterAll(async () => {
  for (const endpoint of endpoints) await endpoint.stop();
  await wire?.stop();
});

const noticeText = (data: unknown) => (data as { embeds?: { description?: string }[] }).embeds?.[0]?.description;

describe('GIVEN two HTTP endpoints on one DATABASE_URL', () => {
  it('WHEN a member votes through one and again through the other THEN the second counts as the same vote', async () => {
    const [first, second] = surfaces as [Surface, Surface];
    const answer = await first.send(slashCommand('ask', { question: ANSWERED }));
    const down = buttons(answer).find((b) => b.label === '👎')?.customId ?? '';
    expect(down).not.toBe('');
    expect(noticeText((await first.send(button(down, answer.message))).data)).toBe('Thanks, your 👎 is recorded.');
    expect(noticeText((await second.send(button(down, answer.message))).data)).toBe('You already gave this answer a 👎; it counts once.');
  });

  it('WHEN either declines a question THEN it is in the one shared log, with its server and no user id', async () => {
    await (surfaces[1] as Surface).send(slashCommand('ask', { question: DECLINED }));
    const client = new pg.Client({ connectionString: wire.url });
    await client.connect();
    try {
      const rows = (await client.query<{ guild_id: string; question: string }>('SELECT guild_id, question FROM unanswered_questions')).rows;
      expect(rows).toEqual([{ guild_id: '1400000000000000002', question: DECLINED }]);
      expect(JSON.stringify((await client.query('SELECT * FROM answer_votes')).rows)).not.toContain('1400000000000000004');
    } finally {
      await client.end();
    }
  });
});
