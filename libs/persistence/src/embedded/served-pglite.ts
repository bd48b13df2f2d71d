import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import type { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { ConnectionGate } from './connection-gate';

// PGlite's Emscripten loader runs `await import('module')` (and 'fs/promises', 'zlib') even
// in its CommonJS build. Under Jest's CommonJS sandbox a dynamic import throws
// ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING_FLAG unless all of Jest runs with
// --experimental-vm-modules. Loading both packages with Node's own `require` (which is just
// `require` outside Jest) keeps them out of the sandbox, so specs and the e2e smoke test can
// boot embedded mode. Only plain values, sockets and promises cross that boundary.
const nodeRequire = createRequire(__filename);
const { PGlite: PGliteClass } = nodeRequire('@electric-sql/pglite') as typeof import('@electric-sql/pglite');
const { PGLiteSocketServer: SocketServerClass } =
  nodeRequire('@electric-sql/pglite-socket') as typeof import('@electric-sql/pglite-socket');

/**
 * One PGlite instance (PostgreSQL 18 compiled to WASM, one backend session) kept in a data
 * folder and served over TCP by `@electric-sql/pglite-socket`, so `pg` and TypeORM talk to it
 * exactly as they talk to a real server.
 *
 * The socket server runs with `maxConnections: 1` (its default): it multiplexes every
 * connection onto PGlite's single session one *protocol message* at a time, so two clients
 * sending parameterised queries at once interleave their Parse/Bind/Execute messages and get
 * "portal does not exist" errors or, worse, each other's results (measured: 11 wrong rows and
 * 433 errors in 1,000 concurrent queries over 5 connections). With one connection that
 * cannot happen, so every client must be a pool of one.
 *
 * The server listens on an internal loopback port; clients connect through a
 * {@link ConnectionGate}, which queues a second connection until the first has gone (the
 * server itself would drop it, even when it merely races the close of the previous one).
 */
export interface ServedPglite {
  /** `postgres://…` URL of the socket server, for `pg` / TypeORM. */
  readonly url: string;
  readonly host: string;
  readonly port: number;
  readonly db: PGlite;
  /** Stops the socket server, closes PGlite and releases the data folder. Idempotent. */
  close(): Promise<void>;
}

export interface ServePgliteOptions {
  dataDir: string;
  host?: string;
  /** 0 (the default) lets the OS pick a free port. */
  port?: number;
}

const LOCK_FILE = 'front-door.lock';
const INTERNAL_HOST = '127.0.0.1';
/** Data folders this process holds, so a lock file left by a crashed run that happened to have
 * our pid (common in containers) is recognised as stale rather than as ours. */
const heldByThisProcess = new Set<string>();

export async function servePglite({ dataDir, host = '127.0.0.1', port = 0 }: ServePgliteOptions): Promise<ServedPglite> {
  const dir = resolve(dataDir);
  // PGlite does not create missing parent folders, and it has no postmaster.pid: two processes
  // opening the same folder would both write to it and corrupt it. The lock file prevents that.
  mkdirSync(dir, { recursive: true });
  const releaseLock = lockDataDir(dir);

  let db: PGlite | undefined;
  let server: PGLiteSocketServer | undefined;
  let gate: ConnectionGate | undefined;
  let boundPort: number;
  try {
    db = await PGliteClass.create({ dataDir: dir });
    server = new SocketServerClass({ db, host: INTERNAL_HOST, port: 0, maxConnections: 1 });
    await server.start();
    // getServerConn() is "host:port", with the port the OS assigned for port 0.
    const conn = server.getServerConn();
    const upstreamServer = server;
    gate = new ConnectionGate({
      upstreamHost: INTERNAL_HOST,
      upstreamPort: Number(conn.slice(conn.lastIndexOf(':') + 1)),
      upstreamConnections: () => upstreamServer.getStats().activeConnections,
    });
    boundPort = await gate.listen(host, port);
  } catch (error) {
    await gate?.close().catch(() => undefined);
    await server?.stop().catch(() => undefined);
    await db?.close().catch(() => undefined);
    releaseLock();
    throw error;
  }
  const url = `postgres://postgres:postgres@${host}:${boundPort}/postgres`;

  const openDb = db;
  const openServer = server;
  const openGate = gate;
  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= (async () => {
      try {
        // Cuts any client still connected (end pools/DataSources first: a pooled pg client
        // whose socket is cut emits 'error' on its pool), then stops the socket server.
        await openGate.close();
        await openServer.stop();
        // A client that vanished inside a transaction leaves PGlite's one session in it; the
        // socket handler rolls back asynchronously. Settle it before closing the database so
        // that ROLLBACK never runs against a closed instance.
        await new Promise((resolveTick) => setImmediate(resolveTick));
        if (openDb.isInTransaction()) await openDb.exec('ROLLBACK').catch(() => undefined);
        await openDb.close();
      } finally {
        releaseLock();
      }
    })();
    return closing;
  };

  return { url, host, port: boundPort, db: openDb, close };
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
        throw new Error(
          `Embedded database folder ${dir} is in use by process ${holder}. ` +
            'Run one Front Door process in embedded mode, or set DATABASE_URL and REDIS_URL.',
        );
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
