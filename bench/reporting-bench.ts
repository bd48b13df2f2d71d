import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { SettableClock } from '@frontdoor/config';
import { Database, openDatabase } from '@frontdoor/persistence';
import { ExceptionReport, IndicatorsReport, reportingPeriod } from '@frontdoor/reporting';
import { Client } from 'pg';
import { EntityManager } from 'typeorm';
import { runSimulation } from '../apps/simulator/src';
import { databaseUrl, postgresVersion, recreateDatabase, serverSetting } from './bench-database';
import { addCopies, markBaseMonth, rowCounts, type RowCounts } from './reporting-history';

/**
 * `npm run bench:reports`: does one month's reporting cost the same with one year of history as
 * with ten? Simulates one month through the real engine, replicates it back in time (see
 * reporting-history.ts) to 12 months, measures the indicators and the exception report for the
 * simulated month, grows the same database to 120 months and measures the same window again.
 */
const DATABASE = process.env.BENCH_REPORTS_DATABASE ?? 'front_door_bench_reports';
if (!/^[a-z_][a-z0-9_]*$/.test(DATABASE)) throw new Error(`not a database name: ${DATABASE}`);
const TENANT = '865';

interface Timing {
  runs: number;
  p50: number;
  p95: number;
  min: number;
  max: number;
}

interface StatementTiming {
  sql: string;
  params: unknown[];
  totalMs: number;
  calls: number;
}

const statements = new Map<string, StatementTiming>();
let recording = false;

/** Times every statement the reports send (they all go through EntityManager.query). */
function instrumentQueries(): void {
  const original = EntityManager.prototype.query;
  EntityManager.prototype.query = async function timed(this: EntityManager, sql: string, params?: unknown[]) {
    const started = performance.now();
    try {
      return await original.call(this, sql, params);
    } finally {
      if (recording && !/^\s*(SET|START|BEGIN|COMMIT|ROLLBACK)/i.test(sql)) {
        const entry = statements.get(sql) ?? { sql, params: params ?? [], totalMs: 0, calls: 0 };
        entry.totalMs += performance.now() - started;
        entry.calls += 1;
        entry.params = params ?? [];
        statements.set(sql, entry);
      }
    }
  } as typeof original;
}

function summarise(samples: number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
  const round = (n: number) => Math.round(n * 10) / 10;
  return { runs: sorted.length, p50: round(at(0.5)), p95: round(at(0.95)), min: round(sorted[0]), max: round(sorted[sorted.length - 1]) };
}

async function measure(work: () => Promise<unknown>, warmups: number, runs: number): Promise<Timing> {
  for (let i = 0; i < warmups; i++) await work();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await work();
    samples.push(performance.now() - started);
  }
  return summarise(samples);
}

