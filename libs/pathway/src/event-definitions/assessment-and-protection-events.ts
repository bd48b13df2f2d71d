import { ASSESSMENT_OUTCOMES, CLOSURE_REASONS, CP_CATEGORIES, NO_PLAN_NEXT_STEPS, PRIMARY_NEEDS, STEP_DOWN_OPTIONS } from '../events';
import {
  closeAfterThePlanStartDay,
  closureReasonFitsTheEpisode,
  conferenceOnAWeekday,
  lateAssessmentGivesItsReason,
  noDisabilityStandsAlone,
  noFactorsIdentifiedStandsAlone,
  reviewAfterThePlanStartDay,
  whenTheStepHappened,
} from './contextual-rules';
import { assessmentFactors, code, disabilities, forOutcome, onlyForOutcome, stepTime, text, yesOrNo } from './define-fields';
import { type EventDefinition, NAME_MAX } from './field-definition';

/** After the front door: the assessment, child protection and closing (API.md, "The pathway itself"). */

export const RECORD_CHILD_SEEN: EventDefinition<'RECORD_CHILD_SEEN'> = {
  type: 'RECORD_CHILD_SEEN',
  summary: 'Record that the child was seen during the assessment.',
  fields: {
    seenAt: stepTime('When the child was seen.'),
    seenAlone: yesOrNo('Whether the child was seen alone.'),
  },
  rules: whenTheStepHappened('seenAt'),
};

export const COMPLETE_ASSESSMENT: EventDefinition<'COMPLETE_ASSESSMENT'> = {
  type: 'COMPLETE_ASSESSMENT',
  summary: 'Complete the child and family assessment.',
  fields: {
    completedAt: stepTime('When the assessment was completed (its timeliness is judged on this).'),
    reasonForDelay: text('Why the assessment took longer than the statutory timescale.', 'optional'),
    outcome: code(ASSESSMENT_OUTCOMES, 'What the assessment concluded.'),
    factors: assessmentFactors('The CIN census assessment factors identified.'),
    primaryNeed: code(PRIMARY_NEEDS, 'The CIN census primary need code.'),
    feedbackForReferrer: text('What an involved referrer is told of the outcome.', 'optional'),
    disabilities: disabilities('Front Door addition: the child’s disabilities as the assessment found them (kept on the child’s record).', 'optional'),
  },
  rules: [
    ...whenTheStepHappened<'COMPLETE_ASSESSMENT'>('completedAt'),
    lateAssessmentGivesItsReason,
    noFactorsIdentifiedStandsAlone,
    noDisabilityStandsAlone<'COMPLETE_ASSESSMENT'>('disabilities'),
  ],
};

export const HOLD_STRATEGY_DISCUSSION: EventDefinition<'HOLD_STRATEGY_DISCUSSION'> = {
  type: 'HOLD_STRATEGY_DISCUSSION',
  summary: 'Record the strategy discussion and whether a section 47 enquiry starts.',
  fields: {
    heldAt: stepTime('When the strategy discussion was held.'),
    agencies: {
      type: 'list',
      items: { type: 'text', maxLength: NAME_MAX },
      itemsDescribed: 'agency names',
      description: 'The agencies that took part.',
      presence: 'required',
    },
    outcome: code(['s47', 'no_s47'], 'Whether a section 47 enquiry starts.'),
    nextStep: code(STEP_DOWN_OPTIONS, 'Where the child goes instead.', forOutcome('no_s47')),
  },
  rules: whenTheStepHappened('heldAt'),
};

export const COMPLETE_S47: EventDefinition<'COMPLETE_S47'> = {
  type: 'COMPLETE_S47',
  summary: 'Complete the section 47 enquiry.',
  fields: {
    completedAt: stepTime('When the enquiry was completed.'),
    outcome: code(['icpc', 'no_icpc'], 'Whether an initial child protection conference is called.'),
    nextStep: code(STEP_DOWN_OPTIONS, 'Where the child goes instead.', forOutcome('no_icpc')),
  },
  rules: whenTheStepHappened('completedAt'),
};

export const HOLD_ICPC: EventDefinition<'HOLD_ICPC'> = {
  type: 'HOLD_ICPC',
  summary: 'Record the initial child protection conference.',
  fields: {
    heldAt: stepTime('When the conference was held.'),
    outcome: code(['cp_plan', 'no_plan'], 'Whether the child is made subject to a child protection plan.'),
    category: code(CP_CATEGORIES, 'The category of abuse the plan is under.', forOutcome('cp_plan')),
    familyGroupConferenceOffered: yesOrNo('Whether a family group conference was offered.'),
    // Front Door addition (API.md names no field here): with no plan the child is a child in need
    // unless another next step is given.
    nextStep: code(NO_PLAN_NEXT_STEPS, 'Front Door addition: where the child goes with no plan (child_in_need unless given).', onlyForOutcome('no_plan')),
  },
  rules: [...whenTheStepHappened<'HOLD_ICPC'>('heldAt'), conferenceOnAWeekday],
};

export const HOLD_CORE_GROUP: EventDefinition<'HOLD_CORE_GROUP'> = {
  type: 'HOLD_CORE_GROUP',
  summary: 'Record a core group meeting.',
  fields: { heldAt: stepTime('When the core group met.') },
  rules: whenTheStepHappened('heldAt'),
};

export const HOLD_REVIEW_CONFERENCE: EventDefinition<'HOLD_REVIEW_CONFERENCE'> = {
  type: 'HOLD_REVIEW_CONFERENCE',
  summary: 'Record a child protection review conference.',
  fields: {
    heldAt: stepTime('When the review conference was held.'),
    outcome: code(['continue', 'end'], 'Whether the child protection plan continues.'),
  },
  rules: [...whenTheStepHappened<'HOLD_REVIEW_CONFERENCE'>('heldAt'), reviewAfterThePlanStartDay],
};

export const CLOSE: EventDefinition<'CLOSE'> = {
  type: 'CLOSE',
  summary: 'Close the episode.',
  fields: {
    closedAt: stepTime('When the episode closed.'),
    reason: code(CLOSURE_REASONS, 'The CIN census reason for closure (RC1–RC9).'),
  },
  rules: [...whenTheStepHappened<'CLOSE'>('closedAt'), closeAfterThePlanStartDay, closureReasonFitsTheEpisode],
};
