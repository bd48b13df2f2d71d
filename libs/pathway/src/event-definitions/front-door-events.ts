import { DECISION_OUTCOMES, PRIMARY_NEEDS, RAG_RATINGS, SCREENING_OUTCOMES } from '../events';
import { immediateRiskIsRed } from './contextual-rules';
import { code, forOutcome, name, text } from './define-fields';
import type { EventDefinition } from './field-definition';

/** The front door's steps (API.md, "The pathway itself"): screening, triage, the decision and allocation. */

export const SCREEN: EventDefinition<'SCREEN'> = {
  type: 'SCREEN',
  summary: 'Screen the contact: a new concern, about an open case, for another service, or a duplicate.',
  fields: {
    outcome: code(SCREENING_OUTCOMES, 'What screening found.'),
    note: text('Anything the next person should know.', 'optional'),
    duplicateOfContactId: { type: 'uuid', description: 'The contact this one repeats.', presence: forOutcome('duplicate') },
    redirectedTo: text('The service the contact is passed to.', forOutcome('redirect')),
  },
  rules: [],
};

export const RATE: EventDefinition<'RATE'> = {
  type: 'RATE',
  summary: 'Give the contact its RAG rating: how soon the front door must act.',
  fields: {
    rag: code(RAG_RATINGS, 'Red, amber or green: the authority’s timescales say how soon each must be decided.'),
    rationale: text('Why this rating.'),
  },
  rules: [immediateRiskIsRed],
};

export const REQUEST_AGENCY_CHECK: EventDefinition<'REQUEST_AGENCY_CHECK'> = {
  type: 'REQUEST_AGENCY_CHECK',
  summary: 'Ask a partner agency what it knows about the child and family.',
  fields: {
    agency: name('The partner agency asked (one of the authority’s agencies).'),
    question: text('What the agency is asked.'),
  },
  rules: [],
};

export const PROPOSE_DECISION: EventDefinition<'PROPOSE_DECISION'> = {
  type: 'PROPOSE_DECISION',
  summary: 'Propose what happens next, for a manager to sign off.',
  fields: {
    outcome: code(DECISION_OUTCOMES, 'The proposed next step for the child.'),
    thresholdLevel: { type: 'integer', minimum: 1, maximum: 4, description: 'The level of need on the authority’s threshold document, 1 to 4.', presence: 'required' },
    rationale: text('Why this decision.'),
    feedbackForReferrer: text('What the referrer is told of the decision, in plain words.'),
    // Working Together: when the threshold is not met, suggest other, more suitable support.
    signposting: text('Other, more suitable support the family is pointed to.', forOutcome('nfa', 'optional')),
    // CIN census rule 8610: every referral that leads to further action has its primary need,
    // from the decision on (an assessment may not be finished by 31 March).
    primaryNeed: code(PRIMARY_NEEDS, 'The CIN census primary need code.', {
      requiredWhen: { field: 'outcome', is: 'nfa', not: true },
      otherwise: 'optional',
      because: 'the CIN census needs it for every referral that leads to further action',
    }),
  },
  rules: [],
};

export const APPROVE_DECISION: EventDefinition<'APPROVE_DECISION'> = {
  type: 'APPROVE_DECISION',
  summary: 'A manager signs the proposed decision off.',
  fields: { note: text('Anything the manager adds.', 'optional') },
  rules: [],
};

export const RETURN_DECISION: EventDefinition<'RETURN_DECISION'> = {
  type: 'RETURN_DECISION',
  summary: 'A manager sends the proposed decision back for more work.',
  fields: { reason: text('What is missing or wrong.') },
  rules: [],
};

export const ALLOCATE: EventDefinition<'ALLOCATE'> = {
  type: 'ALLOCATE',
  summary: 'Allocate the child to a worker and team.',
  fields: {
    workerId: name('The worker allocated (their id).'),
    team: name('The worker’s team.'),
    // Front Door addition to API.md, for the invitation to an involved referrer (DOMAIN §5).
    workerName: name('Front Door addition: the worker’s name, shown to a referrer who asked to stay involved.', 'optional'),
    workerContact: name('Front Door addition: how that referrer can reach the worker (email or phone).', 'optional'),
  },
  rules: [],
};

