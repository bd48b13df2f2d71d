/**
 * The api under test, in its own process as in production (so the load generator does not
 * share its event loop). Started by api-process.ts; answers its questions over IPC.
 */
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { performance } from 'node:perf_hooks';
import { AppModule, configureApp } from '../apps/api/src';
import { readEnvironment } from '../libs/config/src';
import { CpuProfile } from './cpu-profile';
import { countQueries, takeQueryCounts } from './query-counter';

export type ApiRequest = { type: 'sample' } | { type: 'profile-start' } | { type: 'profile-stop'; file: string } | { type: 'close' };

async function main(): Promise<void> {
  if (process.env.BENCH_COUNT_QUERIES === '1') countQueries();
  const env = readEnvironment({
    DATABASE_URL: process.env.BENCH_DATABASE_URL,
    REDIS_URL: process.env.BENCH_REDIS_URL,
    AUTH_JWT_SECRET: process.env.AUTH_JWT_SECRET,
    LOG_LEVEL: 'silent',
    PORT: '0',
  });
  const app = configureApp(await NestFactory.create(AppModule.forRoot(env), { bodyParser: false, logger: false }));
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as { port: number };

  let loop = performance.eventLoopUtilization();
  let cpu = process.cpuUsage();
  const profile = new CpuProfile();
  process.on('message', async (request: ApiRequest) => {
    if (request.type === 'profile-start') {
      await profile.start();
      process.send!({ type: 'profile-started' });
    } else if (request.type === 'profile-stop') {
      await profile.stop(request.file);
      process.send!({ type: 'profile-stopped' });
    }
    if (request.type === 'sample') {
      // Since the previous sample: event-loop busy fraction, CPU seconds, and the queries counted.
      const nextLoop = performance.eventLoopUtilization();
      const nextCpu = process.cpuUsage();
      const memory = process.memoryUsage();
      process.send!({
        type: 'sample',
        eventLoopUtilization: performance.eventLoopUtilization(nextLoop, loop).utilization,
        cpuSeconds: (nextCpu.user - cpu.user + nextCpu.system - cpu.system) / 1e6,
        rssMb: memory.rss / 2 ** 20,
        heapUsedMb: memory.heapUsed / 2 ** 20,
        queries: takeQueryCounts(),
      });
      loop = nextLoop;
      cpu = nextCpu;
    } else if (request.type === 'close') {
      await app.close();
      process.send!({ type: 'closed' }, () => process.exit(0));
    }
  });
  process.send!({ type: 'ready', port });
}

main().catch((error: unknown) => {
  process.stderr.write(`bench api failed to start: ${(error as Error).stack ?? error}\n`);
  process.exit(1);
});
