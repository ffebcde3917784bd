/**
 * Fake Discord Gateway (v10, encoding=json, optional compress=zlib-stream and
 * identify `compress: true`), built on the `ws` package.
 *
 * Implements: HELLO, HEARTBEAT/ACK, IDENTIFY → READY + GUILD_CREATE, RESUME → replay +
 * RESUMED, INVALID_SESSION, RECONNECT, REQUEST_GUILD_MEMBERS, PRESENCE/VOICE updates,
 * sequence numbers, per-connection send rate limit, and Discord's close codes.
 */
import type { IncomingMessage, Server } from 'node:http';
import { randomBytes } from 'node:crypto';
import zlib from 'node:zlib';
import { WebSocket, WebSocketServer } from 'ws';
import type { RawData } from 'ws';
import { GatewayCloseCodes, GatewayDispatchEvents, GatewayIntentBits, GatewayOpcodes } from 'discord.js';
import type { GatewayReadyDispatchData } from 'discord.js';
import type { EventLog } from './log.js';
import type { FakeEvent } from './events.js';
import { isObject } from './util.js';
import type { JsonObject } from './util.js';

export interface GatewayPayload {
  op: number;
  d: unknown;
  s: number | null;
  t: string | null;
}

/** Every intent bit Discord currently defines. Unknown bits → close 4013. */
export const ALL_INTENTS = Object.values(GatewayIntentBits)
  .filter((v): v is number => typeof v === 'number')
  .reduce((acc, bit) => acc | bit, 0);

export const PRIVILEGED_INTENTS =
  GatewayIntentBits.GuildMembers | GatewayIntentBits.GuildPresences | GatewayIntentBits.MessageContent;

/**
 * Close codes after which Discord no longer accepts a RESUME for the session
 * (the fake invalidates the session). Codes not listed keep the session resumable,
 * including an abrupt drop (1006, `dropConnections()` without a code).
 */
export const SESSION_INVALIDATING_CLOSE_CODES: ReadonlySet<number> = new Set([
  1000,
  GatewayCloseCodes.AuthenticationFailed, // 4004
  GatewayCloseCodes.InvalidSeq, // 4007
  GatewayCloseCodes.SessionTimedOut, // 4009
  GatewayCloseCodes.InvalidShard, // 4010
  GatewayCloseCodes.ShardingRequired, // 4011
  GatewayCloseCodes.InvalidAPIVersion, // 4012
  GatewayCloseCodes.InvalidIntents, // 4013
  GatewayCloseCodes.DisallowedIntents, // 4014
]);

export interface GatewayHost {
  readonly token: string;
  readonly log: EventLog<FakeEvent>;
  heartbeatIntervalMs(): number;
  ackHeartbeats(): boolean;
  readonly enabledPrivilegedIntents: number;
  readyData(shard: [number, number], sessionId: string): GatewayReadyDispatchData;
  /** GUILD_CREATE payloads for the guilds owned by a shard. */
  guildCreates(shard: [number, number]): JsonObject[];
  /** Dispatches answering an op 8 REQUEST_GUILD_MEMBERS. */
  memberChunks(request: JsonObject): { t: string; d: unknown }[];
  onIdentifyAccepted(): void;
}

export class GatewaySession {
  readonly id = randomBytes(16).toString('hex');
  seq = 0;
  readonly events: GatewayPayload[] = [];
  connection: GatewayConnection | null = null;
  valid = true;
  constructor(
    readonly shard: [number, number],
    readonly intents: number,
  ) {}
}

const SEND_LIMIT = 120;
const SEND_WINDOW_MS = 60_000;

export class GatewayConnection {
  session: GatewaySession | null = null;
  /** True once READY or RESUMED was sent: live dispatches flow to this connection. */
  live = false;
  identifyCompress = false;
  closed = false;
  closedByServer: { code: number; reason: string } | null = null;
  readonly closedPromise: Promise<void>;
  private deflate: zlib.Deflate | null = null;
  private pending: Buffer[] = [];
  private chain: Promise<void> = Promise.resolve();
  private readonly receivedAt: number[] = [];

