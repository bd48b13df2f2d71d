import { connect, createServer, type AddressInfo, type Server, type Socket } from 'node:net';

export interface ConnectionGateOptions {
  /** Where the pglite-socket server listens (an internal loopback port). */
  upstreamHost: string;
  upstreamPort: number;
  /** Connections the upstream server still counts; the gate waits for 0 before the next. */
  upstreamConnections: () => number;
  /** How long a second connection may wait for the first to end before it is refused. */
  waitTimeoutMs?: number;
}

/**
 * A TCP front for the pglite-socket server that lets ONE client connection through at a time
 * and makes the others wait their turn.
 *
 * The pglite-socket server must run with one connection (see `served-pglite.ts`), and it drops
 * any connection that arrives while it still counts one — including the reconnect that races
 * the close of the previous connection. Measured: `pool.end()` followed at once by a new
 * pool/DataSource fails with "Connection terminated unexpectedly". The gate holds the new
 * client until the server has let go of the old one, then pipes the bytes through unchanged.
 * A client that waits longer than `waitTimeoutMs` (the app opened two connections at once)
 * gets a proper PostgreSQL error (53300 too_many_connections) instead of a cut socket.
 */
export class ConnectionGate {
  private readonly server: Server;
  private readonly waiting: Socket[] = [];
  private readonly sockets = new Set<Socket>();
  private busy = false;
  private closed = false;

  constructor(private readonly options: ConnectionGateOptions) {
    this.server = createServer((socket) => this.admit(socket));
  }

  /** Starts listening; resolves with the bound port (the OS picks one for port 0). */
  listen(host: string, port: number): Promise<number> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, host, () => {
        this.server.off('error', reject);
        resolve((this.server.address() as AddressInfo).port);
      });
    });
  }

  /** Stops accepting, cuts every client (waiting or served) and closes the listener. */
  close(): Promise<void> {
    this.closed = true;
    for (const socket of this.sockets) socket.destroy();
    this.waiting.length = 0;
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private admit(socket: Socket): void {
    this.sockets.add(socket);
    socket.on('error', () => undefined); // a client vanishing is not our error
    socket.once('close', () => {
      this.sockets.delete(socket);
      const index = this.waiting.indexOf(socket);
      if (index >= 0) this.waiting.splice(index, 1);
    });
    if (this.closed) {
      socket.destroy();
      return;
    }
    if (!this.busy) {
      this.serve(socket);
      return;
    }
    this.waiting.push(socket);
    const timer = setTimeout(() => {
      if (!this.waiting.includes(socket)) return;
      this.waiting.splice(this.waiting.indexOf(socket), 1);
      socket.end(
        fatalError(
          '53300',
          'The embedded database serves one connection at a time and another is open. ' +
            'Use a connection pool of size 1 (EMBEDDED_POOL_SIZE) and close it before opening another.',
        ),
      );
    }, this.options.waitTimeoutMs ?? 15_000);
    timer.unref();
    socket.once('close', () => clearTimeout(timer));
  }

  private serve(client: Socket): void {
    this.busy = true;
    const upstream = connect(this.options.upstreamPort, this.options.upstreamHost);
    this.sockets.add(upstream);
    upstream.setNoDelay(true);
    client.setNoDelay(true);
    client.pipe(upstream);
    upstream.pipe(client);

    let finished = false;
    const finish = () => {
      if (finished) return;
      finished = true;
      client.destroy();
      upstream.destroy();
    };
    client.once('close', finish);
    upstream.on('error', finish);
    upstream.once('close', () => {
      this.sockets.delete(upstream);
      finish();
      void this.releaseWhenUpstreamIdle();
    });
  }

  private async releaseWhenUpstreamIdle(): Promise<void> {
    // The server forgets a connection a tick or two after its socket closes.
    for (let i = 0; i < 200 && this.options.upstreamConnections() > 0 && !this.closed; i++) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    this.busy = false;
    const next = this.waiting.shift();
    if (next && !this.closed) this.serve(next);
  }
}

/** A PostgreSQL ErrorResponse message with severity FATAL. */
function fatalError(code: string, message: string): Buffer {
  const fields = Buffer.concat([
    field('S', 'FATAL'),
    field('V', 'FATAL'),
    field('C', code),
    field('M', message),
    Buffer.from([0]),
  ]);
  const header = Buffer.alloc(5);
  header.write('E', 0, 'ascii');
  header.writeInt32BE(fields.length + 4, 1);
  return Buffer.concat([header, fields]);
}

function field(type: string, value: string): Buffer {
  return Buffer.concat([Buffer.from(type, 'ascii'), Buffer.from(value, 'utf8'), Buffer.from([0])]);
}
