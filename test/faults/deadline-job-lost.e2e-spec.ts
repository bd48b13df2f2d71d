import { randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import type { Client } from 'pg';
import { DEADLINE_QUEUE } from '../../libs/queues/src';
import { eventually } from '../support/eventually';
import { contactBody } from '../support/front-door-client';
import { PrivateRedis, startPrivateRedis, startWorkerProcess, stopAllProcesses, FrontDoorProcess } from '../support/processes';
import { startTestApp, TestApp } from '../support/test-app';
import { TEST_DATABASE_URL } from '../support/test-database';
import { openTestDatabase, sleep } from './fault-kit';

/**
 * The worker process sweeps every DEADLINE_SWEEP_SECONDS: 3 here, so every run sees a periodic
 * sweep; FRONT_DOOR_SLOW_FAULTS=1 (`npm run test:faults`) keeps the production 30.
 */
const SWEEP_SECONDS = process.env.FRONT_DOOR_SLOW_FAULTS === '1' ? 30 : 3;

interface DeadlineRow {
  id: string;
  kind: string;
  status: string;
  due_at: Date;
  breached_at: Date | null;
  timer_scheduled_at: Date | null;
}

async function deadlinesOf(db: Client, episodeId: string): Promise<DeadlineRow[]> {
  const { rows } = await db.query<DeadlineRow>(
    `SELECT id, kind, status, due_at, breached_at, timer_scheduled_at FROM deadlines WHERE episode_id = $1 ORDER BY due_at, kind`,
    [episodeId],
  );
  return rows;
}

function deadlineQueue(redis: PrivateRedis, prefix: string): Queue {
  const queue = new Queue(DEADLINE_QUEUE, { connection: { host: '127.0.0.1', port: redis.port, maxRetriesPerRequest: 1 }, prefix });
  queue.on('error', () => undefined);
  return queue;
}

/** Deletes the delayed timer job of each deadline from Redis, as a flush or a lost Redis would. */
async function deleteTimers(queue: Queue, deadlineIds: string[]): Promise<void> {
  const delayed = await queue.getDelayed();
  for (const id of deadlineIds) {
    const job = delayed.find((j) => j.id === `deadline-${id}`);
    expect(job).toBeDefined(); // it was there: a timer was set, then lost
    await job!.remove();
  }
  for (const id of deadlineIds) expect(await queue.getJob(`deadline-${id}`)).toBeUndefined();
}

/**
 * Issue 3: "A deadline whose delayed job was deleted from Redis is still breached by the sweep."
 * The breach is recorded at the due time — not when the sweep noticed — and the manager told.
 */
describe('a deadline whose timer was deleted from Redis', () => {
  let redis: PrivateRedis;
  let db: Client;

  beforeAll(async () => {
    redis = await startPrivateRedis();
    db = await openTestDatabase();
  });
  afterAll(async () => {
    await stopAllProcesses();
    await db?.end();
  });

  describe('with the worker up all along (in the api process, sweeping every 500 ms)', () => {
    let app: TestApp;
    let queue: Queue;
    const prefix = `fault-sweep-${randomUUID().slice(0, 8)}`;

    beforeAll(async () => {
      // Monday 10:00: the decision is due by the end of Tuesday (the next working day).
      app = await startTestApp({ now: '2026-11-23T10:00:00Z', withWorker: true, env: { REDIS_URL: redis.url, QUEUE_PREFIX: prefix } });
      queue = deadlineQueue(redis, prefix);
    });
    afterAll(async () => {
      await queue?.close();
      await app?.close();
    });

    it('is breached by the sweep at its due time, with no timer left to fire it', async () => {
      const referrer = await app.token('referrer', { sub: 'sam-referrer', name: 'Sam Patel', email: 'sam.patel@example.org' });
      const manager = await app.token('manager', { sub: 'morgan-manager' });
      const created = await app.http().post('/api/v1/contacts').set('Authorization', `Bearer ${referrer}`).send(contactBody({ channel: 'portal', referrer: { name: 'Sam Patel', sourceCode: '5B', feedbackChannel: 'portal' } }));
      expect(created.status).toBe(201);
      const episodeId = created.body.episodes[0].id as string;

      // The worker set a timer for every open deadline; the acknowledgement's is met by the portal delivery.
      const decision = await eventually(async () => {
        const rows = await deadlinesOf(db, episodeId);
        const found = rows.find((d) => d.kind === 'decision');
        return found?.timer_scheduled_at && rows.find((d) => d.kind === 'acknowledgement')?.status === 'met' && found;
      });
      expect(decision.status).toBe('open');
      expect(decision.due_at.toISOString()).toBe('2026-11-24T23:59:59.999Z');

      await deleteTimers(queue, [decision.id]);

      // Tuesday evening, a minute before the end of the day: not due, not breached.
      app.clock.set(new Date('2026-11-24T23:58:59Z'));
      await sleep(1200);
      expect((await deadlinesOf(db, episodeId)).find((d) => d.id === decision.id)!.status).toBe('open');

      // Wednesday morning: nobody decided, nobody opened the case, the timer is gone — the sweep breaches it.
      // The sweep fires every deadline due in the shared test database, oldest first, and the suites
      // that ran before this one may have left many due by then (fuzzing alone leaves ~600): give it
      // time to reach this one. A full CI run once took more than 10 s.
      app.clock.set(new Date('2026-11-25T08:30:00Z'));
      const breached = await eventually(async () => {
        const row = (await deadlinesOf(db, episodeId)).find((d) => d.id === decision.id)!;
        return row.status === 'breached' && row;
      }, 60_000);
      // Recorded at the due time, not when the sweep noticed.
      expect(breached.breached_at!.toISOString()).toBe('2026-11-24T23:59:59.999Z');
      // No timer fired it: no job for this deadline ran (the queue may have fired earlier tests' deadlines
      // left in the shared database, which are none of this test's business).
      const ran = await queue.getJobs(['completed', 'failed', 'active']);
      expect(ran.filter((job) => job.data.deadlineId === decision.id)).toEqual([]);

      // The team's manager is told.
      const alerts = await eventually(async () => {
        const list = await app.http().get('/api/v1/messages?kind=deadline_breached').set('Authorization', `Bearer ${manager}`);
        const items = (list.body.items ?? []).filter((m: { episodeId: string }) => m.episodeId === episodeId);
        return items.length > 0 && items;
      });
      expect(alerts).toHaveLength(1);
      expect(alerts[0]).toMatchObject({ audience: 'manager' });
    }, 120_000);
  });

  describe('with the real worker process, down when the timer was lost', () => {
    let app: TestApp;
    let worker: FrontDoorProcess;
    let queue: Queue;
    const prefix = `fault-sweep-${randomUUID().slice(0, 8)}`;
    // The red RAG rating's 4 clock hours run from the api's clock: set it so they end this soon in real time.
    const LEAD_MS = 6_000;

    beforeAll(async () => {
      app = await startTestApp({ now: new Date().toISOString(), env: { REDIS_URL: redis.url, QUEUE_PREFIX: prefix } });
      worker = await startWorkerProcess({
        DATABASE_URL: TEST_DATABASE_URL,
        REDIS_URL: redis.url,
        QUEUE_PREFIX: prefix,
        LOG_LEVEL: 'warn',
        DEADLINE_SWEEP_SECONDS: String(SWEEP_SECONDS),
      });
      queue = deadlineQueue(redis, prefix);
    }, 60_000);
    afterAll(async () => {
      await queue?.close();
      await app?.close();
    });

    /** A contact rated red now, so its MASH checks (4 clock hours) are due LEAD_MS from now; returns once its timer is set. */
    async function redRatedEpisode(): Promise<{ episodeId: string; checks: DeadlineRow }> {
      const practitioner = await app.token('practitioner', { sub: 'pat-practitioner', name: 'Pat Practitioner' });
      app.clock.set(new Date(Date.now() - 4 * 3600_000 + LEAD_MS));
      const created = await app.http()
        .post('/api/v1/contacts')
        .set('Authorization', `Bearer ${practitioner}`)
        .send(contactBody({ referrer: { name: 'Sam Patel', sourceCode: '5B', feedbackChannel: 'email', email: 'sam.patel@example.org', wantsInvolvement: false } }));
      expect(created.status).toBe(201);
      const episodeId = created.body.episodes[0].id as string;
      for (const event of [{ type: 'SCREEN', outcome: 'concern' }, { type: 'RATE', rag: 'red', rationale: 'Bruising seen today.' }]) {
        const response = await app.http().post(`/api/v1/episodes/${episodeId}/events`).set('Authorization', `Bearer ${practitioner}`).send(event);
        expect(response.status).toBe(200);
      }
      // The worker sets the MASH checks' timer, due in a few seconds.
      const checks = await eventually(async () => {
        const found = (await deadlinesOf(db, episodeId)).find((d) => d.kind === 'mash_checks');
        return found?.timer_scheduled_at && found;
      });
      expect(checks.due_at.getTime()).toBeGreaterThan(Date.now() + 1000);
      return { episodeId, checks };
    }

    async function breachOf(episodeId: string, deadlineId: string, timeoutMs: number): Promise<DeadlineRow> {
      return eventually(async () => {
        const row = (await deadlinesOf(db, episodeId)).find((d) => d.id === deadlineId)!;
        return row.status === 'breached' && row;
      }, timeoutMs);
    }

    it('is breached by the sweep when the worker comes back, at its due time', async () => {
      const manager = await app.token('manager', { sub: 'morgan-manager' });
      const { episodeId, checks } = await redRatedEpisode();
      // Then the worker dies and Redis loses the timer.
      await worker.kill();
      await deleteTimers(queue, [checks.id]);

      // Past its due time, with no worker and no timer, it is still open in PostgreSQL (the api's view shows it lapsed).
      await sleep(Math.max(0, checks.due_at.getTime() - Date.now()) + 1500);
      expect((await deadlinesOf(db, episodeId)).find((d) => d.id === checks.id)!.status).toBe('open');

      // The worker comes back: its sweep breaches the deadline at once, at the due time.
      await worker.restart();
      const breached = await breachOf(episodeId, checks.id, 10_000);
      expect(breached.breached_at!.getTime()).toBe(checks.due_at.getTime());
      expect(await queue.getJob(`deadline-${checks.id}`)).toBeUndefined();
      // The other deadlines are not due and stay open.
      expect((await deadlinesOf(db, episodeId)).filter((d) => d.id !== checks.id && d.status === 'breached')).toEqual([]);
      // And the manager is told.
      await eventually(async () => {
        const list = await app.http().get('/api/v1/messages?kind=deadline_breached').set('Authorization', `Bearer ${manager}`);
        return (list.body.items ?? []).some((m: { episodeId: string }) => m.episodeId === episodeId);
      });
    }, 40_000);

    /** Not only at start: a worker that stays up sweeps again every DEADLINE_SWEEP_SECONDS. */
    it('is breached by the periodic sweep of a worker that stayed up (at most one sweep interval late)', async () => {
      const { episodeId, checks } = await redRatedEpisode();
      await deleteTimers(queue, [checks.id]);
      const breached = await breachOf(episodeId, checks.id, LEAD_MS + SWEEP_SECONDS * 1000 + 5_000);
      expect(breached.breached_at!.getTime()).toBe(checks.due_at.getTime());
    }, 60_000);
  });
});
