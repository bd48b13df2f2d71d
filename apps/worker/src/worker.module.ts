import { DynamicModule, Injectable, Module, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { AuthoritySettingsRegistry, Clock, ENVIRONMENT, Environment } from '@frontdoor/config';
import { DeliverMessage, FireDeadline, RecordAcknowledgement, SweepDueDeadlines } from '@frontdoor/engine';
import { ChannelRegistry } from '@frontdoor/notifications';
import { Database } from '@frontdoor/persistence';
import { FrontDoorQueues, QueuesModule } from '@frontdoor/queues';
import { DeadlineSweeper } from './deadlines/deadline-sweeper';
import { buildChannelRegistry } from './delivery/build-channel-registry';
import { OutboxRelay } from './outbox/outbox-relay';
import { RelayLoop } from './outbox/relay-loop';
import { QueueWorkers } from './queue-workers';

@Injectable()
class WorkerLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    private readonly relay: RelayLoop,
    private readonly workers: QueueWorkers,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.workers.start();
    await this.relay.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.relay.stop();
    await this.workers.stop();
  }
}

/**
 * The background side of Front Door: the outbox relay, message delivery, deadline timers and
 * the sweep. Stands on the engine module (global), which the worker's main or the composition
 * root provides. Its processors call the engine's use cases and nothing else.
 */
@Module({})
export class WorkerModule {
  static forRoot(options: { pollMs?: number; sweepIntervalMs?: number } = {}): DynamicModule {
    return {
      module: WorkerModule,
      imports: [QueuesModule],
      providers: [
        {
          provide: ChannelRegistry,
          inject: [ENVIRONMENT, AuthoritySettingsRegistry],
          useFactory: (env: Environment, settings: AuthoritySettingsRegistry) => buildChannelRegistry(env, settings),
        },
        {
          provide: DeliverMessage,
          inject: [Database, Clock, ChannelRegistry, RecordAcknowledgement],
          useFactory: (db: Database, clock: Clock, channels: ChannelRegistry, ack: RecordAcknowledgement) =>
            new DeliverMessage(db, clock, channels, ack),
        },
        { provide: FireDeadline, inject: [Database, Clock], useFactory: (db: Database, clock: Clock) => new FireDeadline(db, clock) },
        {
          provide: SweepDueDeadlines,
          inject: [Database, Clock, FireDeadline],
          useFactory: (db: Database, clock: Clock, fire: FireDeadline) => new SweepDueDeadlines(db, clock, fire),
        },
        {
          provide: DeadlineSweeper,
          inject: [SweepDueDeadlines, ENVIRONMENT],
          useFactory: (sweep: SweepDueDeadlines, env: Environment) =>
            new DeadlineSweeper(sweep, options.sweepIntervalMs ?? env.deadlineSweepSeconds * 1000),
        },
        {
          provide: OutboxRelay,
          inject: [Database, Clock, FrontDoorQueues],
          useFactory: (db: Database, clock: Clock, queues: FrontDoorQueues) => new OutboxRelay(db, clock, queues),
        },
        {
          provide: RelayLoop,
          inject: [OutboxRelay, ENVIRONMENT],
          useFactory: (relay: OutboxRelay, env: Environment) =>
            new RelayLoop(relay, { databaseUrl: env.databaseUrl, pollMs: options.pollMs ?? (env.databaseUrl ? 1000 : 500) }),
        },
        {
          provide: QueueWorkers,
          inject: [DeliverMessage, FireDeadline, ENVIRONMENT],
          useFactory: (deliver: DeliverMessage, fire: FireDeadline, env: Environment) => new QueueWorkers(deliver, fire, env.redisUrl, env.queuePrefix),
        },
        WorkerLifecycle,
      ],
    };
  }
}
