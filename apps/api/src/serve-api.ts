import { DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { Environment } from '@frontdoor/config';
import { ApplyEvent, CONNECTED_DATABASE, CreateContact, DEMO_TENANT, loadDemo } from '@frontdoor/engine';
import { ConnectedDatabase, Database } from '@frontdoor/persistence';
import { AppModule } from './app.module';
import { configureApp } from './http/configure-app';

/**
 * Serves the api on `env.port`, with any other apps' modules (`alongside`) in the same process,
 * sharing its one database connection (required in embedded mode); loads the demo data into an
 * empty embedded database, and prints where to go next.
 */
export async function serveApi(env: Environment, alongside: { modules: DynamicModule[]; described: string } = { modules: [], described: 'api' }): Promise<void> {
  const app = await NestFactory.create(AppModule.forRoot(env, alongside.modules), { bufferLogs: true, bodyParser: false });
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
      `Front Door is running at ${url} (${alongside.described})`,
      `  database: ${env.databaseUrl ? 'PostgreSQL at DATABASE_URL' : `embedded PGlite in ${env.dataDir}/postgres`}`,
      `  OpenAPI:  ${url}/docs-json (with a bearer token; not yet in a browser: it needs the header)`,
      `  queues:   ${url}/admin/queues (with an admin token; likewise)`,
      `  health:   ${url}/health/ready`,
      ...(demoLoaded ? [`  demo:     a handful of synthetic contacts loaded for tenant ${DEMO_TENANT}`] : []),
      `  a token:  npm run -s token -- --role practitioner --tenant ${DEMO_TENANT} --sub alice`,
      '',
    ].join('\n'),
  );
}