  constructor(
    readonly id: number,
    readonly ws: WebSocket,
    readonly url: string,
    readonly path: string,
    readonly query: Record<string, string>,
    readonly compression: 'zlib-stream' | null,
  ) {
    if (compression === 'zlib-stream') {
      this.deflate = zlib.createDeflate();
      this.deflate.on('data', (chunk: Buffer) => this.pending.push(chunk));
    }
    this.closedPromise = new Promise((resolve) => ws.once('close', () => resolve()));
  }

  get shardId(): number | null {
    return this.session?.shard[0] ?? null;
  }

  /** Counts a client payload; returns false when the client exceeded 120 payloads / 60 s. */
  countReceived(): boolean {
    const now = Date.now();
    while (this.receivedAt.length && (this.receivedAt[0] ?? 0) <= now - SEND_WINDOW_MS) this.receivedAt.shift();
    this.receivedAt.push(now);
    return this.receivedAt.length <= SEND_LIMIT;
  }

  send(payload: GatewayPayload): boolean {
    if (this.closed || this.ws.readyState !== WebSocket.OPEN) return false;
    const json = JSON.stringify(payload);
    const deflate = this.deflate;
    if (deflate) {
      // zlib-stream: one shared zlib context for the whole connection, every payload
      // ends with a Z_SYNC_FLUSH (00 00 ff ff) — exactly what Discord does.
      this.chain = this.chain.then(
        () =>
          new Promise<void>((resolve) => {
            deflate.write(json);
            deflate.flush(zlib.constants.Z_SYNC_FLUSH, () => {
              const frame = Buffer.concat(this.pending);
              this.pending = [];
              if (!this.closed && this.ws.readyState === WebSocket.OPEN) this.ws.send(frame, { binary: true });
              resolve();
            });
          }),
      );
    } else if (this.identifyCompress) {
      this.ws.send(zlib.deflateSync(json), { binary: true });
    } else {
      this.ws.send(json);
    }
    return true;
  }

  close(code: number | undefined, reason: string): void {
    if (this.closed) return;
    this.closed = true;
    this.live = false;
    this.closedByServer = { code: code ?? 1006, reason };
    if (code === undefined) this.ws.terminate();
    else this.ws.close(code, reason);
  }

  dispose(): void {
    this.deflate?.close();
    this.deflate = null;
  }
}

export interface DispatchResult {
  /** Sequence number given to the dispatch, null if it was dropped. */
  sequence: number | null;
  /** sent: written to a live connection; buffered: kept for replay on RESUME; dropped: session invalid. */
  status: 'sent' | 'buffered' | 'dropped';
  shardId: number;
}

export class FakeGateway {
  readonly wss: WebSocketServer;
  readonly connections: GatewayConnection[] = [];
  readonly sessions = new Map<string, GatewaySession>();
  /** shard id → most recent session for that shard. */
  readonly sessionByShard = new Map<number, GatewaySession>();
  private nextConnectionId = 1;

  constructor(
    server: Server,
    private readonly host: GatewayHost,
  ) {
    this.wss = new WebSocketServer({ server, perMessageDeflate: false });
    this.wss.on('connection', (ws, req) => this.onConnection(ws, req));
  }

  openConnections(shardId?: number): GatewayConnection[] {
    return this.connections.filter(
      (c) => !c.closed && (shardId === undefined || c.shardId === shardId || c.shardId === null),
    );
  }

  private onConnection(ws: WebSocket, req: IncomingMessage): void {
    const url = new URL(req.url ?? '/', 'ws://127.0.0.1');
    const query = Object.fromEntries(url.searchParams.entries());
    const compress = query['compress'];
    const conn = new GatewayConnection(
      this.nextConnectionId++,
      ws,
      req.url ?? '/',
      url.pathname,
      query,
      compress === 'zlib-stream' ? 'zlib-stream' : null,
    );
    this.connections.push(conn);
    this.host.log.push({ kind: 'connection', connectionId: conn.id, url: conn.url, path: conn.path, query });

    ws.on('message', (data, isBinary) => this.onMessage(conn, data, isBinary));
    ws.on('error', () => {
      /* socket errors surface as 'close' */
    });
    ws.on('close', (code, reasonBuffer) => this.onClose(conn, code, reasonBuffer.toString()));

    const v = query['v'];
    if (v !== '10' && v !== '9') {
      conn.close(GatewayCloseCodes.InvalidAPIVersion, 'Invalid API version');
      return;
    }
    if ((query['encoding'] ?? 'json') !== 'json') {
      conn.close(GatewayCloseCodes.DecodeError, 'FakeDiscord only supports encoding=json');
      return;
    }
    if (compress !== undefined && compress !== 'zlib-stream') {
      conn.close(GatewayCloseCodes.DecodeError, `FakeDiscord does not support compress=${compress}`);
      return;
    }
    conn.send({
      op: GatewayOpcodes.Hello,
      d: { heartbeat_interval: this.host.heartbeatIntervalMs(), _trace: ['["fake-discord-gateway",{"micros":0}]'] },
      s: null,
      t: null,
    });
  }

