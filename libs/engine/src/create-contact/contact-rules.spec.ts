import type { Actor, Role } from '@frontdoor/auth';
import type { ContactInput } from './contact-input';
import { contactProblems } from './contact-rules';
import { referrerOfContact } from './referrer-of-contact';

const NOW = new Date('2026-11-23T10:00:00Z');

function actorWith(roles: Role[]): Actor {
  return { sub: 'sam', name: 'Sam Patel', roles, tenant: '865', agency: null, email: 'sam.patel@example.org', sourceCode: '5B' };
}

function contact(referrer: Partial<ContactInput['referrer']> = {}): ContactInput {
  return {
    channel: 'portal',
    referrer: { name: 'Sam Patel', ...referrer },
    children: [{ givenName: 'Ada', familyName: 'Smith', dateOfBirth: '2014-05-02' }],
    concern: { summary: 'Came to school hungry', categories: ['neglect'], immediateRisk: false },
    consent: { obtained: true },
  };
}

describe('the referrer of a contact, as the rules judge it and as it is stored', () => {
  it('gives a referrer signed in to the portal portal feedback and their own email by default', () => {
    const actor = actorWith(['referrer']);
    expect(referrerOfContact(actor, contact().referrer)).toMatchObject({ feedbackChannel: 'portal', email: 'sam.patel@example.org', sourceCode: '5B' });
    expect(contactProblems(actor, contact(), NOW)).toEqual([]);
  });

  it('treats someone who is both practitioner and referrer as staff: email by default, to the address the contact gives', () => {
    const actor = actorWith(['referrer', 'practitioner']);
    expect(referrerOfContact(actor, contact().referrer)).toMatchObject({ feedbackChannel: 'email', email: null });
    expect(contactProblems(actor, contact(), NOW)).toEqual([
      { field: 'referrer.email', message: 'is required to send the referrer feedback by email (or choose another feedbackChannel)' },
    ]);
    expect(contactProblems(actor, contact({ email: 'head@school.example.org' }), NOW)).toEqual([]);
  });

  it('refuses portal feedback for a contact logged by staff, even one who also holds the referrer role', () => {
    expect(contactProblems(actorWith(['referrer', 'practitioner']), contact({ feedbackChannel: 'portal' }), NOW)).toEqual([
      { field: 'referrer.feedbackChannel', message: 'portal feedback is for referrers who sign in; give email instead' },
    ]);
  });
});
