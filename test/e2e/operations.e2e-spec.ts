import { eventually } from '../support/eventually';
import { actorsOf, Actors, contactBody } from '../support/front-door-client';
import { startTestApp, TestApp } from '../support/test-app';

describe('what managers and operators can see', () => {
  let app: TestApp;
  let actors: Actors;

  beforeAll(async () => {
    // No SMTP configured: an email cannot be sent, so it must fail visibly, not silently.
    app = await startTestApp({ now: '2026-11-23T09:00:00Z', withWorker: true });
    actors = await actorsOf(app);
  });
  afterAll(() => app.close());

  it('shows a message that cannot be delivered as failed, with its attempts, to managers only', async () => {
    // A webhook to an organisation with no partner system configured can never be delivered.
    const created = await app.http()
      .post('/api/v1/contacts')
      .set('Authorization', `Bearer ${actors.practitioner}`)
      .send(contactBody({ referrer: { name: 'PC Reed', organisation: 'Nowhere Constabulary', sourceCode: '6', feedbackChannel: 'webhook' } }));
    expect(created.status).toBe(201);

    const failed = await eventually(async () => {
      const list = await app.http().get('/api/v1/messages?status=failed').set('Authorization', `Bearer ${actors.manager}`);
      return list.body.items.find((m: { contactId: string }) => m.contactId === created.body.id);
    });
    expect(failed).toMatchObject({ kind: 'acknowledgement', status: 'failed', lastError: expect.stringContaining('no partner system') });
    expect(failed.attempts).toEqual([expect.objectContaining({ attempt: 1, outcome: 'permanent_failure' })]);

    expect((await app.http().get('/api/v1/messages').set('Authorization', `Bearer ${actors.practitioner}`)).status).toBe(403);
    expect((await app.http().get('/api/v1/messages?status=lost').set('Authorization', `Bearer ${actors.manager}`)).status).toBe(400);
  });

  it('serves Prometheus metrics to admins', async () => {
    const metrics = await app.http().get('/metrics').set('Authorization', `Bearer ${actors.admin}`);
    expect(metrics.status).toBe(200);
    expect(metrics.text).toContain('front_door_history_entries');
    expect(metrics.text).toMatch(/front_door_queue_jobs\{queue="front-door-delivery"/);
    expect((await app.http().get('/metrics').set('Authorization', `Bearer ${actors.manager}`)).status).toBe(403);
  });

  it('opens the queue dashboard to admins only', async () => {
    expect((await app.http().get('/admin/queues')).status).toBe(401);
    expect((await app.http().get('/admin/queues').set('Authorization', `Bearer ${actors.manager}`)).status).toBe(403);
    const page = await app.http().get('/admin/queues').set('Authorization', `Bearer ${actors.admin}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('<html');
  });

  it('is ready when PostgreSQL and Redis answer', async () => {
    const ready = await app.http().get('/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body.info).toMatchObject({ postgres: { status: 'up' }, redis: { status: 'up' } });
  });
});

describe('when Redis is down', () => {
  let app: TestApp;
  let actors: Actors;

  beforeAll(async () => {
    app = await startTestApp({ now: '2026-11-23T09:00:00Z', env: { REDIS_URL: 'redis://127.0.0.1:1/0' } });
    actors = await actorsOf(app);
  });
  afterAll(() => app.close());

  it('still takes contacts (the outbox keeps the messages) and says it is not ready, in the error shape', async () => {
    const created = await app.http().post('/api/v1/contacts').set('Authorization', `Bearer ${actors.practitioner}`).send(contactBody());
    expect(created.status).toBe(201);
    const contact = await app.http().get(`/api/v1/contacts/${created.body.id}`).set('Authorization', `Bearer ${actors.practitioner}`);
    expect(contact.body.messages).toEqual([expect.objectContaining({ kind: 'acknowledgement', status: 'pending' })]);

    const ready = await app.http().get('/health/ready');
    expect(ready.status).toBe(503);
    expect(ready.body).toMatchObject({ statusCode: 503, error: 'Service Unavailable', message: expect.stringContaining('redis') });
  });
});
