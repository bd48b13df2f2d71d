import type { Actor } from '@frontdoor/auth';
import type { ReferrerDetails } from '@frontdoor/persistence';
import type { ContactInput } from './contact-input';

/** The CIN referral source when neither the contact nor the referrer's token names one: "10 Unknown". */
const UNKNOWN_SOURCE = '10';

/**
 * Whether the person logging the contact is its referrer, signed in to the portal. Someone who
 * is also a practitioner logs contacts as staff do, for the referrer the contact names; only a
 * referrer themself can read feedback in the portal.
 */
export function isReferrerThemself(actor: Actor): boolean {
  return actor.roles.includes('referrer') && !actor.roles.includes('practitioner');
}

/**
 * The referrer as the contact records them: what the contact gave, and otherwise, for a referrer
 * themself, their account's email and the portal for feedback (staff default to email); the
 * source code from the contact, the token, or "other".
 */
export function referrerOfContact(actor: Actor, given: ContactInput['referrer']): ReferrerDetails {
  const themself = isReferrerThemself(actor);
  return {
    name: given.name,
    role: given.role ?? null,
    organisation: given.organisation ?? null,
    sourceCode: given.sourceCode ?? actor.sourceCode ?? UNKNOWN_SOURCE,
    email: given.email ?? (themself ? actor.email : null),
    phone: given.phone ?? null,
    wantsInvolvement: given.wantsInvolvement ?? false,
    feedbackChannel: given.feedbackChannel ?? (themself ? 'portal' : 'email'),
  };
}
