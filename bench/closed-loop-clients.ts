import { performance } from 'node:perf_hooks';

/**
 * What one operation did. `ok` false is an error: counted by `status` (e.g. 409, 'ECONNRESET'),
 * left out of ops and latencies so a fast refusal cannot flatter either.
 */
export interface OperationResult {
  ok: boolean;
  status: string;
  label?: string;
  detail?: string;
}

export interface ClientsRun {
  ops: number;
  errors: number;
  /** Time from the end of warm-up to the last counted answer. */
  elapsedSeconds: number;
  latencies: number[];
  /** Latencies by `label` (e.g. the event type). */
  latenciesByLabel: Record<string, number[]>;
  statuses: Record<string, number>;
  firstErrors: string[];
}

/**
 * `clients` closed-loop clients, each sending its next request as soon as the last answers.
 * Operations started during warm-up are not counted; after `seconds` no new one starts, and
 * those in flight finish and count.
 */
export async function runClosedLoop(options: {
  clients: number;
  warmupSeconds: number;
  seconds: number;
  operation: (client: number) => Promise<OperationResult>;
  /** Called when warm-up ends, to start CPU and query samples (the caller samples again after). */
  onMeasureStart?: () => Promise<void> | void;
}): Promise<ClientsRun> {
  const run: ClientsRun = { ops: 0, errors: 0, elapsedSeconds: 0, latencies: [], latenciesByLabel: {}, statuses: {}, firstErrors: [] };
  const startedAt = performance.now();
  const measureFrom = startedAt + options.warmupSeconds * 1000;
  const stopAt = measureFrom + options.seconds * 1000;
  let lastAnswer = measureFrom;
  const measureStart = new Promise<void>((resolve) =>
    setTimeout(async () => {
      await options.onMeasureStart?.();
      resolve();
    }, measureFrom - startedAt),
  );

  const client = async (index: number) => {
    while (performance.now() < stopAt) {
      const started = performance.now();
      let result: OperationResult;
      try {
        result = await options.operation(index);
      } catch (error) {
        result = { ok: false, status: (error as { code?: string }).code ?? 'exception', detail: String(error) };
      }
      const finished = performance.now();
      if (started < measureFrom) continue;
      lastAnswer = Math.max(lastAnswer, finished);
      run.statuses[result.status] = (run.statuses[result.status] ?? 0) + 1;
      if (!result.ok) {
        run.errors += 1;
        if (run.firstErrors.length < 5) run.firstErrors.push(`${result.status} ${result.detail ?? ''}`.slice(0, 300));
        continue;
      }
      run.ops += 1;
      run.latencies.push(finished - started);
      if (result.label) (run.latenciesByLabel[result.label] ??= []).push(finished - started);
    }
  };
  await Promise.all([measureStart, ...Array.from({ length: options.clients }, (_, i) => client(i))]);
  run.elapsedSeconds = (lastAnswer - measureFrom) / 1000;
  return run;
}
