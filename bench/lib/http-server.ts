/**
 * A server process for bench/http.ts, chosen by the first argument:
 *   ceiling  — node:http that only verifies the Ed25519 signature (the same checkSignature) and sends a fixed reply
 *   real     — the real endpoint, createInteractionsServer, with the bundled articles
 *   proxy    — a minimal round-robin reverse proxy to the ports in BENCH_BACKENDS (comma-separated)
 * Listens on 127.0.0.1 (ephemeral port) and reports `{ ready, port }` to the parent over IPC.
 */
import { Agent, createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { pino } from 'pino';
import { openKnowledgeBase } from '../../src/bootstrap.js';
import { loadLimitsConfig } from '../../src/config.js';
import { BUNDLED_ARTICLES_DIR } from '../../src/data/load.js';
import { createInteractionsServer } from '../../src/http/interactions-server.js';
import { checkSignature, ed25519PublicKey } from '../../src/http/signature.js';
import { reportReady } from './child.js';
import { CEILING_REPLY } from './ceiling-reply.js';
import { commandSet } from '../../src/commands/index.js';

const mode = process.argv[2];
const publicKeyHex = process.env.BENCH_PUBLIC_KEY ?? '';

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function ceilingServer(): Server {
  const key = ed25519PublicKey(publicKeyHex);
  const reply = CEILING_REPLY;
  return createServer((req, res) => {
    void readBody(req).then((body) => {
      const header = (name: string) => {
        const value = req.headers[name];
        return Array.isArray(value) ? value[0] : value;
      };
      const signature = checkSignature(key, header('x-signature-ed25519'), header('x-signature-timestamp'), body);
      if (!signature.ok) {
        res.writeHead(401, { 'content-type': 'application/json' }).end('{"error":"invalid request signature"}');
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': reply.length }).end(reply);
    });
  });
}

async function realServer(): Promise<Server> {
  const logger = pino({ level: 'silent' });
  const { knowledge } = await openKnowledgeBase(process.env.ARTICLES_DIR || BUNDLED_ARTICLES_DIR, logger, { answerCacheSize: loadLimitsConfig().answerCacheSize });
  // Follow-ups after a deferral would go to this REST base: a closed local port, so nothing ever leaves the machine.
  // The load sends the same signed bodies again and again, which the endpoint would refuse as replays.
  return createInteractionsServer({ knowledge, commands: commandSet(), publicKey: ed25519PublicKey(publicKeyHex), logger, apiUrl: 'http://127.0.0.1:9/api', replayWindowMs: 0 });
}

function proxyServer(): Server {
  const backends = (process.env.BENCH_BACKENDS ?? '').split(',').map(Number).filter((port) => port > 0);
  if (backends.length === 0) throw new Error('BENCH_BACKENDS must list the backend ports');
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  let turn = 0;
  return createServer((req: IncomingMessage, res: ServerResponse) => {
    const port = backends[turn++ % backends.length];
    const upstream = request({ host: '127.0.0.1', port, path: req.url, method: req.method, headers: req.headers, agent }, (reply) => {
      res.writeHead(reply.statusCode ?? 502, reply.headers);
      reply.pipe(res);
    });
    upstream.on('error', () => {
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'application/json' });
      res.end('{"error":"bad gateway"}');
    });
    req.pipe(upstream);
  });
}

const server = mode === 'ceiling' ? ceilingServer() : mode === 'real' ? await realServer() : mode === 'proxy' ? proxyServer() : undefined;
if (!server) throw new Error(`unknown mode ${mode}; use ceiling, real or proxy`);
server.keepAliveTimeout = 30_000;
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  reportReady({ port: typeof address === 'object' && address ? address.port : 0 });
});
process.on('SIGTERM', () => {
  server.closeAllConnections();
  server.close(() => process.exit(0));
});
