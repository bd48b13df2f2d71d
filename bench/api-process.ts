import { ChildProcess, fork } from 'node:child_process';
import { join } from 'node:path';
import type { ApiRequest } from './api-server';
import type { QueryCounts } from './query-counter';

export interface ApiSample {
  eventLoopUtilization: number;
  cpuSeconds: number;
  rssMb: number;
  heapUsedMb: number;
  queries: QueryCounts;
}

export interface ApiProcess {
  port: number;
  pid: number;
  /** Everything since the previous sample (the first covers boot). */
  sample(): Promise<ApiSample>;
  /** V8 CPU profile of the api between the two calls, written to `file`. */
  startProfile(): Promise<void>;
  stopProfile(file: string): Promise<void>;
  close(): Promise<void>;
}

function nextMessage<T>(child: ChildProcess, type: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: { type: string }) => {
      if (message.type !== type) return;
      child.off('message', onMessage);
      child.off('exit', onExit);
      resolve(message as T);
    };
    const onExit = (code: number | null) => reject(new Error(`the bench api exited (code ${code}) before answering '${type}'`));
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}

async function ask<T>(child: ChildProcess, request: ApiRequest, answer: string): Promise<T> {
  const answered = nextMessage<T>(child, answer);
  child.send(request);
  return answered;
}

/** The bench's own HS256 secret: Front Door refuses the development one on a real database. */
export const BENCH_JWT_SECRET = 'front-door-bench-secret-only-for-npm-run-bench-0123456789';

/** Starts bench/api-server.ts in a child process and waits until it listens. */
export async function startApiProcess(options: {
  databaseUrl: string;
  redisUrl: string;
  countQueries: boolean;
}): Promise<ApiProcess> {
  const child = fork(join(__dirname, 'api-server.ts'), [], {
    execArgv: ['-r', '@swc-node/register'],
    env: {
      ...process.env,
      BENCH_DATABASE_URL: options.databaseUrl,
      BENCH_REDIS_URL: options.redisUrl,
      BENCH_COUNT_QUERIES: options.countQueries ? '1' : '0',
      AUTH_JWT_SECRET: BENCH_JWT_SECRET,
    },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const { port } = await nextMessage<{ port: number }>(child, 'ready');
  return {
    port,
    pid: child.pid!,
    sample: () => ask<ApiSample>(child, { type: 'sample' }, 'sample'),
    startProfile: () => ask(child, { type: 'profile-start' }, 'profile-started'),
    stopProfile: (file) => ask(child, { type: 'profile-stop', file }, 'profile-stopped'),
    close: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.send({ type: 'close' });
      await exited;
    },
  };
}
