import type { Actor } from '@frontdoor/auth';
import { AuthoritySettingsRegistry, SettableClock } from '@frontdoor/config';
import { Database, openDatabase } from '@frontdoor/persistence';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { TEST_DATABASE_URL } from '../../../../test/support/test-database';
import { FrontDoorError } from '../errors/front-door-error';
import type { ContactInput } from './contact-input';
import { CreateContact } from './create-contact';

/** Idempotent intake on the real database: a key is one person's, in one authority. */
describe('a contact sent again with an Idempotency-Key', () => {
  let dataSource: DataSource;
  let createContact: CreateContact;
  const clock = new SettableClock(new Date('2026-11-23T10:00:00Z'));
  const tenant = `idem-${randomUUID().slice(0, 8)}`;
  const person = (sub: string, inTenant = tenant): Actor => ({ sub, name: sub, roles: ['practitioner'], tenant: inTenant, agency: null, email: null, sourceCode: null });
  const input = (summary = 'Hungry at school'): ContactInput => ({
    channel: 'phone',
    referrer: { name: 'R', sourceCode: '2A', email: 'r@example.org', feedbackChannel: 'email' },
    children: [{ givenName: 'Ida', familyName: 'Key', dateOfBirth: '2015-06-01' }],
    concern: { summary, categories: ['neglect'], immediateRisk: false },
    consent: { obtained: true },
  });
  const contactsOf = async (inTenant: string) =>
    (await dataSource.query(`SELECT count(*)::int AS n FROM contacts WHERE tenant = $1`, [inTenant]))[0].n as number;

  beforeAll(async () => {
    dataSource = await openDatabase({ url: TEST_DATABASE_URL, poolSize: 2 });
    createContact = new CreateContact(new Database(dataSource), clock, new AuthoritySettingsRegistry());
  });
  afterAll(() => dataSource.destroy());

  it('answers the same person with the first contact, and records nothing new', async () => {
    const first = await createContact.execute({ actor: person('ann'), input: input(), idempotencyKey: 'k-1' });
    const again = await createContact.execute({ actor: person('ann'), input: input(), idempotencyKey: 'k-1' });
    expect(first.replayed).toBe(false);
    expect(again).toMatchObject({ replayed: true, contact: { id: first.contact.id, reference: first.contact.reference } });
    expect(await contactsOf(tenant)).toBe(1);
  });

  it('refuses the same key with a different contact, and records nothing', async () => {
    const refused = await createContact.execute({ actor: person('ann'), input: input('Something else'), idempotencyKey: 'k-1' }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(FrontDoorError);
    expect((refused as FrontDoorError).code).toBe('idempotency_key_reused');
    expect(await contactsOf(tenant)).toBe(1);
  });

  it('takes the same key from another person as a new contact of theirs, never answering with the first', async () => {
    const theirs = await createContact.execute({ actor: person('bob'), input: input(), idempotencyKey: 'k-1' });
    expect(theirs.replayed).toBe(false);
    expect(await contactsOf(tenant)).toBe(2);
  });

  it('takes the same key and person in another authority as a contact of that authority', async () => {
    const elsewhere = `${tenant}-other`;
    const theirs = await createContact.execute({ actor: person('ann', elsewhere), input: input(), idempotencyKey: 'k-1' });
    expect(theirs.replayed).toBe(false);
    expect(await contactsOf(elsewhere)).toBe(1);
    expect(await contactsOf(tenant)).toBe(2);
  });
});
