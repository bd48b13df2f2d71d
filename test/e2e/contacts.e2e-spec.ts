import { actorsOf, Actors, contactBody, createContact, getEpisode } from '../support/front-door-client';
import { startTestApp, TestApp } from '../support/test-app';

describe('contacts arriving at the front door', () => {
  let app: TestApp;
  let actors: Actors;

  beforeAll(async () => {
    app = await startTestApp({ now: '2026-11-25T11:00:00Z' });
    actors = await actorsOf(app);
  });
  afterAll(() => app.close());

  const post = (token: string, body: unknown, key?: string) => {
    const request = app.http().post('/api/v1/contacts').set('Authorization', `Bearer ${token}`);
    if (key) request.set('Idempotency-Key', key);
    return request.send(body as object);
  };
  const countEpisodes = async () =>
    (await app.http().get('/api/v1/episodes?pageSize=1').set('Authorization', `Bearer ${actors.manager}`)).body.total as number;

  it('gives a reference, an episode per child in one household, and writes the acknowledgement to send', async () => {
    const body = contactBody({
      children: [
        { givenName: 'Ada', familyName: 'Jones', dateOfBirth: '2014-05-02' },
        { givenName: 'Ben', familyName: 'Jones', dateOfBirth: '2017-09-12' },
      ],
    });
    const response = await post(actors.practitioner, body);
    expect(response.status).toBe(201);
    expect(response.body.reference).toMatch(/^FD-2026-\d{6}$/);
    expect(response.body.episodes).toHaveLength(2);

    const contact = await app.http().get(`/api/v1/contacts/${response.body.id}`).set('Authorization', `Bearer ${actors.practitioner}`);
    expect(new Set(contact.body.episodes.map((e: { householdId: string }) => e.householdId)).size).toBe(1);
    // One acknowledgement for the contact, however many children it names.
    expect(contact.body.messages).toEqual([expect.objectContaining({ kind: 'acknowledgement', audience: 'referrer', status: 'pending' })]);

    const household = await app.http()
      .get(`/api/v1/episodes?householdId=${response.body.householdId}`)
      .set('Authorization', `Bearer ${actors.practitioner}`);
    expect(household.body.total).toBe(2);

    const episode = await getEpisode(app, actors.practitioner, response.body.episodes[0].id);
    // Received Wednesday 25 November: acknowledge and decide by the end of Thursday 26th (London).
    expect(episode.body.deadlines).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'acknowledgement', dueAt: '2026-11-26T23:59:59.999Z', status: 'open' }),
        expect.objectContaining({ kind: 'decision', dueAt: '2026-11-26T23:59:59.999Z', status: 'open' }),
      ]),
    );
  });

  it('shows a contact logged late with its decision deadline already breached, at the top of the queue', async () => {
    // A letter that arrived on Friday 20 November, logged on Wednesday 25th.
    const late = await createContact(app, actors.practitioner, contactBody({ channel: 'letter', receivedAt: '2026-11-20T09:30:00Z' }));
    const episode = await getEpisode(app, actors.practitioner, late.episodes[0].id);
    expect(episode.body.overdue).toBe(true);
    expect(episode.body.deadlines).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'decision', dueAt: '2026-11-23T23:59:59.999Z', status: 'breached', breachedAt: '2026-11-23T23:59:59.999Z' }),
      ]),
    );
    const queue = await app.http().get('/api/v1/episodes?open=true').set('Authorization', `Bearer ${actors.practitioner}`);
    expect(queue.body.items[0].id).toBe(late.episodes[0].id);
    const overdue = await app.http().get('/api/v1/episodes?overdue=true').set('Authorization', `Bearer ${actors.practitioner}`);
    expect(overdue.body.items.map((e: { id: string }) => e.id)).toContain(late.episodes[0].id);
  });

  it('does not let a referrer backdate a contact, nor anyone date one in the future', async () => {
    const before = await countEpisodes();
    const byReferrer = await post(actors.referrer, contactBody({ receivedAt: '2026-11-24T09:00:00Z', referrer: { name: 'Sam', feedbackChannel: 'portal' } }));
    expect(byReferrer.status).toBe(400);
    expect(byReferrer.body.details).toEqual([expect.objectContaining({ field: 'receivedAt' })]);
    const future = await post(actors.practitioner, contactBody({ receivedAt: '2026-11-26T09:00:00Z' }));
    expect(future.status).toBe(400);
    expect(future.body.details).toEqual([{ field: 'receivedAt', message: 'must not be in the future' }]);
    expect(await countEpisodes()).toBe(before);
  });

  it('answers a retried POST with the first contact, and refuses the same key for a different contact', async () => {
    const body = contactBody();
    const first = await post(actors.practitioner, body, 'retry-key-1');
    const again = await post(actors.practitioner, body, 'retry-key-1');
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers['idempotent-replayed']).toBe('true');

    const different = await post(actors.practitioner, contactBody({ channel: 'email' }), 'retry-key-1');
    expect(different.status).toBe(409);
  });

  it('answers simultaneous retries with one contact', async () => {
    const before = await countEpisodes();
    const body = contactBody();
    const responses = await Promise.all(Array.from({ length: 5 }, () => post(actors.practitioner, body, 'burst-key')));
    expect(responses.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
    expect(new Set(responses.map((r) => r.body.id)).size).toBe(1);
    expect(await countEpisodes()).toBe(before + 1);
  });

  it('names every invalid field, rejects unknown ones, and stores nothing', async () => {
    const before = await countEpisodes();
    const response = await post(actors.practitioner, {
      channel: 'pigeon',
      referrer: { name: '', sourceCode: '99', email: 'not-an-email', feedbackChannel: 'fax' },
      children: [
        { givenName: 'Ada', familyName: 'Smith', nhsNumber: '9434765918' },
        { givenName: 'Ben', familyName: 'Smith', dateOfBirth: '2015-02-30' },
      ],
      concern: { summary: 'x', categories: ['bad'], immediateRisk: 'yes' },
      consent: { obtained: true },
      shoeSize: 9,
    });
    expect(response.status).toBe(400);
    const fields = response.body.details.map((d: { field: string }) => d.field);
    expect(fields).toEqual(
      expect.arrayContaining([
        'channel',
        'referrer.name',
        'referrer.sourceCode',
        'referrer.email',
        'referrer.feedbackChannel',
        'children.0.nhsNumber',
        'children.0.dateOfBirth',
        'children.1.dateOfBirth',
        'concern.categories',
        'concern.immediateRisk',
        'shoeSize',
      ]),
    );
    expect(response.body.details.find((d: { field: string }) => d.field === 'shoeSize').message).toBe('is not allowed');
    expect(await countEpisodes()).toBe(before);
  });

  it.each([
    ['no children', { children: [] }, 'children'],
    ['21 children', { children: Array.from({ length: 21 }, () => ({ givenName: 'A', familyName: 'B', dateOfBirth: '2015-01-01' })) }, 'children'],
    ['an unknown referral source', { referrer: { name: 'Sam', sourceCode: '11', email: 's@example.org', feedbackChannel: 'email' } }, 'referrer.sourceCode'],
    ['a child born in the future', { children: [{ givenName: 'A', familyName: 'B', dateOfBirth: '2027-01-01' }] }, 'children.0.dateOfBirth'],
    ['children as a string', { children: 'Ada' }, 'children'],
  ])('refuses a contact with %s', async (_what, overrides, field) => {
    const response = await post(actors.practitioner, contactBody(overrides));
    expect(response.status).toBe(400);
    expect(response.body.details.map((d: { field: string }) => d.field)).toContain(field);
  });

  it('accepts an unborn child with an expected date of birth', async () => {
    const response = await post(
      actors.practitioner,
      contactBody({ children: [{ givenName: 'Baby', familyName: 'Smith', expectedDateOfBirth: '2027-02-14' }] }),
    );
    expect(response.status).toBe(201);
  });

  it('answers malformed JSON with 400 and an oversized body with 413', async () => {
    const malformed = await app.http()
      .post('/api/v1/contacts')
      .set('Authorization', `Bearer ${actors.practitioner}`)
      .set('Content-Type', 'application/json')
      .send('{"channel": ');
    expect(malformed.status).toBe(400);
    const huge = await post(actors.practitioner, contactBody({ concern: { summary: 'x'.repeat(300_000), categories: [], immediateRisk: false } }));
    expect(huge.status).toBe(413);
  });
});
