import type { Actor } from '@frontdoor/auth';
import type { CreatedContact } from './contact-input';

/** What a referrer gets back for a contact: only what they sent made into a reference. */
export interface ReferrerReceipt {
  id: string;
  reference: string;
  receivedAt: string;
  episodes: { id: string; stage: string }[];
}

/**
 * The answer to a new contact, for the one who made it. Staff see what matching found (the
 * child's id, a re-referral, an open case). A referrer never does: with an NHS number alone,
 * any referrer account would otherwise learn whether a child is known to social care.
 */
export function contactReceiptFor(actor: Actor, contact: CreatedContact): CreatedContact | ReferrerReceipt {
  if (actor.roles.includes('practitioner')) return contact;
  return {
    id: contact.id,
    reference: contact.reference,
    receivedAt: contact.receivedAt,
    episodes: contact.episodes.map(({ id, stage }) => ({ id, stage })),
  };
}
