/** `npm run bench -- --seconds 5 --warmup 2 --clients 1,8,32 [--no-query-count] [--profile-api] [--profile-worker] [--no-reports]` */
export interface BenchOptions {
  seconds: number;
  warmupSeconds: number;
  clients: number[];
  /** Count and time every SQL statement in the api (a few microseconds per statement). */
  countQueries: boolean;
  /** V8 CPU profiles of the api over each measured window, to bench/results/profiles/ (open in Chrome DevTools). */
  profileApi: boolean;
  /** A V8 CPU profile of the worker over the messages scenario, to bench/results/profiles/worker-messages.cpuprofile. */
  profileWorker: boolean;
  /** Then run the reports on 1 and 10 years of history (bench/reporting-bench.ts, ~6 minutes). */
  reports: boolean;
}

export function readOptions(argv: string[]): BenchOptions {
  const value = (name: string): string | undefined => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const positive = (name: string, fallback: number): number => {
    const text = value(name);
    if (text === undefined) return fallback;
    const n = Number(text);
    if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} must be a positive number (got ${text})`);
    return n;
  };
  const clients = (value('clients') ?? '1,8,32').split(',').map((c) => {
    const n = Number(c);
    // Synthetic children are numbered per client; 63 clients keep their NHS numbers apart.
    if (!Number.isInteger(n) || n < 1 || n > 63) throw new Error(`--clients must be whole numbers from 1 to 63, e.g. 1,8,32 (got ${c})`);
    return n;
  });
  return {
    seconds: positive('seconds', 10),
    warmupSeconds: positive('warmup', 2),
    clients,
    countQueries: !argv.includes('--no-query-count'),
    profileApi: argv.includes('--profile-api'),
    profileWorker: argv.includes('--profile-worker'),
    reports: !argv.includes('--no-reports'),
  };
}
