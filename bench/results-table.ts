import type { ScenarioResult } from './scenario-result';

const fixed = (n: number | null | undefined, places = 1) => (n === null || n === undefined || Number.isNaN(n) ? '—' : n.toFixed(places));

/** The printed summary: one row per scenario and client count. */
export function resultsTable(rows: ScenarioResult[]): string {
  const header = ['scenario', 'clients', 'ops', 'ops/s', 'p50 ms', 'p95 ms', 'p99 ms', 'errors', 'pgbench tps', 'ratio', 'api cores', 'api ELU', 'pg cores', 'machine busy', 'queries/op'];
  const body = rows.map((r) => [
    r.scenario,
    String(r.clients),
    String(r.ops),
    fixed(r.opsPerSecond),
    fixed(r.p50Ms, 2),
    fixed(r.p95Ms, 2),
    fixed(r.p99Ms, 2),
    String(r.errors),
    fixed(r.ceilingTps),
    r.ratioToCeiling === null ? '—' : `${r.ratioToCeiling.toFixed(3)}×`,
    fixed(r.api?.cores, 2),
    fixed(r.api?.eventLoopUtilization, 2),
    fixed(r.cpu?.postgresCores, 2),
    r.cpu ? `${Math.round(r.cpu.machineBusy * 100)}%` : '—',
    fixed(r.api?.queriesPerOp, 1),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}
