import type { EpisodeContext } from '../context';
import { CLOSURE_REASONS, CP_CATEGORIES, type ClosureReason, PRIMARY_NEEDS } from '../events';
import { hasCompletedAssessment } from '../machine/pathway-context';
import { ASSESSMENT_FACTORS, DISABILITIES } from './census-code-lists';
import { CIN_ASSESSMENT_FACTOR_CODES, DISABILITY_CODES, REFERRAL_SOURCE_CODES } from './cin-codes';
import { closureReasonRefusal } from './closure-reason';
import type { FieldReader } from './field-reader';
import type { ValidatedEvent } from './event-rules';

type AmendRecord = Extract<ValidatedEvent, { type: 'AMEND_RECORD' }>;
type AmendableField = Exclude<keyof AmendRecord, 'type' | 'reason'>;

interface FieldRule {
  /** Reads the field if it was sent (every amendable field is optional). */
  read: (fields: FieldReader, field: string) => unknown;
  /** Why this episode has nothing of this kind to correct, or null when it has. */
  nothingToAmend?: (context: EpisodeContext) => string | null;
  /** Why the value read does not fit this episode, or null when it does. */
  misfit?: (value: never, context: EpisodeContext) => string | null;
}

const optional = { required: false };

/**
 * AMEND_RECORD: the census fields a manager may correct, as data (one row a field), checked the
 * way every event is (validate-event.ts). The values are those of the CIN census code lists;
 * the returns read the latest amendment of each field (reporting, cin-census/amendments.ts).
 */
export const AMENDABLE_FIELDS: Record<AmendableField, FieldRule> = {
  primaryNeed: { read: (fields, field) => fields.oneOf(field, PRIMARY_NEEDS, optional) },
  referralSource: { read: (fields, field) => fields.oneOf(field, REFERRAL_SOURCE_CODES, optional) },
  reasonForClosure: {
    read: (fields, field) => fields.oneOf(field, CLOSURE_REASONS, optional),
    // An NFA referral is closed with no CIN reason: it is not a CIN case.
    nothingToAmend: (context) => (context.closure?.reason ? null : 'the episode is not closed as a CIN case'),
    misfit: (reason: ClosureReason, context) => closureReasonRefusal(reason, context),
  },
  assessmentFactors: {
    read: (fields, field) => fields.codeList(field, CIN_ASSESSMENT_FACTOR_CODES, ASSESSMENT_FACTORS, optional),
    nothingToAmend: (context) => (hasCompletedAssessment(context) ? null : 'no assessment has been completed in this episode'),
  },
  categoryOfAbuse: {
    read: (fields, field) => fields.oneOf(field, CP_CATEGORIES, optional),
    nothingToAmend: (context) => (context.cpPlan ? null : 'the child has had no child protection plan in this episode'),
  },
  disabilities: { read: (fields, field) => fields.codeList(field, DISABILITY_CODES, DISABILITIES, optional) },
};

export function amendment(fields: FieldReader, context: EpisodeContext): AmendRecord {
  const amended: Partial<Record<AmendableField, unknown>> = {};
  for (const [field, rule] of Object.entries(AMENDABLE_FIELDS) as [AmendableField, FieldRule][]) {
    const value = rule.read(fields, field);
    if (value === undefined) continue;
    const refused = rule.nothingToAmend?.(context) ?? rule.misfit?.(value as never, context) ?? null;
    if (refused) fields.fail(field, `cannot be amended: ${refused}`);
    else amended[field] = value;
  }
  const reason = fields.text('reason');
  const given = Object.keys(AMENDABLE_FIELDS).filter((field) => !fields.isAbsent(field));
  if (given.length === 0) fields.fail('body', `must amend at least one of: ${Object.keys(AMENDABLE_FIELDS).join(', ')}`);
  return { type: 'AMEND_RECORD', reason: reason!, ...amended } as AmendRecord;
}
