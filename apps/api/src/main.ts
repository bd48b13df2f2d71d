import 'reflect-metadata';
import { exitOnStartFailure, readEnvironment } from '@frontdoor/config';
import { serveApi } from './serve-api';

/** `npm run start:api`: the api alone (the worker runs as its own process). */
async function main(): Promise<void> {
  await serveApi(readEnvironment());
}

main().catch(exitOnStartFailure('Front Door'));
