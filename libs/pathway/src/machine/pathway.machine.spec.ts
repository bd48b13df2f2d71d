import type { PathwayEffect } from '../effects';
import { episodeInput, RECEIVED_AT, TestEpisode } from './pathway-test-fixtures';
import { CURRENT_PATHWAY_VERSION, startEpisode, stepEpisode, viewEpisode } from './run-pathway';

/** An episode screened as a concern and waiting in triage. */
function inTriage(overrides = {}): TestEpisode {
  return new TestEpisode(episodeInput(overrides)).send({ type: 'SCREEN', outcome: 'concern', at: '2026-03-02T09:30:00.000Z' });
}

function proposed(outcome: 'nfa' | 'family_help' | 'assessment' | 'strategy_discussion', overrides = {}): TestEpisode {
  return inTriage(overrides)
    .send({ type: 'RATE', rag: 'amber', rationale: 'School reports bruising', at: '2026-03-02T10:00:00.000Z' })
    .send({
      type: 'PROPOSE_DECISION',
      outcome,
      thresholdLevel: outcome === 'nfa' ? 1 : 3,
      rationale: 'Internal rationale',
      feedbackForReferrer: 'What we decided and why',
      signposting: outcome === 'nfa' ? 'Family hub drop-in' : undefined,
      at: '2026-03-02T11:00:00.000Z',
    });
}

function approved(outcome: 'nfa' | 'family_help' | 'assessment' | 'strategy_discussion', overrides = {}): TestEpisode {
  return proposed(outcome, overrides).send({ type: 'APPROVE_DECISION', at: '2026-03-02T12:00:00.000Z' });
}

function childSeen(overrides = {}): TestEpisode {
  return approved('assessment', overrides)
    .send({ type: 'ALLOCATE', workerId: 'w-1', team: 'North', workerName: 'Jo Bloggs' })
    .send({ type: 'RECORD_CHILD_SEEN', seenAt: '2026-03-04T10:00:00.000Z', seenAlone: true });
}

function inStrategyDiscussion(): TestEpisode {
  return approved('strategy_discussion');
}

function awaitingIcpc(): TestEpisode {
  return inStrategyDiscussion()
    .send({ type: 'HOLD_STRATEGY_DISCUSSION', heldAt: '2026-03-10T10:00:00.000Z', agencies: ['police', 'health'], outcome: 's47' })
    .send({ type: 'COMPLETE_S47', completedAt: '2026-03-20T10:00:00.000Z', outcome: 'icpc' });
}

function onPlan(): TestEpisode {
  return awaitingIcpc().send({
    type: 'HOLD_ICPC',
    heldAt: '2026-03-30T10:00:00+01:00',
    outcome: 'cp_plan',
    category: 'NEG',
    familyGroupConferenceOffered: true,
  });
}

const deadlineEffects = (effects: PathwayEffect[], kind: string) =>
  effects.filter((effect) => effect.type !== 'sendMessage' && effect.kind === kind);

