import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { EnvironmentError, readEnvironment } from '@frontdoor/config';
import { DeadlineSweepModule, EngineModule } from '@frontdoor/engine';

/**
 * `npm run start:worker`: the background side of Front Door, apart from the api. Today it
 * sweeps due deadlines into breaches; the outbox relay and message delivery join it next.
 */
async function main(): Promise<void> {
  const env = readEnvironment();

  @Module({ imports: [EngineModule.forRoot({ applicationName: 'front-door-worker', environment: env }), DeadlineSweepModule.forRoot()] })
  class WorkerModule {}

  const app = await NestFactory.createApplicationContext(WorkerModule);
  app.enableShutdownHooks();
  process.stdout.write('Front Door worker is running (deadline sweep).\n');
}

main().catch((error: unknown) => {
  process.stderr.write(error instanceof EnvironmentError ? `${error.message}\n` : `Front Door worker failed to start: ${(error as Error).stack ?? error}\n`);
  process.exit(1);
});
