import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { EnvironmentError, readEnvironment } from '@frontdoor/config';
import { ApplyEvent, CONNECTED_DATABASE, CreateContact, DEMO_TENANT, loadDemo, WorkerModule } from '@frontdoor/engine';
import { ConnectedDatabase, Database } from '@frontdoor/persistence';
import { AppModule } from './app.module';
import { configureApp } from './http/configure-app';

/**
 * `npm run start:api` serves the api; `npm start` (with --with-worker) also runs the worker's
 * processors in this process, sharing its one database connection (required in embedded mode).
 */
async function main(): Promise<void> {
  const env = readEnvironment();
  const withWorker = process.argv.includes('--with-worker');
  const app = await NestFactory.create(AppModule.forRoot(env, withWorker ? [WorkerModule.forRoot()] : []), {
    bufferLogs: true,
    bodyParser: false,
  });
  configureApp(app);
  await app.listen(env.port, '0.0.0.0');
  // Demo data only on an empty embedded database: never into a real deployment's PostgreSQL.
  const embedded = app.get<ConnectedDatabase>(CONNECTED_DATABASE).embedded;
  const demoLoaded = embedded && (await loadDemo(app.get(Database), app.get(CreateContact), app.get(ApplyEvent)));
  const { port } = app.getHttpServer().address() as { port: number };
  const url = `http://localhost:${port}`;
  process.stdout.write(
    [
      '',
      `Front Door is running at ${url}${withWorker ? ' (api and worker)' : ' (api)'}`,
      `  database: ${env.databaseUrl ? 'PostgreSQL at DATABASE_URL' : `embedded PGlite in ${env.dataDir}/postgres`}`,
      `  OpenAPI:  ${url}/docs`,
      `  queues:   ${url}/admin/queues (admin token)`,
      `  health:   ${url}/health/ready`,
      ...(demoLoaded ? [`  demo:     a handful of synthetic contacts loaded for tenant ${DEMO_TENANT}`] : []),
      `  a token:  npm run token -- --role practitioner --tenant ${DEMO_TENANT} --sub alice`,
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
