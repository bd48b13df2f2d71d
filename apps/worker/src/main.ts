import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { EnvironmentError, readEnvironment } from '@frontdoor/config';
import { EngineModule, WorkerModule } from '@frontdoor/engine';

/**
 * `npm run start:worker`: the background side of Front Door, apart from the api — the outbox
 * relay, message delivery, deadline timers and the sweep.
 */
async function main(): Promise<void> {
  const env = readEnvironment();

  @Module({ imports: [EngineModule.forRoot({ applicationName: 'front-door-worker', environment: env }), WorkerModule.forRoot()] })
  class WorkerApp {}

  const app = await NestFactory.createApplicationContext(WorkerApp);
  app.enableShutdownHooks();
  process.stdout.write('Front Door worker is running: outbox relay, delivery, deadline timers and sweep.\n');
}

main().catch((error: unknown) => {
  process.stderr.write(error instanceof EnvironmentError ? `${error.message}\n` : `Front Door worker failed to start: ${(error as Error).stack ?? error}\n`);
  process.exit(1);
});