  private onClose(conn: GatewayConnection, code: number, reason: string): void {
    conn.closed = true;
    conn.live = false;
    conn.dispose();
    const session = conn.session;
    const by = conn.closedByServer ? 'server' : 'client';
    const effectiveCode = conn.closedByServer?.code ?? code;
    if (session) {
      if (session.connection === conn) session.connection = null;
      // Discord: a client closing with 1000/1001 invalidates the session; so do the
      // server-side codes in SESSION_INVALIDATING_CLOSE_CODES.
      if (
        (by === 'client' && (code === 1000 || code === 1001)) ||
        (by === 'server' && SESSION_INVALIDATING_CLOSE_CODES.has(effectiveCode))
      ) {
        session.valid = false;
      }
    }
    this.host.log.push({
      kind: 'disconnect',
      connectionId: conn.id,
      code: effectiveCode,
      clientSawCode: code,
      reason: conn.closedByServer?.reason ?? reason,
      by,
      sessionId: session?.id ?? null,
      sessionStillResumable: session ? session.valid : false,
    });
  }

  private onMessage(conn: GatewayConnection, data: RawData, _isBinary: boolean): void {
    if (conn.closed) return;
    const text = Array.isArray(data) ? Buffer.concat(data).toString() : Buffer.from(data as ArrayBuffer).toString();
    let payload: unknown;
    try {
      payload = JSON.parse(text);
    } catch {
      conn.close(GatewayCloseCodes.DecodeError, 'Error while decoding payload.');
      return;
    }
    if (!isObject(payload) || typeof payload['op'] !== 'number') {
      conn.close(GatewayCloseCodes.DecodeError, 'Error while decoding payload.');
      return;
    }
    const op = payload['op'];
    const d = payload['d'];
    this.host.log.push({ kind: 'gatewayPayload', connectionId: conn.id, op, d });
    if (!conn.countReceived()) {
      conn.close(GatewayCloseCodes.RateLimited, 'You are being rate limited.');
      return;
    }

    switch (op) {
      case GatewayOpcodes.Heartbeat:
        this.host.log.push({ kind: 'heartbeat', connectionId: conn.id, seq: typeof d === 'number' ? d : null });
        if (this.host.ackHeartbeats()) conn.send({ op: GatewayOpcodes.HeartbeatAck, d: null, s: null, t: null });
        return;
      case GatewayOpcodes.Identify:
        this.onIdentify(conn, d);
        return;
      case GatewayOpcodes.Resume:
        this.onResume(conn, d);
        return;
      default:
        break;
    }

    if (!conn.session) {
      conn.close(GatewayCloseCodes.NotAuthenticated, 'Not authenticated.');
      return;
    }
    switch (op) {
      case GatewayOpcodes.PresenceUpdate:
      case GatewayOpcodes.VoiceStateUpdate:
        return; // recorded in the log; nothing to answer
      case GatewayOpcodes.RequestGuildMembers:
        if (isObject(d)) {
          for (const { t, d: data } of this.host.memberChunks(d)) this.dispatchToSession(conn.session, t, data);
        }
        return;
      case GatewayOpcodes.RequestSoundboardSounds: {
        const guildIds = isObject(d) && Array.isArray(d['guild_ids']) ? d['guild_ids'] : [];
        for (const guildId of guildIds) {
          this.dispatchToSession(conn.session, 'SOUNDBOARD_SOUNDS', { guild_id: guildId, soundboard_sounds: [] });
        }
        return;
      }
      default:
        conn.close(GatewayCloseCodes.UnknownOpcode, 'Unknown opcode.');
    }
  }

