import { dueAt, workingDaysBetween } from '../calendar';
import type { PublicEventType } from '../events';
import { ASSESSMENT, ASSESSMENT_WORKING_DAYS } from '../machine/statutory-timescales';
import { NO_FACTORS_IDENTIFIED } from '../validation/cin-codes';
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

/** CIN census: factor 21 ("no factors identified") stands alone. */
export const noFactorsIdentifiedStandsAlone: ContextualRule<'COMPLETE_ASSESSMENT'> = {
  field: 'factors',
  description: `${NO_FACTORS_IDENTIFIED} (no factors identified) must be the only factor when given.`,
  check: ({ factors }) =>
    factors && factors.includes(NO_FACTORS_IDENTIFIED) && factors.length > 1
      ? `must not list other factors with ${NO_FACTORS_IDENTIFIED} (no factors identified)`
      : undefined,
};
