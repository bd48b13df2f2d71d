import { EntityManager } from 'typeorm';
import { AccessLogEntity } from '../entities/access-log.entity';
import type { Page } from './episodes.repository';
import { insertEntities } from './raw-sql';
import { scoped } from './tenant-scope';

export type NewAccessLogEntry = Omit<AccessLogEntity, 'id' | 'detail'> & { detail?: Record<string, unknown> | null };

export interface AccessLogFilters {
  /** Entries about this child: reads of their record, their episodes and contacts, exports that held them. */
  childId?: string;
  actorSub?: string;
  /** From this instant (included) … */
  from?: Date;
  /** … to this one (excluded). */
  to?: Date;
}

export class AccessLogRepository {
  constructor(private readonly manager: EntityManager) {}

  async record(entry: NewAccessLogEntry): Promise<void> {
    await this.recordMany([entry]);
  }

  /** One insert for every subject a read returned (a list shows many children's episodes). */
  async recordMany(entries: NewAccessLogEntry[]): Promise<void> {
    if (entries.length === 0) return;
    await insertEntities(this.manager, AccessLogEntity, entries.map((entry) => ({ detail: null, ...entry })) as AccessLogEntity[]);
  }

  forSubject(tenant: string, subjectType: AccessLogEntity['subjectType'], subjectId: string): Promise<AccessLogEntity[]> {
    return scoped(this.manager, AccessLogEntity, 'l', tenant)
      .andWhere('l.subject_type = :subjectType AND l.subject_id = :subjectId', { subjectType, subjectId })
      .orderBy('l.at', 'ASC')
      .getMany();
  }

  /** The log as auditors search it, newest first. */
  search(tenant: string, filters: AccessLogFilters, page: Page): Promise<[AccessLogEntity[], number]> {
    const q = scoped(this.manager, AccessLogEntity, 'l', tenant);
    if (filters.childId) {
      q.andWhere(
        `((l.subject_type = 'child' AND l.subject_id = :childId)
          OR (l.subject_type = 'episode' AND l.subject_id IN (SELECT e.id FROM episodes e WHERE e.tenant = :tenant AND e.child_id = :childId))
          OR (l.subject_type = 'contact' AND l.subject_id IN (SELECT e.contact_id FROM episodes e WHERE e.tenant = :tenant AND e.child_id = :childId)))`,
        { childId: filters.childId },
      );
    }
    if (filters.actorSub) q.andWhere('l.actor_sub = :actorSub', { actorSub: filters.actorSub });
    if (filters.from) q.andWhere('l.at >= :from', { from: filters.from });
    if (filters.to) q.andWhere('l.at < :to', { to: filters.to });
    return q
      .orderBy('l.at', 'DESC')
      .addOrderBy('l.id', 'DESC')
      .skip((page.page - 1) * page.pageSize)
      .take(page.pageSize)
      .getManyAndCount();
  }
}
