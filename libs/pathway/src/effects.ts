/**
 * What a step of the pathway asks the world to do. The chart never does I/O: it returns these,
 * and the engine turns them into rows (deadlines, outbox messages) in the same transaction as
 * the new snapshot.
 */

export const DEADLINE_KINDS = [
  'acknowledgement',
  'decision',
  'mash_checks',
  'agency_check',
  'strategy_discussion',
  'assessment',
  'icpc',
  'core_group',
  'review_conference',
] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

/** Messages a step implies. Recipients and content are the engine's and notifications' job. */
export const MESSAGE_KINDS = [
  'acknowledgement', // to the referrer, once per contact (written at contact creation)
  'decision', // to the referrer: outcome, feedbackForReferrer, signposting
  'invitation_to_contribute', // to an involved referrer: allocated worker and how to reach them
  'assessment_outcome', // to the referrer
  'forward_to_allocated_worker', // staff: an open_case contact
  'agency_check_request', // staff: to the partner agency
] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

/**
 * A deadline is identified within its episode by kind and key. Most kinds occur once
 * (key ''); agency checks are keyed by check id, review conferences by their number.
 */
export interface DeadlineRef {
  kind: DeadlineKind;
  key: string;
}

export type PathwayEffect =
  | ({ type: 'startDeadline'; startedAt: string; dueAt: string } & DeadlineRef)
  /** `at` is when the step happened (the event's own time); met if at <= dueAt, else breached. */
  | ({ type: 'meetDeadline'; at: string } & DeadlineRef)
  | ({ type: 'cancelDeadline' } & DeadlineRef)
  | { type: 'sendMessage'; kind: MessageKind };
