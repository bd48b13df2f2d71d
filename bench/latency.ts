/** Latencies in milliseconds, summarised by nearest-rank percentiles. */
export interface LatencySummary {
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  meanMs: number;
  maxMs: number;
}

export function summarise(latencies: number[]): LatencySummary {
  if (latencies.length === 0) return { p50Ms: NaN, p95Ms: NaN, p99Ms: NaN, meanMs: NaN, maxMs: NaN };
  const sorted = Float64Array.from(latencies).sort();
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
  const round = (ms: number) => Math.round(ms * 100) / 100;
  return {
    p50Ms: round(at(0.5)),
    p95Ms: round(at(0.95)),
    p99Ms: round(at(0.99)),
    meanMs: round(sorted.reduce((a, b) => a + b, 0) / sorted.length),
    maxMs: round(sorted[sorted.length - 1]),
  };
}
