import { EntityManager } from 'typeorm';
import { AgencyCheckEntity } from '../entities/agency-check.entity';
import { scoped } from './tenant-scope';

export class AgencyChecksRepository {
  constructor(private readonly manager: EntityManager) {}

  findById(tenant: string, id: string): Promise<AgencyCheckEntity | null> {
    return scoped(this.manager, AgencyCheckEntity, 'a', tenant).andWhere('a.id = :id', { id }).getOne();
  }

  /** A partner's inbox: open checks addressed to their own agency, oldest due first. */
  openForAgency(tenant: string, agency: string, page: { page: number; pageSize: number }): Promise<[AgencyCheckEntity[], number]> {
    return scoped(this.manager, AgencyCheckEntity, 'a', tenant)
      .andWhere('a.agency = :agency', { agency })
      .andWhere(`a.status = 'requested'`)
      .orderBy('a.due_at', 'ASC')
      .addOrderBy('a.id', 'ASC')
      .skip((page.page - 1) * page.pageSize)
      .take(page.pageSize)
      .getManyAndCount();
  }

  forEpisode(tenant: string, episodeId: string): Promise<AgencyCheckEntity[]> {
    return scoped(this.manager, AgencyCheckEntity, 'a', tenant)
      .andWhere('a.episode_id = :episodeId', { episodeId })
      .orderBy('a.requested_at', 'ASC')
      .getMany();
  }

  async insert(check: AgencyCheckEntity): Promise<void> {
    await this.manager.insert(AgencyCheckEntity, check);
  }

  /** The decision was made without these answers: take them out of the partners' inboxes. */
  async withdraw(tenant: string, ids: string[], at: Date): Promise<void> {
    if (ids.length === 0) return;
    await this.manager.query(
      `UPDATE agency_checks SET status = 'withdrawn', withdrawn_at = $3 WHERE tenant = $1 AND id = ANY($2) AND status = 'requested'`,
      [tenant, ids, at],
    );
  }

  async recordResponse(tenant: string, id: string, response: Partial<AgencyCheckEntity>): Promise<void> {
    await this.manager.update(AgencyCheckEntity, { tenant, id }, response);
  }
}
