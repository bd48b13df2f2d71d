import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { signDevelopmentToken } from '../../libs/auth/src';
import { startSmtpSink, SmtpSink } from '../../libs/notifications/src/testing/smtp-sink';
import { startWebhookReceiver, WebhookReceiver } from '../../libs/notifications/src/testing/webhook-receiver';
import { eventually } from '../support/eventually';
import { contactBody } from '../support/front-door-client';
import {
  freePort,
  FrontDoorProcess,
  PrivatePostgres,
  PrivateRedis,
  startApiProcess,
  startPrivatePostgres,
  startPrivateRedis,
  startWorkerProcess,
  stopAllProcesses,
} from '../support/processes';
import { sleep } from './fault-kit';
import { SteadyLoad } from './steady-load';
import { TEST_JWT_SECRET } from '../support/test-secrets';

const PARTNER_SECRET = 'police-partner-system-secret-0003';
const KILLS = 5;
const REDIS_OUTAGE_MS = 30_000;
/** Every answer the api gives while PostgreSQL is down must come at least this fast. */
const PROMPT_MS = 8_000;

/**
 * Issue 5: "under steady load, SIGKILL the api and the worker five times each; stop Redis for
 * 30 s; restart PostgreSQL. Then prove: every contact that got a 201 exists; every message due
 * was delivered, and seen once at the receiver; every deadline due was fired; no episode's
 * history has a gap; the api answered 503 (not 500, not a hang) while PostgreSQL was down and
 * recovered without a restart."
 *
 * Everything here is real and private to this test: a PostgreSQL cluster of its own (so it can
 * be restarted without disturbing the machine's), a Redis with an append-only file (as deployed),
 * the api and the worker as their own processes, an SMTP sink and a partner's webhook receiver.
 */
