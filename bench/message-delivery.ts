import { randomUUID } from 'node:crypto';
import { basename, dirname } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Queue, Worker } from 'bullmq';
import { Client } from 'pg';
import { startSmtpSink } from '../libs/notifications/src/testing/smtp-sink';
import { startWorkerProcess } from '../test/support/processes';
import { runClosedLoop } from './closed-loop-clients';
import { cpuShare, cpuSnapshot, processCores } from './cpu-usage';
import { episodeEvents, seedEpisodes, Tokens } from './episode-events';
import { STEPS_PER_FLOW } from './episode-flow';
import { LatencySummary, summarise } from './latency';
import type { LoopbackHttp } from './loopback-http';
import { SyntheticContacts } from './synthetic-contacts';

/** The delivery worker's concurrency (apps/worker/src/queue-workers.ts); the ceiling uses the same. */
const DELIVERY_CONCURRENCY = 8;
const JOB_BATCH = 1000;

export interface MessageDeliveryResult {
  /** The backlog the earlier scenarios left in the outbox, drained by a freshly started worker. */
  drain: {
    messages: number;
    seconds: number;
    messagesPerSecond: number;
    failed: number;
    byChannel: Record<string, number>;
    /** Cores' worth used by the worker process and by PostgreSQL's backends for the database, and the whole machine busy. */
    cpu: { workerCores: number | null; postgresCores?: number | null; machineBusy?: number; loadGeneratorCores?: number };
  };
  /** BullMQ no-op jobs on the same Redis, same count and concurrency: the ceiling. */
  ceiling: { jobs: number; seconds: number; jobsPerSecond: number; concurrency: number };
  ratioToCeiling: number;
  /** With --profile-worker: where the worker's busy CPU went over its whole run. */
  workerCpuProfile?: { file: string; busyCpuByPlace: { place: string; share: number }[] };
  /** A sign-off's commit (its outbox row) to the SMTP server's acceptance, while one client walks episodes. */
  decisionToDelivered: LatencySummary & { decisions: number; clients: number; seconds: number };
}

/**
 * Messages: outbox → relay → BullMQ → worker → SMTP sink, against BullMQ's own no-op throughput.
 *
 * 1. Every message the intake and events scenarios committed is still pending (the api runs no
 *    worker). The real worker (`apps/worker/src/main.ts`, its own process) starts against an SMTP
 *    sink and drains them: rate = messages between the first and the last delivery ÷ that time.
 * 2. The ceiling: as many no-op jobs through a BullMQ queue with the same concurrency, on the same
 *    Redis, timed the same way (first to last completion).
 * 3. Latency: with the worker idle, one client walks fresh episodes to sign-off for `seconds`;
 *    each decision message's `delivered_at − created_at` (commit of the sign-off to SMTP 250).
 */
