// The api's public face, for the composition root (apps/front-door) and the tests that start it.
export { AppModule } from './app.module';
export { configureApp } from './http/configure-app';
export { serveApi } from './serve-api';
