import { dueAt, londonDay, weekdayOf, workingDaysBetween } from '../calendar';
import type { EpisodeContext } from '../context';
import {
  ASSESSMENT_OUTCOMES,
  CLOSURE_REASONS,
  CP_CATEGORIES,
  DECISION_OUTCOMES,
  NO_PLAN_NEXT_STEPS,
  type PathwayEvent,
  PRIMARY_NEEDS,
  type PublicEventType,
  RAG_RATINGS,
  SCREENING_OUTCOMES,
  STEP_DOWN_OPTIONS,
} from '../events';
import { ASSESSMENT, ASSESSMENT_WORKING_DAYS } from '../machine/statutory-timescales';
import { amendment } from './amendment-rules';
import { closureReasonRefusal } from './closure-reason';
import { ASSESSMENT_FACTORS, DISABILITIES } from './census-code-lists';
import { CIN_ASSESSMENT_FACTOR_CODES, DISABILITY_CODES } from './cin-codes';
import type { FieldReader } from './field-reader';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** Filled in by the engine, never by a client. */
type EngineFields = 'at' | 'checkId';

/** A public event as a client may send it, once valid. */
export type ValidatedEvent = DistributiveOmit<Extract<PathwayEvent, { type: PublicEventType }>, EngineFields>;

interface Episode {
  context: EpisodeContext;
  now: Date;
}

type Rule = (fields: FieldReader, episode: Episode) => ValidatedEvent;

/**
 * Whether a field that belongs to one outcome is wanted: required (or allowed) for it, refused
 * for the others, and left alone when the outcome itself is missing or invalid.
 */
function forOutcome(outcome: string | undefined, wanted: string, description: string, required = true) {
  if (outcome === undefined) return { required: false };
  if (outcome === wanted) return { required, requiredWhen: description };
  return { onlyWhen: description };
}

const optional = { required: false };

