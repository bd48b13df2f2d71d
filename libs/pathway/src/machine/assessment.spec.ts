import { approved, childSeen, RECEIVED_AT } from './pathway-test-fixtures';

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
    // A contribution is not a step of the pathway: later steps may still be dated before it.
    expect(involved.view.context.lastStepAt).toBe(before);
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
    expect(outcome).toEqual({ accepted: false, allowedEvents: expect.arrayContaining(['RECORD_CHILD_SEEN']) });
  });

  it('cannot be closed while the assessment is under way: the DfE rejects a closed case with an unfinished assessment (rule 8867)', () => {
    for (const episode of [approved('assessment'), childSeen()]) {
      const outcome = episode.trySend({ type: 'CLOSE', closedAt: '2026-03-20T10:00:00.000Z', reason: 'RC7' });
      expect(outcome.accepted).toBe(false);
      if (!outcome.accepted) expect(outcome.allowedEvents).not.toContain('CLOSE');
    }
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
