import { assertEvent } from 'xstate';
import { IMMEDIATE_RISK_RATIONALE, instant, laterOf, stepTimeOf, wasOnlyAssessed } from './pathway-context';
import { typedPathway } from './pathway.setup';

const { assign } = typedPathway;

const NOT_STEPS = new Set(['ALLOCATE', 'CONTRIBUTE', 'ACKNOWLEDGEMENT_DELIVERED', 'REQUEST_AGENCY_CHECK', 'RESPOND_AGENCY_CHECK']);

/**
 * What each step records about the child. These only change the context; the deadlines and
 * messages a step implies are in pathway.clocks.ts.
 */
export const pathwayRecords = {
  /**
   * A step of the pathway moves the time of the latest step on: later event times may not be
   * before it. It never moves back (an internal event may arrive late). Allocating a worker,
   * agency checks, contributions and delivery receipts are not steps a later step follows, so a
   * strategy discussion held at 10:00 can still be recorded after a worker was allocated at 11:00.
   */
  markStep: assign({
    lastStepAt: ({ context, event }) =>
      NOT_STEPS.has(event.type) ? context.lastStepAt : laterOf(context.lastStepAt, stepTimeOf(event)),
  }),

  recordScreening: assign({
    screening: ({ event }) => {
      assertEvent(event, 'SCREEN');
      return {
        outcome: event.outcome,
        at: instant(event.at),
        note: event.note ?? null,
        duplicateOfContactId: event.duplicateOfContactId ?? null,
        redirectedTo: event.redirectedTo ?? null,
      };
    },
  }),

  /** Rated red at intake already (initialContext); kept for episodes started before that. */
  rateRedForImmediateRisk: assign({
    rag: 'red',
    ragRationale: IMMEDIATE_RISK_RATIONALE,
  }),

  recordRating: assign(({ event }) => {
    assertEvent(event, 'RATE');
    return { rag: event.rag, ragRationale: event.rationale };
  }),

  recordAgencyCheckRequest: assign({
    agencyChecks: ({ context, event }) => {
      assertEvent(event, 'REQUEST_AGENCY_CHECK');
      return {
        ...context.agencyChecks,
        [event.checkId]: { agency: event.agency, requestedAt: instant(event.at), status: 'requested', answeredAt: null },
      };
    },
  }),

  recordAgencyCheckResponse: assign({
    agencyChecks: ({ context, event }) => {
      assertEvent(event, 'RESPOND_AGENCY_CHECK');
      const check = context.agencyChecks[event.checkId];
      return {
        ...context.agencyChecks,
        [event.checkId]: { ...check, status: event.declined ? 'declined' : 'returned', answeredAt: instant(event.at) },
      };
    },
  }),

  recordProposal: assign({
    proposal: ({ event }) => {
      assertEvent(event, 'PROPOSE_DECISION');
      return {
        outcome: event.outcome,
        thresholdLevel: event.thresholdLevel,
        rationale: event.rationale,
        feedbackForReferrer: event.feedbackForReferrer,
        signposting: event.signposting ?? null,
        primaryNeed: event.primaryNeed ?? null,
        proposedAt: instant(event.at),
      };
    },
  }),

  recordReturnedDecision: assign(({ context, event }) => {
    assertEvent(event, 'RETURN_DECISION');
    return { returnedReasons: [...context.returnedReasons, event.reason], proposal: null };
  }),

  /** The approved decision is the proposal as it stood; the proposal is then spent. */
  recordDecision: assign(({ context, event }) => {
    assertEvent(event, 'APPROVE_DECISION');
    if (!context.proposal) throw new Error('APPROVE_DECISION with no proposal to approve');
    return { decision: { ...context.proposal, decidedAt: instant(event.at) }, proposal: null };
  }),

  /** An NFA referral: closed at the decision, with no CIN reason for closure (not a CIN case). */
  closeReferralWithNoFurtherAction: assign({
    closure: ({ event }) => ({ closedAt: instant(event.at), reason: null }),
  }),

  recordAllocation: assign(({ event }) => {
    assertEvent(event, 'ALLOCATE');
    return {
      workerId: event.workerId,
      team: event.team,
      workerName: event.workerName ?? null,
      workerContact: event.workerContact ?? null,
    };
  }),

  recordChildSeen: assign({
    assessment: ({ context, event }) => {
      assertEvent(event, 'RECORD_CHILD_SEEN');
      if (!context.assessment) throw new Error('RECORD_CHILD_SEEN with no assessment open');
      return { ...context.assessment, childSeenAt: instant(event.seenAt), seenAlone: event.seenAlone };
    },
  }),

  recordAssessmentCompletion: assign({
    assessment: ({ context, event }) => {
      assertEvent(event, 'COMPLETE_ASSESSMENT');
      if (!context.assessment) throw new Error('COMPLETE_ASSESSMENT with no assessment open');
      return {
        ...context.assessment,
        completedAt: instant(event.completedAt),
        outcome: event.outcome,
        factors: [...event.factors],
        primaryNeed: event.primaryNeed,
        feedbackForReferrer: event.feedbackForReferrer ?? null,
        reasonForDelay: event.reasonForDelay ?? null,
      };
    },
  }),

  openStrategyDiscussion: assign({
    strategyDiscussion: ({ event }) => ({ requestedAt: stepTimeOf(event), heldAt: null, agencies: [], outcome: null }),
  }),

  recordStrategyDiscussion: assign({
    strategyDiscussion: ({ context, event }) => {
      assertEvent(event, 'HOLD_STRATEGY_DISCUSSION');
      return {
        requestedAt: context.strategyDiscussion?.requestedAt ?? instant(event.heldAt),
        heldAt: instant(event.heldAt),
        agencies: [...event.agencies],
        outcome: event.outcome,
      };
    },
  }),

  openSection47: assign({
    s47: ({ event }) => ({ startedAt: stepTimeOf(event), completedAt: null, outcome: null }),
  }),

  recordSection47Completion: assign({
    s47: ({ context, event }) => {
      assertEvent(event, 'COMPLETE_S47');
      return {
        startedAt: context.s47?.startedAt ?? instant(event.completedAt),
        completedAt: instant(event.completedAt),
        outcome: event.outcome,
      };
    },
  }),

  recordInitialConference: assign({
    icpc: ({ event }) => {
      assertEvent(event, 'HOLD_ICPC');
      return {
        heldAt: instant(event.heldAt),
        outcome: event.outcome,
        category: event.outcome === 'cp_plan' ? (event.category ?? null) : null,
        familyGroupConferenceOffered: event.familyGroupConferenceOffered,
      };
    },
  }),

  startChildProtectionPlan: assign({
    cpPlan: ({ event }) => {
      assertEvent(event, 'HOLD_ICPC');
      if (!event.category) throw new Error('A child protection plan needs a category');
      const startedAt = instant(event.heldAt);
      return { startedAt, category: event.category, coreGroups: [], reviewConferences: [], endedAt: null };
    },
  }),

  recordCoreGroup: assign({
    cpPlan: ({ context, event }) => {
      assertEvent(event, 'HOLD_CORE_GROUP');
      if (!context.cpPlan) throw new Error('HOLD_CORE_GROUP with no child protection plan');
      return { ...context.cpPlan, coreGroups: [...context.cpPlan.coreGroups, instant(event.heldAt)] };
    },
  }),

  recordReviewConference: assign({
    cpPlan: ({ context, event }) => {
      assertEvent(event, 'HOLD_REVIEW_CONFERENCE');
      if (!context.cpPlan) throw new Error('HOLD_REVIEW_CONFERENCE with no child protection plan');
      return { ...context.cpPlan, reviewConferences: [...context.cpPlan.reviewConferences, instant(event.heldAt)] };
    },
  }),

  endChildProtectionPlan: assign({
    cpPlan: ({ context, event }) => (context.cpPlan ? { ...context.cpPlan, endedAt: stepTimeOf(event) } : null),
  }),

  /**
   * No further action after an assessment, a strategy discussion or an s47: RC8 (closed after
   * assessment, NFA) when an assessment was all the episode's statutory work; otherwise RC7
   * (services ceased). The DfE refuses RC8 on a case that had an s47 (rule 2990), as after
   * strategy discussion → s47 → no ICPC → assessment → no further action.
   */
  closeWithNoFurtherAction: assign({
    closure: ({ context, event }) => ({
      closedAt: stepTimeOf(event),
      reason: wasOnlyAssessed(context) ? ('RC8' as const) : ('RC7' as const),
    }),
  }),

  /** An ICPC that makes no plan and closes the case: RC7, services ceased. */
  closeAsServicesCeased: assign({
    closure: ({ event }) => ({ closedAt: stepTimeOf(event), reason: 'RC7' as const }),
  }),

  /** A manager closes the case; an open child protection plan ends with it. */
  recordClosure: assign(({ context, event }) => {
    assertEvent(event, 'CLOSE');
    const closedAt = instant(event.closedAt);
    const planOpen = context.cpPlan !== null && context.cpPlan.endedAt === null;
    const cpPlan = planOpen && context.cpPlan ? { ...context.cpPlan, endedAt: closedAt } : context.cpPlan;
    return { closure: { closedAt, reason: event.reason }, cpPlan };
  }),
};
