// Worker-thread entry point: runs one PGlite instance, its pglite-socket server and the
// ConnectionGate in front of it. Started by `served-pglite.ts`; not imported anywhere else.
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { ConnectionGate } from './connection-gate';

export interface PgliteHostData {
  dataDir: string;
  host: string;
  port: number;
}

export type PgliteHostMessage =
  | { type: 'ready'; port: number }
  | { type: 'failed'; message: string; stack?: string }
  | { type: 'closed' };

/** The pglite-socket server listens here; clients reach it only through the gate. */
const INTERNAL_HOST = '127.0.0.1';

async function main(): Promise<void> {
  const port = parentPort;
  if (!port) throw new Error('pglite-host must run in a worker thread');
  const { dataDir, host, port: requestedPort } = workerData as PgliteHostData;
  const post = (message: PgliteHostMessage) => port.postMessage(message);

  let db: PGlite | undefined;
  let server: PGLiteSocketServer | undefined;
  let gate: ConnectionGate | undefined;
  const shutdown = async () => {
    // Cut any client still connected (the app should have ended its pools first), stop the
    // socket server, then close PGlite.
    await gate?.close();
    await server?.stop();
    if (db && !db.closed) {
      // A client cut inside a transaction leaves PGlite's one session in it; the socket
      // handler rolls back asynchronously. Settle that before closing the database.
      await new Promise((resolve) => setImmediate(resolve));
      if (db.isInTransaction()) await db.exec('ROLLBACK').catch(() => undefined);
      await db.close();
    }
  };

  port.on('message', (message: { type: string }) => {
    if (message.type !== 'close') return;
    shutdown()
      .catch(() => undefined)
      .finally(() => {
        post({ type: 'closed' });
        port.close(); // nothing else is left: the thread exits
      });
  });

  try {
    db = await PGlite.create({ dataDir });
    // One connection only (the default; see served-pglite.ts for why).
    server = new PGLiteSocketServer({ db, host: INTERNAL_HOST, port: 0, maxConnections: 1 });
    await server.start();
    // getServerConn() is "host:port", with the port the OS assigned for port 0.
    const conn = server.getServerConn();
    const upstream = server;
    gate = new ConnectionGate({
      upstreamHost: INTERNAL_HOST,
      upstreamPort: Number(conn.slice(conn.lastIndexOf(':') + 1)),
      upstreamConnections: () => upstream.getStats().activeConnections,
    });
    post({ type: 'ready', port: await gate.listen(host, requestedPort) });
  } catch (error) {
    await shutdown().catch(() => undefined);
    const { message, stack } = error as Error;
    post({ type: 'failed', message, stack });
    port.close();
  }
}

void main();
