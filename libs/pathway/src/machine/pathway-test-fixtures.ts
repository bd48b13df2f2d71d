import type { EpisodeInput, PathwaySettings } from '../context';
import type { PathwayEffect } from '../effects';
import type { DecisionOutcome, PathwayEvent } from '../events';
import { type EpisodeView, startEpisode, stepEpisode, viewEpisode } from './run-pathway';

/** Shared by the pathway's specs (not used by the library itself). */

/** The shipped defaults (DOMAIN §3): red 4 hours, amber 1 and green 3 working days. */
export const DEFAULT_SETTINGS: PathwaySettings = {
  ragTimescales: { red: { hours: 4 }, amber: { workingDays: 1 }, green: { workingDays: 3 } },
  strategyDiscussion: { workingDays: 1 },
};

/** Monday 2 March 2026, 09:00 GMT: a referral received at the start of a working week. */
export const RECEIVED_AT = '2026-03-02T09:00:00.000Z';

export function episodeInput(overrides: Partial<EpisodeInput> = {}): EpisodeInput {
  return { receivedAt: RECEIVED_AT, immediateRisk: false, wantsInvolvement: false, settings: DEFAULT_SETTINGS, ...overrides };
}

type Untimed<E> = E extends unknown ? Omit<E, 'at'> & { at?: string } : never;

/** Drives one episode through the pure API the engine uses, as the engine would. */
export class TestEpisode {
  snapshot: unknown;
  view: EpisodeView;
  /** The effects of the latest step. */
  effects: PathwayEffect[];
  readonly allEffects: PathwayEffect[] = [];

  constructor(input: EpisodeInput = episodeInput()) {
    const started = startEpisode(input);
    this.snapshot = started.snapshot;
    this.view = viewEpisode(1, started.snapshot);
    this.effects = started.effects;
    this.allEffects.push(...started.effects);
  }

  /** Sends an event (its `at` defaults to an hour after the latest step); fails if refused. */
  send(event: Untimed<PathwayEvent>): this {
    const outcome = this.trySend(event);
    if (!outcome.accepted) {
      throw new Error(`${event.type} was not accepted; allowed: ${outcome.allowedEvents.join(', ')}`);
    }
    return this;
  }

  trySend(event: Untimed<PathwayEvent>): ReturnType<typeof stepEpisode> {
    const at = event.at ?? new Date(Date.parse(this.view.context.lastStepAt) + 3_600_000).toISOString();
    const outcome = stepEpisode(1, this.snapshot, { ...event, at } as PathwayEvent);
    if (outcome.accepted) {
      this.snapshot = outcome.snapshot;
      this.view = viewEpisode(1, outcome.snapshot);
      this.effects = outcome.effects;
      this.allEffects.push(...outcome.effects);
    }
    return outcome;
  }

  /** The latest start of this deadline. */
  started(kind: string, key = ''): Extract<PathwayEffect, { type: 'startDeadline' }> | undefined {
    return this.allEffects.findLast(
      (effect): effect is Extract<PathwayEffect, { type: 'startDeadline' }> =>
        effect.type === 'startDeadline' && effect.kind === kind && effect.key === key,
    );
  }

  messages(): string[] {
    return this.effects.flatMap((effect) => (effect.type === 'sendMessage' ? [effect.kind] : []));
  }
}

// Episodes at each step of the pathway, for the specs.

/** An episode screened as a concern and waiting in triage. */
export function inTriage(overrides: Partial<EpisodeInput> = {}): TestEpisode {
  return new TestEpisode(episodeInput(overrides)).send({ type: 'SCREEN', outcome: 'concern', at: '2026-03-02T09:30:00.000Z' });
}

export function proposed(outcome: DecisionOutcome, overrides: Partial<EpisodeInput> = {}): TestEpisode {
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

export function approved(outcome: DecisionOutcome, overrides: Partial<EpisodeInput> = {}): TestEpisode {
  return proposed(outcome, overrides).send({ type: 'APPROVE_DECISION', at: '2026-03-02T12:00:00.000Z' });
}

export function childSeen(overrides: Partial<EpisodeInput> = {}): TestEpisode {
  return approved('assessment', overrides)
    .send({ type: 'ALLOCATE', workerId: 'w-1', team: 'North', workerName: 'Jo Bloggs' })
    .send({ type: 'RECORD_CHILD_SEEN', seenAt: '2026-03-04T10:00:00.000Z', seenAlone: true });
}

export function inStrategyDiscussion(): TestEpisode {
  return approved('strategy_discussion');
}

export function awaitingIcpc(): TestEpisode {
  return inStrategyDiscussion()
    .send({ type: 'HOLD_STRATEGY_DISCUSSION', heldAt: '2026-03-10T10:00:00.000Z', agencies: ['police', 'health'], outcome: 's47' })
    .send({ type: 'COMPLETE_S47', completedAt: '2026-03-20T10:00:00.000Z', outcome: 'icpc' });
}

export function onPlan(): TestEpisode {
  return awaitingIcpc().send({
    type: 'HOLD_ICPC',
    heldAt: '2026-03-30T10:00:00+01:00',
    outcome: 'cp_plan',
    category: 'NEG',
    familyGroupConferenceOffered: true,
  });
}

/** The deadline effects of one kind among some effects. */
export const deadlineEffects = (effects: PathwayEffect[], kind: string) =>
  effects.filter((effect) => effect.type !== 'sendMessage' && effect.kind === kind);
