import { SettableClock } from '@frontdoor/config';
import { ChannelRegistry, type OutgoingMessage, TransientDeliveryError } from '@frontdoor/notifications';
import type { Database, OutboxMessageEntity } from '@frontdoor/persistence';
import type { RecordAcknowledgement } from './record-acknowledgement';
import { DeliverMessage } from './deliver-message';

/**
 * What a channel is handed, attempt after attempt. The database's part is in the int-spec beside
 * this; here a stand-in holds one pending message, so a retry can be watched from the receiver's side.
 */
describe('delivering one message, attempt after attempt', () => {
  const message: OutboxMessageEntity = {
    id: '0b6f3c1e-2d4a-4f5b-8c6d-7e8f9a0b1c2d',
    tenant: '865',
    kind: 'decision',
    contactId: 'c1',
    episodeId: 'e1',
    recipient: { audience: 'referrer', channel: 'email', address: 'sam@school.example', name: 'Sam Patel' },
    content: { reference: 'FD-2026-000042', childName: 'Addie', outcome: 'nfa', feedbackForReferrer: 'Why.', signposting: 'Where.' },
    status: 'queued',
    idempotencyKey: 'front-door-message-0b6f3c1e-2d4a-4f5b-8c6d-7e8f9a0b1c2d',
    createdAt: new Date('2026-11-23T10:00:00Z'),
    deliveredAt: null,
    queuedAt: null,
    failedAt: null,
    attempts: 0,
    lastError: null,
    providerReference: null,
  };

  it('hands the receiver the same idempotency key on every attempt, so a retry is seen once', async () => {
    const sent: OutgoingMessage[] = [];
    const email = {
      name: 'email' as const,
      send: async (outgoing: OutgoingMessage) => {
        sent.push(outgoing);
        if (sent.length === 1) throw new TransientDeliveryError('the mail server is busy');
        return { status: 'delivered' as const, providerReference: null };
      },
    };
    const db = { read: { messageDelivery: { findMessage: async () => message, recordAttempt: async () => undefined } } } as unknown as Database;
    const acknowledgements = { execute: async () => undefined } as unknown as RecordAcknowledgement;
    const deliver = new DeliverMessage(db, new SettableClock(new Date('2026-11-23T10:00:00Z')), new ChannelRegistry([email]), acknowledgements);

    await expect(deliver.execute(message.id, 1, false)).rejects.toThrow(TransientDeliveryError);
    await expect(deliver.execute(message.id, 2, false)).resolves.toBe('delivered');
    expect(sent.map((outgoing) => outgoing.idempotencyKey)).toEqual([message.idempotencyKey, message.idempotencyKey]);
    expect(sent[1].body).not.toContain('undefined');
  });
});
