import { actorsOf, Actors, contactBody, createContact, getEpisode, sendEvent, step } from '../support/front-door-client';
import { startTestApp, TestApp } from '../support/test-app';

describe('events people send to an episode', () => {
  let app: TestApp;
  let actors: Actors;
  let episodeId: string;

  beforeAll(async () => {
    app = await startTestApp({ now: '2026-11-23T12:00:00Z' });
    actors = await actorsOf(app);
    episodeId = (await createContact(app, actors.practitioner)).episodes[0].id;
    await step(app, actors.practitioner, episodeId, { type: 'SCREEN', outcome: 'concern' });
  });
  afterAll(() => app.close());

  const history = async () =>
    (await app.http().get(`/api/v1/episodes/${episodeId}/history`).set('Authorization', `Bearer ${actors.practitioner}`)).body.items.length;

  it.each([
    ['no type', {}, ['type']],
    ['an unknown type', { type: 'TELEPORT' }, ['type']],
    ['a body that is not an object', [1, 2, 3], ['type']],
    ['a bad RAG rating and no rationale', { type: 'RATE', rag: 'purple' }, ['rag', 'rationale']],
    ['an unknown field', { type: 'RATE', rag: 'red', rationale: 'r', colour: 'blue' }, ['colour']],
    [
      'a decision with everything wrong',
      { type: 'PROPOSE_DECISION', outcome: 'jail', thresholdLevel: 9, feedbackForReferrer: 42, primaryNeed: 'N12' },
      ['outcome', 'thresholdLevel', 'rationale', 'feedbackForReferrer', 'primaryNeed'],
    ],
    ['an NFA without signposting', { type: 'PROPOSE_DECISION', outcome: 'nfa', thresholdLevel: 1, rationale: 'r', feedbackForReferrer: 'f' }, ['signposting']],
  ])('answers %s with 400, naming each field, and changes nothing', async (_what, body, fields) => {
    const before = await history();
    const response = await sendEvent(app, actors.practitioner, episodeId, body as Record<string, unknown>);
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    expect(response.body.details.map((d: { field: string }) => d.field).sort()).toEqual([...fields].sort());
    expect(await history()).toBe(before);
  });

  it('refuses a step dated in the future or before the step it follows', async () => {
    const id = (await createContact(app, actors.practitioner)).episodes[0].id;
    await step(app, actors.practitioner, id, { type: 'SCREEN', outcome: 'concern' });
    await step(app, actors.practitioner, id, { type: 'PROPOSE_DECISION', primaryNeed: 'N1', outcome: 'strategy_discussion', thresholdLevel: 4, rationale: 'r', feedbackForReferrer: 'f' });
    await step(app, actors.manager, id, { type: 'APPROVE_DECISION' });
    const future = await sendEvent(app, actors.practitioner, id, {
      type: 'HOLD_STRATEGY_DISCUSSION',
      heldAt: '2026-11-24T09:00:00Z',
      agencies: ['police'],
      outcome: 's47',
    });
    expect(future.status).toBe(400);
    expect(future.body.details).toEqual([expect.objectContaining({ field: 'heldAt' })]);
    const past = await sendEvent(app, actors.practitioner, id, {
      type: 'HOLD_STRATEGY_DISCUSSION',
      heldAt: '2026-11-20T09:00:00Z',
      agencies: ['police'],
      outcome: 's47',
    });
    expect(past.status).toBe(400);
    expect(past.body.details).toEqual([expect.objectContaining({ field: 'heldAt' })]);
    expect((await getEpisode(app, actors.practitioner, id)).body.stage).toBe('strategy_discussion');
  });

  it('records a strategy discussion held before the worker was allocated in the system', async () => {
    app.clock.set('2026-11-23T09:00:00Z');
    const id = (await createContact(app, actors.practitioner)).episodes[0].id;
    await step(app, actors.practitioner, id, { type: 'SCREEN', outcome: 'concern' });
    await step(app, actors.practitioner, id, { type: 'PROPOSE_DECISION', primaryNeed: 'N1', outcome: 'strategy_discussion', thresholdLevel: 4, rationale: 'r', feedbackForReferrer: 'f' });
    await step(app, actors.manager, id, { type: 'APPROVE_DECISION' });
    app.clock.set('2026-11-23T11:00:00Z');
    await step(app, actors.manager, id, { type: 'ALLOCATE', workerId: 'sw-2', team: 'north' });
    const held = await step(app, actors.practitioner, id, {
      type: 'HOLD_STRATEGY_DISCUSSION',
      heldAt: '2026-11-23T10:00:00Z',
      agencies: ['police', 'health'],
      outcome: 's47',
    });
    expect(held.stage).toBe('s47_enquiry');
  });

  it('asks for the reason when an assessment finishes after 45 working days', async () => {
    app.clock.set('2026-11-23T12:00:00Z');
    const id = (await createContact(app, actors.practitioner)).episodes[0].id;
    await step(app, actors.practitioner, id, { type: 'SCREEN', outcome: 'concern' });
    await step(app, actors.practitioner, id, { type: 'PROPOSE_DECISION', primaryNeed: 'N1', outcome: 'assessment', thresholdLevel: 3, rationale: 'r', feedbackForReferrer: 'f' });
    await step(app, actors.manager, id, { type: 'APPROVE_DECISION' });
    await step(app, actors.manager, id, { type: 'ALLOCATE', workerId: 'sw-1', team: 'west' });
    await step(app, actors.practitioner, id, { type: 'RECORD_CHILD_SEEN', seenAt: '2026-11-23T12:00:00Z', seenAlone: false });
    app.clock.set('2027-02-15T12:00:00Z');
    const late = { type: 'COMPLETE_ASSESSMENT', completedAt: '2027-02-15T11:00:00Z', outcome: 'nfa', factors: ['21'], primaryNeed: 'N9', feedbackForReferrer: 'No services needed.' };
    const refused = await sendEvent(app, actors.practitioner, id, late);
    expect(refused.status).toBe(400);
    expect(refused.body.details).toEqual([expect.objectContaining({ field: 'reasonForDelay' })]);
    const done = await step(app, actors.practitioner, id, { ...late, reasonForDelay: 'Family moved twice during the assessment' });
    expect(done.deadlines.find((d: { kind: string }) => d.kind === 'assessment')).toMatchObject({ status: 'breached', completedAt: '2027-02-15T11:00:00.000Z' });
  });

  it('will not forward to an open case that does not exist, nor merge into a contact that does not', async () => {
    app.clock.set('2026-11-23T12:00:00Z');
    const newChild = contactBody({ children: [{ givenName: 'Ola', familyName: 'Newcomer', dateOfBirth: '2019-01-01' }] });
    const contact = await createContact(app, actors.practitioner, newChild);
    const id = contact.episodes[0].id;
    const forwarded = await sendEvent(app, actors.practitioner, id, { type: 'SCREEN', outcome: 'open_case' });
    expect(forwarded.status).toBe(400);
    expect(forwarded.body.details).toEqual([expect.objectContaining({ field: 'outcome' })]);
    for (const duplicateOfContactId of ['00000000-0000-4000-8000-000000000000', contact.id]) {
      const merged = await sendEvent(app, actors.practitioner, id, { type: 'SCREEN', outcome: 'duplicate', duplicateOfContactId });
      expect(merged.status).toBe(400);
      expect(merged.body.details).toEqual([expect.objectContaining({ field: 'duplicateOfContactId' })]);
    }
    expect((await getEpisode(app, actors.practitioner, id)).body.stage).toBe('screening');
  });

  it('answers an unknown episode with 404, and a malformed id the same way', async () => {
    expect((await sendEvent(app, actors.practitioner, '00000000-0000-4000-8000-000000000000', { type: 'SCREEN', outcome: 'concern' })).status).toBe(404);
    expect((await getEpisode(app, actors.practitioner, 'not-a-uuid')).status).toBe(404);
  });
});