export const EVENT_RULES: Record<PublicEventType, Rule> = {
  SCREEN: (fields) => {
    const outcome = fields.oneOf('outcome', SCREENING_OUTCOMES);
    return {
      type: 'SCREEN',
      outcome: outcome!,
      note: fields.text('note', optional),
      duplicateOfContactId: fields.uuid(
        'duplicateOfContactId',
        forOutcome(outcome, 'duplicate', 'outcome is duplicate'),
      ),
      redirectedTo: fields.text('redirectedTo', forOutcome(outcome, 'redirect', 'outcome is redirect')),
    };
  },

  RATE: (fields, { context }) => {
    const rag = fields.oneOf('rag', RAG_RATINGS);
    // DOMAIN §3: a contact that says a child is at immediate risk is red.
    if (context.immediateRisk && rag !== undefined && rag !== 'red') {
      fields.fail('rag', 'must be red: the contact says the child is at immediate risk');
    }
    return { type: 'RATE', rag: rag!, rationale: fields.text('rationale')! };
  },

  REQUEST_AGENCY_CHECK: (fields) => ({
    type: 'REQUEST_AGENCY_CHECK',
    agency: fields.name('agency')!,
    question: fields.text('question')!,
  }),

  PROPOSE_DECISION: (fields) => {
    const outcome = fields.oneOf('outcome', DECISION_OUTCOMES);
    return {
      type: 'PROPOSE_DECISION',
      outcome: outcome!,
      thresholdLevel: fields.integer('thresholdLevel', 1, 4) as 1 | 2 | 3 | 4,
      rationale: fields.text('rationale')!,
      feedbackForReferrer: fields.text('feedbackForReferrer')!,
      // Working Together: when the threshold is not met, suggest other, more suitable support.
      signposting: fields.text('signposting', { required: outcome === 'nfa', requiredWhen: 'outcome is nfa' }),
      // The DfE asks every referral that leads to further action for its primary need (CIN
      // census rule 8610), from the decision on: an assessment may not be finished by 31 March.
      primaryNeed: fields.oneOf('primaryNeed', PRIMARY_NEEDS, {
        required: outcome !== undefined && outcome !== 'nfa',
        requiredWhen: 'outcome is not nfa (the CIN census needs it for every referral that leads to further action)',
      }),
    };
  },

  APPROVE_DECISION: (fields) => ({ type: 'APPROVE_DECISION', note: fields.text('note', optional) }),

  RETURN_DECISION: (fields) => ({ type: 'RETURN_DECISION', reason: fields.text('reason')! }),

  ALLOCATE: (fields) => ({
    type: 'ALLOCATE',
    workerId: fields.name('workerId')!,
    team: fields.name('team')!,
    workerName: fields.name('workerName', optional),
    workerContact: fields.name('workerContact', optional),
  }),

  RECORD_CHILD_SEEN: (fields, { context, now }) => ({
    type: 'RECORD_CHILD_SEEN',
    seenAt: fields.stepTime('seenAt', now, context.lastStepAt)!,
    seenAlone: fields.boolean('seenAlone')!,
  }),

  COMPLETE_ASSESSMENT: (fields, { context, now }) => {
    const completedAt = fields.stepTime('completedAt', now, context.lastStepAt);
    const late = completedAt !== undefined && isPastAssessmentDeadline(context.receivedAt, completedAt);
    const reasonForDelay = fields.text('reasonForDelay', optional);
    if (late && reasonForDelay === undefined && !fields.hasErrorFor('reasonForDelay')) {
      const days = workingDaysBetween(new Date(context.receivedAt), new Date(completedAt));
      fields.fail(
        'reasonForDelay',
        `is required: the assessment was completed ${days} working days after the referral, ` +
          `past the ${ASSESSMENT_WORKING_DAYS} working day timescale`,
      );
    }
    return {
      type: 'COMPLETE_ASSESSMENT',
      completedAt: completedAt!,
      outcome: fields.oneOf('outcome', ASSESSMENT_OUTCOMES)!,
      factors: fields.codeList('factors', CIN_ASSESSMENT_FACTOR_CODES, ASSESSMENT_FACTORS)!,
      primaryNeed: fields.oneOf('primaryNeed', PRIMARY_NEEDS)!,
      feedbackForReferrer: fields.text('feedbackForReferrer', optional),
      reasonForDelay,
      disabilities: fields.codeList('disabilities', DISABILITY_CODES, DISABILITIES, optional),
    };
  },

  HOLD_STRATEGY_DISCUSSION: (fields, { context, now }) => {
    const heldAt = fields.stepTime('heldAt', now, context.lastStepAt);
    const agencies = fields.list('agencies', 'agency names', fields.nameItem);
    const outcome = fields.oneOf('outcome', ['s47', 'no_s47'] as const);
    return {
      type: 'HOLD_STRATEGY_DISCUSSION',
      heldAt: heldAt!,
      agencies: agencies!,
      outcome: outcome!,
      nextStep: fields.oneOf('nextStep', STEP_DOWN_OPTIONS, forOutcome(outcome, 'no_s47', 'outcome is no_s47')),
    };
  },

  COMPLETE_S47: (fields, { context, now }) => {
    const completedAt = fields.stepTime('completedAt', now, context.lastStepAt);
    const outcome = fields.oneOf('outcome', ['icpc', 'no_icpc'] as const);
    return {
      type: 'COMPLETE_S47',
      completedAt: completedAt!,
      outcome: outcome!,
      nextStep: fields.oneOf('nextStep', STEP_DOWN_OPTIONS, forOutcome(outcome, 'no_icpc', 'outcome is no_icpc')),
    };
  },

  HOLD_ICPC: (fields, { context, now }) => {
    const heldAt = fields.stepTime('heldAt', now, context.lastStepAt);
    if (heldAt !== undefined && isWeekend(heldAt)) {
      fields.fail('heldAt', 'must be a weekday: the DfE rejects an initial child protection conference dated at a weekend (rule 8875)');
    }
    const outcome = fields.oneOf('outcome', ['cp_plan', 'no_plan'] as const);
    return {
      type: 'HOLD_ICPC',
      heldAt: heldAt!,
      outcome: outcome!,
      category: fields.oneOf('category', CP_CATEGORIES, forOutcome(outcome, 'cp_plan', 'outcome is cp_plan')),
      familyGroupConferenceOffered: fields.boolean('familyGroupConferenceOffered')!,
      // With no plan the child is a child in need unless another next step is given.
      nextStep: fields.oneOf('nextStep', NO_PLAN_NEXT_STEPS, forOutcome(outcome, 'no_plan', 'outcome is no_plan', false)),
    };
  },

  HOLD_CORE_GROUP: (fields, { context, now }) => ({
    type: 'HOLD_CORE_GROUP',
    heldAt: fields.stepTime('heldAt', now, context.lastStepAt)!,
  }),

  HOLD_REVIEW_CONFERENCE: (fields, { context, now }) => {
    const heldAt = fields.stepTime('heldAt', now, context.lastStepAt);
    if (heldAt !== undefined && onPlanStartDay(context, heldAt)) {
      fields.fail('heldAt', 'must be after the day the child protection plan started: the DfE rejects a review on that day (rule 8841)');
    }
    return { type: 'HOLD_REVIEW_CONFERENCE', heldAt: heldAt!, outcome: fields.oneOf('outcome', ['continue', 'end'] as const)! };
  },

  CLOSE: (fields, { context, now }) => {
    const closedAt = fields.stepTime('closedAt', now, context.lastStepAt);
    const reason = fields.oneOf('reason', CLOSURE_REASONS);
    if (closedAt !== undefined && onPlanStartDay(context, closedAt)) {
      fields.fail(
        'closedAt',
        'must be after the day the child protection plan started: closing ends the plan, and the DfE rejects a plan that starts and ends on one day (rule 8840)',
      );
    }
    const refused = reason === undefined ? null : closureReasonRefusal(reason, context);
    if (refused) fields.fail('reason', refused);
    return { type: 'CLOSE', closedAt: closedAt!, reason: reason! };
  },

  AMEND_RECORD: (fields, { context }) => amendment(fields, context),
};

/** Saturday or Sunday in England. */
function isWeekend(at: string): boolean {
  const weekday = weekdayOf(londonDay(new Date(at)));
  return weekday === 0 || weekday === 6;
}

/** An open child protection plan started on the London day of `at`. */
function onPlanStartDay(context: EpisodeContext, at: string): boolean {
  const plan = context.cpPlan;
  return plan !== null && plan.endedAt === null && londonDay(new Date(plan.startedAt)) === londonDay(new Date(at));
}


/**
 * Working Together: an assessment concludes within 45 working days of the referral, and when it
 * does not, the reason is recorded. Late means after the assessment deadline's due time.
 */
export function isPastAssessmentDeadline(receivedAt: string, completedAt: string): boolean {
  return new Date(completedAt).getTime() > dueAt(new Date(receivedAt), ASSESSMENT).getTime();
}
