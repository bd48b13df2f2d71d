import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import type { Client } from 'pg';
import { startSmtpSink, SmtpSink } from '../../libs/notifications/src/testing/smtp-sink';
import { startWebhookReceiver, WebhookReceiver } from '../../libs/notifications/src/testing/webhook-receiver';
import { DELIVERY_QUEUE } from '../../libs/queues/src';
import { eventually } from '../support/eventually';
import { contactBody } from '../support/front-door-client';
import { PrivateRedis, startPrivateRedis, startWorkerProcess, stopAllProcesses } from '../support/processes';
import { startTestApp, TestApp } from '../support/test-app';
import { TEST_DATABASE_URL } from '../support/test-database';
import { messagesOfContact, openTestDatabase, sleep } from './fault-kit';

const PARTNER_SECRET = 'police-partner-system-secret-0002';
/** A step that waited on Redis would take seconds (ioredis retries); taking work must not. */
const PROMPT_MS = 3_000;

/**
 * Issue 3: "Redis stopped: contacts and decisions are still accepted; after Redis returns every
 * message is delivered." PostgreSQL's outbox holds the work while the queue's store is away.
 */
describe('Redis stopped', () => {
  const tenant = `fault-redis-${randomUUID().slice(0, 8)}`;
  const prefix = `fault-redis-${randomUUID().slice(0, 8)}`;
  const settingsDir = mkdtempSync(join(tmpdir(), 'front-door-fault-'));
  let redis: PrivateRedis;
  let smtp: SmtpSink;
  let partner: WebhookReceiver;
  let app: TestApp;
  let db: Client;

  beforeAll(async () => {
    redis = await startPrivateRedis();
    smtp = await startSmtpSink();
    partner = await startWebhookReceiver();
    const settings = { authorities: { [tenant]: { partnerSystems: [{ organisation: 'Police', url: partner.url, secret: PARTNER_SECRET }] } } };
    const settingsFile = join(settingsDir, 'settings.json');
    writeFileSync(settingsFile, JSON.stringify(settings));
    app = await startTestApp({ now: new Date().toISOString(), env: { REDIS_URL: redis.url, QUEUE_PREFIX: prefix, SMTP_URL: smtp.url }, settings });
    // The worker runs all along, through the outage, as it would in production.
    await startWorkerProcess({
      DATABASE_URL: TEST_DATABASE_URL,
      REDIS_URL: redis.url,
      QUEUE_PREFIX: prefix,
      SMTP_URL: smtp.url,
      MAIL_FROM: 'Front Door <front-door@council.example>',
      FRONT_DOOR_SETTINGS: settingsFile,
      LOG_LEVEL: 'warn',
    });
    db = await openTestDatabase();
  }, 60_000);

  afterAll(async () => {
    await redis?.start().catch(() => undefined); // so the api can close its queues cleanly
    await app?.close();
    await stopAllProcesses();
    await smtp?.close();
    await partner?.close();
    await db?.end();
    rmSync(settingsDir, { recursive: true, force: true });
  });

  /** Sends a request and says how long the api took to answer it. */
  async function timed<T>(send: () => PromiseLike<T>): Promise<{ response: T; ms: number }> {
    const started = Date.now();
    const response = await send();
    return { response, ms: Date.now() - started };
  }

  it('takes contacts and decisions while Redis is down, and delivers every message once it is back', async () => {
    const practitioner = await app.token('practitioner', { sub: 'pat-practitioner', tenant, name: 'Pat Practitioner' });
    const manager = await app.token('manager', { sub: 'morgan-manager', tenant, name: 'Morgan Manager' });
    const police = await app.token('referrer', { sub: 'pc-reed', tenant, name: 'PC Reed' });
    expect((await app.http().get('/health/ready')).status).toBe(200);

    await redis.stop();
    // The api can tell Redis is gone (readiness says so) …
    const ready = await app.http().get('/health/ready');
    expect(ready.status).toBe(503);
    expect(JSON.stringify(ready.body)).toContain('Redis does not answer');

    // … and still takes the work: a contact by phone with feedback by email, and one from the police by webhook.
    const contacts: { id: string; reference: string; episodeId: string }[] = [];
    for (const [token, body] of [
      [practitioner, contactBody({ referrer: { name: 'Sam Patel', organisation: 'Wiltshire Youth Service', sourceCode: '5B', email: 'sam.patel@example.org', feedbackChannel: 'email', wantsInvolvement: false } })],
      [police, contactBody({ channel: 'police_notification', referrer: { name: 'PC Reed', organisation: 'Police', sourceCode: '6', feedbackChannel: 'webhook' } })],
    ] as const) {
      const { response, ms } = await timed(() => app.http().post('/api/v1/contacts').set('Authorization', `Bearer ${token}`).send(body));
      expect(response.status).toBe(201);
      expect(ms).toBeLessThan(PROMPT_MS);
      contacts.push({ id: response.body.id, reference: response.body.reference, episodeId: response.body.episodes[0].id });
    }
    // Decisions too: screened, proposed, approved — each answered at once.
    for (const { episodeId } of contacts) {
      for (const [token, event] of [
        [practitioner, { type: 'SCREEN', outcome: 'concern' }],
        [
          practitioner,
          {
            type: 'PROPOSE_DECISION',
            outcome: 'nfa',
            thresholdLevel: 1,
            rationale: 'Internal: nothing here for social care.',
            feedbackForReferrer: 'We do not think Ada needs social care involvement: her needs can be met by universal services.',
            signposting: 'The school nurse drop-in, Tuesdays 12–2',
          },
        ],
        [manager, { type: 'APPROVE_DECISION', note: 'Agreed' }],
      ] as const) {
        const { response, ms } = await timed(() => app.http().post(`/api/v1/episodes/${episodeId}/events`).set('Authorization', `Bearer ${token}`).send(event));
        expect({ event: event.type, status: response.status }).toEqual({ event: event.type, status: 200 });
        expect(ms).toBeLessThan(PROMPT_MS);
      }
    }

    // A few relay passes later (it polls every second) nothing has left: the outbox holds it all.
    await sleep(2500);
    const held = (await Promise.all(contacts.map((c) => messagesOfContact(db, c.id)))).flat();
    const kinds = held.map((m) => `${m.channel}:${m.kind}`).sort();
    expect(kinds).toEqual(expect.arrayContaining(['email:acknowledgement', 'email:decision', 'webhook:acknowledgement', 'webhook:decision']));
    expect(held.filter((m) => m.status !== 'pending')).toEqual([]);
    // Only this test's messages count: the worker also delivers what earlier tests left in the shared database.
    const ours = new Set(held.map((m) => m.idempotency_key));
    const oursByMail = () => smtp.received.filter((mail) => ours.has(mail.headers['x-idempotency-key']));
    const oursByPost = () => partner.received.filter((post) => ours.has(String(post.headers['idempotency-key'])));
    expect(oursByMail()).toHaveLength(0);
    expect(oursByPost()).toHaveLength(0);

    // Redis returns (empty: it kept nothing) on the same port; the worker, up all along, reconnects.
    await redis.start();
    for (const contact of contacts) {
      await eventually(async () => {
        const view = await app.http().get(`/api/v1/contacts/${contact.id}`).set('Authorization', `Bearer ${manager}`);
        const messages: { status: string }[] = view.body.messages ?? [];
        return messages.length > 0 && messages.every((m) => m.status === 'delivered') && messages;
      }, 30_000);
    }

    // Each arrived exactly once: two emails for the first contact, two posts for the police.
    const [, byPolice] = contacts;
    const mails = oursByMail();
    expect(mails).toHaveLength(held.filter((m) => m.channel === 'email').length);
    expect(mails.filter((mail) => /decision/i.test(mail.subject))).toHaveLength(1);
    expect(mails.every((mail) => mail.to.includes('sam.patel@example.org'))).toBe(true);
    const webhookIds = held.filter((m) => m.channel === 'webhook').map((m) => m.id).sort();
    const posted = oursByPost().map((r) => JSON.parse(r.body.toString('utf8')) as { id: string }).map((b) => b.id).sort();
    expect(posted).toEqual(webhookIds);
    expect(oursByPost().every((r) => r.body.toString('utf8').includes(byPolice.reference))).toBe(true);
  }, 60_000);
});

