import { SettableClock } from '@frontdoor/config';
import { Channel, ChannelRegistry, DeliveryReceipt, PermanentDeliveryError, TransientDeliveryError } from '@frontdoor/notifications';
import { Database, openDatabase } from '@frontdoor/persistence';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { TEST_DATABASE_URL } from '../../../../test/support/test-database';
import { ApplyEvent } from '../apply-event/apply-event';
import { practitionerOf, receiveContact } from '../testing/receive-contact.fixture';
import { DeliverMessage, FinalDeliveryFailure } from './deliver-message';
import { RecordAcknowledgement } from './record-acknowledgement';

/** A channel that answers each send with the next of `answers` (a receipt, or an error to throw). */
class ScriptedChannel implements Channel {
  readonly name = 'email' as const;
  answers: (DeliveryReceipt | Error)[] = [];

  async send(): Promise<DeliveryReceipt> {
    const answer = this.answers.shift();
    if (!answer) throw new Error('the test gave the channel no answer');
    if (answer instanceof Error) throw answer;
    return answer;
  }
}

/** Each attempt is kept with what it did to the message, whatever the outcome (real PostgreSQL). */
describe('delivering a message', () => {
  let dataSource: DataSource;
  let db: Database;
  const clock = new SettableClock(new Date('2026-11-23T10:00:00Z'));
  const tenant = `int-${randomUUID().slice(0, 8)}`;
  const practitioner = practitionerOf(tenant);
  const channel = new ScriptedChannel();
  let deliver: DeliverMessage;

  beforeAll(async () => {
    dataSource = await openDatabase({ url: TEST_DATABASE_URL, poolSize: 4 });
    db = new Database(dataSource);
    deliver = new DeliverMessage(db, clock, new ChannelRegistry([channel]), new RecordAcknowledgement(db, clock, new ApplyEvent(db, clock)));
  });
  afterAll(() => dataSource.destroy());

  /** A new contact's acknowledgement to its referrer, by email: the message's id. */
  async function acknowledgement(): Promise<string> {
    const contact = await receiveContact(db, clock, practitioner);
    const [row] = await dataSource.query(`SELECT id FROM outbox_messages WHERE contact_id = $1 AND kind = 'acknowledgement'`, [contact.id]);
    return row.id;
  }

  const stateOf = async (id: string) => {
    const [message] = await dataSource.query(
      `SELECT status, attempts, last_error, provider_reference, delivered_at, failed_at FROM outbox_messages WHERE id = $1`,
      [id],
    );
    const attempts = await dataSource.query(`SELECT attempt, outcome, error FROM message_attempts WHERE message_id = $1 ORDER BY id`, [id]);
    return { ...message, tried: attempts };
  };

  it('marks a delivered message delivered, keeps the attempt, and meets the acknowledgement deadline', async () => {
    const id = await acknowledgement();
    channel.answers = [{ status: 'delivered', providerReference: '<m1@sink>' }];
    expect(await deliver.execute(id, 1, false)).toBe('delivered');
    expect(await stateOf(id)).toMatchObject({
      status: 'delivered',
      attempts: 1,
      last_error: null,
      provider_reference: '<m1@sink>',
      delivered_at: clock.now(),
      tried: [{ attempt: 1, outcome: 'delivered', error: null }],
    });
    const [deadline] = await dataSource.query(
      `SELECT d.status FROM deadlines d JOIN outbox_messages m ON m.contact_id = (SELECT contact_id FROM episodes WHERE id = d.episode_id)
        WHERE m.id = $1 AND d.kind = 'acknowledgement'`,
      [id],
    );
    expect(deadline.status).toBe('met');
  });

  it('keeps a transient failure as an attempt with its error, leaving the message to be tried again', async () => {
    const id = await acknowledgement();
    channel.answers = [new TransientDeliveryError('421 try later')];
    await expect(deliver.execute(id, 1, false)).rejects.toThrow('421 try later');
    expect(await stateOf(id)).toMatchObject({ status: 'pending', attempts: 1, last_error: '421 try later', failed_at: null });

    channel.answers = [{ status: 'delivered', providerReference: null }];
    expect(await deliver.execute(id, 2, false)).toBe('delivered');
    expect(await stateOf(id)).toMatchObject({
      status: 'delivered',
      attempts: 2,
      last_error: null,
      tried: [
        { attempt: 1, outcome: 'transient_failure', error: '421 try later' },
        { attempt: 2, outcome: 'delivered', error: null },
      ],
    });
  });

  it('marks the message failed on a permanent failure or the last attempt, with the reason', async () => {
    const bounced = await acknowledgement();
    channel.answers = [new PermanentDeliveryError('550 no such mailbox')];
    await expect(deliver.execute(bounced, 1, false)).rejects.toBeInstanceOf(FinalDeliveryFailure);
    expect(await stateOf(bounced)).toMatchObject({ status: 'failed', last_error: '550 no such mailbox', failed_at: clock.now() });

    const exhausted = await acknowledgement();
    channel.answers = [new TransientDeliveryError('connection reset')];
    await expect(deliver.execute(exhausted, 5, true)).rejects.toBeInstanceOf(FinalDeliveryFailure);
    expect(await stateOf(exhausted)).toMatchObject({ status: 'failed', attempts: 5, tried: [{ attempt: 5, outcome: 'transient_failure' }] });
  });

  it('records a provider that accepted the message as sent, with its reference, awaiting the receipt', async () => {
    const id = await acknowledgement();
    channel.answers = [{ status: 'accepted', providerReference: 'notify-123' }];
    expect(await deliver.execute(id, 1, false)).toBe('accepted');
    expect(await stateOf(id)).toMatchObject({ status: 'sent', provider_reference: 'notify-123', delivered_at: null });
  });

  it('never turns a delivered message back into a failed one; the late attempt is still kept', async () => {
    const id = await acknowledgement();
    await dataSource.query(`UPDATE outbox_messages SET status = 'delivered', delivered_at = $2 WHERE id = $1`, [id, clock.now()]);
    await deliver.abandon(id, 'the worker stalled twice'); // read as delivered: nothing to abandon
    expect(await stateOf(id)).toMatchObject({ status: 'delivered', tried: [] });

    // The same race at the statement itself: the attempt was under way when the receipt landed.
    await db.read.messageDelivery.recordAttempt(
      { tenant, messageId: id, attempt: 2, channel: 'email', startedAt: clock.now(), finishedAt: clock.now(), outcome: 'permanent_failure', error: 'late', providerReference: null },
      { status: 'failed', at: clock.now(), error: 'late' },
    );
    expect(await stateOf(id)).toMatchObject({ status: 'delivered', failed_at: null, attempts: 2, tried: [{ attempt: 2, outcome: 'permanent_failure' }] });
  });
});
