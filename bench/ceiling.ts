import { cpuShare, cpuSnapshot } from './cpu-usage';
import { initialisePgbench, pgbenchTarget, pgbenchVersion, runPgbench } from './pgbench-ceiling';
import { measureNodeFloor } from './node-floor';
import type { ScenarioResult } from './scenario-result';

export const PGBENCH_SCALE = 10;

export interface Ceiling {
  tool: string;
  scale: number;
  database: string;
  /** TPS by client count. */
  tps: Record<number, number>;
  rows: ScenarioResult[];
}

/**
 * What this PostgreSQL does on this machine with the simplest write transaction (pgbench -N:
 * BEGIN; UPDATE accounts; SELECT; INSERT history; END), at the same client counts; and the same
 * transaction answered over HTTP by a bare Node server (the floor under any Node api).
 */
export async function measureCeiling(options: {
  adminUrl: string;
  database: string;
  clients: number[];
  warmupSeconds: number;
  seconds: number;
  recreate: (name: string) => Promise<void>;
  log: (line: string) => void;
}): Promise<Ceiling | null> {
  const version = await pgbenchVersion();
  if (!version) {
    options.log('pgbench is not installed (it ships with the PostgreSQL client tools): no ceiling this run.');
    return null;
  }
  const target = pgbenchTarget(options.adminUrl, options.database);
  await options.recreate(options.database);
  options.log(`pgbench -i -s ${PGBENCH_SCALE} into ${options.database} …`);
  await initialisePgbench(target, PGBENCH_SCALE);
  const ceiling: Ceiling = { tool: `${version} -N`, scale: PGBENCH_SCALE, database: options.database, tps: {}, rows: [] };
  for (const clients of options.clients) {
    options.log(`pgbench -N -c ${clients} -j ${Math.min(clients, 2)} -T ${options.seconds} …`);
    const before = cpuSnapshot(options.database);
    const run = await runPgbench(target, clients, options.seconds);
    const cpu = cpuShare(before, cpuSnapshot(options.database));
    ceiling.tps[clients] = run.tps;
    ceiling.rows.push({
      scenario: 'pgbench -N',
      clients,
      seconds: run.seconds,
      ops: Math.round(run.tps * run.seconds),
      opsPerSecond: run.tps,
      p50Ms: NaN,
      p95Ms: NaN,
      p99Ms: NaN,
      meanMs: run.latencyAverageMs ?? NaN,
      maxMs: NaN,
      errors: run.failed,
      statuses: {},
      firstErrors: [],
      ceilingTps: run.tps,
      ratioToCeiling: 1,
      // pgbench's backends exit with the run, so their CPU cannot be read after it; the machine's can.
      cpu: cpu && { ...cpu, postgresCores: null },
      api: null,
    });
  }
  const databaseUrl = options.adminUrl.replace(/\/[^/]*$/, `/${options.database}`);
  for (const clients of options.clients) {
    options.log(`node floor: pgbench -N's transaction over HTTP from a bare Node server, ${clients} client${clients > 1 ? 's' : ''} …`);
    const floor = await measureNodeFloor({ ...options, databaseUrl, scale: PGBENCH_SCALE, clients, pgbenchTps: ceiling.tps[clients] });
    ceiling.rows.push(floor);
  }
  return ceiling;
}
