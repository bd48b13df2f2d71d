import { setup } from 'xstate';
import type { EpisodeInput } from '../context';
import type { DeadlineRef, MessageKind } from '../effects';
import type { PathwayEvent } from '../events';
import type { PathwayContext } from './pathway-context';
import { pathwayGuards } from './pathway.guards';

export interface StartDeadlineParams extends DeadlineRef {
  startedAt: string;
  dueAt: string;
}
export interface MeetDeadlineParams extends DeadlineRef {
  at: string;
}
export interface SendMessageParams {
  kind: MessageKind;
}

/** The chart's types, for assign actions that need nothing else. */
export const typedPathway = setup({
  types: {
    context: {} as PathwayContext,
    events: {} as PathwayEvent,
    input: {} as EpisodeInput,
  },
});

/**
 * The four effects a step can ask of the world (effects.ts). They do nothing here: the chart is
 * run only through the pure `transition()`, and the engine turns these action objects into
 * deadline rows and outbox messages in the same transaction as the new snapshot.
 */
export const PATHWAY_EFFECT_ACTIONS = ['startDeadline', 'meetDeadline', 'cancelDeadline', 'sendMessage'] as const;

export const pathwayWithEffects = typedPathway.extend({
  guards: pathwayGuards,
  actions: {
    startDeadline: (_: unknown, _params: StartDeadlineParams) => undefined,
    meetDeadline: (_: unknown, _params: MeetDeadlineParams) => undefined,
    cancelDeadline: (_: unknown, _params: DeadlineRef) => undefined,
    sendMessage: (_: unknown, _params: SendMessageParams) => undefined,
  },
});
