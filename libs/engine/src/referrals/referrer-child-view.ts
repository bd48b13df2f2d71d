import { EpisodeContext, positionOf } from '@frontdoor/pathway';
import type { ChildAsNamed, ContactEntity, EpisodeEntity } from '@frontdoor/persistence';

/** Where a referral stands, in the referrer's terms (docs/api.md). */
export type ReferrerStatus = 'received' | 'being_considered' | 'decided' | 'assessment' | 'closed';

const STATUS_OF_STAGE: Record<string, ReferrerStatus> = {
  screening: 'received',
  triage: 'being_considered',
  awaiting_sign_off: 'being_considered',
  assessment: 'assessment',
  closed: 'closed',
};

/**
 * One child of a referral as its referrer sees it (DOMAIN §5): of the child, only what the
 * contact itself said, never the matched record; the decision and the assessment's outcome in
 * the words written for them, never the internal rationale; the allocated worker only when they
 * asked to stay involved.
 */
export function referrerChildView(episode: EpisodeEntity, named: ChildAsNamed | null, contact: ContactEntity) {
  const context: EpisodeContext = positionOf(episode.machineVersion, episode.snapshot).context;
  const screening = context.screening;
  const screenedOut = screening && screening.outcome !== 'concern';
  const decision = context.decision
    ? { outcome: context.decision.outcome, feedbackForReferrer: context.decision.feedbackForReferrer, signposting: context.decision.signposting }
    : screenedOut
      ? { outcome: episode.outcome, feedbackForReferrer: null, signposting: screening.redirectedTo }
      : null;
  const involved = contact.referrer.wantsInvolvement && context.workerId !== null && context.assessment !== null;
  return {
    episodeId: episode.id,
    childName: named?.givenName ?? null,
    child: named && {
      givenName: named.givenName,
      familyName: named.familyName,
      dateOfBirth: named.dateOfBirth,
      expectedDateOfBirth: named.expectedDateOfBirth,
    },
    status: STATUS_OF_STAGE[episode.stage] ?? 'decided',
    decision,
    allocatedWorker: involved ? { name: context.workerName ?? 'your allocated social worker', team: context.team, contact: context.workerContact } : null,
    assessment: context.assessment?.outcome
      ? { outcome: context.assessment.outcome, feedbackForReferrer: context.assessment.feedbackForReferrer, completedAt: context.assessment.completedAt }
      : null,
  };
}
