import { DataSource } from 'typeorm';
import { openDatabase } from './data-source';
import { EMBEDDED_POOL_EXTRA, startEmbeddedDatabase } from './embedded';

export interface ConnectedDatabase {
  dataSource: DataSource;
  /** True when running on the embedded PGlite default. */
  embedded: boolean;
  close(): Promise<void>;
}

/**
 * The database Front Door runs on: the PostgreSQL of DATABASE_URL, or, without one, an
 * embedded PGlite served on 127.0.0.1 (ARCHITECTURE §9). Migrations are applied either way.
 */
export async function connectDatabase(options: {
  databaseUrl: string | null;
  dataDir: string;
  poolSize?: number;
  applicationName?: string;
}): Promise<ConnectedDatabase> {
  if (options.databaseUrl) {
    const dataSource = await openDatabase({
      url: options.databaseUrl,
      poolSize: options.poolSize,
      applicationName: options.applicationName,
    });
    return { dataSource, embedded: false, close: () => dataSource.destroy() };
  }
  const embedded = await startEmbeddedDatabase({ dataDir: `${options.dataDir}/postgres` });
  const dataSource = await openDatabase({
    url: embedded.url,
    poolSize: EMBEDDED_POOL_EXTRA.max,
    pool: EMBEDDED_POOL_EXTRA,
    applicationName: options.applicationName,
  });
  return {
    dataSource,
    embedded: true,
    close: async () => {
      await dataSource.destroy();
      await embedded.close();
    },
  };
}
