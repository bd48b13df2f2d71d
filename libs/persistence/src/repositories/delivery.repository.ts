import { EntityManager } from 'typeorm';
import { DeadlineEntity } from '../entities/deadline.entity';
import { MessageAttemptEntity } from '../entities/message-attempt.entity';
import { OutboxMessageEntity } from '../entities/outbox-message.entity';
import { hydrate } from './raw-sql';
import { scoped } from './tenant-scope';

/** What an attempt did to its message: sent (awaiting the provider's receipt), delivered, or failed for good. */
export type AttemptSettlement =
  | { status: 'sent' }
  | { status: 'delivered'; at: Date }
  | { status: 'failed'; at: Date; error: string };

/**
 * The worker's side of messages and timers. The worker acts for Front Door itself across
 * tenants, by the ids its jobs carry; nothing here answers an HTTP caller. The manager's view
 * of messages (`listForTenant`) is tenant-scoped like every other read.
 */
export class DeliveryRepository {
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

  attemptsOf(messageIds: string[]): Promise<MessageAttemptEntity[]> {
    if (messageIds.length === 0) return Promise.resolve([]);
    return this.manager
      .getRepository(MessageAttemptEntity)
      .createQueryBuilder('a')
      .where('a.message_id IN (:...messageIds)', { messageIds })
      .orderBy('a.attempt', 'ASC')
      .addOrderBy('a.started_at', 'ASC')
      .addOrderBy('a.id', 'ASC')
      .getMany();
  }

  /** A manager's view: messages of their tenant by status and kind, newest first. */
  listForTenant(tenant: string, filters: { status?: string; kind?: string }, page: { page: number; pageSize: number }) {
    const q = scoped(this.manager, OutboxMessageEntity, 'm', tenant);
    if (filters.status) q.andWhere('m.status = :status', { status: filters.status });
    if (filters.kind) q.andWhere('m.kind = :kind', { kind: filters.kind });
    return q
      .orderBy('m.created_at', 'DESC')
      .addOrderBy('m.id', 'ASC')
      .skip((page.page - 1) * page.pageSize)
      .take(page.pageSize)
      .getManyAndCount();
  }

  /**
   * A member of staff's inbox: messages to them as an allocated worker and, for managers, the
   * breached-deadline alerts of their authority. Newest first.
   */
  staffInbox(tenant: string, staffSub: string, includeManagerAlerts: boolean, page: { page: number; pageSize: number }) {
    const q = scoped(this.manager, OutboxMessageEntity, 'm', tenant).andWhere(
      includeManagerAlerts
        ? `((m.recipient->>'audience' = 'worker' AND m.recipient->>'address' = :staffSub) OR m.recipient->>'audience' = 'manager')`
        : `m.recipient->>'audience' = 'worker' AND m.recipient->>'address' = :staffSub`,
      { staffSub },
    );
    return q
      .orderBy('m.created_at', 'DESC')
      .addOrderBy('m.id', 'ASC')
      .skip((page.page - 1) * page.pageSize)
      .take(page.pageSize)
      .getManyAndCount();
  }

  /** Open deadlines with no timer yet, locked for the one relay that will set them. Call inside a transaction. */
  async lockUnscheduledDeadlines(limit: number): Promise<{ id: string; dueAt: Date }[]> {
    const rows: { id: string; due_at: Date }[] = await this.manager.query(
      `SELECT id, due_at FROM deadlines WHERE status = 'open' AND timer_scheduled_at IS NULL ORDER BY due_at LIMIT $1 FOR UPDATE SKIP LOCKED`,
      [limit],
    );
    return rows.map((row) => ({ id: row.id, dueAt: row.due_at }));
  }

  async markTimersScheduled(ids: string[], at: Date): Promise<void> {
    await this.manager.query(`UPDATE deadlines SET timer_scheduled_at = $2 WHERE id = ANY($1)`, [ids, at]);
  }

  /** Open deadlines already due (their timer lost, or never set): the sweep's work. */
  async dueDeadlineIds(now: Date, limit: number): Promise<string[]> {
    const rows: { id: string }[] = await this.manager.query(
      `SELECT id FROM deadlines WHERE status = 'open' AND due_at < $1 ORDER BY due_at LIMIT $2`,
      [now, limit],
    );
    return rows.map((row) => row.id);
  }

  /** Locks one deadline for the timer that fires it. Call inside a transaction. */
  findDeadline(id: string): Promise<DeadlineEntity | null> {
    return this.manager.getRepository(DeadlineEntity).createQueryBuilder('d').where('d.id = :id', { id }).getOne();
  }

  lockDeadline(id: string): Promise<DeadlineEntity | null> {
    return this.manager
      .getRepository(DeadlineEntity)
      .createQueryBuilder('d')
      .setLock('pessimistic_write')
      .where('d.id = :id', { id })
      .getOne();
  }

  async markBreached(id: string): Promise<void> {
    await this.manager.query(`UPDATE deadlines SET status = 'breached', breached_at = due_at WHERE id = $1 AND status = 'open'`, [id]);
  }
}
