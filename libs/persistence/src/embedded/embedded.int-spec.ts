import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRedisBackend, getDefaultBackendFactory, Queue, Worker, type Job } from 'bullmq';
import { Pool } from 'pg';
import { EMBEDDED_POOL_EXTRA, startEmbeddedDatabase } from './embedded-database';
import { useEmbeddedQueueBackend } from './embedded-queue-backend';
import { EmbeddedDatabaseInUseError } from './served-pglite';
import { queueConnectionOptions } from './queue-connection';

// Embedded mode runs without PostgreSQL or Redis servers: PGlite in a temp folder. Each test
// opens its PGlite instance once (initdb takes a few seconds), hence the long timeouts.
const SLOW = 60_000;

describe('embedded mode (PGlite)', () => {
  let root: string;

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'front-door-embedded-'));
  });

  afterAll(() => {
    rmSync(root, { recursive: true, force: true });
  });

  it('tells a second process, in plain words, that a running server holds the embedded database and what to do instead', async () => {
    const dataDir = join(root, 'held');
    mkdirSync(dataDir, { recursive: true });
    // Held by a live process other than this one (the test runner's parent), as a running `npm start` holds it.
    writeFileSync(join(dataDir, 'front-door.lock'), String(process.ppid));
    const refused = await startEmbeddedDatabase({ dataDir }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(EmbeddedDatabaseInUseError);
    expect((refused as Error).message).toMatch(/most likely a running `npm start`.*Stop that process.*GET \/api\/v1\/exports\/cin-census.*DATABASE_URL/);
  });

  it(
    'serves a database that pg uses through a pool of one: uuid defaults, a SKIP LOCKED transaction, reconnects',
    async () => {
      const dataDir = join(root, 'db');
      const db = await startEmbeddedDatabase({ dataDir });
      try {
        expect(db.url).toMatch(/^postgres:\/\/postgres:postgres@127\.0\.0\.1:\d+\/postgres$/);
        await expect(startEmbeddedDatabase({ dataDir })).rejects.toThrow(/already open/);

        let pool = new Pool({ connectionString: db.url, ...EMBEDDED_POOL_EXTRA });
        await pool.query(`CREATE TABLE outbox (
          id uuid PRIMARY KEY DEFAULT gen_random_uuid(), state text NOT NULL DEFAULT 'pending')`);
        await pool.query(`INSERT INTO outbox DEFAULT VALUES`);
        await pool.query(`INSERT INTO outbox DEFAULT VALUES`);

        const client = await pool.connect();
        try {
          await client.query('BEGIN');
          const { rows } = await client.query<{ id: string }>(
            `SELECT id FROM outbox WHERE state = 'pending' ORDER BY id FOR UPDATE SKIP LOCKED LIMIT 1`,
          );
          expect(rows[0].id).toMatch(/^[0-9a-f-]{36}$/);
          await client.query(`UPDATE outbox SET state = 'queued' WHERE id = $1`, [rows[0].id]);
          await client.query('COMMIT');
        } finally {
          client.release();
        }

        // A new pool right after the old one ends must get in (the gate waits for the server
        // to let go of the old connection instead of the server dropping the new one).
        await pool.end();
        pool = new Pool({ connectionString: db.url, ...EMBEDDED_POOL_EXTRA });
        const counts = await pool.query(`SELECT state, count(*)::int AS n FROM outbox GROUP BY state ORDER BY state`);
        expect(counts.rows).toEqual([
          { state: 'pending', n: 1 },
          { state: 'queued', n: 1 },
        ]);
        await pool.end();
      } finally {
        await db.close();
      }
    },
    SLOW,
  );

  it(
    'runs BullMQ on its own PGlite: processes a job, ignores a duplicate jobId, restores the Redis default on close',
    async () => {
      const backend = await useEmbeddedQueueBackend({ dataDir: root });
      let queue: Queue | undefined;
      let worker: Worker | undefined;
      try {
        queue = new Queue('embedded-spec', { connection: queueConnectionOptions(undefined, 'producer') });
        const processed: Array<{ id?: string; data: unknown }> = [];
        const done = new Promise<void>((resolve) => {
          worker = new Worker(
            'embedded-spec',
            async (job: Job) => {
              processed.push({ id: job.id, data: job.data });
              resolve();
              return 'ok';
            },
            { connection: queueConnectionOptions(undefined, 'worker') },
          );
        });

        await queue.add('deliver', { messageId: 'm-1' }, { jobId: 'm-1' });
        await queue.add('deliver', { messageId: 'again' }, { jobId: 'm-1' });
        await done;
        await worker!.close();

        expect(processed).toEqual([{ id: 'm-1', data: { messageId: 'm-1' } }]);
        expect(await queue.getJobCounts('completed', 'waiting')).toEqual({ completed: 1, waiting: 0 });
      } finally {
        await worker?.close();
        await queue?.close();
        await backend.close();
      }
      expect(getDefaultBackendFactory()).toBe(createRedisBackend);
    },
    SLOW,
  );
});
