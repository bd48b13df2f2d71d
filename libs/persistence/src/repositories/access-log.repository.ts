import { EntityManager } from 'typeorm';
import { AccessLogEntity } from '../entities/access-log.entity';
import { scoped } from './tenant-scope';

export class AccessLogRepository {
  constructor(private readonly manager: EntityManager) {}

  async record(entry: Omit<AccessLogEntity, 'id'>): Promise<void> {
    await this.manager.insert(AccessLogEntity, entry);
  }

  forSubject(tenant: string, subjectType: AccessLogEntity['subjectType'], subjectId: string): Promise<AccessLogEntity[]> {
    return scoped(this.manager, AccessLogEntity, 'l', tenant)
      .andWhere('l.subject_type = :subjectType AND l.subject_id = :subjectId', { subjectType, subjectId })
      .orderBy('l.at', 'ASC')
      .getMany();
  }
}
