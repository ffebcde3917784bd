import { createServer, type IncomingMessage, type OutgoingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { KeyObject } from 'node:crypto';
import { REST, Routes, type APIInteraction, type APIInteractionResponse } from 'discord.js';
import type { CommandSet } from '../discord/services.js';
import { handleInteraction, type InteractionResponder } from '../discord/interactions.js';
import { createPostedAnswers } from '../discord/guard.js';
import type { RateLimiter } from '../discord/rate-limit.js';
import { RecentKeys } from '../discord/recent-keys.js';
import type { KnowledgeSource } from '../knowledge/knowledge-base.js';
import type { ServerArticles } from '../discord/services.js';
import type { Logger } from '../logger.js';
import type { ReplyMessage } from '../discord/render.js';
import type { FeedbackLog } from '../store/feedback-log.js';
import { checkSignature } from './signature.js';

export interface InteractionsServerOptions {
  /** Read once per request, so a reload between two never mixes them. */
  knowledge: KnowledgeSource;
  /** The per-server article store and fetching, for `/article`; unset where servers keep no articles. */
  serverArticles?: ServerArticles;
  commands: CommandSet;
  publicKey: KeyObject;
  logger: Logger;
  /** REST base without version for follow-ups after a deferral; unset for Discord itself. */
  apiUrl?: string;
  /** Interactions are a few KB; anything far larger is refused before it is read. */
  maxBodyBytes?: number;
  maxSkewSeconds?: number;
  /**
   * A signed request is valid for maxSkewSeconds either side of its timestamp; the ids of the
   * interactions seen are kept that long (twice, both sides), and one seen again is refused as a
   * replay. 0 turns this off (the HTTP bench sends the same signed bodies again and again).
   */
  replayWindowMs?: number;
  deferAfterMs?: number;
  /** A body must arrive within this long after the headers, or the connection is cut (slow-loris). */
  bodyTimeoutMs?: number;
  /** Per-user question budget; one per process (instances behind a load balancer each count their own). */
  rateLimiter?: RateLimiter;
  /** Answers already posted by "Post to channel"; one per server by default (per instance, like the rate limit). */
  postedAnswers?: RecentKeys;
  /** Votes and the unanswered-question log, in the database every instance shares; unset records nothing. */
  feedback?: FeedbackLog;
}

const DEFAULT_MAX_BODY = 64 * 1024;
const DEFAULT_MAX_SKEW_SECONDS = 300;
/** Interaction ids remembered against replays, at most: far more than one instance answers in ten minutes. */
const MAX_REMEMBERED_INTERACTIONS = 200_000;
const DEFAULT_BODY_TIMEOUT_MS = 10_000;

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
  const deps = { ...options, postedAnswers: options.postedAnswers ?? createPostedAnswers() };
  const replayWindowMs = options.replayWindowMs ?? 2 * (options.maxSkewSeconds ?? DEFAULT_MAX_SKEW_SECONDS) * 1000;
  const seen = replayWindowMs > 0 ? new RecentKeys(replayWindowMs, MAX_REMEMBERED_INTERACTIONS) : undefined;
  const bodyTimeoutMs = options.bodyTimeoutMs ?? DEFAULT_BODY_TIMEOUT_MS;
  const deadlines = new BodyDeadlines(bodyTimeoutMs);
  // Node's own timeouts are the backstop for slow headers; they are checked every connectionsCheckingInterval.
  const server = createServer({ requestTimeout: bodyTimeoutMs + 5_000, headersTimeout: 5_000, connectionsCheckingInterval: 1_000 }, (request, response) => {
    void serve(request, response, deps, rest, seen, deadlines).catch((error: unknown) => {
      options.logger.error({ err: error }, 'http request failed');
      if (!response.headersSent) sendJson(response, 500, { error: 'internal error' });
    });
  });
  server.on('close', () => deadlines.stop());
  return server;
}

