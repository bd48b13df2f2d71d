import type { ConnectionOptions, RedisOptions } from 'bullmq';
import { activeEmbeddedQueueBackend } from './embedded-queue-backend';

/** Producers (Queue, FlowProducer) fail fast; workers (Worker, QueueEvents) wait for Redis. */
export type QueueConnectionRole = 'producer' | 'worker';

/**
 * The `connection` option for BullMQ classes, in either mode:
 *
 * - `redisUrl` set: ioredis options parsed from the URL (`redis://` or `rediss://`, user,
 *   password, `/db`). Producers get `enableOfflineQueue: false` — a Queue.add while Redis is
 *   down fails at once and the outbox keeps the work; workers get
 *   `maxRetriesPerRequest: null`, which BullMQ requires for blocking connections.
 * - `redisUrl` unset: the embedded queue backend's connection. `useEmbeddedQueueBackend` must
 *   have been called (the PostgreSQL backend then ignores whatever is passed, but a Worker
 *   still requires a non-null `connection`).
 *
 * A fresh options object is returned on each call, so BullMQ makes one Redis connection per
 * Queue/Worker, as ARCHITECTURE §4 assumes.
 */
export function queueConnectionOptions(redisUrl: string | undefined, role: QueueConnectionRole): ConnectionOptions {
  if (!redisUrl) {
    const embedded = activeEmbeddedQueueBackend();
    if (!embedded) {
      throw new Error('REDIS_URL is not set and the embedded queue backend is not running (call useEmbeddedQueueBackend first).');
    }
    // Typed as BullMQ's (Redis) ConnectionOptions: the constructors are typed for the default
    // backend even when another is registered at runtime.
    return embedded.connection as unknown as ConnectionOptions;
  }
  const options = redisOptionsFromUrl(redisUrl);
  return role === 'worker'
    ? { ...options, maxRetriesPerRequest: null }
    : { ...options, enableOfflineQueue: false };
}

/** ioredis connection options from a `redis://` / `rediss://` URL (BullMQ's `RedisOptions`). */
export function redisOptionsFromUrl(redisUrl: string): RedisOptions {
  let url: URL;
  try {
    url = new URL(redisUrl);
  } catch {
    throw new Error('REDIS_URL is not a valid URL (expected redis://[user:password@]host[:port][/db]).');
  }
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') {
    throw new Error(`REDIS_URL must start with redis:// or rediss://, not ${url.protocol}//.`);
  }
  const options: RedisOptions = {
    host: url.hostname.replace(/^\[(.*)\]$/, '$1') || '127.0.0.1',
    port: url.port ? Number(url.port) : 6379,
  };
  if (url.username) options.username = decodeURIComponent(url.username);
  if (url.password) options.password = decodeURIComponent(url.password);
  const db = url.pathname.replace(/^\//, '');
  if (db) {
    if (!/^\d+$/.test(db)) throw new Error('REDIS_URL database (the path) must be a number.');
    options.db = Number(db);
  }
  if (url.protocol === 'rediss:') options.tls = { servername: options.host };
  return options;
}
