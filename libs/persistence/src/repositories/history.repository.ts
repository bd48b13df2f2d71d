import { EntityManager } from 'typeorm';
import { EpisodeEventEntity } from '../entities/episode-event.entity';
import { scoped } from './tenant-scope';

export type NewHistoryEntry = Omit<EpisodeEventEntity, 'id'>;

/** The episode's history: appended to by each step's own statement (`EpisodesRepository`), never changed (a trigger enforces it). */
export class HistoryRepository {
  constructor(private readonly manager: EntityManager) {}

  forEpisode(tenant: string, episodeId: string): Promise<EpisodeEventEntity[]> {
    return scoped(this.manager, EpisodeEventEntity, 'h', tenant)
      .andWhere('h.episode_id = :episodeId', { episodeId })
      .orderBy('h.sequence', 'ASC')
      .getMany();
  }
}