async function serve(
  request: IncomingMessage,
  response: ServerResponse,
  options: InteractionsServerOptions,
  rest: REST,
  seen: RecentKeys | undefined,
  deadlines: BodyDeadlines,
): Promise<void> {
  const url = request.url ?? '/';
  const query = url.indexOf('?');
  const path = query === -1 ? url : url.slice(0, query);
  if (request.method === 'GET' && path === '/healthz') {
    const { generation, articles } = options.knowledge.current();
    return sendJson(response, 200, { ok: true, articles: articles.length, generation });
  }
  if (path !== '/interactions') return sendJson(response, 404, { error: 'not found' });
  if (request.method !== 'POST') return sendJson(response, 405, { error: 'use POST' });

  let body: Buffer;
  try {
    body = await readBody(request, options.maxBodyBytes ?? DEFAULT_MAX_BODY, deadlines);
  } catch (error) {
    if (error instanceof HttpError) return refuse(request, response, options.logger, error.status, error.message, true);
    throw error;
  }
  const signature = checkSignature(options.publicKey, header(request, 'x-signature-ed25519'), header(request, 'x-signature-timestamp'), body, {
    maxSkewSeconds: options.maxSkewSeconds,
  });
  if (!signature.ok) return refuse(request, response, options.logger, 401, `invalid request signature: ${signature.reason}`);
  if (!/^application\/json\b/i.test(header(request, 'content-type') ?? '')) return refuse(request, response, options.logger, 400, 'content-type must be application/json');
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    return refuse(request, response, options.logger, 400, 'body is not valid JSON');
  }
  if (!isInteraction(parsed)) return refuse(request, response, options.logger, 400, 'body is not an interaction');
  const interaction = parsed;
  // Discord sends each interaction once; the same one again is someone replaying a signed request.
  if (seen && !seen.claim(interaction.id)) return refuse(request, response, options.logger, 409, 'this interaction was already received (a replayed request)');

  const responder = new HttpResponder(response, rest, interaction);
  await handleInteraction(interaction, responder, options);
  if (!responder.answered) sendJson(response, 500, { error: 'no response was produced' });
}

/**
 * One interaction's replies: the first answers its HTTP request, later ones go to Discord's webhook.
 * A class rather than an object of closures: one is made per request, and its methods are shared.
 */
class HttpResponder implements InteractionResponder {
  answered = false;

  constructor(
    private readonly response: ServerResponse,
    private readonly rest: REST,
    private readonly interaction: APIInteraction,
  ) {}

  async respond(reply: APIInteractionResponse): Promise<void> {
    if (this.answered) throw new Error('interaction already answered');
    this.answered = true;
    sendJson(this.response, 200, reply);
  }

  async editOriginal(message: ReplyMessage): Promise<void> {
    await this.rest.patch(Routes.webhookMessage(this.interaction.application_id, this.interaction.token, '@original'), { body: message, auth: false });
  }

  async followUp(message: ReplyMessage): Promise<void> {
    await this.rest.post(Routes.webhook(this.interaction.application_id, this.interaction.token), { body: message, auth: false });
  }
}

/** Every refusal is logged (no body, no headers: they may carry anything) and does no work. */
function refuse(request: IncomingMessage, response: ServerResponse, logger: Logger, status: number, error: string, close = false): void {
  logger.warn({ status, reason: error, remote: request.socket.remoteAddress }, 'http request refused');
  // `close` ends the connection after the reply: a client still trickling its body is cut off.
  sendJson(response, status, { error }, close);
}

/** The fields every interaction has (a PING included); anything else is not worth routing. */
function isInteraction(value: unknown): value is APIInteraction {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const fields = value as Record<string, unknown>;
  return typeof fields.type === 'number' && typeof fields.id === 'string' && typeof fields.token === 'string' && typeof fields.application_id === 'string';
}

/**
 * Bodies being read, checked by one timer per server instead of one timer per request: every sweep
 * (a quarter of the timeout, at most a second apart) cuts off the bodies that have been read for the
 * whole timeout, so a body is cut off between the timeout and one sweep later. Reads are counted in
 * sweeps, not timed, and kept in a list threaded through them: a request reads no clock and allocates nothing here.
 */
class BodyDeadlines {
  /** The sweeps so far; a read started at sweep n is cut off at sweep n + sweepsPerTimeout + 1 or after. */
  sweeps = 0;
  private first: BodyRead | undefined;
  private readonly sweepsPerTimeout: number;
  private readonly sweeper: NodeJS.Timeout;

