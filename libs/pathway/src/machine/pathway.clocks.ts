import { DEADLINE_KINDS, type MessageKind } from '../effects';
import type { PathwayEvent } from '../events';
import { DeadlineLedger } from './deadline-ledger';
import { type PathwayContext, stepTimeOf } from './pathway-context';
import { pathwayWithEffects } from './pathway.setup';
import {
  ASSESSMENT,
  FIRST_CORE_GROUP,
  FIRST_REVIEW,
  INITIAL_CONFERENCE,
  LATER_REVIEW,
  REFERRAL_RESPONSE,
} from './statutory-timescales';

/**
 * The deadlines and messages each step implies (DOMAIN §4 and §5). Each action plans its
 * effects against the deadlines the chart knows are open, then emits them as the named effect
 * actions of pathway.setup.ts and records which deadlines are open now.
 */

/** Used for an agency check requested before the contact is RAG-rated. */
const UNRATED_AGENCY_CHECK_RAG = 'amber' as const;

/** Closing stops every clock except the acknowledgement, which is still owed to the referrer. */
const CLOCKS_STOPPED_BY_CLOSING = DEADLINE_KINDS.filter((kind) => kind !== 'acknowledgement');

const { enqueueActions } = pathwayWithEffects;

interface Plan {
  context: PathwayContext;
  event: PathwayEvent;
  deadlines: DeadlineLedger;
  /** When the step happened (the event's own time). */
  at: string;
}

/** An action that plans deadline effects and may record facts alongside them. */
function deadlineAction(plan: (args: Plan) => Partial<PathwayContext> | void) {
  return enqueueActions(({ context, event, enqueue }) => {
    const deadlines = new DeadlineLedger(context.openDeadlines);
    // The initial transition's event is XState's own and carries no time: the referral's is used.
    const at = 'at' in event ? stepTimeOf(event) : context.lastStepAt;
    const facts = plan({ context, event, deadlines, at }) ?? {};
    for (const effect of deadlines.effects) {
      switch (effect.type) {
        case 'startDeadline': {
          const { type, ...params } = effect;
          enqueue({ type, params });
          break;
        }
        case 'meetDeadline': {
          const { type, ...params } = effect;
          enqueue({ type, params });
          break;
        }
        case 'cancelDeadline': {
          const { type, ...params } = effect;
          enqueue({ type, params });
          break;
        }
      }
    }
    enqueue.assign({ ...facts, openDeadlines: deadlines.openDeadlines });
  });
}

function message(kind: MessageKind, onlyForInvolvedReferrer = false) {
  return enqueueActions(({ context, enqueue }) => {
    if (onlyForInvolvedReferrer && !context.wantsInvolvement) return;
    enqueue({ type: 'sendMessage', params: { kind } });
  });
}

