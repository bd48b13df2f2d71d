import type { EpisodeContext } from '../context';
import {
  ASSESSMENT_OUTCOMES,
  NO_PLAN_NEXT_STEPS,
  type PathwayEvent,
  SCREENING_OUTCOMES,
  STEP_DOWN_OPTIONS,
} from '../events';

/**
 * One well-formed event for every branch the chart can take, timed at the latest step. Asking
 * the chart whether each could be taken now tells which event types are allowed, even where a
 * guard reads the event's payload (a screening outcome, a next step, an agency check's id).
 */
export function candidateEvents(context: EpisodeContext): PathwayEvent[] {
  const at = context.lastStepAt;
  const awaitedChecks = Object.entries(context.agencyChecks)
    .filter(([, check]) => check.status === 'requested')
    .map(([checkId]) => checkId);
  return [
    ...SCREENING_OUTCOMES.map((outcome): PathwayEvent => ({
      type: 'SCREEN',
      at,
      outcome,
      duplicateOfContactId: '00000000-0000-4000-8000-000000000000',
      redirectedTo: 'candidate',
    })),
    { type: 'RATE', at, rag: 'red', rationale: 'candidate' },
    { type: 'REQUEST_AGENCY_CHECK', at, agency: 'candidate', question: 'candidate', checkId: unusedCheckId(context) },
    ...awaitedChecks.map((checkId): PathwayEvent => ({ type: 'RESPOND_AGENCY_CHECK', at, checkId, summary: 'candidate' })),
    {
      type: 'PROPOSE_DECISION',
      at,
      outcome: 'family_help',
      thresholdLevel: 2,
      rationale: 'candidate',
      feedbackForReferrer: 'candidate',
    },
    { type: 'APPROVE_DECISION', at },
    { type: 'RETURN_DECISION', at, reason: 'candidate' },
    { type: 'ALLOCATE', at, workerId: 'candidate', team: 'candidate' },
    { type: 'RECORD_CHILD_SEEN', at, seenAt: at, seenAlone: true },
    ...ASSESSMENT_OUTCOMES.map((outcome): PathwayEvent => ({
      type: 'COMPLETE_ASSESSMENT',
      at,
      completedAt: at,
      outcome,
      factors: ['21'],
      primaryNeed: 'N1',
    })),
    { type: 'HOLD_STRATEGY_DISCUSSION', at, heldAt: at, agencies: ['candidate'], outcome: 's47' },
    ...STEP_DOWN_OPTIONS.map((nextStep): PathwayEvent => ({
      type: 'HOLD_STRATEGY_DISCUSSION',
      at,
      heldAt: at,
      agencies: ['candidate'],
      outcome: 'no_s47',
      nextStep,
    })),
    { type: 'COMPLETE_S47', at, completedAt: at, outcome: 'icpc' },
    ...STEP_DOWN_OPTIONS.map((nextStep): PathwayEvent => ({
      type: 'COMPLETE_S47',
      at,
      completedAt: at,
      outcome: 'no_icpc',
      nextStep,
    })),
    { type: 'HOLD_ICPC', at, heldAt: at, outcome: 'cp_plan', category: 'NEG', familyGroupConferenceOffered: true },
    ...NO_PLAN_NEXT_STEPS.map((nextStep): PathwayEvent => ({
      type: 'HOLD_ICPC',
      at,
      heldAt: at,
      outcome: 'no_plan',
      familyGroupConferenceOffered: false,
      nextStep,
    })),
    { type: 'HOLD_CORE_GROUP', at, heldAt: at },
    { type: 'HOLD_REVIEW_CONFERENCE', at, heldAt: at, outcome: 'continue' },
    { type: 'HOLD_REVIEW_CONFERENCE', at, heldAt: at, outcome: 'end' },
    { type: 'CLOSE', at, closedAt: at, reason: 'RC7' },
    { type: 'ACKNOWLEDGEMENT_DELIVERED', at, deliveredAt: at },
    { type: 'CONTRIBUTE', at, text: 'candidate' },
  ];
}

function unusedCheckId(context: EpisodeContext): string {
  let id = 'candidate-check';
  while (id in context.agencyChecks) id += '-';
  return id;
}
