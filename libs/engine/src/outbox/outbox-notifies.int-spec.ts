import { SettableClock } from '@frontdoor/config';
import { Database, openDatabase, OUTBOX_CHANNEL } from '@frontdoor/persistence';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { TEST_DATABASE_URL } from '../../../../test/support/test-database';
import { composeMessage } from '../messages/compose-message';
import { practitionerOf, receiveContact } from '../testing/receive-contact.fixture';

/** The relay is woken by PostgreSQL when messages enter the outbox, and only for what commits. */
describe('the outbox wakes the relay', () => {
  let dataSource: DataSource;
  let db: Database;
  let listener: Client;
  let heard = 0;
  const clock = new SettableClock(new Date('2026-11-23T10:00:00Z'));
  const tenant = `int-${randomUUID().slice(0, 8)}`;

  beforeAll(async () => {
    dataSource = await openDatabase({ url: TEST_DATABASE_URL, poolSize: 2 });
    db = new Database(dataSource);
    listener = new Client({ connectionString: TEST_DATABASE_URL });
    await listener.connect();
    listener.on('notification', (n) => {
      if (n.channel === OUTBOX_CHANNEL) heard += 1;
    });
    await listener.query(`LISTEN ${OUTBOX_CHANNEL}`);
  });
  afterAll(async () => {
    await listener.end();
    await dataSource.destroy();
  });

  /** Notifications arrive asynchronously after the commit; a round trip on the listener lets them land. */
  const settle = async () => {
    await listener.query('SELECT 1');
    await new Promise((resolve) => setTimeout(resolve, 50));
  };

  it('notifies once a contact with its acknowledgement commits, and not for a step that rolls back', async () => {
    heard = 0;
    const received = await receiveContact(db, clock, practitionerOf(tenant));
    await settle();
    expect(heard).toBeGreaterThanOrEqual(1);

    heard = 0;
    const contact = (await db.read.contacts.findById(tenant, received.id))!;
    const message = composeMessage('acknowledgement', { contact, episodeId: null, context: null }, clock.now());
    await expect(
      db.transaction(async (stores) => {
        await stores.outbox.add([message]);
        throw new Error('the step failed after writing its message');
      }),
    ).rejects.toThrow('the step failed');
    await settle();
    expect(heard).toBe(0);
  });
});
