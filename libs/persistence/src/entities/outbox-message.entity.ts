import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** pending → queued → delivered; or sent (a provider accepted it, awaiting its callback); or failed. */
export type MessageStatus = 'pending' | 'queued' | 'sent' | 'delivered' | 'failed';

export interface MessageRecipient {
  /** `referrer`, `worker` (an allocated worker) or `agency` (a partner agency's inbox). */
  audience: 'referrer' | 'worker' | 'agency' | 'manager';
  channel: 'email' | 'portal' | 'webhook' | 'notify' | 'staff';
  address: string | null;
  name: string | null;
}

/**
 * A message a step implies, written in the same transaction as the step (the outbox). The
 * relay moves pending rows to the queue; delivery renders and sends them.
 */
@Entity('outbox_messages')
@Index('outbox_pending', ['createdAt'], { where: "status = 'pending'" })
@Index('outbox_contact', ['tenant', 'contactId'])
@Index('outbox_status', ['tenant', 'status', 'createdAt'])
export class OutboxMessageEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('text') tenant: string;
  @Column('text') kind: string;
  @Column('uuid', { name: 'contact_id' }) contactId: string;
  @Column('uuid', { name: 'episode_id', nullable: true }) episodeId: string | null;
  @Column('jsonb') recipient: MessageRecipient;
  /** The facts the template needs, fixed at the time of the step (never internal rationale). */
  @Column('jsonb') content: Record<string, unknown>;
  @Column('text') status: MessageStatus;
  /** Sent to the receiver so that a retry after a crash is not seen twice. */
  @Column('text', { name: 'idempotency_key' }) idempotencyKey: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column('timestamptz', { name: 'delivered_at', nullable: true }) deliveredAt: Date | null;
  @Column('timestamptz', { name: 'queued_at', nullable: true }) queuedAt: Date | null;
  @Column('timestamptz', { name: 'failed_at', nullable: true }) failedAt: Date | null;
  @Column('int', { default: 0 }) attempts: number;
  @Column('text', { name: 'last_error', nullable: true }) lastError: string | null;
  @Column('text', { name: 'provider_reference', nullable: true }) providerReference: string | null;
}
