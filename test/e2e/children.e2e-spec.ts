import { actorsOf, Actors, contactBody, createContact, step } from '../support/front-door-client';
import { startTestApp, TestApp } from '../support/test-app';

const DAY = 24 * 60 * 60 * 1000;

describe('knowing the child: matching to earlier records', () => {
  let app: TestApp;
  let actors: Actors;

  beforeAll(async () => {
    app = await startTestApp({ now: '2026-03-02T10:00:00Z' });
    actors = await actorsOf(app);
  });
  afterAll(() => app.close());

  const child = (overrides: Record<string, unknown>) =>
    contactBody({
      children: [{ givenName: 'Cara', familyName: 'Lee', dateOfBirth: '2016-01-10', address: { postcode: 'SN1 1AA' }, ...overrides }],
    });

  async function referAndAllocate(body: Record<string, unknown>) {
    const contact = await createContact(app, actors.practitioner, body);
    const id = contact.episodes[0].id;
    await step(app, actors.practitioner, id, { type: 'SCREEN', outcome: 'concern' });
    await step(app, actors.practitioner, id, {
      type: 'PROPOSE_DECISION',
      primaryNeed: 'N1',
      outcome: 'assessment',
      thresholdLevel: 3,
      rationale: 'r',
      feedbackForReferrer: 'f',
    });
    await step(app, actors.manager, id, { type: 'APPROVE_DECISION' });
    await step(app, actors.manager, id, { type: 'ALLOCATE', workerId: 'sw-rosa', team: 'north' });
    return contact;
  }

  it('matches a valid NHS number exactly, whatever the name is spelt', async () => {
    const first = await createContact(app, actors.practitioner, child({ nhsNumber: '4010232137' }));
    const second = await createContact(app, actors.practitioner, child({ givenName: 'Kara', nhsNumber: '401 023 2137' }));
    expect(second.episodes[0].childId).toBe(first.episodes[0].childId);
  });

  it('matches on name, date of birth and postcode when there is no NHS number', async () => {
    const first = await createContact(app, actors.practitioner, child({ givenName: 'Dee', familyName: 'Ng' }));
    const second = await createContact(app, actors.practitioner, child({ givenName: ' dee ', familyName: 'NG', address: { postcode: 'sn11aa' } }));
    const differentBirthday = await createContact(app, actors.practitioner, child({ givenName: 'Dee', familyName: 'Ng', dateOfBirth: '2016-01-11' }));
    expect(second.episodes[0].childId).toBe(first.episodes[0].childId);
    expect(differentBirthday.episodes[0].childId).not.toBe(first.episodes[0].childId);
  });

  it('flags an open case with its worker so screening can forward, and marks a re-referral within 12 months', async () => {
    app.clock.set('2026-03-02T10:00:00Z');
    const body = child({ givenName: 'Eli', familyName: 'Ward', nhsNumber: '9434765919' });
    const first = await referAndAllocate(body);

    app.clock.advance(40 * DAY);
    const again = await app.http().post('/api/v1/contacts').set('Authorization', `Bearer ${actors.practitioner}`).send(body);
    expect(again.status).toBe(201);
    expect(again.body.episodes[0]).toMatchObject({ childId: first.episodes[0].childId, reReferral: true, openCaseEpisodeId: first.episodes[0].id });

    const record = await app.http().get(`/api/v1/children/${first.episodes[0].childId}`).set('Authorization', `Bearer ${actors.practitioner}`);
    expect(record.status).toBe(200);
    expect(record.body).toMatchObject({
      givenName: 'Eli',
      nhsNumber: '9434765919',
      referralsInLast12Months: 1,
      allocatedWorker: 'sw-rosa',
      openEpisodes: expect.arrayContaining([expect.objectContaining({ id: first.episodes[0].id, workerId: 'sw-rosa' })]),
    });
    expect(record.body.episodes).toHaveLength(2);

    // Forwarded to the allocated worker, who is told.
    const forwarded = await step(app, actors.practitioner, again.body.episodes[0].id, { type: 'SCREEN', outcome: 'open_case' });
    expect(forwarded.outcome).toBe('forwarded');
    const contact = await app.http().get(`/api/v1/contacts/${again.body.id}`).set('Authorization', `Bearer ${actors.practitioner}`);
    expect(contact.body.messages).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: 'forward_to_allocated_worker', audience: 'worker', channel: 'staff' })]),
    );
    // The allocated worker finds it in their inbox, in plain words; another worker does not.
    const rosa = await app.token('practitioner', { sub: 'sw-rosa', name: 'Rosa' });
    const inbox = await app.http().get('/api/v1/inbox').set('Authorization', `Bearer ${rosa}`);
    expect(inbox.body.items).toEqual([
      expect.objectContaining({ kind: 'forward_to_allocated_worker', contactId: again.body.id, subject: expect.stringContaining('New contact') }),
    ]);
    const other = await app.token('practitioner', { sub: 'sw-someone-else' });
    expect((await app.http().get('/api/v1/inbox').set('Authorization', `Bearer ${other}`)).body.items).toEqual([]);
  });

  it('does not call a referral more than 12 months after the last one a re-referral', async () => {
    app.clock.set('2026-03-02T10:00:00Z');
    const body = child({ givenName: 'Fin', familyName: 'Hart' });
    await referAndAllocate(body);
    app.clock.advance(400 * DAY);
    const later = await createContact(app, actors.practitioner, body);
    expect(later.episodes[0].reReferral).toBe(false);
  });
});