describe('Front Door under steady load while processes die and servers drop', () => {
  const tenant = `fault-load-${randomUUID().slice(0, 8)}`;
  const settingsDir = mkdtempSync(join(tmpdir(), 'front-door-fault-'));
  let postgres: PrivatePostgres;
  let redis: PrivateRedis;
  let smtp: SmtpSink;
  let partner: WebhookReceiver;
  let api: FrontDoorProcess;
  let worker: FrontDoorProcess;
  let db: Client;
  let baseUrl: string;
  let load: SteadyLoad;
  /** A development token for this test's tenant. */
  const sign = (role: string, claims: Record<string, string> = {}) =>
    signDevelopmentToken(TEST_JWT_SECRET, { sub: `${role}-1`, name: `Test ${role}`, roles: [role], tenant, ...claims } as never, '2h');

  beforeAll(async () => {
    postgres = await startPrivatePostgres();
    const admin = new Client({ connectionString: postgres.url() });
    await admin.connect();
    await admin.query('CREATE DATABASE front_door');
    await admin.end();
    redis = await startPrivateRedis({ persistent: true });
    smtp = await startSmtpSink();
    partner = await startWebhookReceiver();
    const settingsFile = join(settingsDir, 'settings.json');
    writeFileSync(settingsFile, JSON.stringify({ authorities: { [tenant]: { partnerSystems: [{ organisation: 'Police', url: partner.url, secret: PARTNER_SECRET }] } } }));
    const port = await freePort();
    const common = {
      DATABASE_URL: postgres.url('front_door'),
      REDIS_URL: redis.url,
      SMTP_URL: smtp.url,
      MAIL_FROM: 'Front Door <front-door@council.example>',
      FRONT_DOOR_SETTINGS: settingsFile,
      LOG_LEVEL: 'error',
    };
    api = await startApiProcess({ ...common, PORT: String(port), INTAKE_RATE_LIMIT_PER_MINUTE: '1000000' });
    worker = await startWorkerProcess(common);
    baseUrl = `http://127.0.0.1:${port}`;
    db = new Client({ connectionString: postgres.url('front_door'), application_name: 'front-door-fault-tests' });
    db.on('error', () => undefined);
    load = new SteadyLoad(baseUrl, {
      practitioner: await sign('practitioner'),
      manager: await sign('manager'),
      police: await sign('referrer', { sub: 'pc-reed', name: 'PC Reed' }),
    });
  }, 90_000);

  afterAll(async () => {
    await stopAllProcesses();
    await db?.end().catch(() => undefined);
    await smtp?.close();
    await partner?.close();
    await postgres?.destroy();
    rmSync(settingsDir, { recursive: true, force: true });
  });

  it('loses nothing, answers 503 while PostgreSQL is down, and recovers by itself', async () => {
    load.start(4);
    await eventually(() => load.contacts >= 12, 30_000);

    // The api dies five times: SIGKILL mid-request, as a crash or the OOM killer would; a new one starts.
    for (let kill = 0; kill < KILLS; kill++) {
      const before = load.contacts;
      await api.kill();
      await api.restart();
      await eventually(() => load.contacts >= before + 6, 30_000);
    }
    // The worker dies five times, mid-relay or mid-delivery.
    for (let kill = 0; kill < KILLS; kill++) {
      const before = load.contacts;
      await worker.kill();
      await worker.restart();
      await eventually(() => load.contacts >= before + 6, 30_000);
    }

    // Redis goes away for 30 s; contacts and decisions go on being taken.
    await redis.stop();
    const duringRedisOutage = load.contacts;
    await sleep(REDIS_OUTAGE_MS);
    expect(load.contacts).toBeGreaterThan(duringRedisOutage + 10);
    await redis.start();

    // PostgreSQL stops: every answer is a prompt 503 (never a 500, never a hang) …
    const apiPid = api.pid;
    await postgres.stop();
    const practitioner = await sign('practitioner', { sub: 'probe' });
    const probes: { what: string; status: number; ms: number }[] = [];
    for (let round = 0; round < 5; round++) {
      for (const [what, method, path] of [
        ['a new contact', 'POST', '/api/v1/contacts'],
        ['the queue', 'GET', '/api/v1/episodes'],
        ['readiness', 'GET', '/health/ready'],
      ] as const) {
        const started = Date.now();
        const response = await fetch(`${baseUrl}${path}`, {
          method,
          headers: { Authorization: `Bearer ${practitioner}`, 'Content-Type': 'application/json' },
          // a whole, valid contact: its answer must be 503 because the database is down, not a 400
          body: method === 'POST' ? JSON.stringify(contactBody()) : undefined,
          signal: AbortSignal.timeout(PROMPT_MS * 2),
        });
        await response.arrayBuffer();
        probes.push({ what, status: response.status, ms: Date.now() - started });
      }
      await sleep(400);
    }
    expect(probes.filter((p) => p.status !== 503)).toEqual([]);
    expect(probes.filter((p) => p.ms > PROMPT_MS)).toEqual([]);

    // … and when it is back the same api process takes work again, without a restart.
    await postgres.start();
    const afterRestart = load.contacts;
    await eventually(() => load.contacts >= afterRestart + 10, 30_000);
    expect(api.pid).toBe(apiPid);
    await load.stop();

    // Nothing the api answered badly: no 500, no hang, at any point of all that.
    // (On failure, what the api logged says why.)
    const apiErrors = () => api.output().split('\n').filter((line) => line.includes('"context":"Errors"') && line.includes('"level":50'));
    expect({ misbehaviour: load.misbehaviour, apiErrors: load.misbehaviour.length > 0 ? apiErrors() : [] }).toEqual({ misbehaviour: [], apiErrors: [] });
    expect(load.answers.get('503') ?? 0).toBeGreaterThan(0);

    await db.connect();

    // Every contact that got a 201 exists, once: retries after lost answers made no duplicates.
    const stored = await db.query<{ id: string }>('SELECT id FROM contacts WHERE tenant = $1', [tenant]);
    expect(new Set(stored.rows.map((r) => r.id))).toEqual(new Set(load.acknowledged.map((c) => c.id)));
    expect(load.acknowledged.length).toBeGreaterThan(100);

    // Every episode's history is whole (sequence 1..version), and holds, once each, the events
    // the clients were told were applied.
    const episodes = await db.query<{ id: string; version: number; events: number; first: number; last: number; stage: string; steps: string[] }>(
      `SELECT e.id, e.version, e.stage, count(h.*)::int AS events, min(h.sequence) AS first, max(h.sequence) AS last,
              array_agg(h.type ORDER BY h.sequence) AS steps
         FROM episodes e JOIN episode_events h ON h.episode_id = e.id
        WHERE e.tenant = $1 GROUP BY e.id`,
      [tenant],
    );
    expect(episodes.rows).toHaveLength(load.acknowledged.length);
    const gaps = episodes.rows.filter((e) => e.first !== 1 || e.last !== e.version || e.events !== e.version);
    expect(gaps).toEqual([]);
    const byId = new Map(episodes.rows.map((e) => [e.id, e]));
    const walkedSteps = (id: string) => byId.get(id)!.steps.filter((step) => ['SCREEN', 'PROPOSE_DECISION', 'APPROVE_DECISION'].includes(step));
    expect(load.acknowledged.filter((c) => walkedSteps(c.episodeId).join() !== c.eventsApplied.join())).toEqual([]);
    const walked = load.acknowledged.filter((c) => c.plan !== 'backdated');
    expect(walked.filter((c) => byId.get(c.episodeId)!.stage !== 'closed')).toEqual([]);

    // Every message due is delivered (the worker's own retries cross the kills and outages) …
    const settled = await eventually(async () => {
      const { rows } = await db.query<{ id: string; kind: string; channel: string; status: string; idempotency_key: string }>(
        `SELECT id, kind, recipient->>'channel' AS channel, status, idempotency_key FROM outbox_messages WHERE tenant = $1`,
        [tenant],
      );
      return rows.every((m) => m.status === 'delivered') && rows;
    }, 150_000);
    const emails = settled.filter((m) => m.channel === 'email');
    const posts = settled.filter((m) => m.channel === 'webhook');
    expect(emails.length).toBeGreaterThan(0);
    expect(posts.length).toBeGreaterThan(0);

    // … and reached its receiver under its own idempotency key: a send that a kill interrupted is
    // sent again under the same key, so a receiver that deduplicates by it shows each message once.
    const ourKeys = new Set(settled.map((m) => m.idempotency_key));
    const mailKeys = smtp.received.map((mail) => mail.headers['x-idempotency-key']).filter((key) => ourKeys.has(key));
    const postKeys = partner.received.map((post) => String(post.headers['idempotency-key'])).filter((key) => ourKeys.has(key));
    expect(new Set(mailKeys)).toEqual(new Set(emails.map((m) => m.idempotency_key)));
    expect(new Set(postKeys)).toEqual(new Set(posts.map((m) => m.idempotency_key)));

    // Every deadline that fell due was fired: none is still open past its due time, and each one
    // the worker found breached (rather than an event completing it late) alerted the manager.
    // (The last alerts may still be on their way: their delivery is checked as it settles.)
    const backdated = load.acknowledged.filter((c) => c.plan === 'backdated');
    const deadlineState = async () => {
      const deadlines = await db.query<{ kind: string; status: string; completed_at: Date | null; episode_id: string }>(
        `SELECT kind, status, completed_at, episode_id FROM deadlines WHERE tenant = $1 AND due_at <= now()`,
        [tenant],
      );
      const alerts = await db.query<{ episode_id: string; kind: string; status: string }>(
        `SELECT episode_id, content->>'kind' AS kind, status FROM outbox_messages WHERE tenant = $1 AND kind = 'deadline_breached'`,
        [tenant],
      );
      const firedByWorker = deadlines.rows.filter((d) => d.status === 'breached' && d.completed_at === null);
      const alerted = new Set(alerts.rows.map((a) => `${a.episode_id}:${a.kind}`));
      return {
        stillOpen: deadlines.rows.filter((d) => d.status === 'open').length,
        decisionsFiredByWorker: firedByWorker.filter((d) => d.kind === 'decision').length,
        firedWithoutAlert: firedByWorker.filter((d) => !alerted.has(`${d.episode_id}:${d.kind}`)).length,
        alertsNotDelivered: alerts.rows.filter((a) => a.status !== 'delivered').length,
      };
    };
    const due = { stillOpen: 0, decisionsFiredByWorker: backdated.length, firedWithoutAlert: 0, alertsNotDelivered: 0 };
    let seen = await deadlineState();
    await eventually(async () => JSON.stringify((seen = await deadlineState())) === JSON.stringify(due), 60_000).catch(() => undefined);
    expect(seen).toEqual(due);
  }, 480_000);
});