  private onIdentify(conn: GatewayConnection, d: unknown): void {
    if (conn.session) {
      conn.close(GatewayCloseCodes.AlreadyAuthenticated, 'Already authenticated.');
      return;
    }
    if (!isObject(d) || !isObject(d['properties'])) {
      conn.close(GatewayCloseCodes.DecodeError, 'Error while decoding payload.');
      return;
    }
    const token = typeof d['token'] === 'string' ? d['token'] : '';
    const intents = typeof d['intents'] === 'number' ? d['intents'] : -1;
    const rawShard = d['shard'];
    const shard: [number, number] = Array.isArray(rawShard)
      ? [Number(rawShard[0]), Number(rawShard[1])]
      : [0, 1];
    const compress = d['compress'] === true;
    // Every IDENTIFY is logged the same way, accepted or not.
    const logIdentify = (closeCode: number | null, sessionId: string | null) =>
      this.host.log.push({
        kind: 'identify',
        connectionId: conn.id,
        shard,
        intents,
        properties: d['properties'],
        compress,
        presence: d['presence'],
        largeThreshold: typeof d['large_threshold'] === 'number' ? d['large_threshold'] : null,
        accepted: closeCode === null,
        closeCode,
        sessionId,
      });
    const reject = (code: number, reason: string) => {
      logIdentify(code, null);
      conn.close(code, reason);
    };

    if (token.replace(/^Bot\s+/i, '') !== this.host.token) return reject(GatewayCloseCodes.AuthenticationFailed, 'Authentication failed.');
    if (intents < 0 || !Number.isInteger(intents) || (intents & ~ALL_INTENTS) !== 0) {
      return reject(GatewayCloseCodes.InvalidIntents, 'Invalid intent(s).');
    }
    if ((intents & PRIVILEGED_INTENTS & ~this.host.enabledPrivilegedIntents) !== 0) {
      return reject(GatewayCloseCodes.DisallowedIntents, 'Disallowed intent(s).');
    }
    const [shardId, shardCount] = shard;
    if (!Number.isInteger(shardId) || !Number.isInteger(shardCount) || shardCount < 1 || shardId < 0 || shardId >= shardCount) {
      return reject(GatewayCloseCodes.InvalidShard, 'Invalid shard.');
    }

    const previous = this.sessionByShard.get(shardId);
    if (previous) previous.valid = false;
    const session = new GatewaySession(shard, intents);
    this.sessions.set(session.id, session);
    this.sessionByShard.set(shardId, session);
    session.connection = conn;
    conn.session = session;
    conn.identifyCompress = compress && conn.compression === null;
    this.host.onIdentifyAccepted();
    logIdentify(null, session.id);

    const ready = this.host.readyData(shard, session.id);
    conn.live = true;
    this.dispatchToSession(session, GatewayDispatchEvents.Ready, {
      ...ready,
      _trace: ['["fake-discord-gateway",{"micros":0}]'],
      session_type: 'normal',
      private_channels: [],
      presences: [],
      relationships: [],
      guild_join_requests: [],
      user_settings: {},
      auth: {},
    });
    this.host.log.push({ kind: 'ready', connectionId: conn.id, sessionId: session.id, shard });
    if (intents & GatewayIntentBits.Guilds) {
      for (const guild of this.host.guildCreates(shard)) {
        this.dispatchToSession(session, GatewayDispatchEvents.GuildCreate, guild);
      }
    }
  }

