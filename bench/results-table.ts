import type { MessageDeliveryResult } from './message-delivery';
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

/** The printed summary of message delivery: throughput beside its ceiling, and decision → delivered latency. */
export function messagesTable(m: MessageDeliveryResult): string {
  const d = m.decisionToDelivered;
  return [
    'messages (outbox → BullMQ → SMTP sink)             count    seconds   per second  ceiling/s  ratio',
    `  backlog drained by a fresh worker            ${String(m.drain.messages).padStart(8)}  ${fixed(m.drain.seconds).padStart(9)}  ${fixed(m.drain.messagesPerSecond).padStart(11)}  ${fixed(m.ceiling.jobsPerSecond).padStart(9)}  ${m.ratioToCeiling.toFixed(3)}×`,
    `  BullMQ no-op jobs, concurrency ${m.ceiling.concurrency}             ${String(m.ceiling.jobs).padStart(8)}  ${fixed(m.ceiling.seconds).padStart(9)}  ${fixed(m.ceiling.jobsPerSecond).padStart(11)}`,
    `decision → delivered (${d.decisions} sign-offs, ${d.clients} client): p50 ${fixed(d.p50Ms, 0)} ms, p95 ${fixed(d.p95Ms, 0)} ms, p99 ${fixed(d.p99Ms, 0)} ms, max ${fixed(d.maxMs, 0)} ms`,
  ].join('\n');
}
