import {
  BESIDE_THE_CHART,
  CLOSURE_REASONS,
  type EpisodeContext,
  type PathwayEvent,
  positionOf,
  startEpisode,
  stepEpisode,
  stepTimeOf,
  validateEvent,
  viewEpisode,
} from '@frontdoor/pathway';
import type { EpisodeSource } from '../episode-source';
import type { HistoryStep } from '../episode-timeline';

/**
 * Walks one child's episode through the real chart as the engine does (validate the body against
 * the episode, then the pure transition), choosing at each step among every body a person could
 * send that both are willing to take. Test support for the property that no path the pathway
 * allows yields a census record the DfE rejects.
 */

/** One step of a walk: how long after the last one it is taken, and which allowed body it sends. */
export interface WalkChoice {
  gapMinutes: number;
  pick: number;
}

export interface WalkedEpisode {
  source: EpisodeSource;
  /** Each step's type and where it left the child, for a failing example to read. */
  route: string[];
}

const SETTINGS = {
  ragTimescales: { red: { hours: 4 }, amber: { workingDays: 1 }, green: { workingDays: 3 } },
  strategyDiscussion: { workingDays: 1 },
} as const;

/** Every body a client could send now, with times at `at`; validation and the chart then sift them. */
export function candidateBodies(at: string): Record<string, unknown>[] {
  const need = { primaryNeed: 'N4' };
  return [
    { type: 'SCREEN', outcome: 'concern' },
    { type: 'RATE', rag: 'amber', rationale: 'r' },
    ...(['nfa', 'family_help', 'assessment', 'strategy_discussion'] as const).flatMap((outcome) => {
      const base = { type: 'PROPOSE_DECISION', outcome, thresholdLevel: 3, rationale: 'r', feedbackForReferrer: 'f' };
      const nfa = outcome === 'nfa' ? { signposting: 'Family hub' } : {};
      return [{ ...base, ...nfa }, { ...base, ...nfa, ...need }];
    }),
    { type: 'RETURN_DECISION', reason: 'Ask the school' },
    { type: 'APPROVE_DECISION' },
    { type: 'ALLOCATE', workerId: 'w-1', team: 'North', workerName: 'Wyn' },
    { type: 'RECORD_CHILD_SEEN', seenAt: at, seenAlone: true },
    ...(['nfa', 'family_help', 'cin_plan', 'strategy_discussion'] as const).flatMap((outcome) =>
      [['21'], ['3B', '16A']].map((factors) => ({ type: 'COMPLETE_ASSESSMENT', completedAt: at, outcome, factors, primaryNeed: 'N1', reasonForDelay: 'Delayed' })),
    ),
    { type: 'HOLD_STRATEGY_DISCUSSION', heldAt: at, agencies: ['police'], outcome: 's47' },
    ...(['assessment', 'family_help', 'nfa'] as const).flatMap((nextStep) => [
      { type: 'HOLD_STRATEGY_DISCUSSION', heldAt: at, agencies: ['police'], outcome: 'no_s47', nextStep },
      { type: 'COMPLETE_S47', completedAt: at, outcome: 'no_icpc', nextStep },
    ]),
    { type: 'COMPLETE_S47', completedAt: at, outcome: 'icpc' },
    { type: 'HOLD_ICPC', heldAt: at, outcome: 'cp_plan', category: 'NEG', familyGroupConferenceOffered: true },
    ...(['child_in_need', 'family_help', 'nfa'] as const).map((nextStep) => ({
      type: 'HOLD_ICPC',
      heldAt: at,
      outcome: 'no_plan',
      familyGroupConferenceOffered: false,
      nextStep,
    })),
    { type: 'HOLD_CORE_GROUP', heldAt: at },
    { type: 'HOLD_REVIEW_CONFERENCE', heldAt: at, outcome: 'continue' },
    { type: 'HOLD_REVIEW_CONFERENCE', heldAt: at, outcome: 'end' },
    ...CLOSURE_REASONS.map((reason) => ({ type: 'CLOSE', closedAt: at, reason })),
    ...AMENDMENTS.map((amendment) => ({ type: 'AMEND_RECORD', reason: 'Corrected after audit', ...amendment })),
  ];
}

