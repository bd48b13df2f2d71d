import { actorsOf, Actors, contactBody, createContact, step } from '../support/front-door-client';
import { startTestApp, TestApp } from '../support/test-app';

describe('reports and returns for managers and auditors', () => {
  let app: TestApp;
  let actors: Actors;

  beforeAll(async () => {
    // The tenant must be a DfE local authority number for the CIN census.
    app = await startTestApp({ now: '2026-11-23T09:00:00Z' });
    actors = await actorsOf(app);
    const contact = await createContact(app, actors.practitioner);
    const id = contact.episodes[0].id;
    await step(app, actors.practitioner, id, { type: 'SCREEN', outcome: 'concern' });
    await step(app, actors.practitioner, id, {
      type: 'PROPOSE_DECISION',
      outcome: 'nfa',
      thresholdLevel: 1,
      rationale: 'r',
      feedbackForReferrer: 'f',
      signposting: 's',
      primaryNeed: 'N9',
    });
    await step(app, actors.manager, id, { type: 'APPROVE_DECISION' });
  });
  afterAll(() => app.close());

  const get = (path: string, token: string) => app.http().get(path).set('Authorization', `Bearer ${token}`);
  const routes = [
    '/api/v1/reports/indicators?from=2026-11-01&to=2026-11-30',
    '/api/v1/reports/exceptions?marginWorkingDays=2',
    '/api/v1/reports/caseload',
    '/api/v1/exports/cin-census?year=2027',
    '/api/v1/exports/annex-a/3?from=2026-11-01&to=2026-11-30',
  ];

  it('refuses referrers, partners and practitioners every report and export', async () => {
    for (const token of [actors.referrer, actors.partner, actors.practitioner]) {
      for (const path of routes) expect({ path, status: (await get(path, token)).status }).toEqual({ path, status: 403 });
    }
  });

  it('gives managers and auditors the indicators with numerators and denominators, and the exception list', async () => {
    const indicators = await get(routes[0], actors.auditor);
    expect(indicators.status).toBe(200);
    expect(JSON.stringify(indicators.body)).toMatch(/"numerator":\d+,"denominator":\d+/);
    expect(indicators.body.previous).toBeDefined();

    const exceptions = await get(routes[1], actors.manager);
    expect(exceptions.status).toBe(200);
    expect(exceptions.body.items).toEqual(expect.any(Array));
  });

  it('reports this month beside the previous month when no period is given', async () => {
    const indicators = await get('/api/v1/reports/indicators', actors.manager);
    expect(indicators.status).toBe(200);
    expect(indicators.body.current).toMatchObject({ from: '2026-11-01', to: '2026-11-30' });
    expect(indicators.body.previous).toMatchObject({ from: '2026-10-01', to: '2026-10-31' });
    // One day without the other is a mistake, not a default.
    expect((await get('/api/v1/reports/indicators?from=2026-11-01', actors.manager)).body.details).toEqual([
      { field: 'to', message: 'is required (a date, YYYY-MM-DD)' },
    ]);
  });

  it('names a bad period or margin', async () => {
    const bad = await get('/api/v1/reports/indicators?from=2026-13-01&to=yesterday', actors.manager);
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['from', 'to']);
    expect((await get('/api/v1/reports/exceptions?marginWorkingDays=-3', actors.manager)).status).toBe(400);
    expect((await get('/api/v1/exports/annex-a/9?from=2026-11-01&to=2026-11-30', actors.manager)).status).toBe(400);
  });

  it('takes disabilities at intake, drafts a CIN return still being fixed, and takes a manager’s amendment', async () => {
    // The CIN census needs a tenant that is a DfE local authority number; this file's alone.
    const tenant = '938';
    const la = {
      practitioner: await app.token('practitioner', { tenant }),
      manager: await app.token('manager', { tenant }),
      auditor: await app.token('auditor', { tenant }),
    };
    const child = { givenName: 'Bo', familyName: 'Lee', dateOfBirth: '2013-01-01', sex: 'M' };
    const wrong = await app
      .http()
      .post('/api/v1/contacts')
      .set('Authorization', `Bearer ${la.practitioner}`)
      .send(contactBody({ children: [{ ...child, disabilities: ['NONE', 'SPEECH'] }] }));
    expect(wrong.status).toBe(400);
    expect(wrong.body.details.map((d: { field: string }) => d.field)).toContain('children.0.disabilities');

    // Family Help for a child whose disabilities nobody could give: the DfE needs them (rule 8540).
    const id = (await createContact(app, la.practitioner, contactBody({ children: [child] }))).episodes[0].id;
    await step(app, la.practitioner, id, { type: 'SCREEN', outcome: 'concern' });
    await step(app, la.practitioner, id, {
      type: 'PROPOSE_DECISION', outcome: 'family_help', thresholdLevel: 2, rationale: 'r', feedbackForReferrer: 'f', primaryNeed: 'N4',
    });
    await step(app, la.manager, id, { type: 'APPROVE_DECISION' });
    const heard = (await createContact(app, la.practitioner, contactBody({ children: [{ ...child, givenName: 'Cy', disabilities: ['HEAR'] }] })))
      .episodes[0].id;
    await step(app, la.practitioner, heard, { type: 'SCREEN', outcome: 'concern' });
    await step(app, la.practitioner, heard, {
      type: 'PROPOSE_DECISION', outcome: 'family_help', thresholdLevel: 2, rationale: 'r', feedbackForReferrer: 'f', primaryNeed: 'N4',
    });
    await step(app, la.manager, heard, { type: 'APPROVE_DECISION' });

    const refused = await get('/api/v1/exports/cin-census?year=2027', la.manager);
    expect(refused.status).toBe(422);
    expect(refused.body.problems.map((p: { rule: string }) => p.rule)).toEqual(['8540']);
    const draft = await get('/api/v1/exports/cin-census?year=2027&draft=true', la.auditor);
    expect(draft.status).toBe(200);
    expect(draft.body).toMatchObject({ draft: true, problems: [{ rule: '8540' }] });
    expect(draft.body.xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<Message>/);
    expect(draft.body.xml).toContain('<Disability>HEAR</Disability>');
    // The draft lists children too: each is access-logged, as the return itself is.
    const logged = await get('/api/v1/access-log?pageSize=200', la.manager);
    const draftEntries = logged.body.items.filter((entry: { action: string }) => entry.action === 'export.cin_census_draft');
    expect(draftEntries).toHaveLength(2);
    expect(draftEntries[0]).toMatchObject({ subjectType: 'child', detail: { year: 2027, children: 2 } });
    expect((await get('/api/v1/exports/cin-census?year=2027&draft=maybe', la.manager)).status).toBe(400);

    await step(app, la.manager, id, { type: 'AMEND_RECORD', reason: 'Confirmed with the family', disabilities: ['AUT'] });
    const sent = await get('/api/v1/exports/cin-census?year=2027', la.manager);
    expect(sent.status).toBe(200);
    expect(sent.text).toContain('<Disability>AUT</Disability>');
  });

  it('exports Annex A as CSV with Ofsted’s header', async () => {
    const csv = await get(routes[4], actors.manager);
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.text.split('\n')[0]).toMatch(/Child Unique ID/i);
  });
});

