import { EventEmitter } from 'node:events';
import type { PgNotification, PgPool, PgPoolClient, PgQueryResult } from 'bullmq';
import type { Client } from 'pg';

/**
 * A `pg.Pool` look-alike over ONE connected `pg.Client`, handed to BullMQ's PostgreSQL backend
 * as its `connection` in embedded mode.
 *
 * Why: left to itself, the backend opens a pool (up to 10 connections) plus a dedicated LISTEN
 * connection for every Queue, Worker and QueueEvents. The embedded server cannot serve
 * concurrent connections safely (see `served-pglite.ts`) and admits one at a time. Sharing one
 * connection is safe here because every BullMQ operation on PostgreSQL is a single statement
 * (a stored function call); the only multi-statement transaction is the schema migration,
 * which `useEmbeddedQueueBackend` runs before any queue exists.
 *
 * It also makes LISTEN/NOTIFY work: PGlite delivers a notification only on the connection that
 * issued the NOTIFY. Here that is the one connection every "LISTEN client" shares, so a worker
 * wakes as soon as a job is added instead of at its next poll.
 *
 * Queries run one after another (pg 8.23 deprecates queuing on a busy client).
 */
export class SingleConnectionPool extends EventEmitter implements PgPool {
  /** Read by BullMQ: `keepAlive` tells it the LISTEN connection is supervised, `max` is 1. */
  readonly options = { max: 1, keepAlive: true } as const;

  private tail: Promise<unknown> = Promise.resolve();
  private readonly leases = new Set<SharedClientLease>();
  private closed = false;

  constructor(private readonly client: Client) {
    super();
    client.on('notification', (message) => {
      for (const lease of this.leases) lease.emit('notification', message);
    });
    client.on('error', (error) => {
      for (const lease of this.leases) if (lease.listenerCount('error') > 0) lease.emit('error', error);
      if (this.listenerCount('error') > 0) this.emit('error', error);
    });
  }

  query<R = unknown>(text: string, params?: readonly unknown[]): Promise<PgQueryResult<R>> {
    if (this.closed) return Promise.reject(new Error('The embedded queue connection is closed.'));
    const run = this.tail.then(() => this.client.query(text, params as unknown[] | undefined));
    this.tail = run.catch(() => undefined);
    return run as Promise<PgQueryResult<R>>;
  }

  /** A "checked-out client": the shared connection, with its own notification listeners. */
  async connect(): Promise<PgPoolClient> {
    const lease = new SharedClientLease(this, () => this.leases.delete(lease));
    this.leases.add(lease);
    return lease;
  }

  /** BullMQ never ends a pool it was given; the owner closes it with {@link close}. */
  async end(): Promise<void> {}

  /** Waits for queued queries, then ends the connection. Idempotent. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.tail;
    for (const lease of this.leases) lease.removeAllListeners();
    this.leases.clear();
    await this.client.end();
  }

  /** Exposed so BullMQ can reach the socket (it only does so to enable keep-alive). */
  get connection(): { stream?: unknown } | undefined {
    return (this.client as unknown as { connection?: { stream?: unknown } }).connection;
  }
}

class SharedClientLease extends EventEmitter implements PgPoolClient {
  constructor(
    private readonly pool: SingleConnectionPool,
    private readonly onRelease: () => void,
  ) {
    super();
  }

  get connection(): { stream?: unknown } | undefined {
    return this.pool.connection;
  }

  query<R = unknown>(text: string, params?: readonly unknown[]): Promise<PgQueryResult<R>> {
    return this.pool.query<R>(text, params);
  }

  release(): void {
    this.removeAllListeners();
    this.onRelease();
  }

  override on(event: 'notification', listener: (msg: PgNotification) => void): this;
  override on(event: 'error', listener: (err: Error) => void): this;
  override on(event: 'end', listener: () => void): this;
  // EventEmitter's own listener type, which the overloads above narrow.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  override on(event: string | symbol, listener: (...args: any[]) => void): this {
    return super.on(event, listener);
  }
}
