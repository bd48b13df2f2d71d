import { DataSource } from 'typeorm';
import { actorsOf, Actors, createContact, getEpisode, sendEvent, step } from '../support/front-door-client';
import { startTestApp, TestApp } from '../support/test-app';

describe('nobody sees what is not theirs', () => {
  let app: TestApp;
  let actors: Actors;
  let episodeId: string;
  let contactId: string;
  let childId: string;

  beforeAll(async () => {
    app = await startTestApp({ now: '2026-11-23T09:00:00Z' });
    actors = await actorsOf(app);
    const contact = await createContact(app, actors.practitioner);
    episodeId = contact.episodes[0].id;
    childId = contact.episodes[0].childId;
    contactId = contact.id;
  });
  afterAll(() => app.close());

  const get = (path: string, token?: string) => {
    const request = app.http().get(path);
    return token ? request.set('Authorization', `Bearer ${token}`) : request;
  };

  it('asks for a token on every route but health', async () => {
    expect((await get('/api/v1/episodes')).status).toBe(401);
    expect((await get(`/api/v1/episodes/${episodeId}`, 'not-a-token')).status).toBe(401);
    expect((await get('/health/live')).status).toBe(200);
  });

  it('refuses a referrer the staff views of episodes, contacts and children', async () => {
    for (const path of ['/api/v1/episodes', `/api/v1/episodes/${episodeId}`, `/api/v1/episodes/${episodeId}/history`, `/api/v1/contacts/${contactId}`, `/api/v1/children/${childId}`]) {
      expect({ path, status: (await get(path, actors.referrer)).status }).toEqual({ path, status: 403 });
    }
    expect((await sendEvent(app, actors.referrer, episodeId, { type: 'SCREEN', outcome: 'concern' })).status).toBe(403);
  });

  it('refuses a partner the episodes, and shows them only their own agency’s checks', async () => {
    expect((await get('/api/v1/episodes', actors.partner)).status).toBe(403);
    expect((await sendEvent(app, actors.partner, episodeId, { type: 'RATE', rag: 'red', rationale: 'x' })).status).toBe(403);

    const contact = await createContact(app, actors.practitioner);
    const id = contact.episodes[0].id;
    await step(app, actors.practitioner, id, { type: 'SCREEN', outcome: 'concern' });
    await step(app, actors.practitioner, id, { type: 'REQUEST_AGENCY_CHECK', agency: 'health', question: 'Known to the health visitor?' });
    const police = await get('/api/v1/agency-checks', actors.partner);
    expect(police.status).toBe(200);
    expect(police.body).toMatchObject({ items: [], total: 0 });

    const healthPartner = await app.token('partner', { sub: 'hv-1', agency: 'health' });
    const health = await get('/api/v1/agency-checks', healthPartner);
    expect(health.body.items).toEqual([expect.objectContaining({ agency: 'health', question: 'Known to the health visitor?' })]);
    const checkId = health.body.items[0].id;

    const byPolice = await app.http()
      .post(`/api/v1/agency-checks/${checkId}/response`)
      .set('Authorization', `Bearer ${actors.partner}`)
      .send({ summary: 'Nothing known' });
    expect(byPolice.status).toBe(404);

    const answered = await app.http()
      .post(`/api/v1/agency-checks/${checkId}/response`)
      .set('Authorization', `Bearer ${healthPartner}`)
      .send({ summary: 'Known: missed two appointments' });
    expect(answered.status).toBe(200);
    const episode = await getEpisode(app, actors.practitioner, id);
    expect(episode.body.deadlines.find((d: { kind: string }) => d.kind === 'agency_check').status).toBe('met');
  });

  it('withdraws unanswered checks when the decision is signed off, without telling the partner why', async () => {
    const contact = await createContact(app, actors.practitioner);
    const id = contact.episodes[0].id;
    await step(app, actors.practitioner, id, { type: 'SCREEN', outcome: 'concern' });
    await step(app, actors.practitioner, id, { type: 'REQUEST_AGENCY_CHECK', agency: 'education', question: 'Attendance this term?' });
    const school = await app.token('partner', { sub: 'school-1', agency: 'education' });
    const [check] = (await get('/api/v1/agency-checks', school)).body.items;
    await step(app, actors.practitioner, id, { type: 'PROPOSE_DECISION', primaryNeed: 'N1', outcome: 'strategy_discussion', thresholdLevel: 4, rationale: 'r', feedbackForReferrer: 'f' });
    await step(app, actors.manager, id, { type: 'APPROVE_DECISION' });

    expect((await get('/api/v1/agency-checks', school)).body.items).toEqual([]);
    const late = await app.http().post(`/api/v1/agency-checks/${check.id}/response`).set('Authorization', `Bearer ${school}`).send({ summary: 'Attendance 61%' });
    expect(late.status).toBe(409);
    expect(late.body.message).toBe('This check is no longer open for an answer.');
    expect(JSON.stringify(late.body)).not.toMatch(/strategy|s47/);
  });

  it('hides another tenant’s records as if they did not exist', async () => {
    const elsewhere = await app.token('manager', { tenant: 'another-authority', sub: 'other-manager' });
    expect((await get(`/api/v1/episodes/${episodeId}`, elsewhere)).status).toBe(404);
    expect((await get(`/api/v1/contacts/${contactId}`, elsewhere)).status).toBe(404);
    expect((await get(`/api/v1/children/${childId}`, elsewhere)).status).toBe(404);
    expect((await get(`/api/v1/episodes/${episodeId}/history`, elsewhere)).status).toBe(404);
    expect((await sendEvent(app, elsewhere, episodeId, { type: 'SCREEN', outcome: 'concern' })).status).toBe(404);
    const list = await get('/api/v1/episodes', elsewhere);
    expect(list.body.items.map((e: { id: string }) => e.id)).not.toContain(episodeId);
  });

  it('keeps sign-off to managers', async () => {
    const contact = await createContact(app, actors.practitioner);
    const id = contact.episodes[0].id;
    await step(app, actors.practitioner, id, { type: 'SCREEN', outcome: 'concern' });
    await step(app, actors.practitioner, id, {
      type: 'PROPOSE_DECISION',
      primaryNeed: 'N1',
      outcome: 'family_help',
      thresholdLevel: 2,
      rationale: 'r',
      feedbackForReferrer: 'f',
    });
    expect((await sendEvent(app, actors.practitioner, id, { type: 'APPROVE_DECISION' })).status).toBe(403);
    expect((await sendEvent(app, actors.auditor, id, { type: 'APPROVE_DECISION' })).status).toBe(403);
  });

  it('writes every read of a child or an episode to the access log', async () => {
    await get(`/api/v1/episodes/${episodeId}`, actors.auditor);
    await get(`/api/v1/children/${childId}`, actors.manager);
    const db = app.app.get(DataSource);
    const rows: { actor_sub: string; subject_type: string; action: string }[] = await db.query(
      `SELECT actor_sub, subject_type, action FROM access_log WHERE tenant = $1 AND subject_id IN ($2, $3)`,
      [app.tenant, episodeId, childId],
    );
    expect(rows).toEqual(
      expect.arrayContaining([
        { actor_sub: 'ari-auditor', subject_type: 'episode', action: 'episode.read' },
        { actor_sub: 'morgan-manager', subject_type: 'child', action: 'child.read' },
      ]),
    );
  });
});