describe('the access log of exports and reports', () => {
  let app: TestApp;
  let actors: Actors;
  let childId: string;

  beforeAll(async () => {
    app = await startTestApp({ now: '2026-11-23T09:00:00Z' });
    actors = await actorsOf(app);
    const contact = await createContact(app, actors.practitioner);
    childId = contact.episodes[0].childId;
    await step(app, actors.practitioner, contact.episodes[0].id, { type: 'SCREEN', outcome: 'concern' });
    // The decision is due by the end of today: tomorrow it is an exception.
    app.clock.set(new Date('2026-11-25T09:00:00Z'));
  });
  afterAll(() => app.close());

  const get = (path: string, token: string) => app.http().get(path).set('Authorization', `Bearer ${token}`);

  it('logs every child an export or report listed, who asked and how many children it held, for auditors to search', async () => {
    const exceptions = await get('/api/v1/reports/exceptions?marginWorkingDays=2', actors.manager);
    expect(exceptions.body.items.map((i: { childId: string }) => i.childId)).toContain(childId);
    const annex = await get('/api/v1/exports/annex-a/1?from=2026-11-01&to=2026-11-30', actors.manager);
    expect(annex.status).toBe(200);

    const log = await get(`/api/v1/access-log?childId=${childId}&actor=morgan-manager&pageSize=200`, actors.auditor);
    expect(log.status).toBe(200);
    const actions = log.body.items.map((entry: { action: string }) => entry.action);
    expect(actions).toEqual(expect.arrayContaining(['report.exceptions', 'export.annex_a_list_1']));
    const annexEntry = log.body.items.find((entry: { action: string }) => entry.action === 'export.annex_a_list_1');
    expect(annexEntry).toMatchObject({
      actor: { sub: 'morgan-manager', roles: ['manager'] },
      subjectType: 'child',
      subjectId: childId,
      detail: { list: 1, from: '2026-11-01', to: '2026-11-30', children: 1 },
    });
  });

  it('logs the search of the log itself, and shows another tenant nothing', async () => {
    await get(`/api/v1/access-log?childId=${childId}`, actors.auditor);
    const searches = await get('/api/v1/access-log?actor=ari-auditor&from=2026-11-25&to=2026-11-25', actors.manager);
    const search = searches.body.items.find((e: { action: string }) => e.action === 'access_log.search');
    expect(search).toMatchObject({ actor: { sub: 'ari-auditor' }, subjectType: 'access_log', detail: { childId, results: expect.any(Number) } });

    const elsewhere = await app.token('auditor', { tenant: `${app.tenant}-elsewhere`, sub: 'ari-auditor' });
    const theirs = await get(`/api/v1/access-log?childId=${childId}`, elsewhere);
    expect(theirs.status).toBe(200);
    expect(theirs.body).toMatchObject({ items: [], total: 0 });
  });

  it('names bad filters and refuses everyone but auditors and managers', async () => {
    const bad = await get('/api/v1/access-log?childId=nope&from=2026-02-30&to=yesterday', actors.auditor);
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['childId', 'from', 'to']);
    for (const token of [actors.practitioner, actors.referrer, actors.partner, actors.admin]) {
      expect((await get('/api/v1/access-log', token)).status).toBe(403);
    }
  });
});
