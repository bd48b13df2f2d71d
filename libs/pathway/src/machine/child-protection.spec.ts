import { awaitingIcpc, childSeen, deadlineEffects, inStrategyDiscussion, inTriage, onPlan, RECEIVED_AT } from './pathway-test-fixtures';

describe('child protection', () => {
  it('starts the strategy discussion clock from the decision to hold one', () => {
    const episode = inStrategyDiscussion();
    expect(episode.view.stage).toBe('strategy_discussion');
    expect(episode.started('strategy_discussion')).toMatchObject({
      startedAt: '2026-03-02T12:00:00.000Z',
      dueAt: '2026-03-03T23:59:59.999Z',
    });
  });

  it('gives the ICPC 15 working days from the strategy discussion', () => {
    const episode = inStrategyDiscussion().send({
      type: 'HOLD_STRATEGY_DISCUSSION',
      heldAt: '2026-03-10T10:00:00.000Z',
      agencies: ['police'],
      outcome: 's47',
    });
    expect(episode.view.stage).toBe('s47_enquiry');
    expect(episode.effects).toEqual([
      { type: 'meetDeadline', kind: 'strategy_discussion', key: '', at: '2026-03-10T10:00:00.000Z' },
      { type: 'startDeadline', kind: 'icpc', key: '', startedAt: '2026-03-10T10:00:00.000Z', dueAt: '2026-03-31T22:59:59.999Z' },
    ]);
  });

  it('gives the first core group 10 working days and the first review 3 months from the ICPC', () => {
    const episode = onPlan();
    expect(episode.view.stage).toBe('cp_plan');
    expect(episode.view.context.cpPlan).toMatchObject({ category: 'NEG', startedAt: '2026-03-30T09:00:00.000Z' });
    expect(episode.view.context.icpc).toMatchObject({ familyGroupConferenceOffered: true });
    expect(episode.effects).toEqual([
      { type: 'meetDeadline', kind: 'icpc', key: '', at: '2026-03-30T09:00:00.000Z' },
      // 10 working days, past Good Friday and Easter Monday 2026.
      { type: 'startDeadline', kind: 'core_group', key: '', startedAt: '2026-03-30T09:00:00.000Z', dueAt: '2026-04-15T22:59:59.999Z' },
      { type: 'startDeadline', kind: 'review_conference', key: '1', startedAt: '2026-03-30T09:00:00.000Z', dueAt: '2026-06-30T22:59:59.999Z' },
    ]);
  });

  it('meets only the first core group; later ones are recorded', () => {
    const episode = onPlan().send({ type: 'HOLD_CORE_GROUP', heldAt: '2026-04-08T10:00:00.000Z' });
    expect(episode.effects).toEqual([{ type: 'meetDeadline', kind: 'core_group', key: '', at: '2026-04-08T10:00:00.000Z' }]);
    episode.send({ type: 'HOLD_CORE_GROUP', heldAt: '2026-05-08T10:00:00.000Z' });
    expect(episode.effects).toEqual([]);
    expect(episode.view.context.cpPlan?.coreGroups).toEqual(['2026-04-08T10:00:00.000Z', '2026-05-08T10:00:00.000Z']);
  });

  it('holds later review conferences at most 6 months apart', () => {
    const episode = onPlan().send({ type: 'HOLD_REVIEW_CONFERENCE', heldAt: '2026-06-25T10:00:00+01:00', outcome: 'continue' });
    expect(episode.effects).toEqual([
      { type: 'meetDeadline', kind: 'review_conference', key: '1', at: '2026-06-25T09:00:00.000Z' },
      { type: 'startDeadline', kind: 'review_conference', key: '2', startedAt: '2026-06-25T09:00:00.000Z', dueAt: '2026-12-25T23:59:59.999Z' },
    ]);
    episode.send({ type: 'HOLD_REVIEW_CONFERENCE', heldAt: '2026-12-01T10:00:00.000Z', outcome: 'continue' });
    expect(episode.effects.map((e) => e.type !== 'sendMessage' && `${e.type}:${e.kind}:${e.key}`)).toEqual([
      'meetDeadline:review_conference:2',
      'startDeadline:review_conference:3',
    ]);
  });

  it('steps a child down to child in need when the plan ends, stopping the unmet core group', () => {
    const episode = onPlan().send({ type: 'HOLD_REVIEW_CONFERENCE', heldAt: '2026-06-25T10:00:00.000Z', outcome: 'end' });
    expect(episode.view.stage).toBe('child_in_need');
    expect(episode.view.context.cpPlan?.endedAt).toBe('2026-06-25T10:00:00.000Z');
    expect(episode.effects).toEqual([
      { type: 'meetDeadline', kind: 'review_conference', key: '1', at: '2026-06-25T10:00:00.000Z' },
      { type: 'cancelDeadline', kind: 'core_group', key: '' },
    ]);
  });

  it('stops the ICPC clock when an s47 leads to no conference', () => {
    const episode = inStrategyDiscussion()
      .send({ type: 'HOLD_STRATEGY_DISCUSSION', heldAt: '2026-03-03T10:00:00.000Z', agencies: ['police'], outcome: 's47' })
      .send({ type: 'COMPLETE_S47', completedAt: '2026-03-09T10:00:00.000Z', outcome: 'no_icpc', nextStep: 'family_help' });
    expect(episode.view.stage).toBe('family_help');
    expect(episode.effects).toEqual([{ type: 'cancelDeadline', kind: 'icpc', key: '' }]);
  });

  it('closes with RC7 when a strategy discussion with no assessment behind it finds nothing more to do', () => {
    const episode = inStrategyDiscussion().send({
      type: 'HOLD_STRATEGY_DISCUSSION',
      heldAt: '2026-03-03T10:00:00.000Z',
      agencies: ['police'],
      outcome: 'no_s47',
      nextStep: 'nfa',
    });
    expect(episode.view.context.closure).toEqual({ closedAt: '2026-03-03T10:00:00.000Z', reason: 'RC7' });
  });

  it('closes with RC7, not RC8, when an s47 after an assessment finds nothing more to do (DfE rule 2990)', () => {
    const episode = childSeen()
      .send({ type: 'COMPLETE_ASSESSMENT', completedAt: '2026-03-20T10:00:00.000Z', outcome: 'strategy_discussion', factors: ['16A'], primaryNeed: 'N1' })
      .send({ type: 'HOLD_STRATEGY_DISCUSSION', heldAt: '2026-03-23T10:00:00.000Z', agencies: ['police'], outcome: 's47' })
      .send({ type: 'COMPLETE_S47', completedAt: '2026-03-27T10:00:00.000Z', outcome: 'no_icpc', nextStep: 'nfa' });
    expect(episode.view.context.closure).toEqual({ closedAt: '2026-03-27T10:00:00.000Z', reason: 'RC7' });
  });

  it('closes with RC7, not RC8, when the assessment after an s47 finds no further action (DfE rule 2990)', () => {
    const episode = inStrategyDiscussion()
      .send({ type: 'ALLOCATE', workerId: 'w-1', team: 'North' })
      .send({ type: 'HOLD_STRATEGY_DISCUSSION', heldAt: '2026-03-03T10:00:00.000Z', agencies: ['police'], outcome: 's47' })
      .send({ type: 'COMPLETE_S47', completedAt: '2026-03-09T10:00:00.000Z', outcome: 'no_icpc', nextStep: 'assessment' })
      .send({ type: 'RECORD_CHILD_SEEN', seenAt: '2026-03-10T10:00:00.000Z', seenAlone: true })
      .send({ type: 'COMPLETE_ASSESSMENT', completedAt: '2026-03-20T10:00:00.000Z', outcome: 'nfa', factors: ['21'], primaryNeed: 'N1' });
    expect(episode.view.context.closure).toEqual({ closedAt: '2026-03-20T10:00:00.000Z', reason: 'RC7' });
  });

  it('sends an allocated child with no s47 straight to an allocated assessment, with no second clock after an earlier one', () => {
    const episode = childSeen({ wantsInvolvement: true })
      .send({
        type: 'COMPLETE_ASSESSMENT',
        completedAt: '2026-03-20T10:00:00.000Z',
        outcome: 'strategy_discussion',
        factors: ['16A'],
        primaryNeed: 'N1',
      })
      .send({ type: 'HOLD_STRATEGY_DISCUSSION', heldAt: '2026-03-23T10:00:00.000Z', agencies: ['police'], outcome: 'no_s47', nextStep: 'assessment' });
    expect(episode.view.state).toEqual({ assessment: 'allocated' });
    expect(deadlineEffects(episode.effects, 'assessment')).toEqual([]);
    expect(episode.messages()).toEqual(['invitation_to_contribute']);
    expect(episode.view.context.assessment).toMatchObject({ startedAt: '2026-03-23T10:00:00.000Z', completedAt: null });
  });

  it('starts the assessment clock when a strategy discussion with no s47 leads to a first assessment', () => {
    const episode = inStrategyDiscussion().send({
      type: 'HOLD_STRATEGY_DISCUSSION',
      heldAt: '2026-03-03T10:00:00.000Z',
      agencies: ['police'],
      outcome: 'no_s47',
      nextStep: 'assessment',
    });
    expect(episode.view.state).toEqual({ assessment: 'awaitingAllocation' });
    expect(episode.started('assessment')).toMatchObject({ startedAt: RECEIVED_AT, dueAt: '2026-05-07T22:59:59.999Z' });
  });

  it('treats an ICPC with no plan as child in need unless told otherwise', () => {
    const episode = awaitingIcpc().send({
      type: 'HOLD_ICPC',
      heldAt: '2026-03-30T10:00:00.000Z',
      outcome: 'no_plan',
      familyGroupConferenceOffered: false,
    });
    expect(episode.view.stage).toBe('child_in_need');
    expect(episode.view.context.icpc).toMatchObject({ outcome: 'no_plan', category: null });
  });
});