/** Corrections a manager may make, open or closed (AMEND_RECORD): validation decides which fit. */
const AMENDMENTS: Record<string, unknown>[] = [
  ...(['RC2', 'RC7', 'RC8', 'RC9'] as const).map((reasonForClosure) => ({ reasonForClosure })),
  { primaryNeed: 'N2' },
  { referralSource: '6' },
  { assessmentFactors: ['21'] },
  { assessmentFactors: ['1B', '3A'] },
  { categoryOfAbuse: 'EMO' },
  { disabilities: ['AUT', 'LD'] },
];

/**
 * The bodies both validation and the chart take now. `reasonForDelay` is only wanted (and only
 * allowed) once the assessment is late, so a completion is offered with and without it.
 */
function acceptedSteps(machineVersion: number, snapshot: unknown, context: EpisodeContext, now: Date) {
  const steps: PathwayEvent[] = [];
  const types = new Set<string>([...viewEpisode(machineVersion, snapshot).allowedEvents, ...BESIDE_THE_CHART]);
  for (const body of candidateBodies(now.toISOString()).filter((candidate) => types.has(String(candidate.type)))) {
    const bodies = body.type === 'COMPLETE_ASSESSMENT' ? [body, withoutDelay(body)] : [body];
    for (const candidate of bodies) {
      const valid = validateEvent(candidate, context, now);
      if (!valid.ok) continue;
      const event = { ...valid.event, at: now.toISOString() } as PathwayEvent;
      if (stepEpisode(machineVersion, snapshot, event).accepted) steps.push(event);
    }
  }
  return steps;
}

function withoutDelay(body: Record<string, unknown>): Record<string, unknown> {
  const { reasonForDelay: _delay, ...rest } = body;
  return rest;
}

/** A step to take first: an allowed body with these fields (e.g. `{ type: 'HOLD_ICPC', outcome: 'cp_plan' }`). */
export type OpeningStep = Record<string, string>;

const matches = (event: PathwayEvent, wanted: OpeningStep | undefined) =>
  !wanted || Object.entries(wanted).every(([field, value]) => (event as unknown as Record<string, unknown>)[field] === value);

/**
 * Walks from a referral received at `receivedAt`: the `opening` steps first (so that deep parts
 * of the chart are walked often), then whatever `choices` pick among the allowed steps.
 */
export function walkEpisode(
  receivedAt: string,
  immediateRisk: boolean,
  choices: readonly WalkChoice[],
  opening: readonly OpeningStep[] = [],
  ids = { episode: 'e-1', child: 'c-1' },
): WalkedEpisode {
  const started = startEpisode({ receivedAt, immediateRisk, wantsInvolvement: false, settings: SETTINGS });
  let snapshot = started.snapshot;
  let position = positionOf(1, snapshot);
  let now = new Date(receivedAt);
  const steps: HistoryStep[] = [];
  const route: string[] = [];
  // A closed episode still takes amendments: the walk goes on for a couple of them.
  let amendmentsAfterTheEnd = 0;
  for (const [index, choice] of choices.entries()) {
    if (position.final && ++amendmentsAfterTheEnd > 2) break;
    now = new Date(Math.max(now.getTime(), Date.parse(position.context.lastStepAt)) + choice.gapMinutes * 60_000);
    const allowed = acceptedSteps(1, snapshot, position.context, now).filter((event) => matches(event, opening[index]));
    if (allowed.length === 0) break;
    const event = allowed[choice.pick % allowed.length];
    const step = stepEpisode(1, snapshot, event);
    if (!step.accepted) throw new Error(`${event.type} was offered but not accepted`);
    const { type, at: _at, ...payload } = event as PathwayEvent & Record<string, unknown>;
    steps.push({ type, payload, fromStage: position.stage, toStage: step.stage, occurredAt: new Date(stepTimeOf(event)) });
    route.push(`${type}${'outcome' in payload ? `(${String(payload.outcome)})` : 'reason' in payload ? `(${String(payload.reason)})` : ''}@${now.toISOString()} → ${step.stage}`);
    snapshot = step.snapshot;
    position = step;
  }
  return {
    route,
    source: {
      episodeId: ids.episode,
      childId: ids.child,
      contactId: `contact-${ids.episode}`,
      referralAt: new Date(receivedAt),
      sourceCode: '3A',
      context: position.context,
      steps,
      team: position.context.team,
      workerId: position.context.workerId,
      workerName: position.context.workerName,
    },
  };
}
