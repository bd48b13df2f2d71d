import { readdirSync, readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

export interface CpuSnapshot {
  at: number;
  /** All cores, from /proc/stat: busy and total ticks (includes other people's processes). */
  machineBusy: number;
  machineTotal: number;
  /** CPU ticks of each PostgreSQL backend serving `database` (found by process title), by pid. */
  postgresTicks: Map<string, number>;
  /** This process (the load generator). */
  selfMicros: number;
}

function read(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

/** utime + stime of one process, in ticks (null when it is gone). */
function ticksOf(pid: string): number | null {
  const stat = read(`/proc/${pid}/stat`);
  if (!stat) return null;
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[11]) + Number(fields[12]);
}

/** Cores' worth of CPU one process (e.g. the worker) uses from now until `stop()` is called. */
export function processCores(pid: number): { stop(): number | null } {
  const from = ticksOf(String(pid));
  const startedAt = Date.now();
  return {
    stop: () => {
      const to = ticksOf(String(pid));
      const seconds = (Date.now() - startedAt) / 1000;
      return from === null || to === null || seconds <= 0 ? null : Math.round(((to - from) / TICKS_PER_SECOND / seconds) * 100) / 100;
    },
  };
}

function postgresTicksFor(database: string): Map<string, number> {
  const ticks = new Map<string, number>();
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    const title = read(`/proc/${pid}/cmdline`);
    if (!title || !title.startsWith('postgres:') || !title.includes(` ${database} `)) continue;
    const used = ticksOf(pid);
    if (used !== null) ticks.set(pid, used);
  }
  return ticks;
}

/** Linux only; elsewhere the CPU figures are left out (null). */
export function cpuSnapshot(database: string): CpuSnapshot | null {
  const stat = read('/proc/stat');
  if (!stat) return null;
  const cpu = stat.split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  const idle = cpu[3] + (cpu[4] ?? 0);
  const total = cpu.slice(0, 8).reduce((a, b) => a + b, 0);
  const self = process.cpuUsage();
  return {
    at: Date.now(),
    machineBusy: total - idle,
    machineTotal: total,
    postgresTicks: postgresTicksFor(database),
    selfMicros: self.user + self.system,
  };
}

export interface CpuShare {
  /** Fraction of the whole machine busy (1 = every core), whoever used it. */
  machineBusy: number;
  /** Cores' worth used by PostgreSQL backends of the database (null when they do not outlive the sample), and by the load generator. */
  postgresCores: number | null;
  loadGeneratorCores: number;
}

export function cpuShare(from: CpuSnapshot | null, to: CpuSnapshot | null): CpuShare | null {
  if (!from || !to || to.at <= from.at) return null;
  const seconds = (to.at - from.at) / 1000;
  // Backends that started during the window count whole; those that ended during it are lost (pool churn).
  let postgresTicks = 0;
  for (const [pid, ticks] of to.postgresTicks) postgresTicks += ticks - (from.postgresTicks.get(pid) ?? 0);
  const round = (n: number) => Math.round(n * 100) / 100;
  return {
    machineBusy: round((to.machineBusy - from.machineBusy) / Math.max(1, to.machineTotal - from.machineTotal)),
    postgresCores: round(postgresTicks / TICKS_PER_SECOND / seconds),
    loadGeneratorCores: round((to.selfMicros - from.selfMicros) / 1e6 / seconds),
  };
}

/** How busy the machine is before the bench starts: anything above ~5% is someone else's work. */
export async function machineBusyOver(milliseconds: number): Promise<number | null> {
  const from = cpuSnapshot('');
  await new Promise((resolve) => setTimeout(resolve, milliseconds));
  return cpuShare(from, cpuSnapshot(''))?.machineBusy ?? null;
}
