// Scratch: measures and checks the embedded database and queue backend.
// node -r @swc-node/register scripts/try-embedded.ts [dataDir]
import 'reflect-metadata';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FlowProducer, Queue, QueueEvents, Worker } from 'bullmq';
import { Client, Pool } from 'pg';
import { DataSource } from 'typeorm';
import {
  EMBEDDED_POOL_EXTRA,
  queueConnectionOptions,
  startEmbeddedDatabase,
  useEmbeddedQueueBackend,
} from '../libs/persistence/src/embedded';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const root = process.argv[2] ?? mkdtempSync(join(tmpdir(), 'front-door-embedded-'));
const log = (...args: unknown[]) => console.log(`[${new Date().toISOString().slice(11, 23)}]`, ...args);

async function timed<T>(label: string, fn: () => Promise<T>): Promise<T> {
  const t = performance.now();
  const result = await fn();
  log(`${label}: ${Math.round(performance.now() - t)} ms`);
  return result;
}

async function databaseChecks(url: string) {
  const pool = new Pool({ connectionString: url, ...EMBEDDED_POOL_EXTRA });
  pool.on('error', (e) => log('pool error', e.message));
  const version = await pool.query('select version() v, current_setting($1) tz', ['TimeZone']);
  log('server:', version.rows[0].v.slice(0, 40), 'TimeZone', version.rows[0].tz);
  await pool.query(`create table if not exists try_outbox (
      id uuid primary key default gen_random_uuid(), body text not null,
      state text not null default 'pending', created_at timestamptz not null default now())`);
  const inserted = await pool.query(`insert into try_outbox (body) values ($1), ($2) returning id`, ['a', 'b']);
  log('gen_random_uuid ids:', inserted.rows.map((r) => r.id));

  // transaction with SKIP LOCKED on the pool's one connection
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const claimed = await client.query(
      `select id from try_outbox where state = 'pending' order by created_at for update skip locked limit 10`,
    );
    await client.query(`update try_outbox set state = 'queued' where id = any($1::uuid[])`, [claimed.rows.map((r) => r.id)]);
    await client.query('COMMIT');
    log('SKIP LOCKED claimed', claimed.rowCount);
  } finally {
    client.release();
  }

  // LISTEN/NOTIFY on the same connection
  const same = await pool.connect();
  const got: string[] = [];
  same.on('notification', (n) => got.push(`${n.channel}:${n.payload}`));
  await same.query('LISTEN try_chan');
  await same.query(`select pg_notify('try_chan', 'same-connection')`);
  await sleep(50);
  log('NOTIFY on the listening connection ->', got);
  same.release();

  // A second connection (what a dedicated LISTEN client would be)
  const second = new Client({ connectionString: url, connectionTimeoutMillis: 1000 });
  second.on('error', (e) => log('second client error event', e.message));
  try {
    await second.connect();
    const r = await second.query('select 1 as one');
    log('second connection accepted?!', r.rows);
  } catch (e) {
    log('second concurrent connection refused:', (e as Error).message);
  }
  await second.end().catch(() => undefined);

  await pool.query('UNLISTEN *').catch((e) => log('UNLISTEN failed', e.message, pool.totalCount, pool.idleCount));
  await pool.end();

  // TypeORM as the app will configure it
  const ds = new DataSource({
    type: 'postgres',
    url,
    extra: { ...EMBEDDED_POOL_EXTRA },
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    entities: [],
    synchronize: false,
  });
  await timed('TypeORM initialize', () => ds.initialize());
  const viaOrm = await ds.transaction(async (m) => {
    await m.query(`insert into try_outbox (body) values ($1)`, ['orm']);
    return m.query(`select count(*)::int as n, gen_random_uuid() as u from try_outbox`);
  });
  log('TypeORM transaction + query:', viaOrm);
  // concurrent callers on the one pooled connection: they queue, nothing breaks
  const parallel = await Promise.all(
    Array.from({ length: 20 }, (_, i) =>
      i % 2
        ? ds.query(`select $1::int * 2 as v`, [i])
        : ds.transaction((m) => m.query(`select $1::int * 2 as v`, [i])),
    ),
  );
  log('20 parallel TypeORM calls ok:', parallel.every((r, i) => r[0].v === i * 2));
  await ds.destroy();
}

