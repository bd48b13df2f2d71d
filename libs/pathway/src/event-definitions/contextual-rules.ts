import { dueAt, londonDay, weekdayOf, workingDaysBetween } from '../calendar';
import type { EpisodeContext } from '../context';
import type { ClosureReason, PublicEventType } from '../events';
import { hasCompletedAssessment } from '../machine/pathway-context';
import { ASSESSMENT, ASSESSMENT_WORKING_DAYS } from '../machine/statutory-timescales';
import { NO_DISABILITY, NO_FACTORS_IDENTIFIED } from '../validation/cin-codes';
import { closureReasonRefusal } from '../validation/closure-reason';
import type { ContextualRule, FieldNameOf } from './field-definition';

/**
 * The rules of an event that its fields' own definitions cannot say: they need another field,
 * or the episode. Each is named for what it asks.
 */

/** A step's time is when it happened: not in the future, and not before the episode's previous step. */
export function whenTheStepHappened<T extends PublicEventType>(field: FieldNameOf<T>): ContextualRule<T>[] {
  const timeOf = (event: Partial<Record<string, unknown>>) => (typeof event[field] === 'string' ? new Date(event[field]) : undefined);
  return [
    {
      field,
      description: 'Must not be in the future.',
      check: (event, { now }) => {
        const time = timeOf(event);
        return time && time.getTime() > now.getTime() ? 'must not be in the future' : undefined;
      },
    },
    {
      field,
      description: "Must not be before the episode's previous step.",
      check: (event, { context }) => {
        const time = timeOf(event);
        const previous = new Date(context.lastStepAt);
        return time && time.getTime() < previous.getTime() ? `must not be before the previous step (${previous.toISOString()})` : undefined;
      },
    },
  ];
}

/** DOMAIN §3: a contact that says a child is at immediate risk is red. */
export const immediateRiskIsRed: ContextualRule<'RATE'> = {
  field: 'rag',
  description: 'Must be red when the contact says the child is at immediate risk.',
  check: ({ rag }, { context }) =>
    context.immediateRisk && rag !== undefined && rag !== 'red' ? 'must be red: the contact says the child is at immediate risk' : undefined,
};

/**
 * Working Together: an assessment concludes within 45 working days of the referral, and when it
 * does not, the reason is recorded. Late means after the assessment deadline's due time.
 */
export function isPastAssessmentDeadline(receivedAt: string, completedAt: string): boolean {
  return new Date(completedAt).getTime() > dueAt(new Date(receivedAt), ASSESSMENT).getTime();
}

export const lateAssessmentGivesItsReason: ContextualRule<'COMPLETE_ASSESSMENT'> = {
  field: 'reasonForDelay',
  description: `Required when the assessment is completed more than ${ASSESSMENT_WORKING_DAYS} working days after the referral.`,
  check: ({ completedAt, reasonForDelay }, { context }) => {
    if (completedAt === undefined || reasonForDelay !== undefined || !isPastAssessmentDeadline(context.receivedAt, completedAt)) return undefined;
    const days = workingDaysBetween(new Date(context.receivedAt), new Date(completedAt));
    return `is required: the assessment was completed ${days} working days after the referral, past the ${ASSESSMENT_WORKING_DAYS} working day timescale`;
  },
};

/**
 * CIN census: a list's "none" code stands alone (21 "no factors identified", NONE "no
 * disability"): `standsAlone('factors', '21', 'factor', 'factors', 'no factors identified')`.
 */
export function standsAlone<T extends PublicEventType>(field: FieldNameOf<T>, code: string, item: string, items: string, meaning: string): ContextualRule<T> {
  return {
    field,
    description: `${code} (${meaning}) must be the only ${item} when given.`,
    check: (event) => {
      const list = (event as Partial<Record<string, unknown>>)[field];
      return Array.isArray(list) && list.includes(code) && list.length > 1 ? `must not list other ${items} with ${code} (${meaning})` : undefined;
    },
  };
}

/** CIN census: factor 21 ("no factors identified") stands alone. */
export const noFactorsIdentifiedStandsAlone = standsAlone<'COMPLETE_ASSESSMENT'>('factors', NO_FACTORS_IDENTIFIED, 'factor', 'factors', 'no factors identified');

