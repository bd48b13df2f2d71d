import { join } from 'node:path';
import {
  createPostgresBackend,
  DEFAULT_SCHEMA,
  getDefaultBackendFactory,
  runMigrations,
  setDefaultBackendFactory,
  type BackendFactory,
} from 'bullmq';
import { Client } from 'pg';
import { servePglite } from './served-pglite';
import { SingleConnectionPool } from './single-connection-pool';

export interface EmbeddedQueueBackendOptions {
  /** The queue's PGlite lives in `${dataDir}/queue` (created if missing). */
  dataDir: string;
}

export interface EmbeddedQueueBackend {
  /**
   * The one connection every Queue/Worker/QueueEvents/FlowProducer now uses, whatever
   * `connection` they were given. `queueConnectionOptions()` returns it in embedded mode;
   * `connection.query('SELECT 1')` serves as a readiness check.
   */
  readonly connection: SingleConnectionPool;
  /**
   * Restores BullMQ's default (Redis) backend, ends the connection, stops the server and
   * closes PGlite. Close every Queue, Worker and QueueEvents first. Idempotent.
   */
  close(): Promise<void>;
}

let active: EmbeddedQueueBackend | undefined;

/** The running embedded queue backend, if `useEmbeddedQueueBackend` was called. */
export function activeEmbeddedQueueBackend(): EmbeddedQueueBackend | undefined {
  return active;
}

/**
 * Front Door's queue when `REDIS_URL` is not set: BullMQ's PostgreSQL backend on a second,
 * separate PGlite instance (`${dataDir}/queue`), served by its own pglite-socket server.
 *
 * Makes BullMQ's process-wide default backend the PostgreSQL one, bound to a single shared
 * connection (see `SingleConnectionPool`), so `new Queue(name, { connection })`,
 * `new Worker(…)`, `QueueEvents`, `FlowProducer` and `@nestjs/bullmq` use it unchanged; the
 * `connection` they pass is ignored (it must still be non-null for a Worker).
 *
 * The schema (`bullmq`, 11 migrations) is created on first start. The connection's session
 * gets `SET search_path TO bullmq, public`: BullMQ's command SQL calls its functions
 * unqualified and, for a pool it did not create, relies on the caller for the search_path
 * (the `-c search_path=…` startup option it uses for its own pools is ignored by PGlite).
 */
export async function useEmbeddedQueueBackend(options: EmbeddedQueueBackendOptions): Promise<EmbeddedQueueBackend> {
  if (active) throw new Error('The embedded queue backend is already running in this process.');

  const served = await servePglite({ dataDir: join(options.dataDir, 'queue') });
  const client = new Client({ connectionString: served.url, application_name: 'front-door-queue' });
  let connection: SingleConnectionPool;
  try {
    await client.connect();
    // The whole migration runs in one transaction on this client, before anything else uses it.
    await runMigrations(client, DEFAULT_SCHEMA);
    await client.query(`SET search_path TO ${DEFAULT_SCHEMA}, public`);
    connection = new SingleConnectionPool(client);
  } catch (error) {
    await client.end().catch(() => undefined);
    await served.close();
    throw error;
  }

  const previousFactory = getDefaultBackendFactory();
  const factory: BackendFactory = (name, opts, factoryOptions) =>
    createPostgresBackend(name, { ...opts, connection }, factoryOptions);
  setDefaultBackendFactory(factory);

  let closing: Promise<void> | undefined;
  const backend: EmbeddedQueueBackend = {
    connection,
    close: () => {
      closing ??= (async () => {
        if (getDefaultBackendFactory() === factory) setDefaultBackendFactory(previousFactory);
        if (active === backend) active = undefined;
        try {
          await connection.close();
        } finally {
          await served.close();
        }
      })();
      return closing;
    },
  };
  active = backend;
  return backend;
}
