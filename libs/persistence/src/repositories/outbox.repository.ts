import { EntityManager, SelectQueryBuilder } from 'typeorm';
import { MessageAttemptEntity } from '../entities/message-attempt.entity';
import { OutboxMessageEntity } from '../entities/outbox-message.entity';
import { insertEntities } from './raw-sql';
import { scoped } from './tenant-scope';

/** The channel PostgreSQL notifies (on commit) when new messages wait in the outbox (a trigger of the outbox table). */
export const OUTBOX_CHANNEL = 'front_door_outbox';

/** A tenant's messages: written by a step, and listed for the people who may see them. */
export class OutboxRepository {
  constructor(private readonly manager: EntityManager) {}

  /** Written in the step's own transaction; the table's trigger notifies the relay, delivered only if it commits. */
  async add(messages: OutboxMessageEntity[]): Promise<void> {
    if (messages.length === 0) return;
    await insertEntities(this.manager, OutboxMessageEntity, messages);
  }

  forContact(tenant: string, contactId: string): Promise<OutboxMessageEntity[]> {
    return scoped(this.manager, OutboxMessageEntity, 'm', tenant)
      .andWhere('m.contact_id = :contactId', { contactId })
      .orderBy('m.created_at', 'ASC')
      .getMany();
  }

  forEpisode(tenant: string, episodeId: string): Promise<OutboxMessageEntity[]> {
    return scoped(this.manager, OutboxMessageEntity, 'm', tenant)
      .andWhere('m.episode_id = :episodeId', { episodeId })
      .orderBy('m.created_at', 'ASC')
      .getMany();
  }

  /** Every delivery attempt of these messages, in the order they were made. */
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
    return newestFirst(q, page);
  }

  /** Email delivered to the embedded demo's mailbox (by its provider reference), newest first. */
  deliveredThrough(tenant: string, providerReference: string, page: { page: number; pageSize: number }) {
    const q = scoped(this.manager, OutboxMessageEntity, 'm', tenant).andWhere('m.provider_reference = :providerReference', { providerReference });
    return newestFirst(q, page);
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
    return newestFirst(q, page);
  }
}

/** One page of messages (alias `m`), newest first, with the count of all of them. */
function newestFirst(q: SelectQueryBuilder<OutboxMessageEntity>, page: { page: number; pageSize: number }) {
  return q
    .orderBy('m.created_at', 'DESC')
    .addOrderBy('m.id', 'ASC')
    .skip((page.page - 1) * page.pageSize)
    .take(page.pageSize)
    .getManyAndCount();
}
