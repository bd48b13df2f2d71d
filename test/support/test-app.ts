import { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { Role } from '../../libs/auth/src';
import { signDevelopmentToken } from '../../libs/auth/src';
import { AuthoritySettingsRegistry, Clock, readEnvironment, SettableClock } from '../../libs/config/src';
import { AppModule, configureApp } from '../../apps/api/src';
import { WorkerModule } from '../../apps/worker/src';
import { TEST_DATABASE_URL, TEST_REDIS_URL } from './test-database';
import { TEST_JWT_SECRET } from './test-secrets';

const ISSUED_BEFORE_EVERY_TEST_CLOCK = new Date('2000-01-01T00:00:00Z');

export interface TestApp {
  app: INestApplication;
  http: () => ReturnType<typeof request>;
  clock: SettableClock;
  /** A fresh tenant per test file keeps tests apart in the shared test database. */
  tenant: string;
  token(role: Role, options?: { sub?: string; tenant?: string; agency?: string; name?: string; email?: string }): Promise<string>;
  close(): Promise<void>;
}

/** The real api, on the real PostgreSQL (migrated by the global setup), with a clock tests move. */
export async function startTestApp(
  options: { now?: string; withWorker?: boolean; env?: Record<string, string>; settings?: object } = {},
): Promise<TestApp> {
  const env = readEnvironment({
    DATABASE_URL: TEST_DATABASE_URL,
    REDIS_URL: TEST_REDIS_URL,
    LOG_LEVEL: 'silent',
    PORT: '0',
    AUTH_JWT_SECRET: TEST_JWT_SECRET,
    // Tests move the clock by months, back and forth, to walk statutory timescales: their tokens
    // are issued long before any test's clock and outlive them all (the cap itself has unit tests).
    AUTH_MAX_TOKEN_LIFETIME_HOURS: String(24 * 365 * 100),
    // Each app its own queues, so one test's worker never takes another's jobs.
    QUEUE_PREFIX: `test-${randomUUID().slice(0, 8)}`,
    ...options.env,
  });
  const clock = new SettableClock(new Date(options.now ?? '2026-11-23T10:00:00Z'));
  const worker = options.withWorker ? [WorkerModule.forRoot({ pollMs: 100, sweepIntervalMs: 500 })] : [];
  const moduleRef = await Test.createTestingModule({ imports: [AppModule.forRoot(env, worker)] })
    .overrideProvider(Clock)
    .useValue(clock)
    .overrideProvider(AuthoritySettingsRegistry)
    .useValue(new AuthoritySettingsRegistry(options.settings ?? {}))
    .compile();
  const app = configureApp(moduleRef.createNestApplication({ bodyParser: false, logger: false }));
  await app.init();
  const tenant = `t-${randomUUID().slice(0, 8)}`;
  return {
    app,
    clock,
    tenant,
    http: () => request(app.getHttpServer()),
    token: (role, o = {}) =>
      signDevelopmentToken(TEST_JWT_SECRET, {
        sub: o.sub ?? `${role}-1`,
        name: o.name ?? `Test ${role}`,
        roles: [role],
        tenant: o.tenant ?? tenant,
        ...(o.agency ? { agency: o.agency } : role === 'partner' ? { agency: 'police' } : {}),
        ...(o.email ? { email: o.email } : {}),
      }, '3650d', ISSUED_BEFORE_EVERY_TEST_CLOCK),
    close: () => app.close(),
  };
}
