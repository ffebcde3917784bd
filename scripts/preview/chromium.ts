import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import WebSocket from 'ws';

/**
 * Headless Chromium from Debian (`apt-get install chromium`), driven over the DevTools protocol:
 * open an HTML file, size the window to the element `#message`, and save a PNG of it. Flags as the
 * machine notes advise: no sandbox (root), no GPU, and no background networking (the network is closed).
 */
export const CHROMIUM = '/usr/bin/chromium';

export interface Browser {
  screenshot(htmlFile: string): Promise<Buffer>;
  close(): Promise<void>;
}

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: install Debian's Chromium with "apt-get update && apt-get install -y chromium"`);
  const profile = mkdtempSync(join(tmpdir(), 'preview-chromium-'));
  const child = spawn(
    CHROMIUM,
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--hide-scrollbars',
      `--user-data-dir=${profile}`,
      '--remote-debugging-port=0',
      'about:blank',
    ],
    { stdio: 'ignore' },
  );
  try {
    const port = await debuggingPort(profile, child);
    const targets = (await (await fetch(`http://127.0.0.1:${port}/json/list`)).json()) as { type: string; webSocketDebuggerUrl: string }[];
    const page = targets.find((t) => t.type === 'page');
    if (!page) throw new Error('Chromium opened no page');
    const cdp = await connect(page.webSocketDebuggerUrl);
    await cdp.send('Page.enable');
    return {
      async screenshot(htmlFile) {
        const loaded = cdp.once('Page.loadEventFired');
        await cdp.send('Page.navigate', { url: `file://${htmlFile}` });
        await loaded;
        const size = (await cdp.send('Runtime.evaluate', {
          expression: 'JSON.stringify((() => { const r = document.getElementById("message").getBoundingClientRect(); return { width: Math.ceil(r.right), height: Math.ceil(r.bottom) }; })())',
          returnByValue: true,
        })) as { result: { value: string } };
        const { width, height } = JSON.parse(size.result.value) as { width: number; height: number };
        await cdp.send('Emulation.setDeviceMetricsOverride', { width, height, deviceScaleFactor: 1, mobile: false });
        const shot = (await cdp.send('Page.captureScreenshot', { format: 'png', clip: { x: 0, y: 0, width, height, scale: 1 } })) as { data: string };
        return Buffer.from(shot.data, 'base64');
      },
      async close() {
        cdp.close();
        await stop(child);
        rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
      },
    };
  } catch (error) {
    await stop(child);
    rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
    throw error;
  }
}

/** Chromium writes the port it chose to DevToolsActivePort in its profile. */
async function debuggingPort(profile: string, child: ChildProcess): Promise<number> {
  const file = join(profile, 'DevToolsActivePort');
  for (let waited = 0; waited < 30_000; waited += 100) {
    if (child.exitCode !== null) throw new Error(`Chromium exited with code ${child.exitCode} before it was ready`);
    if (existsSync(file)) {
      const port = Number(readFileSync(file, 'utf8').split('\n')[0]);
      if (port > 0) return port;
    }
    await sleep(100);
  }
  throw new Error('Chromium did not open its debugging port within 30 s');
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  await exited;
}

interface Cdp {
  send(method: string, params?: object): Promise<unknown>;
  once(event: string): Promise<unknown>;
  close(): void;
}

function connect(url: string): Promise<Cdp> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { perMessageDeflate: false });
    let next = 1;
    const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
    const waiting = new Map<string, ((v: unknown) => void)[]>();
    socket.on('message', (data: Buffer) => {
      const message = JSON.parse(data.toString('utf8')) as { id?: number; result?: unknown; error?: { message: string }; method?: string; params?: unknown };
      if (message.id !== undefined) {
        const call = pending.get(message.id);
        pending.delete(message.id);
        if (message.error) call?.reject(new Error(message.error.message));
        else call?.resolve(message.result);
      } else if (message.method) {
        const listeners = waiting.get(message.method) ?? [];
        waiting.delete(message.method);
        for (const listener of listeners) listener(message.params);
      }
    });
    socket.once('error', reject);
    socket.once('open', () =>
      resolve({
        send: (method, params = {}) =>
          new Promise((ok, fail) => {
            const id = next++;
            pending.set(id, { resolve: ok, reject: fail });
            socket.send(JSON.stringify({ id, method, params }));
          }),
        once: (event) => new Promise((ok) => waiting.set(event, [...(waiting.get(event) ?? []), ok])),
        close: () => socket.close(),
      }),
    );
  });
}
