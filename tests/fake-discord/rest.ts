/**
 * HTTP layer of the fake REST API: URL parsing (`/api/v10/...`), `Authorization: Bot`
 * checks, JSON + multipart body parsing, per-bucket rate limiting with Discord's
 * X-RateLimit-* headers, fault injection, and the request log.
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AuthState, Fault, FakeEvent, RecordedFile, RecordedRequest } from './events.js';
import type { EventLog } from './log.js';
import { Errors, HttpError, isObject } from './util.js';

export interface RouteContext {
  method: string;
  path: string;
  params: Record<string, string>;
  query: Record<string, string>;
  body: unknown;
  files: RecordedFile[];
  formFields: Record<string, string>;
  headers: Record<string, string>;
}

export interface RouteResult {
  status: number;
  /** JSON body; undefined → no body (204). */
  body?: unknown;
}

export type RouteHandler = (ctx: RouteContext) => RouteResult | Promise<RouteResult>;

export interface RouteDef {
  method: string;
  /** e.g. `/channels/:channelId/messages`. Literal segments win over params when listed first. */
  pattern: string;
  /** Requires `Authorization: Bot <token>`. */
  auth: boolean;
  handler: RouteHandler;
}

/**
 * Which requests a fault applies to:
 * - string: `"POST /channels/:id/messages"`, `"/interactions/*"` (method optional; `:x` = one segment, `*` = anything)
 * - RegExp: tested against `"METHOD /path"`
 * - function: called with the request method and path (and matched route template, if any)
 */
export type RouteMatcher =
  | string
  | RegExp
  | ((req: { method: string; path: string; route: string | null }) => boolean);

export interface RateLimitOptions {
  /** Requests per window per bucket (default 50). */
  limit: number;
  /** Window length in ms (default 1000). */
  windowMs: number;
}

interface PendingFault {
  test: (method: string, path: string, route: string | null) => boolean;
  fault: Fault;
  remaining: number;
  description: string;
}

interface Bucket {
  remaining: number;
  resetAt: number;
}

export interface RestHost {
  readonly token: string;
  readonly log: EventLog<FakeEvent>;
  readonly rateLimit: RateLimitOptions;
}

function compileMatcher(matcher: RouteMatcher): PendingFault['test'] {
  if (typeof matcher === 'function') return (method, path, route) => matcher({ method, path, route });
  if (matcher instanceof RegExp) return (method, path) => matcher.test(`${method} ${path}`);
  const trimmed = matcher.trim();
  const space = trimmed.indexOf(' ');
  const method = space > 0 ? trimmed.slice(0, space).toUpperCase() : null;
  const pattern = space > 0 ? trimmed.slice(space + 1).trim() : trimmed;
  const source = pattern
    .split('/')
    .map((seg) =>
      seg === '*' ? '.*' : seg.startsWith(':') ? '[^/]+' : seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\\\*/g, '.*'),
    )
    .join('/');
  const re = new RegExp(`^${source}/?$`);
  return (m, path) => (method === null || method === m) && re.test(path);
}

