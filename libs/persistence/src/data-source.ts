import { DataSource } from 'typeorm';
import { AccessLogEntity } from './entities/access-log.entity';
import { AgencyCheckEntity } from './entities/agency-check.entity';
import { ChildEntity } from './entities/child.entity';
import { ContactReferenceCounterEntity } from './entities/contact-reference-counter.entity';
import { ContactEntity } from './entities/contact.entity';
import { DeadlineEntity } from './entities/deadline.entity';
import { EpisodeEventEntity } from './entities/episode-event.entity';
import { EpisodeEntity } from './entities/episode.entity';
import { IdempotencyRecordEntity } from './entities/idempotency-record.entity';
import { OutboxMessageEntity } from './entities/outbox-message.entity';
import { InitialSchema1763800000000 } from './migrations/1763800000000-initial-schema';
import { MessageDelivery1763900000000 } from './migrations/1763900000000-message-delivery';
import { WithdrawnAgencyChecks1764000000000 } from './migrations/1764000000000-withdrawn-agency-checks';
import { ReportingIndexes1764100000000 } from './migrations/1764100000000-reporting-indexes';
import { HistoryNotTruncated1764200000000 } from './migrations/1764200000000-history-not-truncated';
import { OutboxNotifies1764300000000 } from './migrations/1764300000000-outbox-notifies';
import { ChildDisabilities1764400000000 } from './migrations/1764400000000-child-disabilities';
import { ChildrenAsNamed1764450000000 } from './migrations/1764450000000-children-as-named';
import { AccessLogOfExports1764460000000 } from './migrations/1764460000000-access-log-of-exports';
import { MessageAttemptEntity } from './entities/message-attempt.entity';

export const ENTITIES = [
  AccessLogEntity,
  AgencyCheckEntity,
  ChildEntity,
  ContactEntity,
  ContactReferenceCounterEntity,
  DeadlineEntity,
  EpisodeEntity,
  EpisodeEventEntity,
  IdempotencyRecordEntity,
  MessageAttemptEntity,
  OutboxMessageEntity,
];

export const MIGRATIONS = [
  InitialSchema1763800000000,
  MessageDelivery1763900000000,
  WithdrawnAgencyChecks1764000000000,
  ReportingIndexes1764100000000,
  HistoryNotTruncated1764200000000,
  OutboxNotifies1764300000000,
  ChildDisabilities1764400000000,
  ChildrenAsNamed1764450000000,
  AccessLogOfExports1764460000000,
];

export interface DataSourceOptions {
  url: string;
  /** 1 in embedded mode: the PGlite socket serves one session at a time. */
  poolSize?: number;
  applicationName?: string;
  /** Extra `pg` pool settings (embedded mode keeps its one connection open). */
  pool?: Record<string, unknown>;
}

/** Front Door's one TypeORM data source. Schema changes only through migrations. */
export function createDataSource({ url, poolSize = 10, applicationName = 'front-door', pool = {} }: DataSourceOptions): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migrations',
    synchronize: false,
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    applicationName,
    extra: { max: poolSize, connectionTimeoutMillis: 5000, ...pool },
  });
}

/** Any fixed number: the advisory lock under which one process at a time migrates. */
const MIGRATION_LOCK = 865_2026;

/**
 * Opens the data source and brings the schema up to date. The api and the worker may start
 * together against one PostgreSQL: a session advisory lock lets one migrate while the other
 * waits. (A pool of one — embedded mode, one process — needs no lock, and could not hold it.)
 */
export async function openDatabase(options: DataSourceOptions): Promise<DataSource> {
  const dataSource = createDataSource(options);
  await dataSource.initialize();
  if ((options.poolSize ?? 10) < 2) {
    await dataSource.runMigrations({ transaction: 'each' });
    return dataSource;
  }
  const lock = dataSource.createQueryRunner();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await lock.release();
  }
  return dataSource;
}
