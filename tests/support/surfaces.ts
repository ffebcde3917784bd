import { sign, type KeyObject } from 'node:crypto';
import { request } from 'node:http';
import { InteractionContextType, InteractionType, type APIEmbed, type APIInteraction, type APIMessage } from 'discord.js';
import type { FakeDiscord } from '../fake-discord/index.js';
import type { InteractionInput } from '../fake-discord/interactions.js';

/**
 * The two ways an interaction reaches the bot, behind one face, so a test asks both the same
 * thing: the gateway bot through the fake Discord, and the HTTP endpoint through a signed POST.
 */

export interface Reply {
  /** The interaction's id, as its log line names it. */
  id: string;
  type: number;
  data: { embeds?: APIEmbed[]; components?: { components?: { custom_id?: string; label?: string }[] }[]; flags?: number; choices?: { name: string; value: string }[] };
  /** The message a button on this reply sits on, to press it. */
  message: APIMessage;
}

export interface Surface {
  name: string;
  send(input: InteractionInput): Promise<Reply>;
}

/** The gateway bot: the interaction goes out over the fake's gateway, the reply comes back as its callback. */
export function viaGateway(fake: FakeDiscord): Surface {
  return {
    name: 'gateway bot',
    async send(input) {
      const handle = fake.sendInteraction(input);
      const callback = await handle.waitForCallback();
      const data = (callback.data ?? {}) as Reply['data'];
      return { id: handle.id, type: callback.callbackType ?? 0, data, message: handle.originalMessage() ?? messageOf(data) };
    },
  };
}

let nextId = 1_400_000_000_000_000_000n;

/** The HTTP interactions endpoint at `port`: the interaction is signed with `privateKey` and POSTed; the reply is the response. */
export function viaHttp(port: () => number, privateKey: KeyObject): Surface {
  return {
    name: 'HTTP endpoint',
    async send(input) {
      const payload = httpPayload(input);
      const body = JSON.stringify(payload);
      const timestamp = String(Math.floor(Date.now() / 1000));
      const signature = sign(null, Buffer.from(timestamp + body), privateKey).toString('hex');
      const response = await postToEndpoint(port(), body, { 'content-type': 'application/json', 'x-signature-ed25519': signature, 'x-signature-timestamp': timestamp });
      if (response.status !== 200) throw new Error(`HTTP ${response.status}: ${response.body}`);
      const parsed = JSON.parse(response.body) as { type: number; data?: Reply['data'] };
      const data = parsed.data ?? {};
      return { id: payload.id, type: parsed.type, data, message: messageOf(data) };
    },
  };
}

/** A full interaction payload, as Discord would POST it, for what a builder describes (a member of one server asking). */
function httpPayload(input: InteractionInput): APIInteraction {
  const data = { ...input.data };
  if (input.type === InteractionType.ApplicationCommand || input.type === InteractionType.ApplicationCommandAutocomplete) {
    data['type'] ??= 1;
    data['id'] ??= '1400000000000000010';
  }
  return {
    id: String(nextId++),
    application_id: '1400000000000000001',
    type: input.type,
    token: 'http-interaction-token',
    version: 1,
    guild_id: '1400000000000000002',
    context: InteractionContextType.Guild,
    channel_id: '1400000000000000003',
    member: { user: { id: '1400000000000000004', username: 'asker', discriminator: '0', global_name: null, avatar: null }, roles: [], joined_at: '2026-01-01T00:00:00.000Z', deaf: false, mute: false, flags: 0, permissions: '0' },
    data,
    ...(input.message ? { message: input.message } : {}),
  } as unknown as APIInteraction;
}

function messageOf(data: Reply['data']): APIMessage {
  return { id: '1400000000000000005', channel_id: '1400000000000000003', flags: data.flags ?? 0, embeds: data.embeds ?? [], components: data.components ?? [] } as unknown as APIMessage;
}

/** One request to an HTTP endpoint on 127.0.0.1: its status and body. */
export function postToEndpoint(port: number, body: string | Buffer, headers: Record<string, string>, path = '/interactions', method = 'POST'): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** The custom ids of a reply's buttons, by label. */
export function buttons(reply: Reply): { label: string; customId: string }[] {
  return (reply.data.components ?? []).flatMap((row) => (row.components ?? []).flatMap((c) => (c.custom_id ? [{ label: c.label ?? '', customId: c.custom_id }] : [])));
}

/** Each cited passage, from the "Show in context" buttons: the article it is in and its offsets. */
export function citations(reply: Reply): { article: string; start: number; end: number }[] {
  return buttons(reply).flatMap(({ customId }) => {
    const match = /^ctx:\d+:(\d+):(\d+):([a-z0-9-]+)/.exec(customId);
    return match ? [{ article: match[3] ?? '', start: Number(match[1]), end: Number(match[2]) }] : [];
  });
}

/** The block-quoted lines of a reply's first embed, un-escaped: each must be article text. */
export function quotedPassages(reply: Pick<Reply, 'data'>): string[] {
  return (reply.data.embeds?.[0]?.description ?? '')
    .split('\n')
    .filter((line) => line.startsWith('> '))
    .map((line) =>
      line
        .slice(2)
        .replace(/\\([*_~`|>#\-[\]()\\:])/g, '$1')
        .replace(/@\u200b/g, '@')
        .replace(/…$/, ''),
    );
}

export const textOf = (reply: Reply): string => JSON.stringify(reply.data);
