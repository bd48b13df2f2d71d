import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { exitOnStartFailure, readEnvironment } from '@frontdoor/config';
import { EngineModule } from '@frontdoor/engine';
import { WorkerModule } from './worker.module';

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

main().catch(exitOnStartFailure('Front Door worker'));
