import { actorsOf, Actors, createContact, getEpisode, step } from '../support/front-door-client';
import { startTestApp, TestApp } from '../support/test-app';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

describe('a contact driven down each outcome to closure', () => {
  let app: TestApp;
  let actors: Actors;

  beforeAll(async () => {
    app = await startTestApp({ now: '2026-11-23T09:00:00Z' });
    actors = await actorsOf(app);
  });
  afterAll(() => app.close());

  /** Screen as a concern, rate, propose and sign off: the child's decision is made. */
  async function decide(outcome: string, extra: Record<string, unknown> = {}) {
    app.clock.set('2026-11-23T09:00:00Z');
    const contact = await createContact(app, actors.practitioner);
    const id = contact.episodes[0].id;
    app.clock.advance(HOUR);
    await step(app, actors.practitioner, id, { type: 'SCREEN', outcome: 'concern', note: 'New worry' });
    await step(app, actors.practitioner, id, { type: 'RATE', rag: 'amber', rationale: 'Bruising, no disclosure' });
    await step(app, actors.practitioner, id, {
      type: 'PROPOSE_DECISION',
      primaryNeed: 'N1',
      outcome,
      thresholdLevel: outcome === 'nfa' ? 1 : outcome === 'family_help' ? 2 : outcome === 'assessment' ? 3 : 4,
      rationale: 'Internal: police hold two earlier call-outs to the address',
      feedbackForReferrer: 'Thank you. We have decided what happens next for Ada.',
      ...(outcome === 'nfa' ? { signposting: 'The school nurse drop-in on Tuesdays' } : {}),
      ...extra,
    });
    app.clock.advance(HOUR);
    const approved = await step(app, actors.manager, id, { type: 'APPROVE_DECISION', note: 'Agreed' });
    return { id, contact, approved };
  }

  const deadline = (episode: { deadlines: { kind: string; status: string }[] }, kind: string) =>
    episode.deadlines.filter((d) => d.kind === kind);

  it('no further action: closes at sign-off, with the decision met within one working day', async () => {
    const { approved } = await decide('nfa');
    expect(approved.stage).toBe('closed');
    expect(approved.outcome).toBe('nfa');
    expect(deadline(approved, 'decision')[0].status).toBe('met');
    expect(deadline(approved, 'mash_checks')[0].status).toBe('met');
    expect(approved.allowedEvents).toEqual([]);
  });

  it('Family Help: open until a manager closes it with a reason', async () => {
    const { id, approved } = await decide('family_help');
    expect(approved.stage).toBe('family_help');
    await step(app, actors.manager, id, { type: 'ALLOCATE', workerId: 'fh-worker-1', team: 'west' });
    app.clock.advance(30 * DAY);
    const closed = await step(app, actors.manager, id, { type: 'CLOSE', closedAt: app.clock.now().toISOString(), reason: 'RC7' });
    expect(closed.stage).toBe('closed');
    expect(closed.open).toBe(false);
  });

  it('assessment: allocated, child seen, completed within 45 working days, then a child in need plan and closure', async () => {
    const { id, approved } = await decide('assessment');
    expect(approved.stage).toBe('assessment');
    const assessment = deadline(approved, 'assessment')[0];
    // 45 working days from Monday 23 November 2026: Thursday 28 January 2027, end of the day in London.
    expect(assessment).toMatchObject({ status: 'open', dueAt: '2027-01-28T23:59:59.999Z' });

    await step(app, actors.manager, id, { type: 'ALLOCATE', workerId: 'sw-jo', team: 'west' });
    app.clock.advance(2 * DAY);
    await step(app, actors.practitioner, id, { type: 'RECORD_CHILD_SEEN', seenAt: app.clock.now().toISOString(), seenAlone: true });
    app.clock.advance(20 * DAY);
    const completed = await step(app, actors.practitioner, id, {
      type: 'COMPLETE_ASSESSMENT',
      completedAt: app.clock.now().toISOString(),
      outcome: 'cin_plan',
      factors: ['2B', '3B'],
      primaryNeed: 'N4',
      feedbackForReferrer: 'Ada and her family will have a child in need plan.',
    });
    expect(completed.stage).toBe('child_in_need');
    expect(deadline(completed, 'assessment')[0].status).toBe('met');

    app.clock.advance(60 * DAY);
    const closed = await step(app, actors.manager, id, { type: 'CLOSE', closedAt: app.clock.now().toISOString(), reason: 'RC7' });
    expect(closed.stage).toBe('closed');
  });

  it('child protection: strategy discussion, s47, ICPC, plan with core group and reviews, plan ended, closed', async () => {
    const { id, approved } = await decide('strategy_discussion');
    expect(approved.stage).toBe('strategy_discussion');
    expect(deadline(approved, 'strategy_discussion')[0].status).toBe('open');

    await step(app, actors.manager, id, { type: 'ALLOCATE', workerId: 'sw-kai', team: 'west' });
    app.clock.advance(3 * HOUR);
    const heldAt = app.clock.now().toISOString();
    const s47 = await step(app, actors.practitioner, id, {
      type: 'HOLD_STRATEGY_DISCUSSION',
      heldAt,
      agencies: ['police', 'health', 'education'],
      outcome: 's47',
    });
    expect(s47.stage).toBe('s47_enquiry');
    expect(deadline(s47, 'strategy_discussion')[0].status).toBe('met');
    // ICPC within 15 working days of the strategy discussion (Monday 23 Nov → Monday 14 Dec 2026).
    expect(deadline(s47, 'icpc')[0]).toMatchObject({ status: 'open', dueAt: '2026-12-14T23:59:59.999Z' });

    app.clock.advance(7 * DAY);
    const icpcDue = await step(app, actors.practitioner, id, { type: 'COMPLETE_S47', completedAt: app.clock.now().toISOString(), outcome: 'icpc' });
    expect(icpcDue.stage).toBe('icpc');

    // Friday 4 December: not at a weekend (the DfE rejects an ICPC dated then, rule 8875).
    app.clock.advance(4 * DAY);
    const plan = await step(app, actors.manager, id, {
      type: 'HOLD_ICPC',
      heldAt: app.clock.now().toISOString(),
      outcome: 'cp_plan',
      category: 'NEG',
      familyGroupConferenceOffered: true,
    });
    expect(plan.stage).toBe('cp_plan');
    expect(deadline(plan, 'icpc')[0].status).toBe('met');
    expect(deadline(plan, 'core_group')[0].status).toBe('open');
    expect(deadline(plan, 'review_conference')[0].status).toBe('open');

    app.clock.advance(6 * DAY);
    const coreGroup = await step(app, actors.practitioner, id, { type: 'HOLD_CORE_GROUP', heldAt: app.clock.now().toISOString() });
    expect(deadline(coreGroup, 'core_group')[0].status).toBe('met');

    app.clock.advance(80 * DAY);
    const firstReview = await step(app, actors.manager, id, {
      type: 'HOLD_REVIEW_CONFERENCE',
      heldAt: app.clock.now().toISOString(),
      outcome: 'continue',
    });
    const reviews = deadline(firstReview, 'review_conference');
    expect(reviews.map((r) => r.status)).toEqual(['met', 'open']);

    app.clock.advance(150 * DAY);
    const ended = await step(app, actors.manager, id, {
      type: 'HOLD_REVIEW_CONFERENCE',
      heldAt: app.clock.now().toISOString(),
      outcome: 'end',
    });
    expect(ended.stage).toBe('child_in_need');

    app.clock.advance(10 * DAY);
    const closed = await step(app, actors.manager, id, { type: 'CLOSE', closedAt: app.clock.now().toISOString(), reason: 'RC7' });
    expect(closed.stage).toBe('closed');
    expect(closed.deadlines.every((d: { status: string; kind: string }) => d.status !== 'open' || d.kind === 'acknowledgement')).toBe(true);
  });

  it.each([
    { outcome: 'redirect', extra: { redirectedTo: 'Adult social care' }, expected: 'redirected' },
    { outcome: 'duplicate', extra: {}, expected: 'merged' },
    { outcome: 'open_case', extra: {}, expected: 'forwarded' },
  ])('screening outcome $outcome ends the episode as $expected', async ({ outcome, extra, expected }) => {
    app.clock.set('2026-11-23T09:00:00Z');
    // Ada already has an open episode with a social worker: the earlier contact, decided and allocated.
    const earlier = await createContact(app, actors.practitioner);
    const open = earlier.episodes[0].id;
    await step(app, actors.practitioner, open, { type: 'SCREEN', outcome: 'concern' });
    await step(app, actors.practitioner, open, { type: 'PROPOSE_DECISION', primaryNeed: 'N1', outcome: 'family_help', thresholdLevel: 2, rationale: 'r', feedbackForReferrer: 'f' });
    await step(app, actors.manager, open, { type: 'APPROVE_DECISION' });
    await step(app, actors.manager, open, { type: 'ALLOCATE', workerId: 'fh-worker', team: 'west' });
    const contact = await createContact(app, actors.practitioner);
    app.clock.advance(HOUR);
    const body = { type: 'SCREEN', outcome, note: 'Screened', ...extra };
    if (outcome === 'duplicate') Object.assign(body, { duplicateOfContactId: earlier.id });
    const screened = await step(app, actors.practitioner, contact.episodes[0].id, body);
    expect(screened.stage).toBe('closed');
    expect(screened.outcome).toBe(expected);
    expect(deadline(screened, 'decision')[0].status).toBe('met');
  });

  it('a returned decision goes back to triage with the manager’s reason in the history', async () => {
    app.clock.set('2026-11-23T09:00:00Z');
    const contact = await createContact(app, actors.practitioner);
    const id = contact.episodes[0].id;
    await step(app, actors.practitioner, id, { type: 'SCREEN', outcome: 'concern' });
    await step(app, actors.practitioner, id, {
      type: 'PROPOSE_DECISION',
      outcome: 'nfa',
      thresholdLevel: 1,
      rationale: 'x',
      feedbackForReferrer: 'y',
      signposting: 'z',
    });
    const returned = await step(app, actors.manager, id, { type: 'RETURN_DECISION', reason: 'Ask health first' });
    expect(returned.stage).toBe('triage');
    const history = await app.http().get(`/api/v1/episodes/${id}/history`).set('Authorization', `Bearer ${actors.practitioner}`);
    expect(history.body.items.at(-1)).toMatchObject({ type: 'RETURN_DECISION', payload: { reason: 'Ask health first' }, toStage: 'triage' });
    expect((await getEpisode(app, actors.practitioner, id)).body.allowedEvents).toContain('PROPOSE_DECISION');
  });
});
