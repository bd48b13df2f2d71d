import { deadlineEffects, episodeInput, inTriage, proposed, RECEIVED_AT, TestEpisode } from './pathway-test-fixtures';

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

  it('rates a child at immediate risk red from the moment the contact arrives, the 4 hour MASH clock counted from receipt', () => {
    const episode = new TestEpisode(episodeInput({ immediateRisk: true }));
    expect(episode.view).toMatchObject({ stage: 'screening' });
    expect(episode.view.context).toMatchObject({ rag: 'red', ragRationale: 'The contact says the child is at immediate risk.' });
    expect(deadlineEffects(episode.effects, 'mash_checks')).toEqual([
      { type: 'startDeadline', kind: 'mash_checks', key: '', startedAt: RECEIVED_AT, dueAt: '2026-03-02T13:00:00.000Z' },
    ]);
  });

  it('keeps that clock running when the child is screened as a concern: screening late does not buy time', () => {
    const episode = inTriage({ immediateRisk: true });
    expect(episode.view.context.rag).toBe('red');
    expect(deadlineEffects(episode.effects, 'mash_checks')).toEqual([]);
  });

  it('stops that clock when the contact turns out to be for another service', () => {
    const episode = new TestEpisode(episodeInput({ immediateRisk: true })).send({ type: 'SCREEN', outcome: 'redirect', redirectedTo: 'Police' });
    expect(deadlineEffects(episode.effects, 'mash_checks')).toEqual([{ type: 'cancelDeadline', kind: 'mash_checks', key: '' }]);
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
