import { EntityManager } from 'typeorm';
import { OutboxMessageEntity } from '../entities/outbox-message.entity';
import { insertEntities } from './raw-sql';
import { scoped } from './tenant-scope';

/** The channel PostgreSQL notifies (on commit) when new messages wait in the outbox (a trigger of the outbox table). */
export const OUTBOX_CHANNEL = 'front_door_outbox';

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
}
