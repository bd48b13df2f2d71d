import { Global, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { ENVIRONMENT, type Environment } from '@frontdoor/config';
import { FrontDoorQueues } from './front-door-queues';

@Injectable()
class QueuesLifecycle implements OnApplicationShutdown {
  constructor(private readonly queues: FrontDoorQueues) {}
  // Runs after the worker module's shutdown hooks (it imports this module), so workers close first.
  async onApplicationShutdown(): Promise<void> {
    await this.queues.close();
  }
}

/** The queues as producers, for the worker's relay and the api's dashboard, health and metrics. */
@Global()
@Module({
  providers: [
    { provide: FrontDoorQueues, inject: [ENVIRONMENT], useFactory: (env: Environment) => FrontDoorQueues.open(env) },
    QueuesLifecycle,
  ],
  exports: [FrontDoorQueues],
})
export class QueuesModule {}
