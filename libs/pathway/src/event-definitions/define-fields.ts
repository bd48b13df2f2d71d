import { CIN_ASSESSMENT_FACTOR_CODES, DISABILITY_CODES } from '../validation/cin-codes';
import { type FieldDefinition, NAME_MAX, type Presence, TEXT_MAX } from './field-definition';

/** Small builders that keep each event's definition to one line a field. */

export function text(description: string, presence: Presence = 'required'): FieldDefinition {
  return { type: 'text', maxLength: TEXT_MAX, description, presence };
}

/** A name or an id: short text. */
export function name(description: string, presence: Presence = 'required'): FieldDefinition {
  return { type: 'text', maxLength: NAME_MAX, description, presence };
}

export function code(codes: readonly string[], description: string, presence: Presence = 'required'): FieldDefinition {
  return { type: 'code', codes, description, presence };
}

export function yesOrNo(description: string, presence: Presence = 'required'): FieldDefinition {
  return { type: 'boolean', description, presence };
}

/** When the step happened (its contextual rules: see whenTheStepHappened). */
export function stepTime(description: string): FieldDefinition {
  return { type: 'dateTime', description, presence: 'required' };
}

/** Required for one outcome; refused (or, with `otherwise: 'optional'`, allowed) for the others. */
export function forOutcome(is: string, otherwise: 'refused' | 'optional' = 'refused'): Presence {
  return { requiredWhen: { field: 'outcome', is }, otherwise };
}

/** Allowed only for one outcome, and optional then. */
export function onlyForOutcome(is: string): Presence {
  return { allowedWhen: { field: 'outcome', is } };
}

/** CIN census assessment factors: a list of codes, none repeated (21 alone: noFactorsIdentifiedStandsAlone). */
export function assessmentFactors(description: string, presence: Presence = 'required'): FieldDefinition {
  return {
    type: 'list',
    items: { type: 'code', codes: CIN_ASSESSMENT_FACTOR_CODES, codesDescribed: 'a CIN assessment factor code (e.g. 1B, 3A, 21)' },
    itemsDescribed: 'CIN assessment factor codes',
    unique: true,
    description,
    presence,
  };
}

/** CIN census disabilities: a list of codes, none repeated (NONE alone: noDisabilityStandsAlone). */
export function disabilities(description: string, presence: Presence = 'required'): FieldDefinition {
  return {
    type: 'list',
    items: { type: 'code', codes: DISABILITY_CODES, codesDescribed: `a CIN disability code: ${DISABILITY_CODES.slice(0, -1).join(', ')} or ${DISABILITY_CODES.at(-1)}` },
    itemsDescribed: 'CIN disability codes',
    unique: true,
    description,
    presence,
  };
}
