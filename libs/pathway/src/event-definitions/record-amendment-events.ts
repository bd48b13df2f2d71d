import { CLOSURE_REASONS, CP_CATEGORIES, PRIMARY_NEEDS } from '../events';
import { REFERRAL_SOURCE_CODES } from '../validation/cin-codes';
import { AMENDMENT_RULES } from './contextual-rules';
import { assessmentFactors, code, disabilities, text } from './define-fields';
import type { EventDefinition, FieldNameOf } from './field-definition';

/**
 * Front Door addition: a manager's correction of the census facts the pathway recorded wrongly or
 * never asked for, on an open or closed episode. Taken beside the chart (history appended, version
 * bumped, state unchanged); the CIN census and Annex A read the latest amendment of each field
 * (reporting, cin-census/amendments.ts).
 */

/** The census facts a manager may correct, in the order a person gives them (then the reason). */
export const AMENDABLE_FIELDS = [
  'primaryNeed',
  'referralSource',
  'reasonForClosure',
  'assessmentFactors',
  'categoryOfAbuse',
  'disabilities',
] as const satisfies readonly FieldNameOf<'AMEND_RECORD'>[];

export const AMEND_RECORD: EventDefinition<'AMEND_RECORD'> = {
  type: 'AMEND_RECORD',
  summary:
    'Front Door addition (manager): correct census facts on an open or closed episode, with the reason; at least one fact. ' +
    'Taken beside the chart: history appended, version bumped, state unchanged; the returns read the latest amendment of each field.',
  fields: {
    primaryNeed: code(PRIMARY_NEEDS, 'The corrected CIN census primary need code.', 'optional'),
    referralSource: code(REFERRAL_SOURCE_CODES, 'The corrected CIN census referral source code.', 'optional'),
    reasonForClosure: code(CLOSURE_REASONS, 'The corrected CIN census reason for closure.', 'optional'),
    assessmentFactors: assessmentFactors('The corrected CIN census assessment factors of the episode’s assessment.', 'optional'),
    categoryOfAbuse: code(CP_CATEGORIES, 'The corrected category of abuse of the episode’s child protection plan.', 'optional'),
    disabilities: disabilities('The child’s disabilities as CIN census codes (kept on the child’s record).', 'optional'),
    reason: text('Why the record is corrected: the audit trail’s answer to “who changed this and why”.'),
  },
  rules: AMENDMENT_RULES,
  atLeastOneOf: { fields: AMENDABLE_FIELDS, verb: 'amend' },
};
