import { contactBody } from '../support/front-door-client';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * What an attack probe found (issue 9 §1): requests that overflowed the stack, stalled the api,
 * slipped past validation or said too much. Each is answered plainly and changes nothing.
 */
describe('hostile and careless input', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ now: '2026-11-23T10:00:00Z', env: { INTAKE_RATE_LIMIT_PER_MINUTE: '3' } });
  });
  afterAll(() => app.close());

  const post = async (path: string, body: unknown, sub?: string) => {
    const request = app.http().post(path).set('Content-Type', 'application/json');
    if (sub) request.set('Authorization', `Bearer ${await app.token('practitioner', { sub })}`);
    return request.send(typeof body === 'string' ? body : JSON.stringify(body));
  };

  it('refuses JSON nested 3,000 deep with a named 400, before authentication and on paths that do not exist', async () => {
    const deep = `${'['.repeat(3000)}${']'.repeat(3000)}`;
    for (const path of ['/api/v1/contacts', '/api/v1/no-such-route', '/anything']) {
      const response = await post(path, deep);
      expect(response.status).toBe(400);
      expect(response.body.details[0].message).toMatch(/nested too deeply/);
    }
  });

  it('refuses 20,000 children by their number, naming one field, not 20,000 problems', async () => {
    const response = await post('/api/v1/contacts', contactBody({ children: Array.from({ length: 20_000 }, () => ({})) }), 'many-children');
    expect(response.status).toBe(400);
    expect(response.body.details).toEqual([{ field: 'children', message: 'has 20000 items; at most 100 are accepted' }]);
  });

  it('names at most 20 problems in one answer and says how many more there were', async () => {
    const response = await post('/api/v1/contacts', contactBody({ children: Array.from({ length: 30 }, () => ({})) }), 'thirty-children');
    expect(response.status).toBe(400);
    expect(response.body.details).toHaveLength(20);
    expect(response.body.message).toMatch(/The first 20 problems are listed; \d+ more were omitted\./);
  });

  it('refuses __proto__ and constructor keys like any unknown field', async () => {
    const raw = JSON.stringify(contactBody()).replace(/^\{/, '{"__proto__":{"roles":["admin"]},');
    const response = await post('/api/v1/contacts', raw, 'prototype');
    expect(response.status).toBe(400);
    expect(response.body.details).toEqual([{ field: '__proto__', message: 'is not allowed' }]);
  });

  it('takes an unborn child due from today to ten months ahead, and no other date', async () => {
    const unborn = (expectedDateOfBirth: string) => contactBody({ children: [{ givenName: 'Baby', familyName: 'Smith', expectedDateOfBirth }] });
    const problems = async (date: string) => (await post('/api/v1/contacts', unborn(date), `unborn-${date}`)).body.details;
    expect(await problems('0001-01-01')).toEqual([{ field: 'children.0.expectedDateOfBirth', message: 'must not be in the past (give dateOfBirth for a child already born)' }]);
    expect(await problems('9999-12-31')).toEqual([{ field: 'children.0.expectedDateOfBirth', message: 'must be at most 10 months ahead' }]);
    expect((await post('/api/v1/contacts', unborn('2027-09-23'), 'unborn-ok')).status).toBe(201);
  });

  it('limits intake per person, not per address, with a standard Retry-After and a plain message', async () => {
    for (let i = 0; i < 3; i++) expect((await post('/api/v1/contacts', contactBody(), 'busy-worker')).status).toBe(201);
    const refused = await post('/api/v1/contacts', contactBody(), 'busy-worker');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused.body.message).toMatch(/^You have sent 3 contacts in the last minute.*Try again in \d+ seconds; nothing was sent\.$/);
    expect(JSON.stringify(refused.body)).not.toMatch(/Throttler/);
    // A colleague at the same address has a budget of their own.
    expect((await post('/api/v1/contacts', contactBody(), 'their-colleague')).status).toBe(201);
  });

  it('tells browsers and proxies never to keep an api answer, and the queue dashboard does not announce Express', async () => {
    const practitioner = await app.token('practitioner');
    const queue = await app.http().get('/api/v1/episodes').set('Authorization', `Bearer ${practitioner}`);
    expect(queue.headers['cache-control']).toBe('no-store');
    const dashboard = await app.http().get('/admin/queues').set('Authorization', `Bearer ${await app.token('admin')}`);
    expect(dashboard.status).toBe(200);
    expect(dashboard.headers['x-powered-by']).toBeUndefined();
    expect(dashboard.headers['cache-control']).toBe('no-store');
  });
});