/**
 * The other half of "every message is delivered": a message already handed to the queue when
 * Redis lost its data. Here it waits an hour to retry (the partner said Retry-After) when Redis
 * restarts empty, so its job is gone; the relay hands a message that has stayed queued for 15
 * minutes to the queue again (OutboxRelay, REQUEUE_AFTER_MS). The worker runs in the api's
 * process so the test can move its clock past those 15 minutes.
 */
describe('Redis restarted empty while a message waited in it', () => {
  const tenant = `fault-lost-${randomUUID().slice(0, 8)}`;
  const prefix = `fault-lost-${randomUUID().slice(0, 8)}`;
  let redis: PrivateRedis;
  let partner: WebhookReceiver;
  let app: TestApp;
  let db: Client;
  let queue: Queue;

  beforeAll(async () => {
    redis = await startPrivateRedis();
    partner = await startWebhookReceiver();
    const settings = { authorities: { [tenant]: { partnerSystems: [{ organisation: 'Police', url: partner.url, secret: PARTNER_SECRET }] } } };
    app = await startTestApp({ now: new Date().toISOString(), withWorker: true, env: { REDIS_URL: redis.url, QUEUE_PREFIX: prefix }, settings });
    db = await openTestDatabase();
    queue = new Queue(DELIVERY_QUEUE, { connection: { host: '127.0.0.1', port: redis.port, maxRetriesPerRequest: 1 }, prefix });
    queue.on('error', () => undefined);
  }, 60_000);

  afterAll(async () => {
    await redis?.start().catch(() => undefined);
    await queue?.close();
    await app?.close();
    await stopAllProcesses();
    await partner?.close();
    await db?.end();
  });

  it('hands the message to the queue again, and it is delivered under the same idempotency key', async () => {
    const police = await app.token('referrer', { sub: 'pc-reed', tenant, name: 'PC Reed' });
    const manager = await app.token('manager', { sub: 'morgan-manager', tenant });
    partner.answerNextWith(503, { 'Retry-After': '3600' });
    const created = await app.http()
      .post('/api/v1/contacts')
      .set('Authorization', `Bearer ${police}`)
      .send(contactBody({ channel: 'police_notification', referrer: { name: 'PC Reed', organisation: 'Police', sourceCode: '6', feedbackChannel: 'webhook' } }));
    expect(created.status).toBe(201);
    const [acknowledgement] = await messagesOfContact(db, created.body.id);

    // Tried once, refused for an hour: queued in PostgreSQL, a delayed job in Redis.
    await eventually(async () => {
      const job = await queue.getJob(acknowledgement.id);
      return job !== undefined && job.attemptsMade === 1 && (await job.isDelayed());
    });
    expect((await messagesOfContact(db, created.body.id))[0].status).toBe('queued');

    // Redis goes down and comes back with nothing: the job is lost; PostgreSQL still says queued.
    await redis.stop();
    await redis.start();
    await eventually(async () => (await queue.getJob(acknowledgement.id).catch(() => null)) === undefined);
    await sleep(1000);
    expect((await messagesOfContact(db, created.body.id))[0].status).toBe('queued');

    // A quarter of an hour on, the relay hands it to the queue again, and it is delivered.
    app.clock.advance(16 * 60_000);
    await eventually(async () => (await messagesOfContact(db, created.body.id))[0].status === 'delivered', 15_000);
    const posts = partner.received.filter((r) => r.body.toString('utf8').includes(acknowledgement.id));
    expect(posts).toHaveLength(2);
    expect(new Set(posts.map((r) => r.headers['idempotency-key']))).toEqual(new Set([acknowledgement.idempotency_key]));
    const list = await app.http().get('/api/v1/messages').set('Authorization', `Bearer ${manager}`);
    const listed = list.body.items.find((m: { id: string }) => m.id === acknowledgement.id);
    // Both tries are on record (each job counts its own attempts, so both are numbered 1: order by outcome here).
    expect(listed.attempts.map((a: { outcome: string }) => a.outcome).sort()).toEqual(['delivered', 'transient_failure']);
  }, 60_000);
});