describe('screening', () => {
  it('starts the acknowledgement and decision clocks, due by the end of the next working day', () => {
    const episode = new TestEpisode();
    expect(episode.view).toMatchObject({ stage: 'screening', state: 'screening', final: false });
    expect(episode.effects).toEqual([
      { type: 'startDeadline', kind: 'acknowledgement', key: '', startedAt: RECEIVED_AT, dueAt: '2026-03-03T23:59:59.999Z' },
      { type: 'startDeadline', kind: 'decision', key: '', startedAt: RECEIVED_AT, dueAt: '2026-03-03T23:59:59.999Z' },
    ]);
  });

  it('forwards an open case and tells the allocated worker', () => {
    const episode = new TestEpisode().send({ type: 'SCREEN', outcome: 'open_case', at: '2026-03-02T09:30:00.000Z' });
    expect(episode.view).toMatchObject({ stage: 'closed', state: 'forwarded', final: true, allowedEvents: [] });
    expect(episode.effects).toEqual([
      { type: 'meetDeadline', kind: 'decision', key: '', at: '2026-03-02T09:30:00.000Z' },
      { type: 'sendMessage', kind: 'forward_to_allocated_worker' },
      { type: 'sendMessage', kind: 'decision' },
    ]);
  });

  it('records where a redirected contact was sent and tells the referrer', () => {
    const episode = new TestEpisode().send({ type: 'SCREEN', outcome: 'redirect', redirectedTo: 'Adult social care' });
    expect(episode.view).toMatchObject({ state: 'redirected', final: true });
    expect(episode.view.context.screening).toMatchObject({ outcome: 'redirect', redirectedTo: 'Adult social care' });
    expect(episode.messages()).toEqual(['decision']);
  });

  it('merges a duplicate into the earlier contact so nothing is triaged twice', () => {
    const earlier = '3f1c2b7e-9d4a-4c1e-8b2f-5a6d7e8f9a0b';
    const episode = new TestEpisode().send({ type: 'SCREEN', outcome: 'duplicate', duplicateOfContactId: earlier });
    expect(episode.view).toMatchObject({ state: 'merged', stage: 'closed', final: true });
    expect(episode.view.context.screening?.duplicateOfContactId).toBe(earlier);
    expect(deadlineEffects(episode.effects, 'decision')).toEqual([expect.objectContaining({ type: 'meetDeadline' })]);
  });

  it('rates a child at immediate risk red, with the 4 hour MASH clock running from screening', () => {
    const episode = inTriage({ immediateRisk: true });
    expect(episode.view.context.rag).toBe('red');
    expect(episode.effects).toEqual([
      { type: 'startDeadline', kind: 'mash_checks', key: '', startedAt: '2026-03-02T09:30:00.000Z', dueAt: '2026-03-02T13:30:00.000Z' },
    ]);
  });

  it('leaves a concern without immediate risk unrated in triage', () => {
    const episode = inTriage();
    expect(episode.view).toMatchObject({ stage: 'triage', state: { triage: 'gatheringInformation' } });
    expect(episode.view.context.rag).toBeNull();
    expect(episode.effects).toEqual([]);
  });
});

