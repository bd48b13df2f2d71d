import { actorsOf, Actors, createContact, getEpisode, sendEvent, step } from '../support/front-door-client';
import { startTestApp, TestApp } from '../support/test-app';

describe('people acting on one episode at the same moment', () => {
  let app: TestApp;
  let actors: Actors;

  beforeAll(async () => {
    app = await startTestApp({ now: '2026-11-23T09:00:00Z' });
    actors = await actorsOf(app);
  });
  afterAll(() => app.close());

  async function awaitingSignOff(): Promise<string> {
    const contact = await createContact(app, actors.practitioner);
    const id = contact.episodes[0].id;
    await step(app, actors.practitioner, id, { type: 'SCREEN', outcome: 'concern' });
    await step(app, actors.practitioner, id, {
      type: 'PROPOSE_DECISION',
      primaryNeed: 'N1',
      outcome: 'assessment',
      thresholdLevel: 3,
      rationale: 'Needs assessment',
      feedbackForReferrer: 'A social worker will assess Ada’s needs.',
    });
    return id;
  }

  it('lets exactly one of ten simultaneous sign-offs through; the rest are told it changed', async () => {
    const id = await awaitingSignOff();
    const managers = await Promise.all(Array.from({ length: 10 }, (_, i) => app.token('manager', { sub: `manager-${i}` })));
    const responses = await Promise.all(managers.map((token) => sendEvent(app, token, id, { type: 'APPROVE_DECISION', note: 'Agreed' })));
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(9);
    for (const refused of responses.filter((r) => r.status === 409)) {
      expect(refused.body.allowedEvents).toEqual(expect.any(Array));
    }

    const history = await app.http().get(`/api/v1/episodes/${id}/history`).set('Authorization', `Bearer ${actors.manager}`);
    expect(history.body.items.filter((h: { type: string }) => h.type === 'APPROVE_DECISION')).toHaveLength(1);
    expect(history.body.items.map((h: { sequence: number }) => h.sequence)).toEqual([1, 2, 3, 4]);
    const contact = await app.http()
      .get(`/api/v1/contacts/${(await getEpisode(app, actors.manager, id)).body.contactId}`)
      .set('Authorization', `Bearer ${actors.manager}`);
    expect(contact.body.messages.filter((m: { kind: string }) => m.kind === 'decision')).toHaveLength(1);
  });

  it('refuses a step made on a stale read (If-Match) and says what is allowed now', async () => {
    const id = await awaitingSignOff();
    const read = await getEpisode(app, actors.manager, id);
    await step(app, actors.manager, id, { type: 'RETURN_DECISION', reason: 'More from health' });
    const stale = await app.http()
      .post(`/api/v1/episodes/${id}/events`)
      .set('Authorization', `Bearer ${actors.manager}`)
      .set('If-Match', String(read.body.version))
      .send({ type: 'APPROVE_DECISION' });
    expect(stale.status).toBe(409);
    expect(stale.body.allowedEvents).toContain('PROPOSE_DECISION');
  });

  it('answers an event the episode cannot take now with 409 and the events it can', async () => {
    const contact = await createContact(app, actors.practitioner);
    const response = await sendEvent(app, actors.manager, contact.episodes[0].id, { type: 'APPROVE_DECISION' });
    expect(response.status).toBe(409);
    expect(response.body.allowedEvents).toEqual(['SCREEN']);
  });
});