interface Measurement {
  history: string;
  months: number;
  rows: RowCounts;
  indicators: Timing;
  exceptions: Timing;
  exceptionItems: number;
  statements: { sql: string; avgMs: number; calls: number }[];
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      scale: { type: 'string', default: '0.1' },
      runs: { type: 'string', default: '20' },
      warmups: { type: 'string', default: '3' },
      months: { type: 'string', default: '120' },
      start: { type: 'string', default: '2026-03-01' },
      seed: { type: 'string', default: '42' },
      jit: { type: 'string', default: 'server' },
      'child-cohort-months': { type: 'string', default: '0' },
    },
    strict: true,
  });
  const scale = Number(values.scale);
  const runs = Number(values.runs);
  const warmups = Number(values.warmups);
  const bigMonths = Number(values.months);
  const cohort = Number(values['child-cohort-months']);
  const log = (line: string) => process.stderr.write(`${line}\n`);

  instrumentQueries();
  await recreateDatabase(DATABASE);
  const url = databaseUrl(DATABASE);
  if (values.jit === 'off') {
    // Experiment: the reports' estimated costs cross jit_above_cost as history grows (see README).
    const admin = new Client({ connectionString: url });
    await admin.connect();
    await admin.query(`ALTER DATABASE ${DATABASE} SET jit = off`);
    await admin.end();
  }
  const dataSource = await openDatabase({ url, poolSize: 4, applicationName: 'front-door-bench-reports' });
  const sql = new Client({ connectionString: url });
  await sql.connect();
  const results: Measurement[] = [];
  try {
    const start = new Date(`${values.start}T00:00:00Z`);
    let t = Date.now();
    const summary = await runSimulation(dataSource, { tenant: TENANT, months: 1, scale, seed: Number(values.seed), start });
    const simulateMs = Date.now() - t;
    log(`simulated one month at scale ${scale}: ${summary.contacts} contacts, ${summary.episodes} episodes in ${Math.round(simulateMs / 1000)} s`);
    await markBaseMonth(sql);

    const end = new Date(start);
    end.setUTCMonth(end.getUTCMonth() + 1);
    const to = new Date(end.getTime() - 86_400_000).toISOString().slice(0, 10);
    const period = reportingPeriod(values.start as string, to);
    const now = end;
    const db = new Database(dataSource);
    const indicators = new IndicatorsReport(db, new SettableClock(now));
    const exceptions = new ExceptionReport(db);
    let exceptionItems = 0;

    const measureAt = async (history: string, months: number) => {
      t = Date.now();
      await sql.query('ANALYZE');
      log(`ANALYZE in ${Math.round((Date.now() - t) / 100) / 10} s`);
      const rows = await rowCounts(sql);
      statements.clear();
      recording = true;
      const ind = await measure(() => indicators.run(TENANT, period), warmups, runs);
      recording = false;
      const perStatement = [...statements.values()]
        .map((s) => ({ sql: s.sql, params: s.params, avgMs: Math.round((s.totalMs / s.calls) * 100) / 100, calls: s.calls }))
        .sort((a, b) => b.avgMs - a.avgMs);
      const exc = await measure(
        async () => {
          exceptionItems = (await exceptions.run(TENANT, now, 2)).items.length;
        },
        warmups,
        runs,
      );
      const m: Measurement = { history, months, rows, indicators: ind, exceptions: exc, exceptionItems, statements: perStatement.map(({ params: _p, ...s }) => s) };
      results.push(m);
      log(`${history}: indicators p50 ${ind.p50} ms p95 ${ind.p95} ms; exceptions p50 ${exc.p50} ms p95 ${exc.p95} ms; ${JSON.stringify(rows)}`);
      return perStatement;
    };

    t = Date.now();
    await addCopies(sql, 1, 11, 11, log, cohort);
    const copy1xMs = Date.now() - t;
    const small = await measureAt('1x', 12);

    t = Date.now();
    await addCopies(sql, 12, bigMonths - 1, 12, log, cohort);
    const copy10xMs = Date.now() - t;
    const big = await measureAt(`${Math.round(bigMonths / 12)}x`, bigMonths);

    // The statements that grew the most, with their plans at the large size.
    const growth = big
      .map((b) => ({ ...b, smallMs: small.find((s) => s.sql === b.sql)?.avgMs ?? 0 }))
      .map((b) => ({ ...b, ratio: b.smallMs > 0 ? Math.round((b.avgMs / b.smallMs) * 100) / 100 : null }))
      .sort((a, b) => b.avgMs - b.smallMs - (a.avgMs - a.smallMs));
    const plans: { sql: string; smallMs: number; bigMs: number; plan: string }[] = [];
    for (const s of growth.slice(0, 2)) {
      const { rows } = await sql.query(`EXPLAIN (ANALYZE, BUFFERS) ${s.sql}`, s.params as unknown[]);
      plans.push({ sql: s.sql, smallMs: s.smallMs, bigMs: s.avgMs, plan: rows.map((r: Record<string, string>) => r['QUERY PLAN']).join('\n') });
    }
    const { rows: excPlan } = await sql.query(
      `EXPLAIN (ANALYZE, BUFFERS) SELECT d.id FROM deadlines d JOIN episodes e ON e.tenant = d.tenant AND e.id = d.episode_id
         JOIN contacts c ON c.tenant = e.tenant AND c.id = e.contact_id
        WHERE d.tenant = $1 AND (d.status = 'open' OR (d.status = 'breached' AND d.completed_at IS NULL AND d.cancelled_at IS NULL))
          AND d.due_at <= $2 ORDER BY d.due_at, d.kind, d.key, e.id`,
      [TENANT, new Date(now.getTime() + 4 * 86_400_000)],
    );

    const r = (a: number, b: number) => Math.round((b / a) * 100) / 100;
    const output = {
      generatedAt: new Date().toISOString(),
      postgres: await postgresVersion(),
      autovacuum: await serverSetting('autovacuum'),
      jit: values.jit === 'off' ? 'off (ALTER DATABASE)' : await serverSetting('jit'),
      database: DATABASE,
      tenant: TENANT,
      window: { from: period.from, to: period.to, now: now.toISOString() },
      simulation: { scale, seed: Number(values.seed), contacts: summary.contacts, episodes: summary.episodes, seconds: Math.round(simulateMs / 1000) },
      childCohortMonths: cohort,
      replicationSeconds: { to1x: Math.round(copy1xMs / 1000), to10x: Math.round(copy10xMs / 1000) },
      runs,
      warmups,
      measurements: results,
      ratio: { indicatorsP50: r(results[0].indicators.p50, results[1].indicators.p50), exceptionsP50: r(results[0].exceptions.p50, results[1].exceptions.p50) },
      statementGrowth: growth.slice(0, 8).map(({ params: _p, ...s }) => s),
      plans,
      exceptionPlan: excPlan.map((x: Record<string, string>) => x['QUERY PLAN']).join('\n'),
    };
    const dir = join(__dirname, 'results');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'reports-latest.json'), `${JSON.stringify(output, null, 2)}\n`);

    const pad = (s: string | number, n: number) => String(s).padStart(n);
    process.stdout.write(`\nReports for ${period.from}..${period.to}, tenant ${TENANT}, ${runs} runs after ${warmups} warm-ups (ms)\n`);
    process.stdout.write(`${'history'.padEnd(8)}${pad('contacts', 10)}${pad('episodes', 10)}${pad('deadlines', 11)}${pad('events', 10)}${pad('ind p50', 9)}${pad('ind p95', 9)}${pad('exc p50', 9)}${pad('exc p95', 9)}\n`);
    for (const m of results) {
      process.stdout.write(
        `${m.history.padEnd(8)}${pad(m.rows.contacts, 10)}${pad(m.rows.episodes, 10)}${pad(m.rows.deadlines, 11)}${pad(m.rows.episode_events, 10)}` +
          `${pad(m.indicators.p50, 9)}${pad(m.indicators.p95, 9)}${pad(m.exceptions.p50, 9)}${pad(m.exceptions.p95, 9)}\n`,
      );
    }
    process.stdout.write(`ratio (large/small p50): indicators ${output.ratio.indicatorsP50}×, exceptions ${output.ratio.exceptionsP50}×\n`);
    process.stdout.write(`results: bench/results/reports-latest.json\n`);
    return 0;
  } finally {
    await sql.end();
    await dataSource.destroy();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${(error as Error).stack ?? error}\n`);
    process.exit(1);
  },
);
