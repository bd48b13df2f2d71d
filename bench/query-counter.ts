import { performance } from 'node:perf_hooks';
import { Client, Pool } from 'pg';

/** What the api's `pg` driver did: statements sent, time waiting for them, time waiting for a pooled connection. */
export interface QueryCounts {
  queries: number;
  queryMs: number;
  connects: number;
  connectWaitMs: number;
  /** Per statement shape (the first 110 characters, whitespace folded): how many, how long in all. */
  statements: Record<string, { count: number; ms: number }>;
}

const emptyCounts = (): QueryCounts => ({ queries: 0, queryMs: 0, connects: 0, connectWaitMs: 0, statements: {} });
let counts = emptyCounts();

export function takeQueryCounts(): QueryCounts {
  const taken = counts;
  counts = emptyCounts();
  return taken;
}

const shapeOf = (text: unknown): string =>
  typeof text === 'string'
    ? text.replace(/\s+/g, ' ').trim().slice(0, 110)
    : String((text as { text?: string } | null)?.text ?? 'prepared').slice(0, 110);

function record(shape: string, ms: number): void {
  counts.queries += 1;
  counts.queryMs += ms;
  const s = (counts.statements[shape] ??= { count: 0, ms: 0 });
  s.count += 1;
  s.ms += ms;
}

/** Wraps a callback-or-promise method so the time until it answers is reported to `done`. */
function timed<F extends (...args: any[]) => any>(original: F, done: (ms: number, args: unknown[]) => void): F {
  return function (this: unknown, ...args: unknown[]) {
    const started = performance.now();
    const last = args[args.length - 1];
    if (typeof last === 'function') {
      args[args.length - 1] = (...result: unknown[]) => {
        done(performance.now() - started, args);
        return (last as (...a: unknown[]) => unknown)(...result);
      };
      return original.apply(this, args);
    }
    const answer = original.apply(this, args);
    if (answer && typeof answer.then === 'function') {
      answer.then(
        () => done(performance.now() - started, args),
        () => done(performance.now() - started, args),
      );
    }
    return answer;
  } as F;
}

/**
 * Counts in the api process itself, so nothing about the server changes: TypeORM's postgres
 * driver uses this `pg` module's Client and Pool.
 */
export function countQueries(): void {
  Client.prototype.query = timed(Client.prototype.query, (ms, args) => record(shapeOf(args[0]), ms));
  Pool.prototype.connect = timed(Pool.prototype.connect, (ms) => {
    counts.connects += 1;
    counts.connectWaitMs += ms;
  });
}
