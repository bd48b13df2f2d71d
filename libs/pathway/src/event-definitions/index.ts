import { CLOSE, COMPLETE_ASSESSMENT, COMPLETE_S47, HOLD_CORE_GROUP, HOLD_ICPC, HOLD_REVIEW_CONFERENCE, HOLD_STRATEGY_DISCUSSION, RECORD_CHILD_SEEN } from './assessment-and-protection-events';
import type { EventDefinitions } from './field-definition';
import { ALLOCATE, APPROVE_DECISION, PROPOSE_DECISION, RATE, REQUEST_AGENCY_CHECK, RETURN_DECISION, SCREEN } from './front-door-events';
import { AMEND_RECORD } from './record-amendment-events';

export * from './field-definition';
export { isPastAssessmentDeadline } from './contextual-rules';
export { AMENDABLE_FIELDS } from './record-amendment-events';

/** Every event a person sends, defined once: the validator and the OpenAPI schema are derived from these. */
export const EVENT_DEFINITIONS: EventDefinitions = {
  SCREEN,
  RATE,
  REQUEST_AGENCY_CHECK,
  PROPOSE_DECISION,
  APPROVE_DECISION,
  RETURN_DECISION,
  ALLOCATE,
  RECORD_CHILD_SEEN,
  COMPLETE_ASSESSMENT,
  HOLD_STRATEGY_DISCUSSION,
  COMPLETE_S47,
  HOLD_ICPC,
  HOLD_CORE_GROUP,
  HOLD_REVIEW_CONFERENCE,
  CLOSE,
  AMEND_RECORD,
};
