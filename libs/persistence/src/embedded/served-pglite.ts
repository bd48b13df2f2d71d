import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { PgliteHostData, PgliteHostMessage } from './pglite-host';

/**
 * One PGlite instance (PostgreSQL 18 compiled to WASM, one backend session) kept in a data
 * folder and served over TCP by `@electric-sql/pglite-socket`, so `pg` and TypeORM talk to it
 * exactly as they talk to a real server.
 *
 * The socket server runs with `maxConnections: 1` (its default): it multiplexes every
 * connection onto PGlite's single session one *protocol message* at a time, so two clients
 * sending parameterised queries at once interleave their Parse/Bind/Execute messages and get
 * "unnamed prepared statement does not exist" / "portal does not exist" errors or, worse, each
 * other's rows (measured: 11 wrong results and 433 errors in 1,000 concurrent queries over
 * 5 connections). With one connection that cannot happen, so every client must be a pool of
 * one. The server listens on an internal port; clients come in through a `ConnectionGate`,
 * which queues a second connection until the first has gone (the server itself drops it, even
 * when it merely races the close of the previous connection).
 *
 * PGlite, the server and the gate run in a worker thread (`pglite-host.ts`):
 * - PGlite executes queries synchronously in WASM; in a thread, the app's event loop is not
 *   blocked by them (nor by the seconds of initdb on first start);
 * - PGlite's loader does `await import('module')` even in its CommonJS build, which throws
 *   ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING_FLAG inside Jest's sandbox; a worker thread is a
 *   plain Node environment, so specs and the e2e smoke test can boot embedded mode.
 * The thread ends with the process, so nothing outlives a crash except the lock file, which
 * the next start recognises as stale.
 */
export interface ServedPglite {
  /** `postgres://postgres:postgres@<host>:<port>/postgres`, for `pg` / TypeORM. */
  readonly url: string;
  readonly host: string;
  readonly port: number;
  /** Cuts remaining clients, stops the server, closes PGlite, releases the folder. Idempotent. */
  close(): Promise<void>;
}

export interface ServePgliteOptions {
  dataDir: string;
  host?: string;
  /** 0 (the default) lets the OS pick a free port. */
  port?: number;
}

const LOCK_FILE = 'front-door.lock';

/**
 * The embedded database serves one process at a time: a second (`npm run simulate` or
 * `export:cin` beside a running `npm start`) is told why and what to do instead.
 */
export class EmbeddedDatabaseInUseError extends Error {
  constructor(
    readonly dir: string,
    readonly holder: number,
  ) {
    super(
      `The embedded database in ${dir} is in use by another Front Door process (pid ${holder}), most likely a running \`npm start\`. ` +
        'It serves one process at a time. Stop that process and run this again; or, while it runs, use its routes instead ' +
        '(e.g. GET /api/v1/exports/cin-census for the census); or run against real PostgreSQL and Redis (DATABASE_URL, REDIS_URL), ' +
        'where any number of processes can share the database.',
    );
    this.name = 'EmbeddedDatabaseInUseError';
  }
}
const CLOSE_TIMEOUT_MS = 10_000;
/** Data folders this process holds, so a lock file left by a crashed run that happened to have
 * our pid (common in containers) is recognised as stale rather than as ours. */
const heldByThisProcess = new Set<string>();

export async function servePglite({ dataDir, host = '127.0.0.1', port = 0 }: ServePgliteOptions): Promise<ServedPglite> {
  const dir = resolve(dataDir);
  // PGlite does not create missing parent folders, and it has no postmaster.pid: two processes
  // opening the same folder would both write to it and corrupt it. The lock file prevents that.
  mkdirSync(dir, { recursive: true });
  const releaseLock = lockDataDir(dir);

  let worker: Worker;
  let boundPort: number;
  try {
    worker = startHost({ dataDir: dir, host, port });
    boundPort = await new Promise<number>((resolveReady, reject) => {
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`Embedded PostgreSQL thread exited (${code}) while starting.`)));
      worker.once('message', (message: PgliteHostMessage) => {
        if (message.type === 'ready') resolveReady(message.port);
        else if (message.type === 'failed') {
          const error = new Error(`Embedded PostgreSQL in ${dir} failed to start: ${message.message}`);
          if (message.stack) error.stack = `${error.message}\n${message.stack}`;
          reject(error);
        }
      });
    });
  } catch (error) {
    releaseLock();
    throw error;
  }
  worker.removeAllListeners();
  const exited = new Promise<void>((resolveExit) => worker.once('exit', () => resolveExit()));
  worker.on('error', (error) => {
    // Nothing in the app can repair this; say so loudly rather than crash on an unhandled event.
    // (This lib has no logger of its own, and this runs on a worker thread's event.)
    // eslint-disable-next-line no-console
    console.error(`Embedded PostgreSQL (${dir}) failed:`, error);
  });

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= (async () => {
      try {
        worker.postMessage({ type: 'close' });
        const timeout = setTimeout(() => void worker.terminate(), CLOSE_TIMEOUT_MS);
        await exited;
        clearTimeout(timeout);
      } finally {
        releaseLock();
      }
    })();
    return closing;
  };

  return { url: `postgres://postgres:postgres@${host}:${boundPort}/postgres`, host, port: boundPort, close };
}

function startHost(data: PgliteHostData): Worker {
  // Compiled: pglite-host.js beside this file. From TypeScript sources (Jest, swc-node): the
  // thread needs the same on-the-fly compiler this process uses.
  const fromSource = __filename.endsWith('.ts');
  return new Worker(join(__dirname, fromSource ? 'pglite-host.ts' : 'pglite-host.js'), {
    workerData: data,
    execArgv: fromSource ? ['--require', require.resolve('@swc-node/register')] : undefined,
  });
}

function lockDataDir(dir: string): () => void {
  const lockPath = join(dir, LOCK_FILE);
  if (heldByThisProcess.has(dir)) {
    throw new Error(`Embedded database folder ${dir} is already open in this process.`);
  }
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      heldByThisProcess.add(dir);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        heldByThisProcess.delete(dir);
        rmSync(lockPath, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number.parseInt(readFileSync(lockPath, 'utf8'), 10);
      if (holder !== process.pid && isAlive(holder)) {
        throw new EmbeddedDatabaseInUseError(dir, holder);
      }
      rmSync(lockPath, { force: true }); // left behind by a process that no longer runs
    }
  }
  throw new Error(`Could not lock embedded database folder ${dir}.`);
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