describe('triage', () => {
  it('gives a red RAG rating 4 hours from rating to gather information', () => {
    const episode = inTriage().send({ type: 'RATE', rag: 'red', rationale: 'Disclosure', at: '2026-03-02T10:00:00.000Z' });
    expect(episode.view.context).toMatchObject({ rag: 'red', ragRationale: 'Disclosure' });
    expect(episode.effects).toEqual([
      { type: 'startDeadline', kind: 'mash_checks', key: '', startedAt: '2026-03-02T10:00:00.000Z', dueAt: '2026-03-02T14:00:00.000Z' },
    ]);
  });

  it('restarts the information-gathering clock when the contact is re-rated', () => {
    const episode = inTriage()
      .send({ type: 'RATE', rag: 'green', rationale: 'Low level' })
      .send({ type: 'RATE', rag: 'red', rationale: 'New information', at: '2026-03-02T12:00:00.000Z' });
    expect(episode.effects).toEqual([
      { type: 'cancelDeadline', kind: 'mash_checks', key: '' },
      { type: 'startDeadline', kind: 'mash_checks', key: '', startedAt: '2026-03-02T12:00:00.000Z', dueAt: '2026-03-02T16:00:00.000Z' },
    ]);
  });

  it('gives an agency check the RAG timescale, amber before the contact is rated, and asks the agency', () => {
    const episode = inTriage().send({
      type: 'REQUEST_AGENCY_CHECK',
      agency: 'police',
      question: 'Any call-outs?',
      checkId: 'c-1',
      at: '2026-03-02T10:00:00.000Z',
    });
    expect(episode.effects).toEqual([
      { type: 'startDeadline', kind: 'agency_check', key: 'c-1', startedAt: '2026-03-02T10:00:00.000Z', dueAt: '2026-03-03T23:59:59.999Z' },
      { type: 'sendMessage', kind: 'agency_check_request' },
    ]);
    expect(episode.view.context.agencyChecks['c-1']).toMatchObject({ agency: 'police', status: 'requested' });
  });

  it('meets an agency check when the agency answers, and refuses a second answer', () => {
    const episode = inTriage()
      .send({ type: 'REQUEST_AGENCY_CHECK', agency: 'health', question: 'Known?', checkId: 'c-1' })
      .send({ type: 'RESPOND_AGENCY_CHECK', checkId: 'c-1', declined: true, reason: 'No consent', at: '2026-03-02T12:00:00.000Z' });
    expect(episode.view.context.agencyChecks['c-1']).toMatchObject({ status: 'declined', answeredAt: '2026-03-02T12:00:00.000Z' });
    expect(episode.effects).toEqual([{ type: 'meetDeadline', kind: 'agency_check', key: 'c-1', at: '2026-03-02T12:00:00.000Z' }]);
    expect(episode.trySend({ type: 'RESPOND_AGENCY_CHECK', checkId: 'c-1', summary: 'again' }).accepted).toBe(false);
  });

  it('meets the information-gathering deadline when a decision is proposed', () => {
    const episode = proposed('family_help');
    expect(episode.view).toMatchObject({ stage: 'awaiting_sign_off', state: { triage: 'awaitingSignOff' } });
    expect(episode.effects).toEqual([{ type: 'meetDeadline', kind: 'mash_checks', key: '', at: '2026-03-02T11:00:00.000Z' }]);
  });

  it('lets a decision be proposed for a contact never rated', () => {
    const episode = inTriage().send({
      type: 'PROPOSE_DECISION',
      outcome: 'family_help',
      thresholdLevel: 2,
      rationale: 'r',
      feedbackForReferrer: 'f',
    });
    expect(episode.view.stage).toBe('awaiting_sign_off');
    expect(episode.effects).toEqual([]);
  });

  it('sends a returned decision back to information gathering with its reason', () => {
    const episode = proposed('nfa').send({ type: 'RETURN_DECISION', reason: 'Ask the school first' });
    expect(episode.view).toMatchObject({ stage: 'triage', state: { triage: 'gatheringInformation' } });
    expect(episode.view.context.returnedReasons).toEqual(['Ask the school first']);
    expect(episode.view.context.proposal).toBeNull();
    expect(episode.view.allowedEvents).toContain('PROPOSE_DECISION');
  });

  it('sends decision feedback and closes an NFA referral on approval, with no CIN closure reason', () => {
    const episode = proposed('nfa')
      .send({ type: 'APPROVE_DECISION', at: '2026-03-02T12:00:00.000Z' });
    expect(episode.view).toMatchObject({ stage: 'closed', state: 'closed', final: true });
    expect(episode.view.context.decision).toMatchObject({ outcome: 'nfa', signposting: 'Family hub drop-in', decidedAt: '2026-03-02T12:00:00.000Z' });
    expect(episode.view.context.closure).toEqual({ closedAt: '2026-03-02T12:00:00.000Z', reason: null });
    expect(episode.effects).toEqual([
      { type: 'meetDeadline', kind: 'decision', key: '', at: '2026-03-02T12:00:00.000Z' },
      { type: 'sendMessage', kind: 'decision' },
    ]);
  });

  it('stops outstanding agency checks once the decision is approved', () => {
    const episode = inTriage()
      .send({ type: 'REQUEST_AGENCY_CHECK', agency: 'police', question: 'q', checkId: 'c-1' })
      .send({ type: 'REQUEST_AGENCY_CHECK', agency: 'health', question: 'q', checkId: 'c-2' })
      .send({ type: 'PROPOSE_DECISION', outcome: 'family_help', thresholdLevel: 2, rationale: 'r', feedbackForReferrer: 'f' })
      .send({ type: 'APPROVE_DECISION' });
    expect(episode.view.stage).toBe('family_help');
    expect(episode.effects).toEqual([
      expect.objectContaining({ type: 'meetDeadline', kind: 'decision' }),
      { type: 'cancelDeadline', kind: 'agency_check', key: 'c-1' },
      { type: 'cancelDeadline', kind: 'agency_check', key: 'c-2' },
      { type: 'sendMessage', kind: 'decision' },
    ]);
  });
});

