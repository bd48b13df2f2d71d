import type { Actor } from '@frontdoor/auth';
import { Database } from '@frontdoor/persistence';
import { ApplyEvent } from '../apply-event/apply-event';
import type { ChildInput, ContactInput } from '../create-contact/contact-input';
import { CreateContact } from '../create-contact/create-contact';

export const DEMO_TENANT = '865';

const practitioner = (tenant: string): Actor => ({
  sub: 'demo-practitioner',
  name: 'Priya Shah (demo practitioner)',
  roles: ['practitioner'],
  tenant,
  agency: null,
  email: null,
  sourceCode: null,
});
const manager = (tenant: string): Actor => ({ ...practitioner(tenant), sub: 'demo-manager', name: 'Mo Clarke (demo manager)', roles: ['manager'] });

function contact(child: ChildInput, summary: string, overrides: Partial<ContactInput> = {}): ContactInput {
  return {
    channel: 'phone',
    referrer: {
      name: 'Sam Patel',
      role: 'Youth worker',
      organisation: 'Youth Service',
      sourceCode: '5B',
      email: 'sam.patel@example.org',
      wantsInvolvement: true,
      feedbackChannel: 'email',
    },
    children: [child],
    concern: { summary, categories: ['neglect'], immediateRisk: false },
    consent: { obtained: true },
    ...overrides,
  };
}

/**
 * A handful of synthetic contacts at different stages, so a newcomer opening the embedded
 * default sees a front door with work in it. Loaded only into an empty database.
 */
export async function loadDemo(db: Database, createContact: CreateContact, applyEvent: ApplyEvent, tenant = DEMO_TENANT): Promise<boolean> {
  const [{ count }] = await db.dataSource.query(`SELECT count(*)::int AS count FROM contacts`);
  if (count > 0) return false;
  const worker = practitioner(tenant);
  const boss = manager(tenant);
  const create = async (input: ContactInput) =>
    (await createContact.execute({ actor: worker, input })).contact.episodes.map((e) => e.id);
  const send = (actor: Actor, episodeId: string, body: Record<string, unknown>) => applyEvent.execute({ actor, episodeId, body });

  // Waiting for screening.
  await create(contact({ givenName: 'Ada', familyName: 'Example', dateOfBirth: '2014-05-02', address: { postcode: 'BA14 8AA' } }, 'Came to youth club hungry, twice this week.'));

  // Siblings in one household, in triage, rated amber with a police check outstanding.
  const siblings = await create(
    contact({ givenName: 'Ben', familyName: 'Sample', dateOfBirth: '2012-02-11' }, 'Police attended a domestic incident; two children present.', {
      channel: 'police_notification',
      referrer: { name: 'PC Jordan Reed', organisation: 'Police', sourceCode: '6', email: 'jordan.reed@example.org', feedbackChannel: 'email' },
      children: [
        { givenName: 'Ben', familyName: 'Sample', dateOfBirth: '2012-02-11', address: { postcode: 'SN1 1AA' } },
        { givenName: 'Cleo', familyName: 'Sample', dateOfBirth: '2018-07-30', address: { postcode: 'SN1 1AA' } },
      ],
      concern: { summary: 'Police attended a domestic incident; two children present.', categories: ['domestic_abuse'], immediateRisk: false },
    }),
  );
  for (const id of siblings) {
    await send(worker, id, { type: 'SCREEN', outcome: 'concern', note: 'Domestic abuse notification with children present' });
    await send(worker, id, { type: 'RATE', rag: 'amber', rationale: 'Second notification this year' });
    await send(worker, id, { type: 'REQUEST_AGENCY_CHECK', agency: 'police', question: 'Call-outs to the address in the last 12 months?' });
  }

  // Awaiting a manager's sign-off.
  const [dan] = await create(contact({ givenName: 'Dan', familyName: 'Specimen', dateOfBirth: '2010-10-10' }, 'School reports missed meals and poor attendance.'));
  await send(worker, dan, { type: 'SCREEN', outcome: 'concern' });
  await send(worker, dan, { type: 'RATE', rag: 'green', rationale: 'No immediate risk; needs support' });
  await send(worker, dan, {
    type: 'PROPOSE_DECISION',
    primaryNeed: 'N1',
    outcome: 'family_help',
    thresholdLevel: 2,
    rationale: 'Needs co-ordinated support; no safeguarding concern found in checks',
    feedbackForReferrer: 'Thank you. Dan and his family will be offered Family Help; a worker will contact them this week.',
  });

  // Decided for assessment and allocated.
  const [eve] = await create(contact({ givenName: 'Eve', familyName: 'Placeholder', dateOfBirth: '2016-03-21' }, 'Health visitor worried about home conditions.'));
  await send(worker, eve, { type: 'SCREEN', outcome: 'concern' });
  await send(worker, eve, { type: 'RATE', rag: 'amber', rationale: 'Home conditions, younger sibling due soon' });
  await send(worker, eve, {
    type: 'PROPOSE_DECISION',
    primaryNeed: 'N1',
    outcome: 'assessment',
    thresholdLevel: 3,
    rationale: 'Health and school both worried',
    feedbackForReferrer: 'Thank you. A social worker will assess Eve’s needs with her family.',
  });
  await send(boss, eve, { type: 'APPROVE_DECISION', note: 'Agreed' });
  await send(boss, eve, { type: 'ALLOCATE', workerId: 'demo-practitioner', team: 'west' });

  // Redirected at screening.
  const [fay] = await create(contact({ givenName: 'Fay', familyName: 'Dummy', dateOfBirth: '2009-09-09' }, 'Parent asking about housing repairs.', { channel: 'email' }));
  await send(worker, fay, { type: 'SCREEN', outcome: 'redirect', redirectedTo: 'Housing repairs team' });
  return true;
}
