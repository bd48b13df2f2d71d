import type { EpisodeContext, EpisodeInput } from '../context';
import type { DeadlineKind, DeadlineRef } from '../effects';
import type { PathwayEvent } from '../events';

/**
 * What the chart keeps: the episode's facts plus its own bookkeeping of which deadlines it has
 * started and not yet met or cancelled, so that it only ever meets or cancels an open one.
 * `openDeadlines` holds deadline ids (see `deadlineId`) and lives only inside the snapshot.
 */
export type PathwayContext = EpisodeContext & { openDeadlines: string[] };

export const IMMEDIATE_RISK_RATIONALE = 'The contact says the child is at immediate risk.';

export function initialContext(input: EpisodeInput): PathwayContext {
  const receivedAt = instant(input.receivedAt);
  return {
    receivedAt,
    immediateRisk: input.immediateRisk,
    wantsInvolvement: input.wantsInvolvement,
    settings: input.settings,
    lastStepAt: receivedAt,
    screening: null,
    // DOMAIN §3: a contact that says a child is at immediate risk is red, from the moment it arrives.
    rag: input.immediateRisk ? 'red' : null,
    ragRationale: input.immediateRisk ? IMMEDIATE_RISK_RATIONALE : null,
    agencyChecks: {},
    proposal: null,
    returnedReasons: [],
    decision: null,
    workerId: null,
    workerName: null,
    workerContact: null,
    team: null,
    assessment: null,
    strategyDiscussion: null,
    s47: null,
    icpc: null,
    cpPlan: null,
    closure: null,
    openDeadlines: [],
  };
}

/** The facts of the episode without the chart's bookkeeping: what the engine and views see. */
export function episodeFacts(context: PathwayContext): EpisodeContext {
  const { openDeadlines: _bookkeeping, ...facts } = context;
  return facts;
}

/** `decision` for a deadline with no key; `agency_check:<checkId>`, `review_conference:2` else. */
export function deadlineId(ref: DeadlineRef): string {
  return ref.key === '' ? ref.kind : `${ref.kind}:${ref.key}`;
}

export function deadlineRefOf(id: string): DeadlineRef {
  const colon = id.indexOf(':');
  if (colon < 0) return { kind: id as DeadlineKind, key: '' };
  return { kind: id.slice(0, colon) as DeadlineKind, key: id.slice(colon + 1) };
}

/** Every time the chart stores or emits is normalised to one form (UTC, milliseconds). */
export function instant(iso: string): string {
  return new Date(iso).toISOString();
}

/**
 * When the step an event records happened: the time the person gave (a meeting's `heldAt`, a
 * visit's `seenAt`, …) or, for events without one, the time the engine applied it.
 */
export function stepTimeOf(event: PathwayEvent): string {
  switch (event.type) {
    case 'RECORD_CHILD_SEEN':
      return instant(event.seenAt);
    case 'COMPLETE_ASSESSMENT':
    case 'COMPLETE_S47':
      return instant(event.completedAt);
    case 'HOLD_STRATEGY_DISCUSSION':
    case 'HOLD_ICPC':
    case 'HOLD_CORE_GROUP':
    case 'HOLD_REVIEW_CONFERENCE':
      return instant(event.heldAt);
    case 'CLOSE':
      return instant(event.closedAt);
    case 'ACKNOWLEDGEMENT_DELIVERED':
      return instant(event.deliveredAt);
    default:
      return instant(event.at);
  }
}

export function laterOf(a: string, b: string): string {
  return Date.parse(a) >= Date.parse(b) ? a : b;
}

/** True once an assessment of this child has been completed in this episode. */
export function hasCompletedAssessment(context: EpisodeContext): boolean {
  return context.assessment?.completedAt != null;
}

/**
 * Whether an assessment was all the statutory work of this episode: one was completed, and
 * there was no section 47 enquiry (nor so any conference or child protection plan) and no child
 * in need plan. Only such a case may close as RC8 or RC9, "closed after assessment": the DfE
 * rejects either reason on an episode with an s47, ICPC, CIN or CP plan (rule 2990) and queries
 * it on one with no assessment (8825Q). A CIN plan is only ever entered from here by an
 * assessment's `cin_plan` outcome (every other way in follows an s47), and leads only to closure.
 */
export function wasOnlyAssessed(context: EpisodeContext): boolean {
  return hasCompletedAssessment(context) && context.s47 === null && context.assessment?.outcome !== 'cin_plan';
}
