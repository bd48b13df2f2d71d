import { DynamicModule, Global, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { AuthoritySettingsRegistry, Clock, ENVIRONMENT, Environment, readEnvironment, SystemClock } from '@frontdoor/config';
import { ConnectedDatabase, connectDatabase, Database } from '@frontdoor/persistence';
import { DataSource } from 'typeorm';
import { AgencyChecks } from './agency-checks/agency-checks';
import { ApplyEvent } from './apply-event/apply-event';
import { CreateContact } from './create-contact/create-contact';
import { EpisodeQueries } from './episodes/episode-queries';
import { MessageQueries } from './messages/message-queries';
import { RecordAcknowledgement } from './delivery/record-acknowledgement';
import { SettleProviderReceipt } from './delivery/settle-provider-receipt';
import { ReferrerView } from './referrals/referrer-view';
import { CONNECTED_DATABASE } from './connected-database.token';

export { CONNECTED_DATABASE };

@Injectable()
class DatabaseLifecycle implements OnApplicationShutdown {
  constructor(@Inject(CONNECTED_DATABASE) private readonly connected: ConnectedDatabase) {}
  async onApplicationShutdown(): Promise<void> {
    await this.connected.close();
  }
}

/**
 * The engine's use cases and what they stand on (database, clock, authority settings), for
 * the api and the worker alike. The environment is read once, here.
 */
@Global()
@Module({})
export class EngineModule {
  static forRoot(options: { applicationName: string; environment?: Environment }): DynamicModule {
    return {
      module: EngineModule,
      providers: [
        { provide: ENVIRONMENT, useFactory: () => options.environment ?? readEnvironment() },
        {
          provide: CONNECTED_DATABASE,
          inject: [ENVIRONMENT],
          useFactory: (env: Environment) =>
            connectDatabase({ databaseUrl: env.databaseUrl, dataDir: env.dataDir, applicationName: options.applicationName }),
        },
        { provide: DataSource, inject: [CONNECTED_DATABASE], useFactory: (c: ConnectedDatabase) => c.dataSource },
        { provide: Database, inject: [DataSource], useFactory: (dataSource: DataSource) => new Database(dataSource) },
        { provide: Clock, useClass: SystemClock },
        {
          provide: AuthoritySettingsRegistry,
          inject: [ENVIRONMENT],
          useFactory: (env: Environment) => AuthoritySettingsRegistry.fromFile(env.settingsFile),
        },
        { provide: ApplyEvent, inject: [Database, Clock], useFactory: (db: Database, clock: Clock) => new ApplyEvent(db, clock) },
        {
          provide: CreateContact,
          inject: [Database, Clock, AuthoritySettingsRegistry],
          useFactory: (db: Database, clock: Clock, settings: AuthoritySettingsRegistry) => new CreateContact(db, clock, settings),
        },
        { provide: EpisodeQueries, inject: [Database, Clock], useFactory: (db: Database, clock: Clock) => new EpisodeQueries(db, clock) },
        {
          provide: AgencyChecks,
          inject: [Database, Clock, ApplyEvent],
          useFactory: (db: Database, clock: Clock, apply: ApplyEvent) => new AgencyChecks(db, clock, apply),
        },
        { provide: MessageQueries, inject: [Database], useFactory: (db: Database) => new MessageQueries(db) },
        {
          provide: ReferrerView,
          inject: [Database, Clock, ApplyEvent],
          useFactory: (db: Database, clock: Clock, apply: ApplyEvent) => new ReferrerView(db, clock, apply),
        },
        {
          provide: RecordAcknowledgement,
          inject: [Database, Clock, ApplyEvent],
          useFactory: (db: Database, clock: Clock, apply: ApplyEvent) => new RecordAcknowledgement(db, clock, apply),
        },
        {
          provide: SettleProviderReceipt,
          inject: [Database, Clock, RecordAcknowledgement],
          useFactory: (db: Database, clock: Clock, ack: RecordAcknowledgement) => new SettleProviderReceipt(db, clock, ack),
        },
        DatabaseLifecycle,
      ],
      exports: [ENVIRONMENT, CONNECTED_DATABASE, DataSource, Database, Clock, AuthoritySettingsRegistry, ApplyEvent, CreateContact, EpisodeQueries, AgencyChecks, MessageQueries, ReferrerView, RecordAcknowledgement, SettleProviderReceipt],
    };
  }
}
