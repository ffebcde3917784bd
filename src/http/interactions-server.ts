import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { KeyObject } from 'node:crypto';
import { REST, Routes, type APIInteraction, type APIInteractionResponse } from 'discord.js';
import type { Services } from '../discord/command.js';
import { handleInteraction, type InteractionResponder } from '../discord/interactions.js';
import type { Logger } from '../logger.js';
import { checkSignature } from './signature.js';

export interface InteractionsServerOptions extends Services {
  publicKey: KeyObject;
  logger: Logger;
  /** REST base without version for follow-ups after a deferral; unset for Discord itself. */
  apiUrl?: string;
  /** Interactions are a few KB; anything far larger is refused before it is read. */
  maxBodyBytes?: number;
  maxSkewSeconds?: number;
  deferAfterMs?: number;
}

const DEFAULT_MAX_BODY = 64 * 1024;

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Discord's "Interactions Endpoint URL": POST /interactions, verified, answered by the same
 * handlers as the gateway bot. Stateless, so any number of instances can sit behind a load balancer.
 */
export function createInteractionsServer(options: InteractionsServerOptions): Server {
  const rest = new REST(options.apiUrl ? { api: options.apiUrl } : {});
  const server = createServer((request, response) => {
    void serve(request, response, options, rest).catch((error: unknown) => {
      options.logger.error({ err: error }, 'http request failed');
      if (!response.headersSent) sendJson(response, 500, { error: 'internal error' });
    });
  });
  // Slow senders (slow-loris) are cut off instead of holding a connection open.
  server.requestTimeout = 10_000;
  server.headersTimeout = 5_000;
  return server;
}

async function serve(request: IncomingMessage, response: ServerResponse, options: InteractionsServerOptions, rest: REST): Promise<void> {
  const path = (request.url ?? '/').split('?')[0];
  if (request.method === 'GET' && path === '/healthz') return sendJson(response, 200, { ok: true, articles: options.articles.length });
  if (path !== '/interactions') return sendJson(response, 404, { error: 'not found' });
  if (request.method !== 'POST') return sendJson(response, 405, { error: 'use POST' });

  let body: Buffer;
  try {
    body = await readBody(request, options.maxBodyBytes ?? DEFAULT_MAX_BODY);
  } catch (error) {
    if (error instanceof HttpError) return sendJson(response, error.status, { error: error.message }, true);
    throw error;
  }
  const signature = checkSignature(options.publicKey, header(request, 'x-signature-ed25519'), header(request, 'x-signature-timestamp'), body, {
    maxSkewSeconds: options.maxSkewSeconds,
  });
  if (!signature.ok) return sendJson(response, 401, { error: `invalid request signature: ${signature.reason}` });
  if (!/^application\/json\b/i.test(header(request, 'content-type') ?? '')) return sendJson(response, 400, { error: 'content-type must be application/json' });
  let interaction: APIInteraction;
  try {
    interaction = JSON.parse(body.toString('utf8')) as APIInteraction;
  } catch {
    return sendJson(response, 400, { error: 'body is not valid JSON' });
  }
  if (typeof interaction !== 'object' || interaction === null || typeof interaction.type !== 'number') {
    return sendJson(response, 400, { error: 'body is not an interaction' });
  }

  let answered = false;
  const responder: InteractionResponder = {
    respond: async (reply: APIInteractionResponse) => {
      if (answered) throw new Error('interaction already answered');
      answered = true;
      sendJson(response, 200, reply);
    },
    editOriginal: async (message) => {
      await rest.patch(Routes.webhookMessage(interaction.application_id, interaction.token, '@original'), { body: message, auth: false });
    },
  };
  await handleInteraction(interaction, responder, options);
  if (!answered) sendJson(response, 500, { error: 'no response was produced' });
}

/** Reads at most `limit` bytes; a larger body is refused (413) as soon as that is known. */
function readBody(request: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(request.headers['content-length'] ?? NaN);
  if (declared > limit) {
    request.resume();
    return Promise.reject(new HttpError(413, `body larger than ${limit} bytes`));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        request.removeAllListeners('data');
        request.resume();
        reject(new HttpError(413, `body larger than ${limit} bytes`));
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function sendJson(response: ServerResponse, status: number, body: unknown, close = false): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...(close ? { connection: 'close' } : {}) });
  response.end(text);
}
