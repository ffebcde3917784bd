import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';

/**
 * A bounded closed-loop load generator: `connections` keep-alive connections, each sending its
 * next request as soon as the previous reply is read, until `durationMs` is over. Loopback only.
 */

export interface LoadRequest {
  body: Buffer;
  headers: Record<string, string>;
  /** The exact reply body this request must get, when the benchmark knows it (compared byte for byte). */
  expected?: Buffer;
}

export interface LoadOptions {
  port: number;
  path: string;
  connections: number;
  durationMs: number;
  /** The i-th request to send (called once per request, so keep it cheap: pre-build bodies). */
  next: (i: number) => LoadRequest;
  /** null when the reply is right, else what is wrong with it. */
  check: (status: number, body: Buffer, request: LoadRequest) => string | null;
  timeoutMs?: number;
}

export interface LoadResult {
  completed: number;
  errors: number;
  /** A few distinct error descriptions, with counts. */
  errorKinds: Map<string, number>;
  latenciesMs: number[];
  elapsedMs: number;
  requestsPerSecond: number;
}

const HOST = '127.0.0.1';

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: options.connections, maxFreeSockets: options.connections });
  const latenciesMs: number[] = [];
  const errorKinds = new Map<string, number>();
  let errors = 0;
  let sent = 0;
  const started = performance.now();
  const deadline = started + options.durationMs;
  const fail = (kind: string) => {
    errors++;
    if (errorKinds.size < 10 || errorKinds.has(kind)) errorKinds.set(kind, (errorKinds.get(kind) ?? 0) + 1);
  };

  const one = (payload: LoadRequest) =>
    new Promise<void>((resolve) => {
      const begun = performance.now();
      const req = request(
        { host: HOST, port: options.port, path: options.path, method: 'POST', agent, headers: { ...payload.headers, 'content-length': String(payload.body.length) } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => {
            const latency = performance.now() - begun;
            const problem = options.check(res.statusCode ?? 0, Buffer.concat(chunks), payload);
            if (problem) fail(problem);
            else latenciesMs.push(latency);
            resolve();
          });
          res.on('error', (error) => {
            fail(`response error: ${error.message}`);
            resolve();
          });
        },
      );
      req.setTimeout(options.timeoutMs ?? 5_000, () => req.destroy(new Error('timed out')));
      req.on('error', (error) => {
        fail(`request error: ${error.message}`);
        resolve();
      });
      req.end(payload.body);
    });

  const worker = async () => {
    while (performance.now() < deadline) await one(options.next(sent++));
  };
  await Promise.all(Array.from({ length: options.connections }, worker));
  const elapsedMs = performance.now() - started;
  agent.destroy();
  return { completed: latenciesMs.length, errors, errorKinds, latenciesMs, elapsedMs, requestsPerSecond: (latenciesMs.length / elapsedMs) * 1000 };
}
