import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { EnvironmentError, readEnvironment } from '@frontdoor/config';
import { DeadlineSweepModule } from '@frontdoor/engine';
import { AppModule } from './app.module';
import { configureApp } from './http/configure-app';

/**
 * `npm run start:api` serves the api; `npm start` (with --with-worker) also runs the worker's
 * processors in this process, sharing its one database connection (required in embedded mode).
 */
async function main(): Promise<void> {
  const env = readEnvironment();
  const withWorker = process.argv.includes('--with-worker');
  const app = await NestFactory.create(AppModule.forRoot(env, withWorker ? [DeadlineSweepModule.forRoot()] : []), {
    bufferLogs: true,
    bodyParser: false,
  });
  configureApp(app);
  await app.listen(env.port, '0.0.0.0');
  const url = `http://localhost:${env.port}`;
  process.stdout.write(
    [
      '',
      `Front Door is running at ${url}${withWorker ? ' (api and worker)' : ' (api)'}`,
      `  database: ${env.databaseUrl ? 'PostgreSQL at DATABASE_URL' : `embedded PGlite in ${env.dataDir}/postgres`}`,
      `  OpenAPI:  ${url}/docs`,
      `  health:   ${url}/health/ready`,
      `  a token:  npm run token -- --role practitioner --tenant 865 --sub alice`,
      '',
    ].join('\n'),
  );
}

main().catch((error: unknown) => {
  if (error instanceof EnvironmentError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(`Front Door failed to start: ${(error as Error).stack ?? error}\n`);
  }
  process.exit(1);
});
