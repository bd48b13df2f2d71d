import type { HistoryStep } from './episode-timeline';

/**
 * What managers have corrected in an episode's census record (AMEND_RECORD, DOMAIN §7): for each
 * field, the latest amendment in the episode's history. History is never edited: a correction is
 * a later step, and the returns read it in place of what the pathway recorded. A child's
 * disabilities are corrected on the child's own record (the engine writes it with the step).
 */
export interface Amendments {
  primaryNeed?: string;
  referralSource?: string;
  reasonForClosure?: string;
  assessmentFactors?: string[];
  categoryOfAbuse?: string;
}

export function latestAmendments(steps: readonly HistoryStep[]): Amendments {
  const amended: Amendments = {};
  for (const step of steps) {
    if (step.type !== 'AMEND_RECORD') continue;
    const { primaryNeed, referralSource, reasonForClosure, assessmentFactors, categoryOfAbuse } = step.payload;
    if (typeof primaryNeed === 'string') amended.primaryNeed = primaryNeed;
    if (typeof referralSource === 'string') amended.referralSource = referralSource;
    if (typeof reasonForClosure === 'string') amended.reasonForClosure = reasonForClosure;
    if (Array.isArray(assessmentFactors)) amended.assessmentFactors = assessmentFactors.map(String);
    if (typeof categoryOfAbuse === 'string') amended.categoryOfAbuse = categoryOfAbuse;
  }
  return amended;
}
