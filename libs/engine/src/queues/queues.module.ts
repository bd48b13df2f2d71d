import { Global, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import type { Environment } from '@frontdoor/config';
import { ENVIRONMENT } from '../engine.tokens';
import { Database } from '@frontdoor/persistence';
import { ServiceMetrics } from '../metrics/service-metrics';
import { FrontDoorQueues } from './front-door-queues';

@Injectable()
class QueuesLifecycle implements OnApplicationShutdown {
  constructor(private readonly queues: FrontDoorQueues) {}
  // Runs after the worker module's shutdown hooks (it imports this module), so workers close first.
  async onApplicationShutdown(): Promise<void> {
    await this.queues.close();
  }
}

/** The queues as producers, for the worker's relay, the dashboard and the metrics. */
@Global()
@Module({
  providers: [
    { provide: FrontDoorQueues, inject: [ENVIRONMENT], useFactory: (env: Environment) => FrontDoorQueues.open(env) },
    {
      provide: ServiceMetrics,
      inject: [Database, FrontDoorQueues],
      useFactory: (db: Database, queues: FrontDoorQueues) => new ServiceMetrics(db, queues),
    },
    QueuesLifecycle,
  ],
  exports: [FrontDoorQueues, ServiceMetrics],
})
export class QueuesModule {}
