/**
 * Small helpers shared by the fake Discord modules: snowflakes, JSON narrowing,
 * Discord-style error bodies.
 */

export type JsonObject = { [key: string]: unknown };

const DISCORD_EPOCH = 1420070400000n;
let lastTimestamp = 0n;
let increment = 0n;

/**
 * Generates a real-looking, strictly increasing Discord snowflake
 * (timestamp << 22 | worker | process | increment).
 */
export function snowflake(at: number = Date.now()): string {
  let ts = BigInt(at) - DISCORD_EPOCH;
  if (ts <= lastTimestamp) {
    ts = lastTimestamp;
    increment += 1n;
    if (increment > 0xfffn) {
      ts += 1n;
      increment = 0n;
    }
  } else {
    increment = 0n;
  }
  lastTimestamp = ts;
  return ((ts << 22n) | (1n << 17n) | (1n << 12n) | increment).toString();
}

/** Shard that owns a guild, per https://discord.com/developers/docs/topics/gateway#sharding */
export function shardForGuild(guildId: string, shardCount: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function getString(obj: JsonObject, key: string): string | undefined {
  const v = obj[key];
  return typeof v === 'string' ? v : undefined;
}

export function getNumber(obj: JsonObject, key: string): number | undefined {
  const v = obj[key];
  return typeof v === 'number' ? v : undefined;
}

export function getArray(obj: JsonObject, key: string): unknown[] | undefined {
  const v = obj[key];
  return Array.isArray(v) ? v : undefined;
}

export function randomToken(bytes = 24): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  let out = '';
  for (let i = 0; i < bytes; i++) out += alphabet[Math.floor(Math.random() * alphabet.length)];
  return out;
}

/** Discord's JSON error body, e.g. `{ message: 'Unknown Channel', code: 10003 }`. */
export interface DiscordErrorBody {
  message: string;
  code: number;
  errors?: JsonObject;
}

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: DiscordErrorBody,
  ) {
    super(`${status} ${body.message} (${body.code})`);
  }
}

export const Errors = {
  unauthorized: () => new HttpError(401, { message: '401: Unauthorized', code: 0 }),
  notFound: () => new HttpError(404, { message: '404: Not Found', code: 0 }),
  unknownChannel: () => new HttpError(404, { message: 'Unknown Channel', code: 10003 }),
  unknownGuild: () => new HttpError(404, { message: 'Unknown Guild', code: 10004 }),
  unknownMember: () => new HttpError(404, { message: 'Unknown Member', code: 10007 }),
  unknownMessage: () => new HttpError(404, { message: 'Unknown Message', code: 10008 }),
  unknownUser: () => new HttpError(404, { message: 'Unknown User', code: 10013 }),
  unknownWebhook: () => new HttpError(404, { message: 'Unknown Webhook', code: 10015 }),
  unknownCommand: () => new HttpError(404, { message: 'Unknown application command', code: 10063 }),
  unknownApplication: () => new HttpError(404, { message: 'Unknown Application', code: 10002 }),
  unknownInteraction: () => new HttpError(404, { message: 'Unknown interaction', code: 10062 }),
  alreadyAcknowledged: () =>
    new HttpError(400, { message: 'Interaction has already been acknowledged.', code: 40060 }),
  emptyMessage: () => new HttpError(400, { message: 'Cannot send an empty message', code: 50006 }),
  invalidWebhookToken: () => new HttpError(401, { message: 'Invalid Webhook Token', code: 50027 }),
  invalidFormBody: (errors: JsonObject) =>
    new HttpError(400, { message: 'Invalid Form Body', code: 50035, errors }),
  badJson: () => new HttpError(400, { message: '400: Bad Request', code: 0 }),
};

/**
 * Builds Discord's nested `errors` structure for a 50035 Invalid Form Body response,
 * e.g. `formError(['content'], 'BASE_TYPE_MAX_LENGTH', 'Must be 2000 or fewer in length.')`.
 */
export function formError(path: (string | number)[], code: string, message: string): JsonObject {
  let node: JsonObject = { _errors: [{ code, message }] };
  for (let i = path.length - 1; i >= 0; i--) node = { [String(path[i])]: node };
  return node;
}

export function mergeErrors(target: JsonObject, source: JsonObject): JsonObject {
  for (const [k, v] of Object.entries(source)) {
    const existing = target[k];
    if (k === '_errors' && Array.isArray(existing) && Array.isArray(v)) {
      existing.push(...v);
    } else if (isObject(existing) && isObject(v)) {
      mergeErrors(existing, v);
    } else {
      target[k] = v;
    }
  }
  return target;
}

export function deepClone<T>(value: T): T {
  return structuredClone(value);
}
