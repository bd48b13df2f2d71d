import { fork } from 'node:child_process';
import { join } from 'node:path';
import { runClosedLoop } from './closed-loop-clients';
import { cpuShare, cpuSnapshot } from './cpu-usage';
import { LoopbackHttp } from './loopback-http';
import { scenarioResult, type ScenarioResult } from './scenario-result';

/**
 * pgbench -N's transaction over keep-alive HTTP from a bare Node server (node-floor-server.ts),
 * driven like the api: what Node, its HTTP server and node-postgres alone cost before Front
 * Door does anything. Its ratio to pgbench bounds what any Node api doing this work can reach.
 */
export async function measureNodeFloor(options: {
  databaseUrl: string;
  database: string;
  scale: number;
  clients: number;
  warmupSeconds: number;
  seconds: number;
  pgbenchTps: number;
}): Promise<ScenarioResult> {
  const child = fork(join(__dirname, 'node-floor-server.ts'), [], {
    execArgv: ['-r', '@swc-node/register'],
    env: { ...process.env, FLOOR_DATABASE_URL: options.databaseUrl, FLOOR_PGBENCH_SCALE: String(options.scale) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (message: { port: number }) => resolve(message.port));
    child.once('exit', (code) => reject(new Error(`the Node floor server exited (code ${code}) before it listened`)));
  });
  const http = new LoopbackHttp(port);
  try {
    let before = cpuSnapshot(options.database);
    const run = await runClosedLoop({
      clients: options.clients,
      warmupSeconds: options.warmupSeconds,
      seconds: options.seconds,
      operation: async () => {
        const answer = await http.post('/', '', { delta: 1 });
        return { ok: answer.status === 200, status: String(answer.status), detail: answer.status === 200 ? undefined : answer.body };
      },
      onMeasureStart: () => {
        before = cpuSnapshot(options.database);
      },
    });
    return scenarioResult('node floor', options.clients, run, options.pgbenchTps, null, 0, cpuShare(before, cpuSnapshot(options.database)), false);
  } finally {
    http.close();
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.send({ type: 'close' });
    await exited;
  }
}
