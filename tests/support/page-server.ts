import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** A web server on 127.0.0.1 that a test writes the pages of: what `/article add url:` fetches in tests (no network). */
export interface PageServer {
  /** http://127.0.0.1:PORT plus `path`. */
  url(path: string): string;
  /** `127.0.0.1:PORT`, as ARTICLE_FETCH_ALLOW_PRIVATE names it. */
  hostPort: string;
  /** The paths requested so far, in order. */
  requests: string[];
  /** Bytes of response bodies written so far (what a streaming page had sent when the bot hung up). */
  bytesSent(): number;
  close(): Promise<void>;
}

export type PageHandler = (request: IncomingMessage, response: ServerResponse) => void;

export async function startPageServer(routes: Record<string, PageHandler>): Promise<PageServer> {
  const requests: string[] = [];
  const sockets = new Set<Socket>();
  let sent = 0;
  const server = createServer((request, response) => {
    const path = request.url ?? '/';
    requests.push(path);
    const write = response.write.bind(response);
    response.write = ((chunk: unknown, ...rest: never[]) => {
      if (typeof chunk === 'string' || Buffer.isBuffer(chunk)) sent += Buffer.byteLength(chunk);
      return write(chunk as string, ...rest);
    }) as typeof response.write;
    const handler = routes[path.split('?')[0] ?? path];
    if (handler) return handler(request, response);
    response.writeHead(404, { 'content-type': 'text/html' });
    response.end('<h1>Not found</h1>');
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    hostPort: `127.0.0.1:${port}`,
    requests,
    bytesSent: () => sent,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Sends `html` as a web page. */
export function page(html: string, contentType = 'text/html; charset=utf-8'): PageHandler {
  return (_request, response) => {
    response.writeHead(200, { 'content-type': contentType });
    response.end(html);
  };
}

/** Streams an endless text/html body in 64 KB chunks without a length, until the client hangs up or `limit` bytes have gone. */
export function endlessPage(limit: number): PageHandler {
  return (_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html' });
    const chunk = Buffer.from(`<p>${'filler '.repeat(9360)}</p>\n`.slice(0, 65_536));
    let written = 0;
    const more = (): void => {
      while (written < limit && !response.destroyed) {
        written += chunk.length;
        if (!response.write(chunk)) return void response.once('drain', more);
      }
      if (!response.destroyed) response.end();
    };
    more();
  };
}

/** Accepts the request and never answers. */
export function silentPage(): PageHandler {
  return () => undefined;
}

/** Redirects to `location`. */
export function redirect(location: string, status = 302): PageHandler {
  return (_request, response) => {
    response.writeHead(status, { location });
    response.end();
  };
}
