import type { Actor } from '@frontdoor/auth';
import { AuthoritySettingsRegistry, SettableClock } from '@frontdoor/config';
import { Database, openDatabase } from '@frontdoor/persistence';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { TEST_DATABASE_URL } from '../../../../test/support/test-database';
import { CreateContact } from '../create-contact/create-contact';
import { RecordDueBreaches } from './record-due-breaches';

describe('the deadline sweep', () => {
  let dataSource: DataSource;
  let db: Database;
  const clock = new SettableClock(new Date('2026-11-23T10:00:00Z'));
  const tenant = `sweep-${randomUUID().slice(0, 8)}`;
  const actor: Actor = { sub: 'p', name: 'P', roles: ['practitioner'], tenant, agency: null, email: null, sourceCode: null };

  beforeAll(async () => {
    dataSource = await openDatabase({ url: TEST_DATABASE_URL, poolSize: 2 });
    db = new Database(dataSource);
  });
  afterAll(() => dataSource.destroy());

  it('records a breach at the due time once it has passed, even if nobody opens the case', async () => {
    const created = await new CreateContact(db, clock, new AuthoritySettingsRegistry()).execute({
      actor,
      input: {
        channel: 'email',
        referrer: { name: 'R', sourceCode: '6', email: 'r@example.org', feedbackChannel: 'email' },
        children: [{ givenName: 'Hal', familyName: 'Moss', dateOfBirth: '2013-03-03' }],
        concern: { summary: 'worry', categories: [], immediateRisk: false },
        consent: { obtained: true },
      },
    });
    const episodeId = created.contact.episodes[0].id;
    const sweep = new RecordDueBreaches(db, clock);

    clock.set('2026-11-24T22:00:00Z'); // before the end of Tuesday in London
    await sweep.execute();
    expect((await db.read.deadlines.forEpisode(tenant, episodeId)).map((d) => d.status)).toEqual(['open', 'open']);

    clock.set('2026-11-25T08:00:00Z');
    await sweep.execute();
    const deadlines = await db.read.deadlines.forEpisode(tenant, episodeId);
    expect(deadlines.map((d) => [d.kind, d.status, d.breachedAt?.toISOString()])).toEqual([
      ['acknowledgement', 'breached', '2026-11-24T23:59:59.999Z'],
      ['decision', 'breached', '2026-11-24T23:59:59.999Z'],
    ]);
  });
});
