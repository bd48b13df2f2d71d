import type { Actor } from '@frontdoor/auth';
import { EpisodeContext, EpisodePosition, ordersTheQueue, PathwayEffect, PathwayEvent, SCREENED_OUT_OUTCOMES, stepTimeOf } from '@frontdoor/pathway';
import {
  ContactEntity,
  EpisodeEntity,
  NewDeadline,
  OutboxMessageEntity,
  StepHistoryEntry,
  Stores,
} from '@frontdoor/persistence';
import { composeMessage } from '../messages/compose-message';

/** The actor Front Door itself uses for steps nobody typed (delivery receipts, timers). */
export const SYSTEM_ACTOR: Actor = {
  sub: 'front-door',
  name: 'Front Door',
  roles: [],
  tenant: '',
  agency: null,
  email: null,
  sourceCode: null,
};

/** The episode row's copies of the chart's state that lists, queues and reports use. */
export function episodeColumns(view: EpisodePosition): Pick<
  EpisodeEntity,
  'stage' | 'state' | 'rag' | 'team' | 'workerId' | 'workerName' | 'outcome' | 'isOpen' | 'closedAt'
> {
  const context = view.context;
  return {
    stage: view.stage,
    state: view.state,
    rag: context.rag,
    team: context.team,
    workerId: context.workerId,
    workerName: context.workerName,
    outcome: episodeOutcome(context),
    isOpen: !view.final,
    closedAt: view.final ? new Date(context.closure?.closedAt ?? context.lastStepAt) : null,
  };
}

/** What was decided for the child, latest first: the assessment's outcome, the decision, or screening. */
export function episodeOutcome(context: EpisodeContext): string | null {
  if (context.assessment?.outcome) return context.assessment.outcome;
  if (context.decision) return context.decision.outcome;
  const screened = context.screening?.outcome;
  return screened && screened !== 'concern' ? SCREENED_OUT_OUTCOMES[screened] : null;
}

export interface StepRecord {
  stores: Stores;
  actor: Actor;
  episode: EpisodeEntity;
  /** Needed only when the step sends a message. */
  contact: ContactEntity | null;
  event: PathwayEvent;
  /** Fields kept in history beside the event (e.g. a contribution's text). */
  historyPayload?: Record<string, unknown>;
  fromView: EpisodePosition | null;
  toView: EpisodePosition;
  effects: PathwayEffect[];
  now: Date;
  /** The child's other open episode with an allocated worker, when screening forwards to it. */
  openCase?: EpisodeEntity | null;
}

/** The step's entry in the episode's history: who did what, when, from where to where. */
export function historyEntry(
  step: Pick<StepRecord, 'actor' | 'event' | 'historyPayload' | 'fromView' | 'toView' | 'now'>,
): StepHistoryEntry {
  const { type, at: _at, ...payload } = step.event as PathwayEvent & Record<string, unknown>;
  return {
    type,
    payload: { ...payload, ...step.historyPayload },
    actorSub: step.actor.sub,
    actorName: step.actor.name,
    actorRoles: step.actor.roles,
    fromState: step.fromView?.state ?? null,
    toState: step.toView.state,
    fromStage: step.fromView?.stage ?? null,
    toStage: step.toView.stage,
    occurredAt: new Date(stepTimeOf(step.event)),
    recordedAt: step.now,
  };
}

/**
 * Writes what one step implies beyond the episode row and its history entry, inside the
 * caller's transaction: the deadline rows and the outbox messages. The episode and its history
 * are written by the caller (an insert for a new episode, the conditional `advance` otherwise),
 * and so is the queue order, which needs working out again only if this answers true: a
 * deadline that orders the queue started or ended (a breach's timer refreshes it itself).
 */
export async function recordEffects(step: StepRecord): Promise<boolean> {
  const { stores, episode, now } = step;
  for (const effect of step.effects) {
    if (effect.type === 'meetDeadline') await stores.deadlines.complete(episode.tenant, episode.id, effect, new Date(effect.at));
    if (effect.type === 'cancelDeadline') await stores.deadlines.cancel(episode.tenant, episode.id, effect, now);
  }
  // New deadlines go in together after the others are settled (a restarted clock is cancelled first).
  await stores.deadlines.start(episode.tenant, episode.id, startedDeadlines(step.effects));
  await stores.outbox.add(stepMessages(step));
  return step.effects.some((effect) => effect.type !== 'sendMessage' && ordersTheQueue(effect.kind));
}

/** The deadlines a step starts, in the order it starts them. */
export function startedDeadlines(effects: PathwayEffect[]): NewDeadline[] {
  return effects.flatMap((effect) =>
    effect.type === 'startDeadline'
      ? [{ ref: { kind: effect.kind, key: effect.key }, startedAt: new Date(effect.startedAt), dueAt: new Date(effect.dueAt) }]
      : [],
  );
}

/** The messages a step sends, each composed with the facts its template needs. */
export function stepMessages(step: StepRecord): OutboxMessageEntity[] {
  return step.effects.flatMap((effect) => {
    if (effect.type !== 'sendMessage') return [];
    if (!step.contact) throw new Error(`a ${effect.kind} message needs the contact, which was not loaded`);
    return [composeMessage(effect.kind, messageFacts({ ...step, contact: step.contact }, effect.kind), step.now)];
  });
}

function messageFacts(step: StepRecord & { contact: ContactEntity }, kind: string) {
  const { contact, episode, event, toView } = step;
  const facts = { contact, episodeId: episode.id, context: toView.context };
  if (kind === 'forward_to_allocated_worker' && step.openCase?.workerId) {
    return {
      ...facts,
      staffRecipient: { audience: 'worker' as const, address: step.openCase.workerId, name: step.openCase.workerName },
      extra: { openCaseEpisodeId: step.openCase.id },
    };
  }
  if (kind === 'agency_check_request' && event.type === 'REQUEST_AGENCY_CHECK') {
    return { ...facts, staffRecipient: { audience: 'agency' as const, address: event.agency }, extra: { checkId: event.checkId } };
  }
  return facts;
}
