import type { EpisodeInput, PathwaySettings } from '../context';
import type { PathwayEffect } from '../effects';
import type { PathwayEvent } from '../events';
import { type EpisodeView, startEpisode, stepEpisode } from './run-pathway';

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
    this.view = started;
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
      this.view = outcome;
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
