/**
 * Everything the fake records, as one discriminated union. Entries live in
 * `fake.events` (ordered, each with `index` and `at`) and can be awaited with
 * `fake.waitForEvent(kind, predicate, options)`.
 */
import type { APIMessage } from 'discord.js';
import type { JsonObject } from './util.js';

export interface RecordedFile {
  /** Multipart field name, e.g. `files[0]`. */
  field: string;
  filename: string;
  contentType: string;
  size: number;
  data: Buffer;
}

export type AuthState = 'valid' | 'invalid' | 'missing';

/** A fault to inject into the next matching REST request (see `fake.failNext`). */
export type Fault =
  | {
      status: 429;
      /** Seconds (may be fractional, e.g. 0.05). Sent verbatim in Retry-After and retry_after. */
      retryAfter?: number;
      global?: boolean;
      scope?: 'user' | 'global' | 'shared';
    }
  | {
      /** Any other error status, e.g. 500, 502, 503, 403. */
      status: number;
      code?: number;
      message?: string;
    }
  | {
      /** Delay the response by this many ms, then handle the request normally. */
      delayMs: number;
    }
  | {
      /** Destroy the TCP socket without answering (client sees ECONNRESET / "other side closed"). */
      dropConnection: true;
    };

export interface RecordedRequest {
  /** Sequential number of the request (1-based). */
  id: number;
  method: string;
  /** Path after the API prefix, e.g. `/channels/123/messages` (no query string). */
  path: string;
  /** Raw request URL as received, e.g. `/api/v10/channels/123/messages?x=1`. */
  url: string;
  /** API version from the URL (`/api/v10/...` → 10), null if unversioned / not under /api. */
  apiVersion: number | null;
  query: Record<string, string>;
  /** Lower-cased request headers, with `authorization` removed. */
  headers: Record<string, string>;
  /** Whether a valid `Authorization: Bot <token>` header was present. */
  auth: AuthState;
  /** Matched route template, e.g. `POST /channels/:channelId/messages`; null if unknown. */
  route: string | null;
  params: Record<string, string>;
  /** Parsed JSON body (for multipart: the parsed `payload_json` field); null if none. */
  body: unknown;
  /** Non-JSON multipart fields other than `payload_json`. */
  formFields: Record<string, string>;
  files: RecordedFile[];
  status: number;
  response: unknown;
  fault: Fault | null;
}

export type InteractionAction =
  | 'callback'
  | 'editOriginal'
  | 'fetchOriginal'
  | 'deleteOriginal'
  | 'followUp'
  | 'editFollowUp'
  | 'fetchFollowUp'
  | 'deleteFollowUp';

/** Message-like body the bot sent (content, embeds, components, flags, allowed_mentions…). */
export type MessageBody = JsonObject & {
  content?: string;
  embeds?: JsonObject[];
  components?: JsonObject[];
  flags?: number;
  allowed_mentions?: JsonObject;
  choices?: { name: string; value: string | number }[];
};

export type FakeEvent =
  | { kind: 'request'; request: RecordedRequest }
  | { kind: 'connection'; connectionId: number; url: string; path: string; query: Record<string, string> }
  | {
      kind: 'identify';
      connectionId: number;
      shard: [number, number];
      intents: number;
      properties: unknown;
      compress: boolean;
      presence: unknown;
      largeThreshold: number | null;
      accepted: boolean;
      /** Close code the fake answered with when the IDENTIFY was rejected. */
      closeCode: number | null;
      sessionId: string | null;
    }
  | { kind: 'ready'; connectionId: number; sessionId: string; shard: [number, number] }
  | {
      kind: 'resume';
      connectionId: number;
      sessionId: string;
      seq: number;
      outcome: 'resumed' | 'invalid-session' | 'invalid-seq' | 'bad-token';
      /** Number of missed dispatches replayed before RESUMED. */
      replayed: number;
    }
  | { kind: 'heartbeat'; connectionId: number; seq: number | null }
  | { kind: 'gatewayPayload'; connectionId: number; op: number; d: unknown }
  | {
      kind: 'dispatch';
      shardId: number;
      sessionId: string;
      t: string;
      s: number | null;
      d: unknown;
      status: 'sent' | 'buffered' | 'dropped';
    }
  | {
      kind: 'disconnect';
      connectionId: number;
      /** Code the close was initiated with (1006 for an abrupt server-side terminate). */
      code: number;
      /** Code as reported by the server socket's close event. */
      clientSawCode: number;
      reason: string;
      by: 'client' | 'server';
      sessionId: string | null;
      sessionStillResumable: boolean;
    }
  | { kind: 'interactionCreate'; interactionId: string; type: number; status: 'sent' | 'buffered' | 'dropped' }
  | {
      kind: 'interactionResponse';
      interactionId: string;
      action: InteractionAction;
      /** For `callback`: the interaction response type (1..12). */
      callbackType: number | null;
      /** Raw JSON body (for multipart: parsed payload_json). */
      body: unknown;
      /** Message-ish data: `body.data` for callbacks, `body` for webhook edits / follow-ups. */
      data: MessageBody | null;
      files: RecordedFile[];
      /** The message created / edited / fetched / deleted, if any. */
      message: APIMessage | null;
    }
  | {
      kind: 'botMessage';
      action: 'create' | 'edit' | 'delete';
      channelId: string;
      message: APIMessage;
      body: MessageBody | null;
      files: RecordedFile[];
    }
  | {
      kind: 'reaction';
      action: 'add' | 'remove';
      channelId: string;
      messageId: string;
      emoji: string;
    }
  | { kind: 'typing'; channelId: string };

export type FakeEventKind = FakeEvent['kind'];

export function describeEvent(e: FakeEvent): string {
  switch (e.kind) {
    case 'request':
      return `request ${e.request.method} ${e.request.path} → ${e.request.status}${e.request.route ? '' : ' (unknown route)'}`;
    case 'connection':
      return `gateway connection #${e.connectionId} ${e.url}`;
    case 'identify':
      return `IDENTIFY conn #${e.connectionId} shard [${e.shard.join(',')}] intents=${e.intents} ${e.accepted ? 'accepted' : `rejected ${e.closeCode}`}`;
    case 'ready':
      return `READY conn #${e.connectionId} session ${e.sessionId.slice(0, 8)}`;
    case 'resume':
      return `RESUME conn #${e.connectionId} seq=${e.seq} → ${e.outcome} (replayed ${e.replayed})`;
    case 'heartbeat':
      return `HEARTBEAT conn #${e.connectionId} seq=${e.seq}`;
    case 'gatewayPayload':
      return `client op ${e.op} on conn #${e.connectionId}`;
    case 'dispatch':
      return `dispatch ${e.t} s=${e.s} shard ${e.shardId} (${e.status})`;
    case 'disconnect':
      return `disconnect conn #${e.connectionId} code ${e.code} by ${e.by}${e.reason ? ` (${e.reason})` : ''}`;
    case 'interactionCreate':
      return `INTERACTION_CREATE ${e.interactionId} type ${e.type} (${e.status})`;
    case 'interactionResponse':
      return `interaction ${e.interactionId} ${e.action}${e.callbackType !== null ? ` type ${e.callbackType}` : ''}`;
    case 'botMessage':
      return `bot message ${e.action} in ${e.channelId}: ${JSON.stringify(e.message.content).slice(0, 60)}`;
    case 'reaction':
      return `bot reaction ${e.action} ${e.emoji} on ${e.messageId}`;
    case 'typing':
      return `typing in ${e.channelId}`;
  }
}
