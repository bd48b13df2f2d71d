import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer, Socket } from 'node:net';
import { join } from 'node:path';
import { TEST_JWT_SECRET } from './test-secrets';

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
// The worker and the api

/** A Front Door process (the worker or the api) that a test can kill and start again. */
export interface FrontDoorProcess {
  /** The pid of the current incarnation (changes on restart). */
  readonly pid: number | undefined;
  /** Everything the current incarnation printed (the last 20 kB). */
  output(): string;
  /** Kills it at once, as a crash or the OOM killer would: no shutdown hooks run. */
  kill(): Promise<void>;
  /** Starts it again with the same environment and waits until it says it is running. */
  restart(): Promise<void>;
  /** SIGTERM: the graceful shutdown path. */
  stop(): Promise<void>;
}

/** What the worker prints once its relay, queue workers and sweep are up (apps/worker/src/main.ts). */
export const WORKER_READY = /Front Door worker is running/;
/** What the api prints once it listens (apps/api/src/main.ts). */
export const API_READY = /Front Door is running at/;

/**
 * Starts one of Front Door's entry points with `node -r @swc-node/register` from the repository
 * root, with `env` on top of a clean environment (the Jest process's PATH and HOME, nothing of its
 * DATABASE_URL/REDIS_URL unless given), and waits until it says it is running.
 */
async function startFrontDoorProcess(
  entry: string,
  ready: RegExp,
  what: string,
  env: Record<string, string>,
  options: ProcessOptions,
): Promise<FrontDoorProcess> {
  const fullEnv: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    LOG_LEVEL: 'warn',
    AUTH_JWT_SECRET: TEST_JWT_SECRET,
    ...env,
  };
  let current: { child: ChildProcess; output: OutputTail } | null = null;
  const start = async () => {
    current = await spawnUntilReady(process.execPath, [...(options.nodeArgs ?? []), '-r', '@swc-node/register', entry], {
      env: fullEnv,
      ready,
      timeoutMs: options.timeoutMs ?? 30_000,
      what,
    });
  };
  await start();
  return {
    get pid() {
      return current?.child.pid;
    },
    output: () => current?.output.toString() ?? '',
    kill: async () => {
      if (current) await terminate(current.child, 'SIGKILL');
    },
    restart: async () => {
      if (current && !hasExited(current.child)) throw new Error(`${what} is still running: kill() or stop() it first`);
      await start();
    },
    stop: async () => {
      if (current) await terminate(current.child, 'SIGTERM');
    },
  };
}

export interface ProcessOptions {
  timeoutMs?: number;
  /** Node's own flags before the entry point, e.g. `--cpu-prof`. */
  nodeArgs?: string[];
}

/** `apps/worker/src/main.ts` as its own process (see startFrontDoorProcess). */
export function startWorkerProcess(env: Record<string, string>, options: ProcessOptions = {}): Promise<FrontDoorProcess> {
  return startFrontDoorProcess('apps/worker/src/main.ts', WORKER_READY, 'the Front Door worker', env, options);
}

/** `apps/api/src/main.ts` (api only) as its own process, listening on `env.PORT`. */
export function startApiProcess(env: Record<string, string> & { PORT: string }, options: ProcessOptions = {}): Promise<FrontDoorProcess> {
  return startFrontDoorProcess('apps/api/src/main.ts', API_READY, 'the Front Door api', env, options);
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
 * A redis-server of this test's own on a free port, started and stopped at will. By default
 * without persistence (`--save "" --appendonly no`): a restart comes back empty, as after a crash
 * of an unconfigured Redis. `persistent` keeps an append-only file (fsync on every write) in a
 * temporary folder, as a production Redis for BullMQ is configured (docker-compose.yml), so a
 * restart comes back with every job.
 */
export async function startPrivateRedis(options: { persistent?: boolean } = {}): Promise<PrivateRedis> {
  const port = await freePort();
  const folder = options.persistent ? mkdtempSync(join(tmpdir(), 'front-door-redis-')) : null;
  if (folder) process.once('exit', () => rmSync(folder, { recursive: true, force: true }));
  const storage = folder ? ['--dir', folder, '--appendonly', 'yes', '--appendfsync', 'always'] : ['--appendonly', 'no'];
  let current: ChildProcess | null = null;
  const start = async () => {
    const { child } = await spawnUntilReady(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', ...storage, '--daemonize', 'no'],
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

// ---------------------------------------------------------------------------------------------
// A private PostgreSQL

export interface PrivatePostgres {
  readonly port: number;
  /** postgres://postgres@127.0.0.1:<port>/<database> */
  url(database?: string): string;
  /** Fast shutdown (SIGINT): open transactions are rolled back and every connection is cut. */
  stop(): Promise<void>;
  /** Starts it again on the same port with everything it had committed. */
  start(): Promise<void>;
  /** Stops it and deletes its data folder. */
  destroy(): Promise<void>;
}

const POSTGRES_BIN = (() => {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  return versions.length > 0 ? join(root, versions[0], 'bin') : '';
})();

/**
 * A PostgreSQL cluster of this test's own (initdb into a temporary folder, a free port, trust
 * auth), so a test can stop and restart the server under load without touching the machine's
 * shared one. PostgreSQL refuses to run as root: as root, it runs as the `postgres` user (setpriv execs it, so signals reach the server itself).
 */
export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const port = await freePort();
  const folder = mkdtempSync(join(tmpdir(), 'front-door-postgres-'));
  const asRoot = process.getuid?.() === 0;
  if (asRoot) execFileSync('chown', ['postgres:postgres', folder]);
  const run = (binary: string, args: string[]) =>
    asRoot ? { command: 'setpriv', args: ['--reuid=postgres', '--regid=postgres', '--init-groups', join(POSTGRES_BIN, binary), ...args] } : { command: join(POSTGRES_BIN, binary), args };
  const init = run('initdb', ['-D', folder, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8', '--locale', 'C']);
  execFileSync(init.command, init.args, { stdio: 'ignore' });
  let current: ChildProcess | null = null;
  const start = async () => {
    const server = run('postgres', ['-D', folder, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', `unix_socket_directories=${folder}`, '-c', 'max_connections=60']);
    const { child } = await spawnUntilReady(server.command, server.args, {
      env: { PATH: process.env.PATH, LANG: 'C' },
      ready: /database system is ready to accept connections/,
      timeoutMs: 20_000,
      what: `a private PostgreSQL on port ${port}`,
    });
    current = child;
  };
  await start();
  const stop = async () => {
    if (current) await terminate(current, 'SIGINT', 20_000);
    current = null;
  };
  return {
    port,
    url: (database = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${database}`,
    stop,
    start: async () => {
      if (current && !hasExited(current)) return;
      await start();
    },
    destroy: async () => {
      await stop();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

/** Kills every process started here that is still running. For afterAll, even after a failure. */
export async function stopAllProcesses(): Promise<void> {
  await Promise.allSettled([...live].map((child) => terminate(child, 'SIGKILL')));
}
