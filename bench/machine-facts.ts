import { cpus, release, totalmem } from 'node:os';

export function machineFacts(postgres: string, pgbench: string | null) {
  const cores = cpus();
  return {
    cpuModel: cores[0]?.model ?? 'unknown',
    cpuCount: cores.length,
    totalMemoryMb: Math.round(totalmem() / 2 ** 20),
    node: process.version,
    platform: `${process.platform} ${release()}`,
    postgres,
    pgbench,
  };
}
