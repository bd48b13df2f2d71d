import type { NoPlanNextStep, PathwayEvent, StepDown } from '../events';
import type { PathwayContext } from './pathway-context';

/**
 * The questions the chart asks, each named for what it answers. Guards about an event's payload
 * assume it passed validation (validate-event.ts); an event missing what a branch needs simply
 * enables no transition and is not accepted.
 */

interface GuardArgs {
  context: PathwayContext;
  event: PathwayEvent;
}

const screenedAs =
  (outcome: string) =>
  ({ event }: GuardArgs): boolean =>
    event.type === 'SCREEN' && event.outcome === outcome;

const proposalIs =
  (outcome: string) =>
  ({ context }: GuardArgs): boolean =>
    context.proposal?.outcome === outcome;

const assessmentConcludes =
  (outcome: string) =>
  ({ event }: GuardArgs): boolean =>
    event.type === 'COMPLETE_ASSESSMENT' && event.outcome === outcome;

export const pathwayGuards = {
  // Screening
  isNewConcern: screenedAs('concern'),
  isAboutOpenCase: screenedAs('open_case'),
  isForAnotherService: screenedAs('redirect'),
  isDuplicateContact: screenedAs('duplicate'),
  /** DOMAIN §3: "A contact that says a child is at immediate risk is red." */
  childIsAtImmediateRisk: ({ context }: GuardArgs): boolean => context.immediateRisk,

  // Triage
  isNewAgencyCheck: ({ context, event }: GuardArgs): boolean =>
    event.type === 'REQUEST_AGENCY_CHECK' && !(event.checkId in context.agencyChecks),
  isAwaitedAgencyCheck: ({ context, event }: GuardArgs): boolean =>
    event.type === 'RESPOND_AGENCY_CHECK' && context.agencyChecks[event.checkId]?.status === 'requested',

  // Manager sign-off: the approved outcome is the proposal's
  proposesNoFurtherAction: proposalIs('nfa'),
  proposesFamilyHelp: proposalIs('family_help'),
  proposesAssessment: proposalIs('assessment'),
  proposesStrategyDiscussion: proposalIs('strategy_discussion'),

  // Allocation and the involved referrer (Task Group 2013, R11)
  hasAllocatedWorker: ({ context }: GuardArgs): boolean => context.workerId !== null,
  referrerWantsInvolvement: ({ context }: GuardArgs): boolean => context.wantsInvolvement,

  // Assessment
  assessmentFindsNoFurtherAction: assessmentConcludes('nfa'),
  assessmentLeadsToFamilyHelp: assessmentConcludes('family_help'),
  assessmentLeadsToCinPlan: assessmentConcludes('cin_plan'),
  assessmentLeadsToStrategyDiscussion: assessmentConcludes('strategy_discussion'),

  // Child protection
  startsSection47: ({ event }: GuardArgs): boolean =>
    event.type === 'HOLD_STRATEGY_DISCUSSION' && event.outcome === 's47',
  leadsToInitialConference: ({ event }: GuardArgs): boolean =>
    event.type === 'COMPLETE_S47' && event.outcome === 'icpc',
  makesChildProtectionPlan: ({ event }: GuardArgs): boolean =>
    event.type === 'HOLD_ICPC' && event.outcome === 'cp_plan' && event.category != null,
  continuesPlan: ({ event }: GuardArgs): boolean =>
    event.type === 'HOLD_REVIEW_CONFERENCE' && event.outcome === 'continue',
  endsPlan: ({ event }: GuardArgs): boolean => event.type === 'HOLD_REVIEW_CONFERENCE' && event.outcome === 'end',

  /** Where a strategy discussion with no s47, or an s47 with no ICPC, sends the child. */
  stepsDownTo: ({ event }: GuardArgs, params: { step: StepDown }): boolean =>
    ((event.type === 'HOLD_STRATEGY_DISCUSSION' && event.outcome === 'no_s47') ||
      (event.type === 'COMPLETE_S47' && event.outcome === 'no_icpc')) &&
    event.nextStep === params.step,
  /** After an ICPC that makes no plan; child in need unless said otherwise. */
  noPlanLeadsTo: ({ event }: GuardArgs, params: { step: NoPlanNextStep }): boolean =>
    event.type === 'HOLD_ICPC' &&
    event.outcome === 'no_plan' &&
    (event.nextStep ?? 'child_in_need') === params.step,
};
