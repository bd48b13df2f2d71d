import 'reflect-metadata';
import { exitOnStartFailure, readEnvironment } from '@frontdoor/config';
import { serveApi } from '../../api/src';
import { WorkerModule } from '../../worker/src';

/**
 * `npm start`: the composition root — the api and the worker in one process, for the demo and
 * small deployments. The only code that imports apps, and only through their index.
 */
async function main(): Promise<void> {
  await serveApi(readEnvironment(), { modules: [WorkerModule.forRoot()], described: 'api and worker' });
}

main().catch(exitOnStartFailure('Front Door'));
