import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger };

export interface LoggerOptions {
  level: string;
  /** Values that must never be written, whatever object or error carries them (the bot token). */
  secrets: string[];
  /** Where lines go; stdout by default. Tests pass a collector. */
  destination?: DestinationStream;
  /** Human-readable lines for development (needs the pino-pretty dev dependency). */
  pretty?: boolean;
}

const REDACTED = '[REDACTED]';
/** Interaction and webhook tokens sit in REST URLs that errors carry; each lets anyone reply as the bot for 15 minutes. */
const URL_TOKEN = /(\/(?:interactions|webhooks)\/\d+\/)[^/?\s"\\]+/g;

/**
 * pino with two guards for secrets: known key paths are redacted, and every finished line is
 * scrubbed of the secret values themselves, so a token inside an error message is caught too.
 */
export async function createLogger(options: LoggerOptions): Promise<Logger> {
  const target = options.destination ?? (options.pretty ? await prettyStream() : undefined) ?? pino.destination(1);
  // A secret may appear as written or JSON-escaped inside a log line; both forms are scrubbed.
  // Values under 8 characters are not secrets worth the name (tokens are ~70) and would garble every line.
  const secrets = options.secrets.filter((s) => s.length >= 8).flatMap((s) => [s, JSON.stringify(s).slice(1, -1)]);
  const scrubbed: DestinationStream = {
    write(line: string) {
      let safe = line;
      for (const secret of secrets) safe = safe.split(secret).join(REDACTED);
      target.write(safe.replace(URL_TOKEN, `$1${REDACTED}`));
    },
  };
  return pino(
    {
      level: options.level,
      base: undefined,
      redact: {
        paths: ['token', '*.token', 'headers.authorization', '*.headers.authorization', '*.*.headers.authorization', 'config.token'],
        censor: REDACTED,
      },
    },
    scrubbed,
  );
}

async function prettyStream(): Promise<DestinationStream | undefined> {
  try {
    const { default: pretty } = await import('pino-pretty');
    return pretty({ colorize: true, translateTime: 'HH:MM:ss.l', ignore: 'pid,hostname' });
  } catch {
    return undefined; // pino-pretty is a dev dependency; production logs stay JSON
  }
}
