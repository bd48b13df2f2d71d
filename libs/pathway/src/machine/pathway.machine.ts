import { and } from 'xstate';
import { initialContext } from './pathway-context';
import { pathwayClocks } from './pathway.clocks';
import { pathwayRecords } from './pathway.records';
import { pathwayWithEffects } from './pathway.setup';

/**
 * The pathway of one child named in a contact (DOMAIN §3), version 1.
 *
 * Pure: no timers, no clock, no I/O. Every time comes from the episode input or from the event
 * (its own `heldAt`/`seenAt`/`completedAt`/`closedAt`, else the `at` the engine stamped).
 * Deadlines are data: actions say start / meet / cancel, the engine stores and times them.
 *
 * On each transition the actions run in one order: `markStep`, then what the step records,
 * then its clocks, then its messages.
 */
const pathway = pathwayWithEffects.extend({ actions: { ...pathwayRecords, ...pathwayClocks } });
type PathwayAction = keyof typeof pathwayRecords | keyof typeof pathwayClocks;

/** Once the decision is approved: the referrer is told, information gathering stops. */
const decisionApproved = [
  'markStep',
  'recordDecision',
  'meetDecisionDeadline',
  'stopInformationGatheringClocks',
  'notifyReferrerOfDecision',
] as const;

const assessmentCompleted = [
  'markStep',
  'recordAssessmentCompletion',
  'meetAssessmentDeadline',
  'notifyReferrerOfAssessmentOutcome',
] as const;

const strategyDiscussionHeld = ['markStep', 'recordStrategyDiscussion', 'meetStrategyDiscussionDeadline'] as const;
const section47Concluded = ['markStep', 'recordSection47Completion'] as const;
const initialConferenceHeld = ['markStep', 'recordInitialConference', 'meetInitialConferenceDeadline'] as const;
const reviewConferenceHeld = ['markStep', 'recordReviewConference', 'meetReviewConferenceDeadline'] as const;

/**
 * Where a child goes when a strategy discussion finds no cause for an s47, or an s47 does not
 * lead to a conference: a (further) assessment, Family Help, or closed.
 */
function stepDown(concluded: readonly PathwayAction[]) {
  const toAssessment = { type: 'stepsDownTo', params: { step: 'assessment' } } as const;
  return [
    {
      guard: and([toAssessment, 'hasAllocatedWorker']),
      target: '#pathway.assessment.allocated',
      actions: [...concluded, 'beginAssessment'],
    },
    { guard: toAssessment, target: '#pathway.assessment.awaitingAllocation', actions: [...concluded, 'beginAssessment'] },
    { guard: { type: 'stepsDownTo', params: { step: 'family_help' } }, target: '#pathway.familyHelp', actions: concluded },
    {
      guard: { type: 'stepsDownTo', params: { step: 'nfa' } },
      target: '#pathway.closed',
      actions: [...concluded, 'closeWithNoFurtherAction'],
    },
  ] as const;
}

/** Accepted in every open state after the decision (DOMAIN §2: one worker for the whole journey). */
const openCase = {
  ALLOCATE: { actions: ['markStep', 'recordAllocation'] },
  CLOSE: { target: '#pathway.closed', actions: ['markStep', 'recordClosure'] },
} as const;

