import type { Actor } from '@frontdoor/auth';
import { NO_DISABILITY, REFERRAL_SOURCE_CODES } from '@frontdoor/pathway';
import type { FieldProblem } from '../errors/front-door-error';
import type { ContactInput } from './contact-input';
import { isReferrerThemself, referrerOfContact } from './referrer-of-contact';

const MAX_MONTHS_TO_EXPECTED_BIRTH = 10;

/**
 * The rules of docs/api.md for a contact that a field-by-field check cannot see: who may backdate
 * it, that it is not from the future, that the referral source is a CIN code, and that the
 * referrer can actually be reached on the channel they chose.
 */
export function contactProblems(actor: Actor, input: ContactInput, now: Date): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (input.receivedAt !== undefined) {
    if (!actor.roles.includes('practitioner')) {
      problems.push({ field: 'receivedAt', message: 'only a practitioner may give receivedAt (a contact logged after it arrived)' });
    } else if (new Date(input.receivedAt).getTime() > now.getTime()) {
      problems.push({ field: 'receivedAt', message: 'must not be in the future' });
    } else if (new Date(input.receivedAt).getUTCFullYear() < 2000) {
      problems.push({ field: 'receivedAt', message: 'must not be before the year 2000' });
    }
  }
  // Judged on the referrer as the contact will record them (the defaults included), so a rule
  // and what is stored can never disagree.
  const referrer = referrerOfContact(actor, input.referrer);
  if (!(REFERRAL_SOURCE_CODES as readonly string[]).includes(referrer.sourceCode)) {
    problems.push({ field: 'referrer.sourceCode', message: `must be a CIN referral source code: ${REFERRAL_SOURCE_CODES.join(', ')}` });
  }
  if (referrer.feedbackChannel === 'email' && !referrer.email) {
    problems.push({ field: 'referrer.email', message: 'is required to send the referrer feedback by email (or choose another feedbackChannel)' });
  }
  if (referrer.feedbackChannel === 'webhook' && !referrer.organisation) {
    problems.push({ field: 'referrer.organisation', message: 'is required for webhook feedback: it names the partner system' });
  }
  if (referrer.feedbackChannel === 'portal' && !isReferrerThemself(actor)) {
    problems.push({ field: 'referrer.feedbackChannel', message: 'portal feedback is for referrers who sign in; give email instead' });
  }
  // An unborn child is due between the day the worry arrived and a full pregnancy after it.
  const receivedDay = (input.receivedAt ? new Date(input.receivedAt) : now).toISOString().slice(0, 10);
  const latestDue = new Date(`${receivedDay}T00:00:00Z`);
  latestDue.setUTCMonth(latestDue.getUTCMonth() + MAX_MONTHS_TO_EXPECTED_BIRTH);
  input.children.forEach((child, i) => {
    if (child.expectedDateOfBirth && child.expectedDateOfBirth < receivedDay) {
      problems.push({ field: `children.${i}.expectedDateOfBirth`, message: 'must not be in the past (give dateOfBirth for a child already born)' });
    }
    if (child.expectedDateOfBirth && child.expectedDateOfBirth > latestDue.toISOString().slice(0, 10)) {
      problems.push({ field: `children.${i}.expectedDateOfBirth`, message: `must be at most ${MAX_MONTHS_TO_EXPECTED_BIRTH} months ahead` });
    }
    if (child.dateOfBirth && child.dateOfBirth > now.toISOString().slice(0, 10)) {
      problems.push({ field: `children.${i}.dateOfBirth`, message: 'must not be in the future (use expectedDateOfBirth for an unborn child)' });
    }
    if (child.dateOfBirth && child.dateOfBirth < '1990-01-01') {
      problems.push({ field: `children.${i}.dateOfBirth`, message: 'is too long ago for a child' });
    }
    if (child.disabilities && child.disabilities.includes(NO_DISABILITY) && child.disabilities.length > 1) {
      problems.push({ field: `children.${i}.disabilities`, message: `must not list other disabilities with ${NO_DISABILITY} (no disability)` });
    }
  });
  if (!input.consent.obtained && !input.consent.reasonIfNot) {
    problems.push({ field: 'consent.reasonIfNot', message: 'is required when consent was not obtained' });
  }
  return problems;
}