  constructor(readonly timeoutMs: number) {
    const every = Math.min(1_000, Math.max(10, Math.floor(timeoutMs / 4)));
    this.sweepsPerTimeout = Math.ceil(timeoutMs / every);
    this.sweeper = setInterval(() => this.sweep(), every);
    this.sweeper.unref();
  }

  add(read: BodyRead): void {
    read.next = this.first;
    if (this.first) this.first.previous = read;
    this.first = read;
  }

  delete(read: BodyRead): void {
    if (read.previous) read.previous.next = read.next;
    else if (this.first === read) this.first = read.next;
    if (read.next) read.next.previous = read.previous;
    read.previous = read.next = undefined;
  }

  stop(): void {
    clearInterval(this.sweeper);
  }

  private sweep(): void {
    this.sweeps++;
    for (let read = this.first; read; ) {
      const next = read.next;
      if (this.sweeps - read.startedAt > this.sweepsPerTimeout) read.fail(new HttpError(408, `body not received within ${this.timeoutMs} ms`));
      read = next;
    }
  }
}

/** The body read in progress on a request, reached from the request's own listeners (no closures per request). */
const BODY_READ = Symbol('body read');
type ReadingRequest = IncomingMessage & { [BODY_READ]?: BodyRead };

class BodyRead {
  readonly chunks: Buffer[] = [];
  size = 0;
  /** The deadlines' sweep count when this read began. */
  readonly startedAt: number;
  /** Neighbours in the deadlines' list of reads in progress. */
  previous: BodyRead | undefined;
  next: BodyRead | undefined;

  constructor(
    private readonly request: ReadingRequest,
    readonly limit: number,
    private readonly deadlines: BodyDeadlines,
    private readonly resolve: (body: Buffer) => void,
    private readonly reject: (error: Error) => void,
  ) {
    this.startedAt = deadlines.sweeps;
    deadlines.add(this);
    request[BODY_READ] = this;
    request.on('data', onBodyData);
    request.on('end', onBodyEnd);
    request.on('error', onBodyError);
  }

  done(): void {
    this.deadlines.delete(this);
    // An interaction's body usually arrives in one chunk: no copy then.
    this.resolve(this.chunks.length === 1 ? (this.chunks[0] as Buffer) : Buffer.concat(this.chunks));
  }

  fail(error: Error): void {
    this.deadlines.delete(this);
    this.request.removeListener('data', onBodyData);
    this.request.removeListener('end', onBodyEnd);
    this.request.resume();
    this.reject(error);
  }
}

function onBodyData(this: ReadingRequest, chunk: Buffer): void {
  const read = this[BODY_READ];
  if (!read) return;
  read.size += chunk.length;
  if (read.size > read.limit) return read.fail(new HttpError(413, `body larger than ${read.limit} bytes`));
  read.chunks.push(chunk);
}

function onBodyEnd(this: ReadingRequest): void {
  this[BODY_READ]?.done();
}

function onBodyError(this: ReadingRequest, error: Error): void {
  this[BODY_READ]?.fail(error);
}

/** Reads at most `limit` bytes within the deadlines' timeout; a larger body is refused (413), a slower one cut off (408). */
function readBody(request: IncomingMessage, limit: number, deadlines: BodyDeadlines): Promise<Buffer> {
  const declared = Number(request.headers['content-length'] ?? NaN);
  if (declared > limit) {
    request.resume();
    return Promise.reject(new HttpError(413, `body larger than ${limit} bytes`));
  }
  return new Promise((resolve, reject) => void new BodyRead(request, limit, deadlines, resolve, reject));
}

function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * The reply as one string with its headers: Node then sends head and body in one `write` of a string, encoded
 * straight into the socket (a Buffer body is a second chunk, sent through the `writev` path). The length is the
 * UTF-8 byte count, counted without encoding.
 */
function sendJson(response: ServerResponse, status: number, body: unknown, close = false): void {
  const text = JSON.stringify(body);
  const headers: OutgoingHttpHeaders = { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text, 'utf8') };
  if (close) headers.connection = 'close';
  response.writeHead(status, headers);
  response.end(text, 'utf8');
}
