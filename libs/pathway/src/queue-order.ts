import type { DeadlineKind } from './effects';

/**
 * The acknowledgement is owed to the referrer, not a step for the child: it does not move an
 * episode up the front-door queue. Every other outstanding deadline does (soonest first).
 */
export const OUTSIDE_THE_QUEUE_ORDER: readonly DeadlineKind[] = ['acknowledgement'];

/** Whether a deadline of this kind counts towards an episode's place in the queue. */
export function ordersTheQueue(kind: string): boolean {
  return !(OUTSIDE_THE_QUEUE_ORDER as readonly string[]).includes(kind);
}