function matchPattern(pattern: string, path: string): Record<string, string> | null {
  const pp = pattern.split('/').filter(Boolean);
  const sp = path.split('/').filter(Boolean);
  if (pp.length !== sp.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < pp.length; i++) {
    const p = pp[i] ?? '';
    const s = sp[i] ?? '';
    if (p.startsWith(':')) {
      params[p.slice(1)] = s;
    } else if (p !== s) {
      return null;
    }
  }
  return params;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

const MAJOR_PARAMS = ['channelId', 'guildId', 'webhookId', 'interactionId'];

export class FakeRest {
  readonly requests: RecordedRequest[] = [];
  private readonly faults: PendingFault[] = [];
  private readonly buckets = new Map<string, Bucket>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private nextId = 1;

  constructor(
    private readonly host: RestHost,
    private readonly routes: RouteDef[],
  ) {}

  failNext(matcher: RouteMatcher, fault: Fault, times = 1): void {
    this.faults.push({
      test: compileMatcher(matcher),
      fault,
      remaining: times,
      description: typeof matcher === 'function' ? '<function>' : String(matcher),
    });
  }

  clearFaults(): void {
    this.faults.length = 0;
  }

  pendingFaults(): { matcher: string; fault: Fault; remaining: number }[] {
    return this.faults.map((f) => ({ matcher: f.description, fault: f.fault, remaining: f.remaining }));
  }

  dispose(): void {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }

  private delay(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        resolve();
      }, ms);
      this.timers.add(timer);
    });
  }

  private takeFault(method: string, path: string, route: string | null): Fault | null {
    const idx = this.faults.findIndex((f) => f.test(method, path, route));
    if (idx < 0) return null;
    const pending = this.faults[idx];
    if (!pending) return null;
    pending.remaining -= 1;
    if (pending.remaining <= 0) this.faults.splice(idx, 1);
    return pending.fault;
  }

  handle(req: IncomingMessage, res: ServerResponse): void {
    this.handleAsync(req, res).catch((error: unknown) => {
      if (!res.headersSent) {
        res.writeHead(500, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ message: `FakeDiscord internal error: ${String(error)}`, code: 0 }));
      }
    });
  }

  private async readBody(req: IncomingMessage): Promise<Buffer> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
    return Buffer.concat(chunks);
  }

  private async parseBody(
    raw: Buffer,
    contentType: string,
  ): Promise<{ body: unknown; files: RecordedFile[]; formFields: Record<string, string> }> {
    const files: RecordedFile[] = [];
    const formFields: Record<string, string> = {};
    if (raw.length === 0) return { body: null, files, formFields };
    if (contentType.startsWith('multipart/form-data')) {
      const form = await new Response(raw, { headers: { 'content-type': contentType } }).formData();
      let body: unknown = null;
      for (const [field, value] of form.entries()) {
        if (typeof value === 'string') {
          if (field === 'payload_json') body = JSON.parse(value) as unknown;
          else formFields[field] = value;
        } else {
          const data = Buffer.from(await value.arrayBuffer());
          files.push({ field, filename: value.name, contentType: value.type, size: data.length, data });
        }
      }
      return { body, files, formFields };
    }
    return { body: JSON.parse(raw.toString('utf8')) as unknown, files, formFields };
  }

  private rateLimitHeaders(routeKey: string, bucketKey: string): { headers: Record<string, string>; limited: number | null } {
    const now = Date.now();
    const { limit, windowMs } = this.host.rateLimit;
    let bucket = this.buckets.get(bucketKey);
    if (!bucket || bucket.resetAt <= now) {
      bucket = { remaining: limit, resetAt: now + windowMs };
      this.buckets.set(bucketKey, bucket);
    }
    const resetAfter = Math.max(0, bucket.resetAt - now) / 1000;
    const hash = createHash('sha1').update(routeKey).digest('hex').slice(0, 32);
    if (bucket.remaining <= 0) {
      return {
        limited: resetAfter,
        headers: {
          'X-RateLimit-Limit': String(limit),
          'X-RateLimit-Remaining': '0',
          'X-RateLimit-Reset': (bucket.resetAt / 1000).toFixed(3),
          'X-RateLimit-Reset-After': resetAfter.toFixed(3),
          'X-RateLimit-Bucket': hash,
        },
      };
    }
    bucket.remaining -= 1;
    return {
      limited: null,
      headers: {
        'X-RateLimit-Limit': String(limit),
        'X-RateLimit-Remaining': String(bucket.remaining),
        'X-RateLimit-Reset': (bucket.resetAt / 1000).toFixed(3),
        'X-RateLimit-Reset-After': resetAfter.toFixed(3),
        'X-RateLimit-Bucket': hash,
      },
    };
  }

  private async handleAsync(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = (req.method ?? 'GET').toUpperCase();
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const versionMatch = /^\/api(?:\/v(\d+))?(\/.*)?$/.exec(url.pathname);
    const apiVersion = versionMatch?.[1] ? Number(versionMatch[1]) : null;
    // discord.js percent-encodes path segments (e.g. `/users/%40me`, `/messages/%40original`).
    const rawPath = versionMatch ? (versionMatch[2] ?? '/') : url.pathname;
    const path = rawPath.split('/').map(safeDecode).join('/');
    const query = Object.fromEntries(url.searchParams.entries());
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) {
      if (k === 'authorization' || v === undefined) continue;
      headers[k] = Array.isArray(v) ? v.join(', ') : v;
    }
    const authHeader = req.headers.authorization;
    const auth: AuthState = authHeader === undefined ? 'missing' : authHeader === `Bot ${this.host.token}` ? 'valid' : 'invalid';

    const raw = await this.readBody(req);
    const record: RecordedRequest = {
      id: this.nextId++,
      method,
      path,
      url: req.url ?? '/',
      apiVersion,
      query,
      headers,
      auth,
      route: null,
      params: {},
      body: null,
      formFields: {},
      files: [],
      status: 0,
      response: undefined,
      fault: null,
    };

    let route: RouteDef | null = null;
    let params: Record<string, string> = {};
    if (versionMatch && (apiVersion === 10 || apiVersion === 9)) {
      for (const r of this.routes) {
        if (r.method !== method) continue;
        const p = matchPattern(r.pattern, path);
        if (p) {
          route = r;
          params = p;
          break;
        }
      }
    }
    record.route = route ? `${route.method} ${route.pattern}` : null;
    record.params = params;

    const send = (status: number, body: unknown, extraHeaders: Record<string, string> = {}) => {
      record.status = status;
      record.response = body;
      const out: Record<string, string> = { ...extraHeaders };
      if (body !== undefined) out['Content-Type'] = 'application/json';
      res.writeHead(status, out);
      res.end(body === undefined ? undefined : JSON.stringify(body));
      this.requests.push(record);
      this.host.log.push({ kind: 'request', request: record });
    };

    try {
      const parsed = await this.parseBody(raw, String(req.headers['content-type'] ?? ''));
      record.body = parsed.body;
      record.files = parsed.files;
      record.formFields = parsed.formFields;
    } catch {
      send(400, { message: 'The request body contains invalid JSON.', code: 50109 });
      return;
    }

    const fault = this.takeFault(method, path, record.route);
    if (fault) {
      record.fault = fault;
      if ('delayMs' in fault) {
        await this.delay(fault.delayMs);
      } else if ('dropConnection' in fault) {
        record.status = 0;
        this.requests.push(record);
        this.host.log.push({ kind: 'request', request: record });
        req.socket.destroy();
        return;
      } else if (fault.status === 429) {
        const retryAfter = 'retryAfter' in fault && fault.retryAfter !== undefined ? fault.retryAfter : 0.05;
        const global = 'global' in fault && fault.global === true;
        const scope = 'scope' in fault && fault.scope ? fault.scope : global ? 'global' : 'user';
        const rl: Record<string, string> = {
          'Retry-After': String(retryAfter),
          'X-RateLimit-Scope': scope,
        };
        if (global) rl['X-RateLimit-Global'] = 'true';
        else {
          rl['X-RateLimit-Limit'] = String(this.host.rateLimit.limit);
          rl['X-RateLimit-Remaining'] = '0';
          rl['X-RateLimit-Reset'] = ((Date.now() + retryAfter * 1000) / 1000).toFixed(3);
          rl['X-RateLimit-Reset-After'] = retryAfter.toFixed(3);
        }
        send(429, { message: 'You are being rate limited.', retry_after: retryAfter, global, code: global ? 0 : 20028 }, rl);
        return;
      } else {
        const status = fault.status;
        const message = 'message' in fault && fault.message ? fault.message : `${status}: ${status >= 500 ? 'Internal Server Error' : 'Error'}`;
        const code = 'code' in fault && fault.code !== undefined ? fault.code : 0;
        send(status, { message, code });
        return;
      }
    }

    if (!route) {
      const err = Errors.notFound();
      send(err.status, err.body);
      return;
    }
    if (route.auth && auth !== 'valid') {
      const err = Errors.unauthorized();
      send(err.status, err.body);
      return;
    }

    const routeKey = `${route.method} ${route.pattern}`;
    const major = MAJOR_PARAMS.map((p) => params[p]).find((v) => v !== undefined) ?? '';
    const webhookToken = params['webhookToken'] ?? params['interactionToken'] ?? '';
    const { headers: rlHeaders, limited } = this.rateLimitHeaders(routeKey, `${routeKey}:${major}:${webhookToken}`);
    if (limited !== null) {
      send(
        429,
        { message: 'You are being rate limited.', retry_after: limited, global: false, code: 20028 },
        { ...rlHeaders, 'Retry-After': limited.toFixed(3), 'X-RateLimit-Scope': 'user' },
      );
      return;
    }

    try {
      const result = await route.handler({
        method,
        path,
        params,
        query,
        body: record.body,
        files: record.files,
        formFields: record.formFields,
        headers,
      });
      send(result.status, result.body, rlHeaders);
    } catch (error) {
      if (error instanceof HttpError) {
        send(error.status, error.body, rlHeaders);
      } else {
        send(500, { message: `FakeDiscord handler error: ${error instanceof Error ? error.message : String(error)}`, code: 0 });
      }
    }
  }
}

export function requireObjectBody(body: unknown): Record<string, unknown> {
  if (!isObject(body)) throw Errors.invalidFormBody({ _errors: [{ code: 'DICT_TYPE_CONVERT', message: 'Only dictionaries may be used in a DictType' }] });
  return body;
}
