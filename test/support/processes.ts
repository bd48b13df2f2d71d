import { ChildProcess, spawn } from 'node:child_process';
import { createServer, Socket } from 'node:net';
import { join } from 'node:path';

/**
 * Real processes for fault tests: the Front Door worker as its own process (so it can be
 * SIGKILLed and restarted like in production), and a private redis-server on a free port (so a
 * test can stop and start it without touching the machine's shared Redis).
 *
 * Every process started here is remembered; `stopAllProcesses()` (call it in afterAll) kills
 * whatever is still running, even when the test failed half-way. As a last resort, anything
 * still alive when the Jest worker exits is SIGKILLed.
 */

const REPO_ROOT = join(__dirname, '..', '..');
const live = new Set<ChildProcess>();

process.once('exit', () => {
  for (const child of live) {
    try {
      child.kill('SIGKILL');
    } catch {
      // already gone
    }
  }
});

/** A TCP port nobody listens on right now, on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** The last part of what a process printed, for failure messages. */
class OutputTail {
  private text = '';
  constructor(private readonly limit = 20_000) {}
  append(chunk: Buffer | string): void {
    this.text += chunk.toString();
    if (this.text.length > this.limit) this.text = this.text.slice(-this.limit);
  }
  toString(): string {
    return this.text;
  }
}

function hasExited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

/** Sends `signal` and waits for the process to be gone (SIGKILL after `graceMs` if it lingers). */
async function terminate(child: ChildProcess, signal: NodeJS.Signals, graceMs = 10_000): Promise<void> {
  if (hasExited(child)) {
    live.delete(child);
    return;
  }
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill(signal);
  const timer = setTimeout(() => {
    if (!hasExited(child)) child.kill('SIGKILL');
  }, graceMs);
  await exited;
  clearTimeout(timer);
  live.delete(child);
}

/** Spawns a process and waits until its output matches `ready` (or it exits, or time runs out). */
function spawnUntilReady(
  command: string,
  args: string[],
  options: { env: NodeJS.ProcessEnv; ready: RegExp; timeoutMs: number; what: string },
): Promise<{ child: ChildProcess; output: OutputTail }> {
  const output = new OutputTail();
  const child = spawn(command, args, { cwd: REPO_ROOT, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
  live.add(child);
  child.once('exit', () => live.delete(child));
  return new Promise((resolve, reject) => {
    let settled = false;
    const finish = (error?: Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (error) {
        if (!hasExited(child)) child.kill('SIGKILL');
        reject(error);
      } else resolve({ child, output });
    };
    const timer = setTimeout(() => finish(new Error(`${options.what} did not start within ${options.timeoutMs} ms:\n${output}`)), options.timeoutMs);
    const read = (chunk: Buffer) => {
      output.append(chunk);
      if (options.ready.test(output.toString())) finish();
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.once('error', (error) => finish(new Error(`${options.what} could not be started: ${error.message}`)));
    child.once('exit', (code, signal) => finish(new Error(`${options.what} exited (${code ?? signal}) before it was ready:\n${output}`)));
  });
}

// ---------------------------------------------------------------------------------------------
// The worker

export interface WorkerProcess {
  /** The pid of the current incarnation (changes on restart). */
  readonly pid: number | undefined;
  /** Everything the current incarnation printed (the last 20 kB). */
  output(): string;
  /** Kills the worker at once, as a crash or the OOM killer would: no shutdown hooks run. */
  kill(): Promise<void>;
  /** Starts it again with the same environment and waits until it says it is running. */
  restart(): Promise<void>;
  /** SIGTERM: the graceful shutdown path. */
  stop(): Promise<void>;
}

/** What the worker prints once its relay, queue workers and sweep are up (apps/worker/src/main.ts). */
export const WORKER_READY = /Front Door worker is running/;

/**
 * Starts `node -r @swc-node/register apps/worker/src/main.ts` from the repository root with
 * `env` on top of a clean environment (the Jest process's PATH and HOME, nothing of its
 * DATABASE_URL/REDIS_URL unless given), and waits until it is running.
 */
export async function startWorkerProcess(env: Record<string, string>, options: { timeoutMs?: number } = {}): Promise<WorkerProcess> {
  const fullEnv: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    LOG_LEVEL: 'warn',
    ...env,
  };
  let current: { child: ChildProcess; output: OutputTail } | null = null;
  const start = async () => {
    current = await spawnUntilReady(process.execPath, ['-r', '@swc-node/register', 'apps/worker/src/main.ts'], {
      env: fullEnv,
      ready: WORKER_READY,
      timeoutMs: options.timeoutMs ?? 30_000,
      what: 'the Front Door worker',
    });
  };
  await start();
  const worker: WorkerProcess = {
    get pid() {
      return current?.child.pid;
    },
    output: () => current?.output.toString() ?? '',
    kill: async () => {
      if (current) await terminate(current.child, 'SIGKILL');
    },
    restart: async () => {
      if (current && !hasExited(current.child)) throw new Error('the worker is still running: kill() or stop() it first');
      await start();
    },
    stop: async () => {
      if (current) await terminate(current.child, 'SIGTERM');
    },
  };
  return worker;
}

// ---------------------------------------------------------------------------------------------
// A private Redis

export interface PrivateRedis {
  readonly port: number;
  /** redis://127.0.0.1:<port>/0 */
  readonly url: string;
  readonly running: boolean;
  /** Stops it (SIGTERM; nothing is saved, so everything it held is lost, as after a crash). */
  stop(): Promise<void>;
  /** Starts it again on the same port, empty. */
  start(): Promise<void>;
}

/**
 * A redis-server of this test's own on a free port, without persistence
 * (`--save "" --appendonly no`), started and stopped at will.
 */
export async function startPrivateRedis(): Promise<PrivateRedis> {
  const port = await freePort();
  let current: ChildProcess | null = null;
  const start = async () => {
    const { child } = await spawnUntilReady(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'no'],
      { env: { PATH: process.env.PATH }, ready: /Ready to accept connections/i, timeoutMs: 10_000, what: `redis-server on port ${port}` },
    );
    current = child;
    await waitForPort(port, 5_000);
  };
  await start();
  return {
    port,
    url: `redis://127.0.0.1:${port}/0`,
    get running() {
      return current !== null && !hasExited(current);
    },
    stop: async () => {
      if (current) await terminate(current, 'SIGTERM');
      current = null;
    },
    start: async () => {
      if (current && !hasExited(current)) return;
      await start();
    },
  };
}

async function waitForPort(port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = new Socket();
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
      socket.connect(port, '127.0.0.1');
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`nothing listens on 127.0.0.1:${port} after ${timeoutMs} ms`);
}

/** Kills every process started here that is still running. For afterAll, even after a failure. */
export async function stopAllProcesses(): Promise<void> {
  await Promise.allSettled([...live].map((child) => terminate(child, 'SIGKILL')));
}
