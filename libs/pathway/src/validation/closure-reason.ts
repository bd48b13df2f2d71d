import type { EpisodeContext } from '../context';
import { CLOSED_AFTER_ASSESSMENT, type ClosureReason } from '../events';
import { wasOnlyAssessed } from '../machine/pathway-context';

/** Why a closure reason does not fit the episode (CIN census code list; DfE rules 2990, 8825Q), or null. */
export function closureReasonRefusal(reason: ClosureReason, context: EpisodeContext): string | null {
  if (!CLOSED_AFTER_ASSESSMENT.includes(reason) || wasOnlyAssessed(context)) return null;
  const why =
    context.s47 !== null
      ? 'this episode had a section 47 enquiry'
      : context.assessment?.outcome === 'cin_plan'
        ? 'this episode has a child in need plan'
        : 'no assessment was completed in this episode';
  return `${reason} is "case closed after assessment" and only fits a case whose statutory work was an assessment: ${why}; use RC7 or another reason (DfE rules 2990 and 8825Q)`;
}
