import { servePglite } from './served-pglite';

/**
 * Pool size for the application's database connections in embedded mode. Must be 1.
 *
 * PGlite has a single backend session, and the pglite-socket server feeds every TCP connection
 * into it one protocol message at a time. With two connections running parameterised queries
 * (or one in a transaction and one not) at the same time, their extended-protocol messages
 * interleave inside that one session: queries fail with "unnamed prepared statement does not
 * exist" / "portal does not exist" or silently return the other connection's rows. So one
 * connection is served at a time: a second waits until the first is closed (after 15 s it is
 * refused with SQLSTATE 53300), and a pool of two would stall — the app's pool holds one.
 *
 * Consequences for the app: everything is serialised (fine for a demo); never wait, inside a
 * transaction, for another query on the same pool (that deadlocks on a pool of one, as it
 * would on any pool that is exhausted); `SELECT … FOR UPDATE SKIP LOCKED` works but never
 * skips anything, since no other transaction can be open.
 */
export const EMBEDDED_POOL_SIZE = 1;

/**
 * `pg` pool settings for embedded mode (TypeORM: `extra`). Besides the pool size,
 * `idleTimeoutMillis: 0` keeps the one connection open instead of closing it after 10 s idle
 * (pg's default) and reconnecting on the next query. The gate in front of the server makes
 * that reconnect safe anyway; this just avoids the churn.
 */
export const EMBEDDED_POOL_EXTRA = { max: EMBEDDED_POOL_SIZE, idleTimeoutMillis: 0 } as const;

export interface EmbeddedDatabaseOptions {
  /** Folder holding the database; created (recursively) if missing. One process at a time. */
  dataDir: string;
  /** Interface to listen on; default 127.0.0.1. */
  host?: string;
  /** TCP port; 0 (the default) lets the OS pick a free one, reported in `url`. */
  port?: number;
}

export interface EmbeddedDatabase {
  /** `postgres://postgres:postgres@127.0.0.1:<port>/postgres`, for `pg` and TypeORM. */
  url: string;
  /** Stops the server and closes PGlite. Close the app's pool/DataSource first. Idempotent. */
  close(): Promise<void>;
}

/**
 * Front Door's database when `DATABASE_URL` is not set: PGlite (PostgreSQL 18 in WASM) in
 * `dataDir`, served on 127.0.0.1 so TypeORM and `pg` run the production code paths.
 *
 * PGlite runs in a worker thread, so its synchronous WASM work does not block the app's event
 * loop. First start runs initdb (measured 3.4–9 s, depending on machine load); later starts
 * open the existing folder (0.5–2 s).
 * `gen_random_uuid()` is built in, so TypeORM needs `uuidExtension: 'pgcrypto'` with
 * `installExtensions: false` and nothing else. Use `EMBEDDED_POOL_EXTRA` for the pool.
 * LISTEN/NOTIFY: PGlite delivers a notification only on the connection that sent the NOTIFY,
 * and only one connection exists at a time — so there is no separate LISTEN connection: poll,
 * or wake in process after commit.
 */
export async function startEmbeddedDatabase(options: EmbeddedDatabaseOptions): Promise<EmbeddedDatabase> {
  const served = await servePglite(options);
  return { url: served.url, close: served.close };
}