describe('what Front Door publishes about itself', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('serves the pathway with its states, events and a Mermaid diagram', async () => {
    const token = await app.token('practitioner');
    const response = await app.http().get('/api/v1/pathway').set('Authorization', `Bearer ${token}`);
    expect(response.status).toBe(200);
    const [machine] = response.body.machines;
    expect(machine).toMatchObject({ id: 'pathway', version: 1 });
    expect(machine.events).toEqual(expect.arrayContaining(['SCREEN', 'APPROVE_DECISION', 'HOLD_ICPC', 'CLOSE']));
    expect(machine.mermaid).toMatch(/^stateDiagram-v2/);
  });

  it('documents every route of the contract in the OpenAPI', async () => {
    expect((await app.http().get('/docs-json')).status).toBe(401);
    const response = await app.http().get('/docs-json').set('Authorization', `Bearer ${await app.token('referrer')}`);
    expect(response.status).toBe(200);
    const paths = Object.keys(response.body.paths);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/api/v1/contacts',
        '/api/v1/contacts/{id}',
        '/api/v1/episodes',
        '/api/v1/episodes/{id}',
        '/api/v1/episodes/{id}/history',
        '/api/v1/episodes/{id}/events',
        '/api/v1/children/{id}',
        '/api/v1/pathway',
        '/api/v1/agency-checks',
        '/api/v1/agency-checks/{id}/response',
        '/health/live',
        '/health/ready',
      ]),
    );
  });

  it('documents each event a person sends, with its fields, in the OpenAPI', async () => {
    const response = await app.http().get('/docs-json').set('Authorization', `Bearer ${await app.token('practitioner')}`);
    const body = response.body.paths['/api/v1/episodes/{id}/events'].post.requestBody.content['application/json'].schema;
    expect(body.discriminator.propertyName).toBe('type');
    expect(body.oneOf).toContainEqual({ $ref: '#/components/schemas/HoldIcpcEvent' });
    expect(response.body.components.schemas.HoldIcpcEvent.properties.category.enum).toEqual(['NEG', 'PHY', 'SAB', 'EMO', 'MUL']);
  });
});
