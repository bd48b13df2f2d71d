/**
 * The events a person (or Front Door itself) sends to a child's episode. The names and fields
 * are the HTTP contract of docs/api.md (Episodes, POST /episodes/:id/events); internal events that only
 * Front Door sends are marked so. Every event carries `at`: the server time it was applied
 * (set by the engine, never by a client). Event times a client gives (`heldAt`, `seenAt`,
 * `completedAt`, `closedAt`) are when the step happened; timeliness is judged on them.
 */

export const SCREENING_OUTCOMES = ['concern', 'open_case', 'redirect', 'duplicate'] as const;
export type ScreeningOutcome = (typeof SCREENING_OUTCOMES)[number];

export const RAG_RATINGS = ['red', 'amber', 'green'] as const;
export type RagRating = (typeof RAG_RATINGS)[number];

export const DECISION_OUTCOMES = ['nfa', 'family_help', 'assessment', 'strategy_discussion'] as const;
export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number];

export const ASSESSMENT_OUTCOMES = ['nfa', 'family_help', 'cin_plan', 'strategy_discussion'] as const;
export type AssessmentOutcome = (typeof ASSESSMENT_OUTCOMES)[number];

/** Where a child goes when a strategy discussion, s47 or ICPC does not lead on. */
export const STEP_DOWN_OPTIONS = ['assessment', 'family_help', 'nfa'] as const;
export type StepDown = (typeof STEP_DOWN_OPTIONS)[number];

/** After an ICPC that makes no plan (Front Door addition: docs/api.md names no field here). */
export const NO_PLAN_NEXT_STEPS = ['child_in_need', 'family_help', 'nfa'] as const;
export type NoPlanNextStep = (typeof NO_PLAN_NEXT_STEPS)[number];

export const CP_CATEGORIES = ['NEG', 'PHY', 'SAB', 'EMO', 'MUL'] as const;
export type CpCategory = (typeof CP_CATEGORIES)[number];

export const CLOSURE_REASONS = ['RC1', 'RC2', 'RC3', 'RC4', 'RC5', 'RC6', 'RC7', 'RC8', 'RC9'] as const;
export type ClosureReason = (typeof CLOSURE_REASONS)[number];
/** RC8 (closed after assessment, no further action) and RC9 (closed after assessment, referred to early help). */
export const CLOSED_AFTER_ASSESSMENT: readonly ClosureReason[] = ['RC8', 'RC9'];

export const PRIMARY_NEEDS = ['N0', 'N1', 'N2', 'N3', 'N4', 'N5', 'N6', 'N7', 'N8', 'N9'] as const;
export type PrimaryNeed = (typeof PRIMARY_NEEDS)[number];

interface Stamped {
  /** ISO instant the engine applied the event (server clock). */
  at: string;
}

export interface ScreenEvent extends Stamped {
  type: 'SCREEN';
  outcome: ScreeningOutcome;
  note?: string;
  duplicateOfContactId?: string;
  redirectedTo?: string;
}
export interface RateEvent extends Stamped {
  type: 'RATE';
  rag: RagRating;
  rationale: string;
}
export interface RequestAgencyCheckEvent extends Stamped {
  type: 'REQUEST_AGENCY_CHECK';
  agency: string;
  question: string;
  /** Set by the engine: the id of the agency check row it creates. */
  checkId: string;
}
/** Internal: a partner agency answered (POST /agency-checks/:id/response). */
export interface RespondAgencyCheckEvent extends Stamped {
  type: 'RESPOND_AGENCY_CHECK';
  checkId: string;
  summary?: string;
  declined?: boolean;
  reason?: string;
}
export interface ProposeDecisionEvent extends Stamped {
  type: 'PROPOSE_DECISION';
  outcome: DecisionOutcome;
  thresholdLevel: 1 | 2 | 3 | 4;
  rationale: string;
  feedbackForReferrer: string;
  signposting?: string;
  primaryNeed?: PrimaryNeed;
}
export interface ApproveDecisionEvent extends Stamped {
  type: 'APPROVE_DECISION';
  note?: string;
}
export interface ReturnDecisionEvent extends Stamped {
  type: 'RETURN_DECISION';
  reason: string;
}
export interface AllocateEvent extends Stamped {
  type: 'ALLOCATE';
  workerId: string;
  team: string;
  /**
   * Front Door addition to docs/api.md: the worker's name and how to reach them (email or phone),
   * given by the manager allocating, for the invitation to an involved referrer (DOMAIN §5).
   */
  workerName?: string;
  workerContact?: string;
}
export interface RecordChildSeenEvent extends Stamped {
  type: 'RECORD_CHILD_SEEN';
  seenAt: string;
  seenAlone: boolean;
}
export interface CompleteAssessmentEvent extends Stamped {
  type: 'COMPLETE_ASSESSMENT';
  completedAt: string;
  outcome: AssessmentOutcome;
  factors: string[];
  primaryNeed: PrimaryNeed;
  feedbackForReferrer?: string;
  reasonForDelay?: string;
  /** Front Door addition: the child's disabilities as the assessment found them (CIN census codes). */
  disabilities?: string[];
}
export interface HoldStrategyDiscussionEvent extends Stamped {
  type: 'HOLD_STRATEGY_DISCUSSION';
  heldAt: string;
  agencies: string[];
  outcome: 's47' | 'no_s47';
  nextStep?: StepDown;
}
export interface CompleteS47Event extends Stamped {
  type: 'COMPLETE_S47';
  completedAt: string;
  outcome: 'icpc' | 'no_icpc';
  nextStep?: StepDown;
}
export interface HoldIcpcEvent extends Stamped {
  type: 'HOLD_ICPC';
  heldAt: string;
  outcome: 'cp_plan' | 'no_plan';
  category?: CpCategory;
  familyGroupConferenceOffered: boolean;
  nextStep?: NoPlanNextStep;
}
export interface HoldCoreGroupEvent extends Stamped {
  type: 'HOLD_CORE_GROUP';
  heldAt: string;
}
export interface HoldReviewConferenceEvent extends Stamped {
  type: 'HOLD_REVIEW_CONFERENCE';
  heldAt: string;
  outcome: 'continue' | 'end';
}
export interface CloseEvent extends Stamped {
  type: 'CLOSE';
  closedAt: string;
  reason: ClosureReason;
}
/**
 * Front Door addition: a manager corrects census facts the pathway recorded wrongly or never
 * asked for. Taken beside the chart (the episode's state and context are unchanged): it is
 * appended to history, and the statutory returns read the latest amendment of each field.
 * At least one field besides `reason` is given (event-definitions/record-amendment-events.ts).
 */