/** CIN census: NONE ("no disability") stands alone. */
export function noDisabilityStandsAlone<T extends PublicEventType>(field: FieldNameOf<T>): ContextualRule<T> {
  return standsAlone<T>(field, NO_DISABILITY, 'disability', 'disabilities', 'no disability');
}

/** DfE rule 8875: an initial child protection conference is not dated at a weekend (in England). */
export const conferenceOnAWeekday: ContextualRule<'HOLD_ICPC'> = {
  field: 'heldAt',
  description: 'Must be a weekday in England (CIN census rule 8875).',
  check: ({ heldAt }) =>
    heldAt !== undefined && isWeekend(heldAt)
      ? 'must be a weekday: the DfE rejects an initial child protection conference dated at a weekend (rule 8875)'
      : undefined,
};

/** DfE rule 8841: a review conference is not held on the day the child protection plan started. */
export const reviewAfterThePlanStartDay: ContextualRule<'HOLD_REVIEW_CONFERENCE'> = {
  field: 'heldAt',
  description: 'Must be after the day the child protection plan started (CIN census rule 8841).',
  check: ({ heldAt }, { context }) =>
    heldAt !== undefined && onPlanStartDay(context, heldAt)
      ? 'must be after the day the child protection plan started: the DfE rejects a review on that day (rule 8841)'
      : undefined,
};

/** DfE rule 8840: closing ends an open plan, and a plan does not start and end on one day. */
export const closeAfterThePlanStartDay: ContextualRule<'CLOSE'> = {
  field: 'closedAt',
  description: 'Must be after the day an open child protection plan started (CIN census rule 8840).',
  check: ({ closedAt }, { context }) =>
    closedAt !== undefined && onPlanStartDay(context, closedAt)
      ? 'must be after the day the child protection plan started: closing ends the plan, and the DfE rejects a plan that starts and ends on one day (rule 8840)'
      : undefined,
};

/** DfE rules 2990 and 8825Q: RC8/RC9 ("closed after assessment") only for a case whose statutory work was an assessment. */
export const closureReasonFitsTheEpisode: ContextualRule<'CLOSE'> = {
  field: 'reason',
  description: 'RC8 and RC9 only when an assessment was all the episode’s statutory work: no section 47 enquiry, no child in need plan (CIN census rules 2990, 8825Q).',
  check: ({ reason }, { context }) => (reason === undefined ? undefined : (closureReasonRefusal(reason, context) ?? undefined)),
};

/** AMEND_RECORD: a census fact is corrected only where the episode has one of its kind. */
function amendedOnlyWhen(
  field: FieldNameOf<'AMEND_RECORD'>,
  description: string,
  refusal: (context: EpisodeContext, value: unknown) => string | null,
): ContextualRule<'AMEND_RECORD'> {
  return {
    field,
    description,
    check: (event, { context }) => {
      const value = (event as Partial<Record<string, unknown>>)[field];
      if (value === undefined) return undefined;
      const refused = refusal(context, value);
      return refused ? `cannot be amended: ${refused}` : undefined;
    },
  };
}

export const AMENDMENT_RULES: ContextualRule<'AMEND_RECORD'>[] = [
  amendedOnlyWhen(
    'reasonForClosure',
    'Only on an episode closed as a CIN case, with a reason that fits it (RC8/RC9 as for CLOSE).',
    // An NFA referral is closed with no CIN reason: it is not a CIN case.
    (context, reason) => (context.closure?.reason ? closureReasonRefusal(reason as ClosureReason, context) : 'the episode is not closed as a CIN case'),
  ),
  standsAlone<'AMEND_RECORD'>('assessmentFactors', NO_FACTORS_IDENTIFIED, 'factor', 'factors', 'no factors identified'),
  amendedOnlyWhen('assessmentFactors', 'Only once an assessment has been completed in the episode.', (context) =>
    hasCompletedAssessment(context) ? null : 'no assessment has been completed in this episode',
  ),
  amendedOnlyWhen('categoryOfAbuse', 'Only when the child has had a child protection plan in the episode.', (context) =>
    context.cpPlan ? null : 'the child has had no child protection plan in this episode',
  ),
  noDisabilityStandsAlone<'AMEND_RECORD'>('disabilities'),
];

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