describe('assessment', () => {
  it('starts the 45 working day assessment clock from the referral date', () => {
    const episode = approved('assessment');
    expect(episode.view).toMatchObject({ stage: 'assessment', state: { assessment: 'awaitingAllocation' } });
    // 45 working days after Monday 2 March 2026, past Good Friday, Easter Monday and 4 May.
    expect(episode.started('assessment')).toEqual({
      type: 'startDeadline',
      kind: 'assessment',
      key: '',
      startedAt: RECEIVED_AT,
      dueAt: '2026-05-07T22:59:59.999Z',
    });
  });

  it('invites a referrer who asked to stay involved when a worker is allocated, naming the worker', () => {
    const episode = approved('assessment', { wantsInvolvement: true }).send({
      type: 'ALLOCATE',
      workerId: 'w-1',
      team: 'North',
      workerName: 'Jo Bloggs',
    });
    expect(episode.view.state).toEqual({ assessment: 'allocated' });
    expect(episode.view.context).toMatchObject({ workerId: 'w-1', team: 'North', workerName: 'Jo Bloggs' });
    expect(episode.messages()).toEqual(['invitation_to_contribute']);
  });

  it('does not invite a referrer who did not ask to be involved', () => {
    const episode = approved('assessment').send({ type: 'ALLOCATE', workerId: 'w-1', team: 'North' });
    expect(episode.messages()).toEqual([]);
  });

  it('keeps the state on re-allocation', () => {
    const episode = childSeen().send({ type: 'ALLOCATE', workerId: 'w-2', team: 'South' });
    expect(episode.view.state).toEqual({ assessment: 'childSeen' });
    expect(episode.view.context.workerId).toBe('w-2');
  });

  it('lets an involved referrer contribute while the assessment is open, and no one else', () => {
    const involved = approved('assessment', { wantsInvolvement: true });
    const before = involved.view.context.lastStepAt;
    expect(involved.trySend({ type: 'CONTRIBUTE', text: 'He is quieter at youth club' }).accepted).toBe(true);
    expect(involved.view.context.lastStepAt > before).toBe(true);
    expect(involved.effects).toEqual([]);
    expect(approved('assessment').trySend({ type: 'CONTRIBUTE', text: 'x' }).accepted).toBe(false);
  });

  it('cannot be completed before the child is seen', () => {
    const episode = approved('assessment').send({ type: 'ALLOCATE', workerId: 'w-1', team: 'North' });
    const outcome = episode.trySend({
      type: 'COMPLETE_ASSESSMENT',
      completedAt: '2026-03-20T10:00:00.000Z',
      outcome: 'cin_plan',
      factors: ['21'],
      primaryNeed: 'N1',
    });
    expect(outcome).toEqual({ accepted: false, allowedEvents: expect.arrayContaining(['RECORD_CHILD_SEEN', 'CLOSE']) });
  });

  it('closes with RC8 after an assessment that finds no further action, and tells the referrer', () => {
    const episode = childSeen().send({
      type: 'COMPLETE_ASSESSMENT',
      completedAt: '2026-03-20T10:00:00.000Z',
      outcome: 'nfa',
      factors: ['21'],
      primaryNeed: 'N9',
    });
    expect(episode.view).toMatchObject({ state: 'closed', final: true });
    expect(episode.view.context.closure).toEqual({ closedAt: '2026-03-20T10:00:00.000Z', reason: 'RC8' });
    expect(episode.effects).toEqual([
      { type: 'meetDeadline', kind: 'assessment', key: '', at: '2026-03-20T10:00:00.000Z' },
      { type: 'sendMessage', kind: 'assessment_outcome' },
    ]);
  });

  it('moves a child in need onto a plan when the assessment says so', () => {
    const episode = childSeen().send({
      type: 'COMPLETE_ASSESSMENT',
      completedAt: '2026-03-20T10:00:00.000Z',
      outcome: 'cin_plan',
      factors: ['3B', '4B'],
      primaryNeed: 'N1',
    });
    expect(episode.view).toMatchObject({ stage: 'child_in_need', final: false });
    expect(episode.view.context.assessment).toMatchObject({ seenAlone: true, factors: ['3B', '4B'], outcome: 'cin_plan' });
  });
});

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