describe('closing and acknowledgement', () => {
  it('stops every clock but the acknowledgement when a case is closed', () => {
    const episode = onPlan().send({ type: 'CLOSE', closedAt: '2026-04-01T10:00:00.000Z', reason: 'RC5' });
    expect(episode.view).toMatchObject({ stage: 'closed', final: true });
    expect(episode.view.context.closure).toEqual({ closedAt: '2026-04-01T10:00:00.000Z', reason: 'RC5' });
    expect(episode.view.context.cpPlan?.endedAt).toBe('2026-04-01T10:00:00.000Z');
    expect(episode.effects).toEqual([
      { type: 'cancelDeadline', kind: 'core_group', key: '' },
      { type: 'cancelDeadline', kind: 'review_conference', key: '1' },
    ]);
  });

  it('refuses to close a case before the decision', () => {
    expect(inTriage().trySend({ type: 'CLOSE', closedAt: '2026-03-02T10:00:00.000Z', reason: 'RC7' }).accepted).toBe(false);
  });

  it('meets the acknowledgement when it is delivered, in any open state, once', () => {
    const episode = inTriage().send({ type: 'ACKNOWLEDGEMENT_DELIVERED', deliveredAt: '2026-03-02T09:20:00.000Z' });
    expect(episode.effects).toEqual([{ type: 'meetDeadline', kind: 'acknowledgement', key: '', at: '2026-03-02T09:20:00.000Z' }]);
    // It may arrive after a later step: the latest step's time does not go back.
    expect(episode.view.context.lastStepAt).toBe('2026-03-02T09:30:00.000Z');
    episode.send({ type: 'ACKNOWLEDGEMENT_DELIVERED', deliveredAt: '2026-03-02T09:40:00.000Z' });
    expect(episode.effects).toEqual([]);
  });
});
