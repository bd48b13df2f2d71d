import { approved, episodeInput, inStrategyDiscussion, inTriage, TestEpisode } from './pathway-test-fixtures';
import { CURRENT_PATHWAY_VERSION, startEpisode, stepEpisode, viewEpisode } from './run-pathway';

describe('the pure API the engine uses', () => {
  it('refuses an event not accepted in the current state, with the events that are', () => {
    const episode = new TestEpisode();
    const outcome = stepEpisode(1, episode.snapshot, { type: 'APPROVE_DECISION', at: '2026-03-02T10:00:00.000Z' });
    expect(outcome).toEqual({ accepted: false, allowedEvents: ['SCREEN', 'ACKNOWLEDGEMENT_DELIVERED'] });
  });

  it('takes an amendment beside the chart, in a closed episode too, changing nothing in it', () => {
    const closed = approved('nfa');
    expect(closed.view.final).toBe(true);
    const outcome = stepEpisode(1, closed.snapshot, { type: 'AMEND_RECORD', at: '2026-04-01T10:00:00.000Z', reason: 'Audit', referralSource: '6' });
    expect(outcome).toMatchObject({ accepted: true, snapshot: closed.snapshot, effects: [], stage: 'closed', final: true });
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
