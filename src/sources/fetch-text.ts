import { lookup } from 'node:dns/promises';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { hostAndPort, isPublicAddress } from './address-policy.js';
import { ArticleSourceError } from './source-error.js';

/** How the bot fetches what an admin points it at (from ARTICLE_FETCH_* in src/config.ts). */
export interface FetchPolicy {
  /** The whole fetch, connecting, every redirect and the body, must finish within this. */
  timeoutMs: number;
  /** A body larger than this is refused, while it streams in. */
  maxBytes: number;
  maxRedirects: number;
  /** `host:port` entries reached even though they resolve to non-public addresses (local development and tests only). */
  allowPrivate: readonly string[];
}

export interface FetchedText {
  text: string;
  /** The media type without parameters, lower-case ("text/html"). */
  contentType: string;
  /** Where the body came from, after redirects. */
  url: URL;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/**
 * GETs an http(s) URL and returns its body as text. Before every connection (the first and each
 * redirect) the host name is resolved and every address it has is checked; the connection then
 * goes to the checked address, so a second resolution cannot swap in another. The body is counted
 * as it arrives and the download stops at the limit.
 */
export async function fetchText(address: string | URL, policy: FetchPolicy, accept: (contentType: string) => boolean): Promise<FetchedText> {
  let url = parseUrl(address);
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), policy.timeoutMs);
  try {
    for (let hop = 0; ; hop++) {
      const pinned = await checkedAddress(url, policy);
      const response = await get(url, pinned, abort.signal, policy.timeoutMs);
      const status = response.statusCode ?? 0;
      const location = response.headers.location;
      if (REDIRECTS.has(status) && location) {
        response.destroy();
        if (hop >= policy.maxRedirects) throw new ArticleSourceError('too-many-redirects', `The link redirected more than ${policy.maxRedirects} times; give me the article's final address.`);
        url = parseUrl(new URL(location, url));
        continue;
      }
      if (status < 200 || status > 299) {
        response.destroy();
        throw new ArticleSourceError('http-status', `The site answered ${status}${response.statusMessage ? ` ${response.statusMessage}` : ''} for ${url.href}; check the link opens in a browser without logging in.`);
      }
      const contentType = (response.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
      if (!accept(contentType)) {
        response.destroy();
        throw new ArticleSourceError('not-text', `The link is ${contentType || 'of no stated type'}, not a web page or plain text; link to the article's page itself.`);
      }
      const body = await readLimited(response, policy.maxBytes, abort.signal, policy.timeoutMs);
      return { text: decode(body, response.headers['content-type'] ?? ''), contentType, url };
    }
  } finally {
    clearTimeout(timer);
  }
}

function parseUrl(address: string | URL): URL {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    throw new ArticleSourceError('bad-url', 'That is not a web address; give a link that starts with https://.');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ArticleSourceError('bad-url', `I only fetch http:// and https:// links, not ${url.protocol}//.`);
  if (url.username || url.password) throw new ArticleSourceError('bad-url', 'I do not fetch links that carry a user name or password.');
  return url;
}

/** The address to connect to: every address the host has must be public, unless the allow list names this host and port. */
async function checkedAddress(url: URL, policy: FetchPolicy): Promise<{ address: string; family: number }> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let addresses: { address: string; family: number }[];
  if (isIP(host)) {
    addresses = [{ address: host, family: isIP(host) }];
  } else {
    try {
      addresses = await lookup(host, { all: true, verbatim: true });
    } catch {
      throw new ArticleSourceError('unreachable', `I could not find the site ${host}; check the link.`);
    }
  }
  const allowed = policy.allowPrivate.includes(hostAndPort(url));
  const blocked = addresses.find((a) => !isPublicAddress(a.address));
  if (blocked && !allowed) throw new ArticleSourceError('blocked-address', `I do not fetch from private or local network addresses (${host} is ${blocked.address}); give a link to a public news site.`);
  const first = addresses[0];
  if (!first) throw new ArticleSourceError('unreachable', `I could not find the site ${host}; check the link.`);
  return first;
}

function get(url: URL, pinned: { address: string; family: number }, signal: AbortSignal, timeoutMs: number): Promise<IncomingMessage> {
  // Connects to the address checked above, whatever a new lookup of the name would say.
  const pin: LookupFunction = (_host, options, callback) => {
    if (options.all) callback(null, [pinned]);
    else callback(null, pinned.address, pinned.family);
  };
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'GET', lookup: pin, signal, headers: { 'user-agent': 'article-quotes-bot (+server admin request)', accept: 'text/html, application/xhtml+xml, text/plain;q=0.9' } }, resolve);
    req.on('error', (error) => reject(failure(error, signal, timeoutMs, url)));
    req.end();
  });
}

function readLimited(response: IncomingMessage, maxBytes: number, signal: AbortSignal, timeoutMs: number): Promise<Buffer> {
  const declared = Number(response.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) {
    response.destroy();
    return Promise.reject(tooLarge(maxBytes));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    response.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        response.destroy();
        reject(tooLarge(maxBytes));
        return;
      }
      chunks.push(chunk);
    });
    response.on('end', () => resolve(Buffer.concat(chunks)));
    response.on('error', (error) => reject(failure(error, signal, timeoutMs)));
    // A connection cut mid-body (or by the timeout) closes without 'end'; after 'end' this settles nothing.
    response.on('close', () => reject(failure(new Error('the connection closed before the page was complete'), signal, timeoutMs)));
  });
}

function tooLarge(maxBytes: number): ArticleSourceError {
  return new ArticleSourceError('too-large', `That is larger than the ${formatBytes(maxBytes)} I take for one article; is it really one article?`);
}

function failure(error: unknown, signal: AbortSignal, timeoutMs: number, url?: URL): ArticleSourceError {
  if (signal.aborted) return new ArticleSourceError('timeout', `The site did not send the page within ${timeoutMs / 1000} s; try again later or give another link.`, { cause: error });
  const code = error instanceof Error && 'code' in error ? String(error.code) : '';
  const where = url ? ` ${url.host}` : '';
  return new ArticleSourceError('unreachable', `I could not read the page from${where || ' the site'} (${code || (error instanceof Error ? error.message : String(error))}); check the link.`, { cause: error });
}

/** The body as text, in the charset the response names (UTF-8 when it names none or one unknown). */
function decode(body: Buffer, contentTypeHeader: string): string {
  const charset = /charset\s*=\s*"?([\w-]+)/i.exec(contentTypeHeader)?.[1];
  try {
    return new TextDecoder(charset ?? 'utf-8').decode(body);
  } catch {
    return new TextDecoder('utf-8').decode(body);
  }
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}