export const pathwayClocks = {
  /**
   * From the moment a contact arrives. A child said to be at immediate risk is red from then, so
   * the red information-gathering clock runs from receipt, not from whenever it is screened.
   */
  startReferralClocks: deadlineAction(({ context, deadlines }) => {
    deadlines.start('acknowledgement', '', context.receivedAt, REFERRAL_RESPONSE);
    deadlines.start('decision', '', context.receivedAt, REFERRAL_RESPONSE);
    if (context.immediateRisk) deadlines.start('mash_checks', '', context.receivedAt, context.settings.ragTimescales.red);
  }),
  meetAcknowledgementDeadline: deadlineAction(({ deadlines, at }) => deadlines.meet('acknowledgement', '', at)),
  meetDecisionDeadline: deadlineAction(({ deadlines, at }) => deadlines.meet('decision', '', at)),

  /** MASH information gathering, by the RAG rating just recorded; a re-rating restarts it. */
  startMashChecksClock: deadlineAction(({ context, deadlines, at }) => {
    if (!context.rag) throw new Error('startMashChecksClock before a RAG rating was recorded');
    deadlines.start('mash_checks', '', at, context.settings.ragTimescales[context.rag]);
  }),
  /** Screened as a concern: a clock started at intake runs on; an episode from before that starts it now. */
  keepMashChecksClockRunning: deadlineAction(({ context, deadlines, at }) => {
    if (deadlines.openKeyOf('mash_checks') !== null) return;
    if (!context.rag) throw new Error('keepMashChecksClockRunning before a RAG rating was recorded');
    deadlines.start('mash_checks', '', at, context.settings.ragTimescales[context.rag]);
  }),
  meetMashChecksDeadline: deadlineAction(({ deadlines, at }) => deadlines.meet('mash_checks', '', at)),

  startAgencyCheckClock: deadlineAction(({ context, event, deadlines, at }) => {
    if (event.type !== 'REQUEST_AGENCY_CHECK') return;
    const rag = context.rag ?? UNRATED_AGENCY_CHECK_RAG;
    deadlines.start('agency_check', event.checkId, at, context.settings.ragTimescales[rag]);
  }),
  meetAgencyCheckDeadline: deadlineAction(({ event, deadlines, at }) => {
    if (event.type === 'RESPOND_AGENCY_CHECK') deadlines.meet('agency_check', event.checkId, at);
  }),
  /** Once the decision is made, outstanding checks no longer hold anything up. */
  stopInformationGatheringClocks: deadlineAction(({ deadlines }) => deadlines.cancelAll(['agency_check', 'mash_checks'])),

  /**
   * A new assessment record. The 45 working day clock runs from the referral date, and only for
   * the episode's first assessment: a second one (after a strategy discussion) has no new clock.
   */
  beginAssessment: deadlineAction(({ context, deadlines, at }) => {
    if (!context.assessment) deadlines.start('assessment', '', context.receivedAt, ASSESSMENT);
    return {
      assessment: {
        startedAt: at,
        childSeenAt: null,
        seenAlone: null,
        completedAt: null,
        outcome: null,
        factors: [],
        primaryNeed: null,
        feedbackForReferrer: null,
        reasonForDelay: null,
      },
    };
  }),
  meetAssessmentDeadline: deadlineAction(({ deadlines, at }) => deadlines.meet('assessment', '', at)),

  /** Local procedures: from the decision (or assessment) that a strategy discussion is needed. */
  startStrategyDiscussionClock: deadlineAction(({ context, deadlines, at }) =>
    deadlines.start('strategy_discussion', '', at, context.settings.strategyDiscussion),
  ),
  meetStrategyDiscussionDeadline: deadlineAction(({ deadlines, at }) => deadlines.meet('strategy_discussion', '', at)),

  startInitialConferenceClock: deadlineAction(({ deadlines, at }) => deadlines.start('icpc', '', at, INITIAL_CONFERENCE)),
  cancelInitialConferenceClock: deadlineAction(({ deadlines }) => deadlines.cancel('icpc', '')),
  meetInitialConferenceDeadline: deadlineAction(({ deadlines, at }) => deadlines.meet('icpc', '', at)),

  startPlanClocks: deadlineAction(({ deadlines, at }) => {
    deadlines.start('core_group', '', at, FIRST_CORE_GROUP);
    deadlines.start('review_conference', '1', at, FIRST_REVIEW);
  }),
  /** Only the first core group has a statutory deadline; later ones are just recorded. */
  meetCoreGroupDeadline: deadlineAction(({ deadlines, at }) => deadlines.meet('core_group', '', at)),
  meetReviewConferenceDeadline: deadlineAction(({ deadlines, at }) => {
    const key = deadlines.openKeyOf('review_conference');
    if (key !== null) deadlines.meet('review_conference', key, at);
  }),
  /** Runs after the review is recorded: review N was just held, so N + 1 is next. */
  scheduleNextReviewConference: deadlineAction(({ context, deadlines, at }) => {
    const held = context.cpPlan?.reviewConferences.length ?? 0;
    deadlines.start('review_conference', String(held + 1), at, LATER_REVIEW);
  }),
  stopPlanClocks: deadlineAction(({ deadlines }) => deadlines.cancelAll(['core_group', 'review_conference'])),

  stopOpenClocks: deadlineAction(({ deadlines }) => deadlines.cancelAll(CLOCKS_STOPPED_BY_CLOSING)),

  notifyReferrerOfDecision: message('decision'),
  forwardToAllocatedWorker: message('forward_to_allocated_worker'),
  askAgencyForCheck: message('agency_check_request'),
  /** Task Group 2013 R11: a referrer who asked to stay involved is invited, with the worker's name. */
  inviteInvolvedReferrer: message('invitation_to_contribute', true),
  notifyReferrerOfAssessmentOutcome: message('assessment_outcome'),
};
