import type { Actor } from '@frontdoor/auth';
import { NO_DISABILITY, REFERRAL_SOURCE_CODES } from '@frontdoor/pathway';
import type { FieldProblem } from '../errors/front-door-error';
import type { ContactInput } from './contact-input';

/**
 * The rules of API.md for a contact that a field-by-field check cannot see: who may backdate
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
  const source = input.referrer.sourceCode ?? actor.sourceCode;
  if (source != null && !(REFERRAL_SOURCE_CODES as readonly string[]).includes(source)) {
    problems.push({ field: 'referrer.sourceCode', message: `must be a CIN referral source code: ${REFERRAL_SOURCE_CODES.join(', ')}` });
  }
  const channel = input.referrer.feedbackChannel ?? (actor.roles.includes('referrer') ? 'portal' : 'email');
  if (channel === 'email' && !input.referrer.email && !actor.email) {
    problems.push({ field: 'referrer.email', message: 'is required to send the referrer feedback by email (or choose another feedbackChannel)' });
  }
  if (channel === 'webhook' && !input.referrer.organisation) {
    problems.push({ field: 'referrer.organisation', message: 'is required for webhook feedback: it names the partner system' });
  }
  if (input.referrer.feedbackChannel === 'portal' && !actor.roles.includes('referrer')) {
    problems.push({ field: 'referrer.feedbackChannel', message: 'portal feedback is for referrers who sign in; give email instead' });
  }
  input.children.forEach((child, i) => {
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
