import { EntityManager } from 'typeorm';
// jsonb columns are typed loosely (unknown); TypeORM's deep-partial type cannot see through them.
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { IdempotencyRecordEntity } from '../entities/idempotency-record.entity';
import { scoped } from './tenant-scope';

export class IdempotencyRepository {
  constructor(private readonly manager: EntityManager) {}

  find(tenant: string, actorSub: string, key: string): Promise<IdempotencyRecordEntity | null> {
    return scoped(this.manager, IdempotencyRecordEntity, 'i', tenant)
      .andWhere('i.actor_sub = :actorSub AND i.key = :key', { actorSub, key })
      .getOne();
  }

  async insert(record: Omit<IdempotencyRecordEntity, 'createdAt'>): Promise<void> {
    await this.manager.insert(IdempotencyRecordEntity, record as QueryDeepPartialEntity<IdempotencyRecordEntity>);
  }
}
