import { startSmtpSink, SmtpSink } from '../../libs/notifications/src/testing/smtp-sink';
import { startWebhookReceiver, WebhookReceiver } from '../../libs/notifications/src/testing/webhook-receiver';
import { verifyWebhookSignature } from '../../libs/notifications/src';
import { eventually } from '../support/eventually';
import { actorsOf, Actors, contactBody, getEpisode, step } from '../support/front-door-client';
import { startTestApp, TestApp } from '../support/test-app';

const INTERNAL_RATIONALE = 'Police hold three call-outs to the address; mother’s partner has a caution';
const PARTNER_SECRET = 'partner-system-shared-secret-1234';

describe('the referrer is told, in plain words, what happened and why', () => {
  let app: TestApp;
  let actors: Actors;
  let smtp: SmtpSink;
  let partner: WebhookReceiver;

  beforeAll(async () => {
    smtp = await startSmtpSink();
    partner = await startWebhookReceiver();
    app = await startTestApp({
      now: '2026-11-23T09:00:00Z',
      withWorker: true,
      env: { SMTP_URL: smtp.url, MAIL_FROM: 'Front Door <front-door@council.example>' },
      settings: {},
    });
    actors = await actorsOf(app);
  });
  afterAll(async () => {
    await app.close();
    await smtp.close();
    await partner.close();
  });

  /**
   * The mails sent about one contact, known by their idempotency keys (references repeat across
   * tenants, and this worker also delivers what earlier tests left in the shared database).
   */
  async function mailsFor(contactId: string) {
    const contact = await app.http().get(`/api/v1/contacts/${contactId}`).set('Authorization', `Bearer ${actors.practitioner}`);
    const keys = new Set((contact.body.messages as { id: string }[]).map((m) => `front-door-message-${m.id}`));
    return smtp.received.filter((mail) => keys.has(mail.headers['x-idempotency-key']));
  }

  async function referAsYouthWorker(overrides: Record<string, unknown> = {}) {
    const response = await app.http()
      .post('/api/v1/contacts')
      .set('Authorization', `Bearer ${actors.referrer}`)
      .send(contactBody({ channel: 'portal', ...overrides }));
    expect(response.status).toBe(201);
    return response.body as { id: string; reference: string; episodes: { id: string }[] };
  }

  it('acknowledges, gives the decision with its reasons, invites them in, and tells them the outcome', async () => {
    const contact = await referAsYouthWorker();
    const id = contact.episodes[0].id;

    const acknowledgement = await eventually(async () => (await mailsFor(contact.id)).find((mail) => mail.to.includes('sam.patel@example.org')));
    expect(acknowledgement.text).toContain(contact.reference);
    // Delivered the same day: the acknowledgement deadline is met.
    await eventually(async () => {
      const episode = await getEpisode(app, actors.practitioner, id);
      return episode.body.deadlines.find((d: { kind: string; status: string }) => d.kind === 'acknowledgement' && d.status === 'met');
    });

    await step(app, actors.practitioner, id, { type: 'SCREEN', outcome: 'concern' });
    await step(app, actors.practitioner, id, { type: 'RATE', rag: 'amber', rationale: INTERNAL_RATIONALE });
    await step(app, actors.practitioner, id, {
      type: 'PROPOSE_DECISION',
      primaryNeed: 'N1',
      outcome: 'assessment',
      thresholdLevel: 3,
      rationale: INTERNAL_RATIONALE,
      feedbackForReferrer: 'Thank you for telling us. A social worker will assess what Ada and her family need.',
    });
    await step(app, actors.manager, id, { type: 'APPROVE_DECISION', note: 'Agreed' });
    const decision = await eventually(async () => (await mailsFor(contact.id)).find((mail) => /decision/i.test(mail.subject)));
    expect(decision.text).toContain('A social worker will assess what Ada and her family need.');

    await step(app, actors.manager, id, {
      type: 'ALLOCATE',
      workerId: 'sw-jo',
      team: 'west',
      workerName: 'Jo Bloggs',
      workerContact: 'jo.bloggs@council.example',
    });
    const invitation = await eventually(async () => (await mailsFor(contact.id)).find((mail) => mail.text.includes('Jo Bloggs')));
    expect(invitation.text).toContain('jo.bloggs@council.example');

    // The referrer adds what they know; the worker sees it in the history.
    const contribution = await app.http()
      .post(`/api/v1/referrals/mine/${contact.id}/contributions`)
      .set('Authorization', `Bearer ${actors.referrer}`)
      .send({ text: 'Ada told me she is scared of going home on Fridays.' });
    expect(contribution.status).toBe(201);
    const history = await app.http().get(`/api/v1/episodes/${id}/history`).set('Authorization', `Bearer ${actors.practitioner}`);
    expect(history.body.items.at(-1)).toMatchObject({ type: 'CONTRIBUTE', payload: { text: 'Ada told me she is scared of going home on Fridays.' } });

    app.clock.advance(2 * 24 * 3600 * 1000);
    await step(app, actors.practitioner, id, { type: 'RECORD_CHILD_SEEN', seenAt: app.clock.now().toISOString(), seenAlone: true });
    await step(app, actors.practitioner, id, {
      type: 'COMPLETE_ASSESSMENT',
      completedAt: app.clock.now().toISOString(),
      outcome: 'cin_plan',
      factors: ['3B'],
      primaryNeed: 'N1',
      feedbackForReferrer: 'Ada will have a child in need plan; her social worker will keep in touch with you.',
    });
    const outcome = await eventually(async () => (await mailsFor(contact.id)).find((mail) => mail.text.includes('child in need plan')));
    expect(outcome.text).toContain('her social worker will keep in touch with you');

    // Nothing the referrer received carries the internal rationale.
    for (const mail of await mailsFor(contact.id)) expect(mail.raw).not.toContain('three call-outs');

    const mine = await app.http().get(`/api/v1/referrals/mine/${contact.id}`).set('Authorization', `Bearer ${actors.referrer}`);
    expect(mine.status).toBe(200);
    expect(mine.body.children[0]).toMatchObject({
      status: 'decided',
      decision: { outcome: 'assessment' },
      assessment: { outcome: 'cin_plan' },
    });
    expect(JSON.stringify(mine.body)).not.toContain('three call-outs');
    await eventually(async () => {
      const view = await app.http().get(`/api/v1/referrals/mine/${contact.id}`).set('Authorization', `Bearer ${actors.referrer}`);
      const kinds = view.body.messages.filter((m: { status: string }) => m.status === 'delivered').map((m: { kind: string }) => m.kind);
      return ['acknowledgement', 'decision', 'invitation_to_contribute', 'assessment_outcome'].every((k) => kinds.includes(k));
    });
  });

  it('tells the referrer why the threshold was not met, with other support suggested', async () => {
    const contact = await referAsYouthWorker({ referrer: { name: 'Sam Patel', sourceCode: '5B', email: 'sam.patel@example.org', feedbackChannel: 'email' } });
    const id = contact.episodes[0].id;
    await step(app, actors.practitioner, id, { type: 'SCREEN', outcome: 'concern' });
    await step(app, actors.practitioner, id, {
      type: 'PROPOSE_DECISION',
      outcome: 'nfa',
      thresholdLevel: 1,
      rationale: INTERNAL_RATIONALE,
      feedbackForReferrer: 'We do not think Ada needs social care involvement: her needs can be met by universal services.',
      signposting: 'The school nurse drop-in, Tuesdays 12–2',
    });
    await step(app, actors.manager, id, { type: 'APPROVE_DECISION' });
    const decision = await eventually(async () => (await mailsFor(contact.id)).find((mail) => mail.text.includes('school nurse')));
    expect(decision.text).toContain('universal services');
    expect(decision.raw).not.toContain('three call-outs');
  });

  it('refuses a referrer another referrer’s referral, and contributions where none were asked for', async () => {
    const contact = await referAsYouthWorker({ referrer: { name: 'Sam Patel', sourceCode: '5B', email: 'sam.patel@example.org', wantsInvolvement: false, feedbackChannel: 'email' } });
    const someoneElse = await app.token('referrer', { sub: 'another-referrer' });
    expect((await app.http().get(`/api/v1/referrals/mine/${contact.id}`).set('Authorization', `Bearer ${someoneElse}`)).status).toBe(404);
    const list = await app.http().get('/api/v1/referrals/mine').set('Authorization', `Bearer ${someoneElse}`);
    expect(list.body.items.map((c: { id: string }) => c.id)).not.toContain(contact.id);
    const contribution = await app.http()
      .post(`/api/v1/referrals/mine/${contact.id}/contributions`)
      .set('Authorization', `Bearer ${actors.referrer}`)
      .send({ text: 'x' });
    expect(contribution.status).toBe(403);
  });

  it('posts feedback to a partner system signed, with an idempotency key', async () => {
    // The police's partner system is configured in this authority's settings.
    await app.close();
    const tenant = `partner-${Date.now()}`;
    app = await startTestApp({
      now: '2026-11-23T09:00:00Z',
      withWorker: true,
      env: { SMTP_URL: smtp.url },
      settings: { authorities: { [tenant]: { partnerSystems: [{ organisation: 'Police', url: partner.url, secret: PARTNER_SECRET }] } } },
    });
    const police = await app.token('referrer', { sub: 'pc-reed', tenant });
    const response = await app.http()
      .post('/api/v1/contacts')
      .set('Authorization', `Bearer ${police}`)
      .send(contactBody({ channel: 'police_notification', referrer: { name: 'PC Reed', organisation: 'Police', sourceCode: '6', feedbackChannel: 'webhook' } }));
    expect(response.status).toBe(201);
    const delivered = await eventually(() => partner.received.find((r) => r.body.toString().includes(response.body.reference)));
    expect(delivered.headers['idempotency-key']).toEqual(expect.any(String));
    expect(verifyWebhookSignature(delivered.body, delivered.headers['x-front-door-signature'] as string, PARTNER_SECRET)).toBe(true);
  });
});