export async function measureMessageDelivery(options: {
  /** The bench database's name (for PostgreSQL's CPU) and URL. */
  database: string;
  databaseUrl: string;
  redisUrl: string;
  http: LoopbackHttp;
  seedHttp: LoopbackHttp;
  tokens: Tokens;
  seconds: number;
  log: (line: string) => void;
  /** A V8 CPU profile of the worker's whole run (boot, drain, latency walk), written when it stops. */
  profileFile?: string;
}): Promise<MessageDeliveryResult> {
  const { database, databaseUrl, redisUrl, log } = options;
  const db = new Client({ connectionString: databaseUrl, application_name: 'front-door-bench' });
  await db.connect();
  const sink = await startSmtpSink();
  const prefix = `bench-${randomUUID().slice(0, 8)}`;
  /** Nothing left to relay or deliver. */
  const outboxSettled = async () => Number((await db.query(`SELECT count(*) AS n FROM outbox_messages WHERE status IN ('pending', 'queued')`)).rows[0].n) === 0;
  try {
    const pending = Number((await db.query(`SELECT count(*) AS n FROM outbox_messages WHERE status = 'pending'`)).rows[0].n);
    const byChannel = Object.fromEntries(
      (await db.query(`SELECT recipient->>'channel' AS channel, count(*)::int AS n FROM outbox_messages WHERE status = 'pending' GROUP BY 1`)).rows.map((r) => [r.channel, r.n]),
    );
    log(`messages: ${pending} pending in the outbox; starting the worker against an SMTP sink …`);
    const worker = await startWorkerProcess({ DATABASE_URL: databaseUrl, REDIS_URL: redisUrl, QUEUE_PREFIX: prefix, SMTP_URL: sink.url, MAIL_FROM: 'Front Door <front-door@council.example>', LOG_LEVEL: 'warn' }, {
      nodeArgs: options.profileFile ? ['--cpu-prof', '--cpu-prof-dir', dirname(options.profileFile), '--cpu-prof-name', basename(options.profileFile)] : [],
    });
    try {
      // CPU over the drain: from the first delivery (the worker's boot left out) to the last.
      await waitUntil(async () => (await db.query(`SELECT 1 FROM outbox_messages WHERE status = 'delivered' LIMIT 1`)).rows.length > 0, 60_000);
      const workerCpu = processCores(worker.pid!);
      const machineBefore = cpuSnapshot(database);
      await waitUntil(outboxSettled, 600_000);
      const cpu = { workerCores: workerCpu.stop(), ...cpuShare(machineBefore, cpuSnapshot(database)) };
      const span = (
        await db.query<{ n: number; failed: number; seconds: number }>(
          `SELECT count(*) FILTER (WHERE status = 'delivered')::int AS n, count(*) FILTER (WHERE status = 'failed')::int AS failed,
                  extract(epoch FROM max(delivered_at) - min(delivered_at))::float AS seconds
             FROM outbox_messages`,
        )
      ).rows[0];
      const drain = { messages: span.n, seconds: round(span.seconds), messagesPerSecond: round((span.n - 1) / span.seconds), failed: span.failed, byChannel, cpu };
      log(`  drained ${drain.messages} in ${drain.seconds} s: ${drain.messagesPerSecond} messages/s (${sink.received.length} emails at the sink); CPU ${JSON.stringify(cpu)}`);

      const ceiling = await bullmqNoOpCeiling(redisUrl, Math.max(pending, 1000));
      log(`  BullMQ no-op ceiling: ${ceiling.jobs} jobs in ${ceiling.seconds} s: ${ceiling.jobsPerSecond} jobs/s`);

      log(`  decision → delivered: 1 client walking episodes for ${options.seconds} s …`);
      const contacts = new SyntheticContacts(0, 99);
      const pool = await seedEpisodes(options.seedHttp, options.tokens.practitioner, contacts, Math.ceil((options.seconds * 60) / STEPS_PER_FLOW) + 10);
      await waitUntil(outboxSettled, 120_000);
      const from = new Date();
      const walk = episodeEvents({ http: options.http, seedHttp: options.seedHttp, seedContacts: contacts, tokens: options.tokens, pool, clients: 1 });
      await runClosedLoop({ clients: 1, warmupSeconds: 0, seconds: options.seconds, operation: walk.operation });
      await waitUntil(outboxSettled, 120_000);
      const latencies = (
        await db.query<{ ms: number }>(
          `SELECT extract(epoch FROM delivered_at - created_at)::float * 1000 AS ms FROM outbox_messages
            WHERE kind = 'decision' AND status = 'delivered' AND created_at >= $1`,
          [from],
        )
      ).rows.map((r) => r.ms);
      const decisionToDelivered = { ...summarise(latencies), decisions: latencies.length, clients: 1, seconds: options.seconds };
      log(`  ${latencies.length} decisions: p50 ${decisionToDelivered.p50Ms} ms, p95 ${decisionToDelivered.p95Ms} ms, p99 ${decisionToDelivered.p99Ms} ms`);
      return { drain, ceiling, ratioToCeiling: round(drain.messagesPerSecond / ceiling.jobsPerSecond, 3), decisionToDelivered };
    } finally {
      await worker.stop();
    }
  } finally {
    await sink.close();
    await db.end();
  }
}

/** `jobs` no-op jobs added first, then one worker at the delivery concurrency: first to last completion. */
async function bullmqNoOpCeiling(redisUrl: string, jobs: number): Promise<MessageDeliveryResult['ceiling']> {
  const connection = { url: redisUrl, maxRetriesPerRequest: null };
  const prefix = `bench-ceiling-${randomUUID().slice(0, 8)}`;
  const queue = new Queue('no-op', { connection, prefix });
  for (let i = 0; i < jobs; i += JOB_BATCH) {
    await queue.addBulk(Array.from({ length: Math.min(JOB_BATCH, jobs - i) }, (_, j) => ({ name: 'no-op', data: { n: i + j }, opts: { removeOnComplete: true } })));
  }
  let done = 0;
  let first = 0;
  let last = 0;
  const finished = new Promise<void>((resolve) => {
    const worker = new Worker('no-op', async () => undefined, { connection, prefix, concurrency: DELIVERY_CONCURRENCY });
    worker.on('completed', () => {
      const now = performance.now();
      if (done === 0) first = now;
      last = now;
      if (++done === jobs) void worker.close().then(() => resolve());
    });
  });
  await finished;
  await queue.obliterate({ force: true });
  await queue.close();
  const seconds = (last - first) / 1000;
  return { jobs, seconds: round(seconds), jobsPerSecond: round((jobs - 1) / seconds), concurrency: DELIVERY_CONCURRENCY };
}

async function waitUntil(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`gave up after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

const round = (n: number, places = 1) => Math.round(n * 10 ** places) / 10 ** places;
