import type { Actor } from '@frontdoor/auth';
import { AuthoritySettingsRegistry, Clock } from '@frontdoor/config';
import type { Database } from '@frontdoor/persistence';
import type { CreatedContact } from '../create-contact/contact-input';
import { CreateContact } from '../create-contact/create-contact';

/** Shared by the engine's integration specs (not used by the library itself). */

/** A practitioner of `tenant`, as the specs act. */
export function practitionerOf(tenant: string): Actor {
  return { sub: 'p1', name: 'P One', roles: ['practitioner'], tenant, agency: null, email: null, sourceCode: null };
}

/** A phone contact about one child, from a school that wants email feedback, taken through the real engine. */
export async function receiveContact(
  db: Database,
  clock: Clock,
  actor: Actor,
  child = { givenName: 'Gus', familyName: 'Ray', dateOfBirth: '2015-06-01' },
): Promise<CreatedContact> {
  const created = await new CreateContact(db, clock, new AuthoritySettingsRegistry()).execute({
    actor,
    input: {
      channel: 'phone',
      referrer: { name: 'R', sourceCode: '2A', email: 'r@example.org', feedbackChannel: 'email' },
      children: [child],
      concern: { summary: 'worry', categories: ['neglect'], immediateRisk: false },
      consent: { obtained: true },
    },
  });
  return created.contact;
}
