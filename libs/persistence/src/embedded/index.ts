export { EMBEDDED_POOL_EXTRA, EMBEDDED_POOL_SIZE, startEmbeddedDatabase } from './embedded-database';
export type { EmbeddedDatabase, EmbeddedDatabaseOptions } from './embedded-database';
export { activeEmbeddedQueueBackend, useEmbeddedQueueBackend } from './embedded-queue-backend';
export type { EmbeddedQueueBackend, EmbeddedQueueBackendOptions } from './embedded-queue-backend';
export { queueConnectionOptions, redisOptionsFromUrl } from './queue-connection';
export type { QueueConnectionRole } from './queue-connection';
export { SingleConnectionPool } from './single-connection-pool';
export { EmbeddedDatabaseInUseError } from './served-pglite';