export interface AmendRecordEvent extends Stamped {
  type: 'AMEND_RECORD';
  /** Why the record is corrected: the audit trail's answer to "who changed this and why". */
  reason: string;
  primaryNeed?: PrimaryNeed;
  referralSource?: string;
  reasonForClosure?: ClosureReason;
  assessmentFactors?: string[];
  categoryOfAbuse?: CpCategory;
  disabilities?: string[];
}

/** Events taken beside the chart: history and version only, in any state, open or closed. */
export const BESIDE_THE_CHART = ['AMEND_RECORD'] as const satisfies readonly PathwayEventType[];

/** Internal: the acknowledgement reached the referrer (sent by the delivery worker). */
export interface AcknowledgementDeliveredEvent extends Stamped {
  type: 'ACKNOWLEDGEMENT_DELIVERED';
  deliveredAt: string;
}
/** Internal: an involved referrer added what they know to an open assessment. */
export interface ContributeEvent extends Stamped {
  type: 'CONTRIBUTE';
  text: string;
}

export type PathwayEvent =
  | ScreenEvent
  | RateEvent
  | RequestAgencyCheckEvent
  | RespondAgencyCheckEvent
  | ProposeDecisionEvent
  | ApproveDecisionEvent
  | ReturnDecisionEvent
  | AllocateEvent
  | RecordChildSeenEvent
  | CompleteAssessmentEvent
  | HoldStrategyDiscussionEvent
  | CompleteS47Event
  | HoldIcpcEvent
  | HoldCoreGroupEvent
  | HoldReviewConferenceEvent
  | CloseEvent
  | AcknowledgementDeliveredEvent
  | ContributeEvent
  | AmendRecordEvent;

export type PathwayEventType = PathwayEvent['type'];

/** Events a person sends over POST /episodes/:id/events (the rest are Front Door's own). */
export const PUBLIC_EVENT_TYPES = [
  'SCREEN',
  'RATE',
  'REQUEST_AGENCY_CHECK',
  'PROPOSE_DECISION',
  'APPROVE_DECISION',
  'RETURN_DECISION',
  'ALLOCATE',
  'RECORD_CHILD_SEEN',
  'COMPLETE_ASSESSMENT',
  'HOLD_STRATEGY_DISCUSSION',
  'COMPLETE_S47',
  'HOLD_ICPC',
  'HOLD_CORE_GROUP',
  'HOLD_REVIEW_CONFERENCE',
  'CLOSE',
  'AMEND_RECORD',
] as const satisfies readonly PathwayEventType[];
export type PublicEventType = (typeof PUBLIC_EVENT_TYPES)[number];

export function isPublicEventType(type: unknown): type is PublicEventType {
  return typeof type === 'string' && (PUBLIC_EVENT_TYPES as readonly string[]).includes(type);
}

/** How an episode that ended at screening is described: it was forwarded, redirected or merged. */
export const SCREENED_OUT_OUTCOMES = { open_case: 'forwarded', redirect: 'redirected', duplicate: 'merged' } as const satisfies Partial<
  Record<ScreeningOutcome, string>
>;
export type ScreenedOutOutcome = (typeof SCREENED_OUT_OUTCOMES)[keyof typeof SCREENED_OUT_OUTCOMES];
