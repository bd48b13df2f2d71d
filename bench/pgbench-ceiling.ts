import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface PgbenchRun {
  clients: number;
  threads: number;
  seconds: number;
  tps: number;
  latencyAverageMs: number | null;
  failed: number;
}

/** Where pgbench connects: the same server as the bench, as libpq options. */
export interface PgbenchTarget {
  host: string;
  port: string;
  user: string;
  database: string;
}

export function pgbenchTarget(adminUrl: string, database: string): PgbenchTarget {
  const url = new URL(adminUrl);
  return { host: url.hostname, port: url.port || '5432', user: decodeURIComponent(url.username || 'postgres'), database };
}

const connection = (t: PgbenchTarget) => ['-h', t.host, '-p', t.port, '-U', t.user];

/** pgbench ships with the PostgreSQL client tools, not with npm: absent is a reported fact, not a failure. */
export async function pgbenchVersion(): Promise<string | null> {
  try {
    return (await run('pgbench', ['--version'])).stdout.trim();
  } catch {
    return null;
  }
}

export async function initialisePgbench(target: PgbenchTarget, scale: number): Promise<void> {
  await run('pgbench', [...connection(target), '-i', '-q', '-s', String(scale), target.database], { maxBuffer: 16 << 20 });
}

/** `pgbench -N` (the builtin simple-update: no contended branch/teller updates) for `seconds`. */
export async function runPgbench(target: PgbenchTarget, clients: number, seconds: number): Promise<PgbenchRun> {
  const threads = Math.min(clients, 2);
  const { stdout } = await run(
    'pgbench',
    [...connection(target), '-N', '-c', String(clients), '-j', String(threads), '-T', String(seconds), target.database],
    { maxBuffer: 16 << 20 },
  );
  const tps = /tps = ([\d.]+) \(without initial connection time\)/.exec(stdout) ?? /tps = ([\d.]+)/.exec(stdout);
  if (!tps) throw new Error(`could not read tps from pgbench:\n${stdout}`);
  const latency = /latency average = ([\d.]+) ms/.exec(stdout);
  const failed = /number of failed transactions: (\d+)/.exec(stdout);
  return {
    clients,
    threads,
    seconds,
    tps: Math.round(Number(tps[1]) * 10) / 10,
    latencyAverageMs: latency ? Number(latency[1]) : null,
    failed: failed ? Number(failed[1]) : 0,
  };
}
