import { DynamicModule, Injectable, Module, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { AuthoritySettingsRegistry, Clock, Environment } from '@frontdoor/config';
import { ChannelRegistry } from '@frontdoor/notifications';
import { Database } from '@frontdoor/persistence';
import { DeadlineSweepModule } from '../deadlines/deadline-sweep.module';
import { FireDeadline } from '../deadlines/fire-deadline';
import { DeliverMessage } from '../delivery/deliver-message';
import { RecordAcknowledgement } from '../delivery/record-acknowledgement';
import { ENVIRONMENT } from '../engine.tokens';
import { OutboxRelay } from '../outbox/outbox-relay';
import { RelayLoop } from '../outbox/relay-loop';
import { FrontDoorQueues } from '../queues/front-door-queues';
import { QueuesModule } from '../queues/queues.module';
import { QueueWorkers } from '../queues/queue-workers';
import { buildChannelRegistry } from './build-channel-registry';

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
 * the sweep. Used by `npm run start:worker`, and by `npm start` inside the api's process.
 */
@Module({})
export class WorkerModule {
  static forRoot(options: { pollMs?: number; sweepIntervalMs?: number } = {}): DynamicModule {
    return {
      module: WorkerModule,
      imports: [QueuesModule, DeadlineSweepModule.forRoot({ intervalMs: options.sweepIntervalMs })],
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
      exports: [DeliverMessage, ChannelRegistry],
    };
  }
}
