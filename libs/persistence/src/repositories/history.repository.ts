import { EntityManager } from 'typeorm';
// jsonb columns are typed loosely (unknown); TypeORM's deep-partial type cannot see through them.
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { EpisodeEventEntity } from '../entities/episode-event.entity';
import { scoped } from './tenant-scope';

export type NewHistoryEntry = Omit<EpisodeEventEntity, 'id'>;

/** The episode's history: appended to, never changed (a trigger enforces it). */
export class HistoryRepository {
  constructor(private readonly manager: EntityManager) {}

  async append(entry: NewHistoryEntry): Promise<void> {
    await this.manager.insert(EpisodeEventEntity, entry as QueryDeepPartialEntity<EpisodeEventEntity>);
  }

  forEpisode(tenant: string, episodeId: string): Promise<EpisodeEventEntity[]> {
    return scoped(this.manager, EpisodeEventEntity, 'h', tenant)
      .andWhere('h.episode_id = :episodeId', { episodeId })
      .orderBy('h.sequence', 'ASC')
      .getMany();
  }
}
