import { EntityManager } from 'typeorm';
import { MessageAttemptEntity } from '../entities/message-attempt.entity';
import { OutboxMessageEntity } from '../entities/outbox-message.entity';
import { hydrate } from './raw-sql';

/** What an attempt did to its message: sent (awaiting the provider's receipt), delivered, or failed for good. */
export type AttemptSettlement =
  | { status: 'sent' }
  | { status: 'delivered'; at: Date }
  | { status: 'failed'; at: Date; error: string };

/**
 * Messages on their way out: the relay's pending rows, each delivery attempt and what it did to
 * its message. The worker acts for Front Door itself across tenants, by the ids its jobs carry;
 * nothing here answers an HTTP caller (a tenant's messages as people see them are the outbox's).
 */
export class MessageDeliveryRepository {
  constructor(private readonly manager: EntityManager) {}

  /**
   * Pending messages — and queued ones whose job may have been lost (Redis flushed) — locked so
   * that several relays never take the same row. Re-adding a job under its id is harmless while
   * the job still exists. Call inside a transaction.
   */
  async lockPending(limit: number, requeueQueuedBefore: Date): Promise<string[]> {
    const rows: { id: string }[] = await this.manager.query(
      `SELECT id FROM outbox_messages
        WHERE status = 'pending' OR (status = 'queued' AND queued_at < $2)
        ORDER BY created_at LIMIT $1 FOR UPDATE SKIP LOCKED`,
      [limit, requeueQueuedBefore],
    );
    return rows.map((row) => row.id);
  }

  async markQueued(ids: string[], at: Date): Promise<void> {
    await this.manager.query(`UPDATE outbox_messages SET status = 'queued', queued_at = $2 WHERE id = ANY($1) AND status IN ('pending', 'queued')`, [
      ids,
      at,
    ]);
  }

  async findMessage(id: string): Promise<OutboxMessageEntity | null> {
    const rows: Record<string, unknown>[] = await this.manager.query(`SELECT * FROM outbox_messages WHERE id = $1`, [id]);
    return hydrate(this.manager, OutboxMessageEntity, rows)[0] ?? null;
  }

  findByIdempotencyKey(key: string): Promise<OutboxMessageEntity | null> {
    return this.manager.findOne(OutboxMessageEntity, { where: { idempotencyKey: key } });
  }

  /**
   * Keeps one attempt and what it did to the message, in one statement (so one round trip and
   * atomic without a transaction): the attempt row, the message's attempt count and last error,
   * and, when the attempt settled it, its new status. A settlement the message has already
   * passed (delivered before, say) leaves its status alone; the attempt is kept all the same.
   */
  async recordAttempt(attempt: Omit<MessageAttemptEntity, 'id'>, settlement: AttemptSettlement | null): Promise<void> {
    const to = settlement?.status ?? null;
    // Whether the message may take `to` from where it is now (the row as locked by the UPDATE).
    const settles = `(CASE $10::text WHEN 'sent' THEN m.status IN ('pending', 'queued') WHEN 'delivered' THEN m.status <> 'delivered'
                                     WHEN 'failed' THEN m.status <> 'delivered' ELSE false END)`;
    await this.manager.query(
      `WITH attempt AS (
         INSERT INTO message_attempts (tenant, message_id, attempt, channel, started_at, finished_at, outcome, error, provider_reference)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING message_id)
       UPDATE outbox_messages m SET
         attempts = greatest(m.attempts, $3),
         status = CASE WHEN ${settles} THEN $10::text ELSE m.status END,
         delivered_at = CASE WHEN ${settles} AND $10 = 'delivered' THEN $11::timestamptz ELSE m.delivered_at END,
         failed_at = CASE WHEN ${settles} AND $10 = 'failed' THEN $11::timestamptz ELSE m.failed_at END,
         provider_reference = CASE WHEN ${settles} AND $10 = 'delivered' THEN coalesce($9, m.provider_reference)
                                   WHEN ${settles} AND $10 = 'sent' THEN $9 ELSE m.provider_reference END,
         last_error = CASE WHEN ${settles} AND $10 = 'delivered' THEN NULL
                           WHEN ${settles} AND $10 = 'failed' THEN $12 ELSE $8 END
         FROM attempt WHERE m.id = attempt.message_id`,
      [
        attempt.tenant,
        attempt.messageId,
        attempt.attempt,
        attempt.channel,
        attempt.startedAt,
        attempt.finishedAt,
        attempt.outcome,
        attempt.error,
        attempt.providerReference,
        to,
        settlement && 'at' in settlement ? settlement.at : null,
        settlement?.status === 'failed' ? settlement.error : null,
      ],
    );
  }

  async markDelivered(id: string, at: Date, providerReference: string | null): Promise<void> {
    await this.manager.query(
      `UPDATE outbox_messages SET status = 'delivered', delivered_at = $2, provider_reference = coalesce($3, provider_reference), last_error = NULL
        WHERE id = $1 AND status <> 'delivered'`,
      [id, at, providerReference],
    );
  }

  async markFailed(id: string, at: Date, error: string): Promise<void> {
    await this.manager.query(
      `UPDATE outbox_messages SET status = 'failed', failed_at = $2, last_error = $3 WHERE id = $1 AND status <> 'delivered'`,
      [id, at, error],
    );
  }
}