export const pathwayMachineV1 = pathway.createMachine({
  id: 'pathway',
  context: ({ input }) => initialContext(input),
  entry: ['startReferralClocks'],
  initial: 'screening',
  on: {
    // The acknowledgement is delivered outside the chart. A final state accepts no events, so for
    // an episode already forwarded, redirected, merged or closed the engine meets it directly.
    ACKNOWLEDGEMENT_DELIVERED: { actions: ['markStep', 'meetAcknowledgementDeadline'] },
  },
  states: {
    screening: {
      on: {
        SCREEN: [
          {
            guard: and(['isNewConcern', 'childIsAtImmediateRisk']),
            target: 'triage',
            actions: ['markStep', 'recordScreening', 'rateRedForImmediateRisk', 'keepMashChecksClockRunning'],
          },
          { guard: 'isNewConcern', target: 'triage', actions: ['markStep', 'recordScreening'] },
          {
            guard: 'isAboutOpenCase',
            target: 'forwarded',
            actions: [
              'markStep',
              'recordScreening',
              'meetDecisionDeadline',
              'stopInformationGatheringClocks',
              'forwardToAllocatedWorker',
              'notifyReferrerOfDecision',
            ],
          },
          {
            guard: 'isForAnotherService',
            target: 'redirected',
            actions: ['markStep', 'recordScreening', 'meetDecisionDeadline', 'stopInformationGatheringClocks', 'notifyReferrerOfDecision'],
          },
          {
            guard: 'isDuplicateContact',
            target: 'merged',
            actions: ['markStep', 'recordScreening', 'meetDecisionDeadline', 'stopInformationGatheringClocks', 'notifyReferrerOfDecision'],
          },
        ],
      },
    },

    triage: {
      initial: 'gatheringInformation',
      on: {
        RESPOND_AGENCY_CHECK: {
          guard: 'isAwaitedAgencyCheck',
          actions: ['markStep', 'recordAgencyCheckResponse', 'meetAgencyCheckDeadline'],
        },
      },
      states: {
        gatheringInformation: {
          on: {
            RATE: { actions: ['markStep', 'recordRating', 'startMashChecksClock'] },
            REQUEST_AGENCY_CHECK: {
              guard: 'isNewAgencyCheck',
              actions: ['markStep', 'recordAgencyCheckRequest', 'startAgencyCheckClock', 'askAgencyForCheck'],
            },
            PROPOSE_DECISION: {
              target: 'awaitingSignOff',
              actions: ['markStep', 'recordProposal', 'meetMashChecksDeadline'],
            },
          },
        },
        awaitingSignOff: {
          on: {
            RETURN_DECISION: { target: 'gatheringInformation', actions: ['markStep', 'recordReturnedDecision'] },
            APPROVE_DECISION: [
              {
                guard: 'proposesNoFurtherAction',
                target: '#pathway.closed',
                actions: [...decisionApproved, 'closeReferralWithNoFurtherAction'],
              },
              { guard: 'proposesFamilyHelp', target: '#pathway.familyHelp', actions: decisionApproved },
              {
                guard: 'proposesAssessment',
                target: '#pathway.assessment.awaitingAllocation',
                actions: [...decisionApproved, 'beginAssessment'],
              },
              {
                guard: 'proposesStrategyDiscussion',
                target: '#pathway.strategyDiscussion',
                actions: [...decisionApproved, 'openStrategyDiscussion', 'startStrategyDiscussionClock'],
              },
            ],
          },
        },
      },
    },

    familyHelp: { on: { ...openCase } },

    // No CLOSE while an assessment is under way: the DfE rejects a closed episode whose
    // assessment is not completed (rule 8867). Its outcome `nfa` closes the case.
    assessment: {
      initial: 'awaitingAllocation',
      on: {
        ALLOCATE: { actions: ['markStep', 'recordAllocation', 'inviteInvolvedReferrer'] },
        // The referrer's text goes into the history; the chart only notes that a step happened.
        CONTRIBUTE: { guard: 'referrerWantsInvolvement', actions: ['markStep'] },
      },
      states: {
        awaitingAllocation: {
          on: { ALLOCATE: { target: 'allocated', actions: ['markStep', 'recordAllocation'] } },
        },
        allocated: {
          entry: ['inviteInvolvedReferrer'],
          on: { RECORD_CHILD_SEEN: { target: 'childSeen', actions: ['markStep', 'recordChildSeen'] } },
        },
        childSeen: {
          on: {
            COMPLETE_ASSESSMENT: [
              {
                guard: 'assessmentFindsNoFurtherAction',
                target: '#pathway.closed',
                actions: [...assessmentCompleted, 'closeWithNoFurtherAction'],
              },
              { guard: 'assessmentLeadsToFamilyHelp', target: '#pathway.familyHelp', actions: assessmentCompleted },
              { guard: 'assessmentLeadsToCinPlan', target: '#pathway.childInNeed', actions: assessmentCompleted },
              {
                guard: 'assessmentLeadsToStrategyDiscussion',
                target: '#pathway.strategyDiscussion',
                actions: [...assessmentCompleted, 'openStrategyDiscussion', 'startStrategyDiscussionClock'],
              },
            ],
          },
        },
      },
    },

    childInNeed: { on: { ...openCase } },

    strategyDiscussion: {
      on: {
        ...openCase,
        HOLD_STRATEGY_DISCUSSION: [
          {
            guard: 'startsSection47',
            target: 's47Enquiry',
            actions: [...strategyDiscussionHeld, 'openSection47', 'startInitialConferenceClock'],
          },
          ...stepDown(strategyDiscussionHeld),
        ],
      },
    },

    s47Enquiry: {
      on: {
        ...openCase,
        COMPLETE_S47: [
          { guard: 'leadsToInitialConference', target: 'awaitingIcpc', actions: section47Concluded },
          ...stepDown([...section47Concluded, 'cancelInitialConferenceClock']),
        ],
      },
    },

    awaitingIcpc: {
      on: {
        ...openCase,
        HOLD_ICPC: [
          {
            guard: 'makesChildProtectionPlan',
            target: 'cpPlan',
            actions: [...initialConferenceHeld, 'startChildProtectionPlan', 'startPlanClocks'],
          },
          {
            guard: { type: 'noPlanLeadsTo', params: { step: 'child_in_need' } },
            target: 'childInNeed',
            actions: initialConferenceHeld,
          },
          {
            guard: { type: 'noPlanLeadsTo', params: { step: 'family_help' } },
            target: 'familyHelp',
            actions: initialConferenceHeld,
          },
          {
            guard: { type: 'noPlanLeadsTo', params: { step: 'nfa' } },
            target: 'closed',
            actions: [...initialConferenceHeld, 'closeAsServicesCeased'],
          },
        ],
      },
    },

    cpPlan: {
      on: {
        ...openCase,
        HOLD_CORE_GROUP: { actions: ['markStep', 'recordCoreGroup', 'meetCoreGroupDeadline'] },
        HOLD_REVIEW_CONFERENCE: [
          { guard: 'continuesPlan', actions: [...reviewConferenceHeld, 'scheduleNextReviewConference'] },
          // The plan ends and the child steps down to child in need.
          {
            guard: 'endsPlan',
            target: 'childInNeed',
            actions: [...reviewConferenceHeld, 'endChildProtectionPlan', 'stopPlanClocks'],
          },
        ],
      },
    },

    forwarded: { type: 'final' },
    redirected: { type: 'final' },
    merged: { type: 'final' },
    // However the episode closes, no clock runs on (the acknowledgement is still owed).
    closed: { type: 'final', entry: ['stopOpenClocks'] },
  },
});

export type PathwayMachine = typeof pathwayMachineV1;