describe('the pure API the engine uses', () => {
  it('refuses an event not accepted in the current state, with the events that are', () => {
    const episode = new TestEpisode();
    const outcome = stepEpisode(1, episode.snapshot, { type: 'APPROVE_DECISION', at: '2026-03-02T10:00:00.000Z' });
    expect(outcome).toEqual({ accepted: false, allowedEvents: ['SCREEN', 'ACKNOWLEDGEMENT_DELIVERED'] });
  });

  it('lists the events allowed now, public and internal', () => {
    const episode = inTriage().send({ type: 'REQUEST_AGENCY_CHECK', agency: 'police', question: 'q', checkId: 'c-1' });
    expect(episode.view.allowedEvents.sort()).toEqual(
      ['ACKNOWLEDGEMENT_DELIVERED', 'PROPOSE_DECISION', 'RATE', 'REQUEST_AGENCY_CHECK', 'RESPOND_AGENCY_CHECK'].sort(),
    );
  });

  it('round-trips a persisted snapshot through JSON and still steps', () => {
    const episode = approved('assessment');
    const stored = JSON.parse(JSON.stringify(episode.snapshot));
    const { stage, state, context, allowedEvents, final } = episode.view;
    expect(viewEpisode(CURRENT_PATHWAY_VERSION, stored)).toEqual({ stage, state, context, allowedEvents, final });
    const outcome = stepEpisode(CURRENT_PATHWAY_VERSION, stored, {
      type: 'ALLOCATE',
      workerId: 'w-1',
      team: 'North',
      at: '2026-03-03T09:00:00.000Z',
    });
    expect(outcome).toMatchObject({ accepted: true, stage: 'assessment', state: { assessment: 'allocated' } });
  });

  it('stores the chart bookkeeping in the snapshot but shows the engine only the episode facts', () => {
    const episode = inTriage();
    expect(episode.snapshot).toMatchObject({ context: { openDeadlines: ['acknowledgement', 'decision'] } });
    expect(episode.view.context).not.toHaveProperty('openDeadlines');
  });

  it('moves the latest step to the time the step happened', () => {
    const episode = inStrategyDiscussion().send({
      type: 'HOLD_STRATEGY_DISCUSSION',
      heldAt: '2026-03-02T14:00:00+00:00',
      agencies: ['police'],
      outcome: 's47',
      at: '2026-03-02T16:00:00.000Z',
    });
    expect(episode.view.context.lastStepAt).toBe('2026-03-02T14:00:00.000Z');
  });

  it('refuses an unknown machine version or a snapshot that is not one, clearly', () => {
    const { snapshot } = startEpisode(episodeInput());
    expect(() => viewEpisode(99, snapshot)).toThrow('Unknown pathway machine version 99 (known versions: 1).');
    expect(() => viewEpisode(1, { nothing: true })).toThrow('Not a persisted snapshot of pathway version 1');
    expect(() => viewEpisode(1, { value: 'nowhere', context: {} })).toThrow('Cannot load a snapshot of pathway version 1');
  });
});
