import { EntityManager } from 'typeorm';
import { AccessLogEntity } from '../entities/access-log.entity';
import { insertEntities } from './raw-sql';
import { scoped } from './tenant-scope';

export class AccessLogRepository {
  constructor(private readonly manager: EntityManager) {}

  async record(entry: Omit<AccessLogEntity, 'id'>): Promise<void> {
    await this.recordMany([entry]);
  }

  /** One insert for every subject a read returned (a list shows many children's episodes). */
  async recordMany(entries: Omit<AccessLogEntity, 'id'>[]): Promise<void> {
    if (entries.length === 0) return;
    await insertEntities(this.manager, AccessLogEntity, entries as AccessLogEntity[]);
  }

  forSubject(tenant: string, subjectType: AccessLogEntity['subjectType'], subjectId: string): Promise<AccessLogEntity[]> {
    return scoped(this.manager, AccessLogEntity, 'l', tenant)
      .andWhere('l.subject_type = :subjectType AND l.subject_id = :subjectId', { subjectType, subjectId })
      .orderBy('l.at', 'ASC')
      .getMany();
  }
}
