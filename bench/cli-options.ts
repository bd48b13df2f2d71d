/** `npm run bench -- --seconds 5 --warmup 2 --clients 1,8,32 [--no-query-count]` */
export interface BenchOptions {
  seconds: number;
  warmupSeconds: number;
  clients: number[];
  /** Count and time every SQL statement in the api (a few microseconds per statement). */
  countQueries: boolean;
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
    if (!Number.isInteger(n) || n < 1) throw new Error(`--clients must be whole numbers, e.g. 1,8,32 (got ${c})`);
    return n;
  });
  return {
    seconds: positive('seconds', 10),
    warmupSeconds: positive('warmup', 2),
    clients,
    countQueries: !argv.includes('--no-query-count'),
  };
}