  private onResume(conn: GatewayConnection, d: unknown): void {
    if (conn.session) {
      conn.close(GatewayCloseCodes.AlreadyAuthenticated, 'Already authenticated.');
      return;
    }
    if (!isObject(d)) {
      conn.close(GatewayCloseCodes.DecodeError, 'Error while decoding payload.');
      return;
    }
    const sessionId = typeof d['session_id'] === 'string' ? d['session_id'] : '';
    const seq = typeof d['seq'] === 'number' ? d['seq'] : -1;
    const token = typeof d['token'] === 'string' ? d['token'] : '';
    const record = (outcome: 'resumed' | 'invalid-session' | 'invalid-seq' | 'bad-token', replayed: number) =>
      this.host.log.push({ kind: 'resume', connectionId: conn.id, sessionId, seq, outcome, replayed });

    if (token.replace(/^Bot\s+/i, '') !== this.host.token) {
      record('bad-token', 0);
      conn.close(GatewayCloseCodes.AuthenticationFailed, 'Authentication failed.');
      return;
    }
    const session = this.sessions.get(sessionId);
    if (!session || !session.valid) {
      record('invalid-session', 0);
      // op 9 with d=false: not resumable, the client must re-IDENTIFY.
      conn.send({ op: GatewayOpcodes.InvalidSession, d: false, s: null, t: null });
      return;
    }
    if (seq < 0 || seq > session.seq) {
      session.valid = false;
      record('invalid-seq', 0);
      conn.close(GatewayCloseCodes.InvalidSeq, 'Invalid seq.');
      return;
    }
    const old = session.connection;
    session.connection = conn;
    conn.session = session;
    // The new connection takes over the session; the old socket is dropped.
    if (old && old !== conn) old.close(GatewayCloseCodes.UnknownError, 'Session resumed elsewhere.');
    const missed = session.events.filter((e) => (e.s ?? 0) > seq);
    for (const event of missed) conn.send(event);
    conn.live = true;
    record('resumed', missed.length);
    this.dispatchToSession(session, GatewayDispatchEvents.Resumed, {
      _trace: ['["fake-discord-gateway",{"micros":0}]'],
    });
  }

  /** Sends (or buffers for replay) a dispatch on a specific session. */
  dispatchToSession(session: GatewaySession, t: string, d: unknown): DispatchResult {
    const shardId = session.shard[0];
    if (!session.valid) {
      this.host.log.push({ kind: 'dispatch', shardId, sessionId: session.id, t, s: null, d, status: 'dropped' });
      return { sequence: null, status: 'dropped', shardId };
    }
    const payload: GatewayPayload = { op: GatewayOpcodes.Dispatch, t, s: ++session.seq, d };
    session.events.push(payload);
    const conn = session.connection;
    const sent = conn !== null && conn.live && conn.send(payload);
    const status = sent ? 'sent' : 'buffered';
    this.host.log.push({ kind: 'dispatch', shardId, sessionId: session.id, t, s: payload.s, d, status });
    return { sequence: payload.s, status, shardId };
  }

  dispatch(t: string, d: unknown, shardId: number): DispatchResult {
    const session = this.sessionByShard.get(shardId);
    if (!session) {
      throw new Error(
        `FakeDiscord: cannot dispatch ${t}: no gateway session for shard ${shardId} (has the client identified yet?)`,
      );
    }
    return this.dispatchToSession(session, t, d);
  }

  /** Sends a raw (non-dispatch) payload to the open connection(s) of a shard. */
  sendRaw(payload: GatewayPayload, shardId?: number): number {
    let count = 0;
    for (const conn of this.openConnections(shardId)) if (conn.send(payload)) count++;
    return count;
  }

  async dropConnections(closeCode?: number, shardId?: number): Promise<number> {
    const targets = this.openConnections(shardId);
    for (const conn of targets) {
      if (conn.session && conn.session.connection === conn) conn.session.connection = null;
      if (conn.session && closeCode !== undefined && SESSION_INVALIDATING_CLOSE_CODES.has(closeCode)) {
        conn.session.valid = false;
      }
      conn.close(closeCode, closeCode === undefined ? '' : `FakeDiscord closed the connection with ${closeCode}`);
    }
    await Promise.all(targets.map((c) => c.closedPromise));
    return targets.length;
  }

  /**
   * op 9. The connection stays open but is no longer authenticated: the client may send
   * RESUME (d=true, discord.js does so on the same socket) or reconnect and IDENTIFY.
   */
  invalidateSession(resumable: boolean, shardId?: number): number {
    let count = 0;
    for (const conn of this.openConnections(shardId)) {
      const session = conn.session;
      if (!conn.send({ op: GatewayOpcodes.InvalidSession, d: resumable, s: null, t: null })) continue;
      count++;
      if (!session) continue;
      if (!resumable) session.valid = false;
      if (session.connection === conn) session.connection = null;
      conn.session = null;
      conn.live = false;
    }
    return count;
  }

  async close(): Promise<void> {
    const open = this.connections.filter((c) => !c.closed);
    for (const conn of open) conn.close(undefined, 'FakeDiscord shutting down');
    await Promise.all(open.map((c) => c.closedPromise));
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }
}