async function queueChecks() {
  const connection = queueConnectionOptions(undefined, 'worker');
  const producer = queueConnectionOptions(undefined, 'producer');
  const queue = new Queue('try', { connection: producer });
  const events = new QueueEvents('try', { connection });
  const processed: Array<{ id?: string; name: string; at: number }> = [];
  let t0 = Date.now();
  const worker = new Worker(
    'try',
    async (job) => {
      processed.push({ id: job.id, name: job.name, at: Date.now() - t0 });
      if (job.name === 'child') return 'child-done';
      return { ok: true };
    },
    { connection, concurrency: 2 },
  );
  for (const emitter of [queue, worker, events]) emitter.on('error', (e: Error) => log('bullmq error', e.message));
  const completedEvents: string[] = [];
  events.on('completed', ({ jobId }) => completedEvents.push(jobId));
  await Promise.all([queue.waitUntilReady(), worker.waitUntilReady(), events.waitUntilReady()]);

  t0 = Date.now();
  const first = await queue.add('plain', { n: 1 }, { jobId: 'outbox-1', removeOnComplete: { count: 1 } });
  const dup = await queue.add('plain', { n: 2 }, { jobId: 'outbox-1' });
  log('same jobId twice ->', first.id, dup.id, 'data of stored job:', (await queue.getJob('outbox-1'))?.data);
  await queue.add('deadline', { n: 3 }, { delay: 1500, jobId: 'deadline-1' });
  log('counts right after add:', await queue.getJobCounts());
  await sleep(2000);
  log('processed (ms after add):', processed);
  log('counts after 2 s:', await queue.getJobCounts('completed', 'delayed', 'waiting', 'active', 'failed'));
  // removeOnComplete count 1 applies when later jobs complete: add a few more with it
  for (let i = 0; i < 3; i++) await queue.add('bulk', { i }, { removeOnComplete: { count: 1 } });
  await sleep(300);
  log('completed jobs kept:', (await queue.getCompleted()).map((j) => `${j.id}:${j.name}`));

  // pickup after idle (worker blocked in LISTEN)
  await sleep(3000);
  t0 = Date.now();
  await queue.add('after-idle', {});
  await sleep(500);
  log('after-idle pickup ms:', processed.find((p) => p.name === 'after-idle')?.at);

  // flows
  const flows = new FlowProducer({ connection: producer });
  await flows.add({ name: 'parent', queueName: 'try', children: [{ name: 'child', queueName: 'try', data: {} }] });
  await sleep(500);
  log('flow processed:', processed.filter((p) => p.name === 'parent' || p.name === 'child').map((p) => p.name));
  log('QueueEvents completed events seen:', completedEvents.length);

  await flows.close();
  await worker.close();
  await events.close();
  await queue.close();
}

async function main() {
  log('data folder', root);
  const db = await timed('startEmbeddedDatabase', () => startEmbeddedDatabase({ dataDir: join(root, 'db') }));
  log('url', db.url);
  const queueBackend = await timed('useEmbeddedQueueBackend', () => useEmbeddedQueueBackend({ dataDir: root }));
  try {
    await databaseChecks(db.url);
    await queueChecks();
  } finally {
    await timed('close queue backend', () => queueBackend.close());
    await timed('close database', () => db.close());
  }
  const handles = (process as unknown as { _getActiveHandles(): object[] })._getActiveHandles();
  log('active handles after close:', handles.map((h) => h.constructor.name));
  setTimeout(() => log('STILL RUNNING 5 s after close: something hangs'), 5000).unref();
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
