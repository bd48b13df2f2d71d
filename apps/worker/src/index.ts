// The worker's public face, for the composition root (apps/front-door) and the tests that start it.
export { WorkerModule } from './worker.module';
