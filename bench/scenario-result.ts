import type { ApiSample } from './api-process';
import type { ClientsRun } from './closed-loop-clients';
import type { CpuShare } from './cpu-usage';
import { LatencySummary, summarise } from './latency';

export interface ScenarioResult extends LatencySummary {
  scenario: 'contact-intake' | 'episode-events' | 'pgbench -N' | 'node floor';
  clients: number;
  seconds: number;
  ops: number;
  opsPerSecond: number;
  errors: number;
  statuses: Record<string, number>;
  firstErrors: string[];
  /** pgbench -N TPS at the same client count, this run, this machine; null without pgbench. */
  ceilingTps: number | null;
  ratioToCeiling: number | null;
  byLabel?: Record<string, LatencySummary & { ops: number }>;
  cpu: CpuShare | null;
  api: {
    cores: number;
    eventLoopUtilization: number;
    rssMb: number;
    heapUsedMb: number;
    /** SQL statements per answered request, their summed round trips, and waits for a pooled connection. */
    queriesPerOp: number | null;
    queryMsPerOp: number | null;
    poolWaitMsPerOp: number | null;
  } | null;
  /** With --profile-api: the api's busy CPU over the measured window, by package or folder. */
  apiCpuProfile?: { file: string; busyCpuByPlace: { place: string; share: number }[] };
  notes?: string[];
}

const round = (n: number, places = 2) => Math.round(n * 10 ** places) / 10 ** places;

export function scenarioResult(
  scenario: ScenarioResult['scenario'],
  clients: number,
  run: ClientsRun,
  ceilingTps: number | null,
  api: ApiSample | null,
  apiSeconds: number,
  cpu: CpuShare | null,
  countingQueries: boolean,
): ScenarioResult {
  const opsPerSecond = run.elapsedSeconds > 0 ? round(run.ops / run.elapsedSeconds, 1) : 0;
  const answered = run.ops + run.errors;
  const perOp = (n: number) => (countingQueries && answered > 0 ? round(n / answered) : null);
  const byLabel = Object.keys(run.latenciesByLabel).length
    ? Object.fromEntries(
        Object.entries(run.latenciesByLabel).map(([label, latencies]) => [label, { ops: latencies.length, ...summarise(latencies) }]),
      )
    : undefined;
  return {
    scenario,
    clients,
    seconds: round(run.elapsedSeconds),
    ops: run.ops,
    opsPerSecond,
    ...summarise(run.latencies),
    errors: run.errors,
    statuses: run.statuses,
    firstErrors: run.firstErrors,
    ceilingTps,
    ratioToCeiling: ceilingTps ? round(opsPerSecond / ceilingTps, 3) : null,
    ...(byLabel ? { byLabel } : {}),
    cpu,
    api: api && {
      cores: round(api.cpuSeconds / apiSeconds),
      eventLoopUtilization: round(api.eventLoopUtilization),
      rssMb: round(api.rssMb, 0),
      heapUsedMb: round(api.heapUsedMb, 0),
      queriesPerOp: perOp(api.queries.queries),
      queryMsPerOp: perOp(api.queries.queryMs),
      poolWaitMsPerOp: perOp(api.queries.connectWaitMs),
    },
  };
}

/** The statements one scenario sent most, by total time (from the api's own pg client). */
export function topStatements(api: ApiSample, answered: number, limit = 12) {
  return Object.entries(api.queries.statements)
    .sort((a, b) => b[1].ms - a[1].ms)
    .slice(0, limit)
    .map(([statement, s]) => ({
      statement,
      perOp: round(s.count / Math.max(1, answered)),
      meanMs: round(s.ms / s.count, 3),
      msPerOp: round(s.ms / Math.max(1, answered), 3),
    }));
}
