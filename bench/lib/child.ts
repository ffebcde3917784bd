import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { availableParallelism, cpus } from 'node:os';

/**
 * Child processes for the benchmarks: servers and bots run in their own process (own event loop),
 * report readiness over IPC, and are always stopped, even if the benchmark fails.
 */

const running = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

export interface ReadyMessage {
  ready: true;
  port?: number;
}

/** Forks `script` (TypeScript through tsx, or plain .js) and waits for its `{ ready: true }` message. */
export async function startChild(script: string, options: { args?: string[]; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}): Promise<{ child: ChildProcess; ready: ReadyMessage }> {
  const child = fork(script, options.args ?? [], {
    execArgv: script.endsWith('.ts') ? ['--import', 'tsx'] : [],
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  running.add(child);
  child.once('exit', () => running.delete(child));
  const ready = await new Promise<ReadyMessage>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${script} did not report ready within ${options.timeoutMs ?? 20_000} ms`)), options.timeoutMs ?? 20_000);
    child.on('message', (message: unknown) => {
      if (typeof message === 'object' && message !== null && (message as ReadyMessage).ready === true) {
        clearTimeout(timer);
        resolve(message as ReadyMessage);
      }
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`${script} exited before it was ready (code ${code}, signal ${signal})`));
    });
  }).catch(async (error: unknown) => {
    await stopChild(child);
    throw error;
  });
  return { child, ready };
}

/** SIGTERM, then SIGKILL after `graceMs`; resolves when the process is gone. */
export async function stopChild(child: ChildProcess, graceMs = 5_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const force = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(force);
}

/** For a child: report readiness to the parent and exit when the parent goes away. */
export function reportReady(message: Omit<ReadyMessage, 'ready'> = {}): void {
  process.send?.({ ready: true, ...message });
  process.on('disconnect', () => process.exit(0));
}

function statusField(pid: number, field: string): number {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) / 1024 : NaN;
}

/** Resident memory (VmRSS) and its peak (VmHWM) of a process, in MiB (Linux /proc). */
export function memoryOf(pid: number): { rssMiB: number; peakMiB: number } {
  return { rssMiB: statusField(pid, 'VmRSS'), peakMiB: statusField(pid, 'VmHWM') };
}

/** User + system CPU seconds a process has used so far (Linux /proc, clock ticks of 1/100 s). */
export function cpuSecondsOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

export function cpuDescription(): string {
  return `${availableParallelism()} CPU(s), ${cpus()[0]?.model.trim() ?? 'unknown CPU'}`;
}
