import { actorsOf, Actors, contactBody, createContact, step } from '../support/front-door-client';
import { startTestApp, TestApp } from '../support/test-app';

/** The front-door queue as a worker meets it in the morning (issue 9 §3). */
describe('the queue puts the child in most danger first', () => {
  let app: TestApp;
  let actors: Actors;

  beforeAll(async () => {
    app = await startTestApp({ now: '2026-11-23T09:00:00Z' });
    actors = await actorsOf(app);
  });
  afterAll(() => app.close());

  const queue = async (query = '') => {
    const response = await app.http().get(`/api/v1/episodes?pageSize=200${query}`).set('Authorization', `Bearer ${actors.practitioner}`);
    expect(response.status).toBe(200);
    return response.body.items as any[];
  };
  const child = (givenName: string, dateOfBirth = '2014-05-02') => ({ givenName, familyName: 'Queue', dateOfBirth, address: { postcode: 'BA14 8AA' } });

  it('shows a child at immediate risk above every routine contact, breached or not, until screened, rated red from receipt', async () => {
    // Six routine contacts from last week, their decisions already breached.
    app.clock.set(new Date('2026-11-16T09:00:00Z'));
    for (let i = 1; i <= 6; i++) await createContact(app, actors.practitioner, contactBody({ children: [child(`Routine${i}`)] }));
    app.clock.set(new Date('2026-11-23T09:00:00Z'));
    const urgent = await createContact(app, actors.practitioner, contactBody({
      children: [child('Ruby', '2019-11-24')],
      concern: { summary: 'Ruby was left alone overnight.\nNeighbour heard crying.', categories: ['neglect'], immediateRisk: true },
    }));
    for (let i = 7; i <= 9; i++) await createContact(app, actors.practitioner, contactBody({ children: [child(`Routine${i}`)] }));

    const [first, second] = await queue();
    expect(first).toMatchObject({
      id: urgent.episodes[0].id,
      stage: 'screening',
      rag: 'red',
      child: { name: 'Ruby Queue', ageYears: 6, unborn: false },
      concern: { firstLine: 'Ruby was left alone overnight.', immediateRisk: true },
      referrer: { organisation: 'Wiltshire Youth Service' },
      nextDeadline: { kind: 'mash_checks', dueAt: '2026-11-23T13:00:00.000Z', status: 'open' },
    });
    expect(second).toMatchObject({ concern: { immediateRisk: false }, rag: null, overdue: true });
    expect(second.child.name).toMatch(/^Routine[1-6] Queue$/);

    // Reading the episode is not screening it.
    await app.http().get(`/api/v1/episodes/${urgent.episodes[0].id}`).set('Authorization', `Bearer ${actors.practitioner}`);
    expect((await queue())[0].id).toBe(urgent.episodes[0].id);

    // Once screened, it takes its place by its deadlines like any other child.
    await step(app, actors.practitioner, urgent.episodes[0].id, { type: 'SCREEN', outcome: 'concern' });
    const after = await queue();
    expect(after[0].child.name).toMatch(/^Routine[1-6] Queue$/);
    expect(after.find((item) => item.id === urgent.episodes[0].id)).toMatchObject({
      stage: 'triage',
      rag: 'red',
      nextDeadline: { kind: 'mash_checks', dueAt: '2026-11-23T13:00:00.000Z' },
    });
  });

  it('shows open episodes unless asked for closed ones', async () => {
    const redirected = await createContact(app, actors.practitioner, contactBody({ children: [child('Gone')] }));
    await step(app, actors.practitioner, redirected.episodes[0].id, { type: 'SCREEN', outcome: 'redirect', redirectedTo: 'Adult social care' });
    const id = redirected.episodes[0].id;
    expect((await queue()).map((item) => item.id)).not.toContain(id);
    expect((await queue('&open=false')).map((item) => item.id)).toContain(id);
    expect((await queue('&open=all')).map((item) => item.id)).toContain(id);
  });
});
