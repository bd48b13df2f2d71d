import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { DeadlineEntity } from '../entities/deadline.entity';
import { insertEntities } from './raw-sql';
import { scopedRows } from './tenant-scope';

export interface DeadlineKey {
  kind: string;
  key: string;
}

/** A deadline a step starts. */
export interface NewDeadline {
  ref: DeadlineKey;
  startedAt: Date;
  dueAt: Date;
}

/** An episode's deadlines in the order they are shown (alias `d`): as started, then by due time. */
export const DEADLINE_ORDER = ['d.started_at', 'd.due_at', 'd.kind', 'd.key'] as const;

export class DeadlinesRepository {
  constructor(private readonly manager: EntityManager) {}

  forEpisode(tenant: string, episodeId: string): Promise<DeadlineEntity[]> {
    return scopedRows(this.manager, DeadlineEntity, 'd', tenant, { where: 'd.episode_id = $2', parameters: [episodeId], orderBy: DEADLINE_ORDER });
  }

  forEpisodes(tenant: string, episodeIds: string[]): Promise<DeadlineEntity[]> {
    if (episodeIds.length === 0) return Promise.resolve([]);
    return scopedRows(this.manager, DeadlineEntity, 'd', tenant, { where: 'd.episode_id = ANY($2)', parameters: [episodeIds], orderBy: DEADLINE_ORDER });
  }

  /** Opens the step's new deadlines, all in one insert. */
  async start(tenant: string, episodeId: string, deadlines: NewDeadline[]): Promise<void> {
    if (deadlines.length === 0) return;
    await insertEntities(
      this.manager,
      DeadlineEntity,
      deadlines.map(({ ref, startedAt, dueAt }) => ({
        id: randomUUID(),
        tenant,
        episodeId,
        kind: ref.kind,
        key: ref.key,
        startedAt,
        dueAt,
        status: 'open' as const,
        metAt: null,
        breachedAt: null,
        completedAt: null,
        cancelledAt: null,
        timerScheduledAt: null,
      })),
    );
  }

  /**
   * The step was done at `at` (its own time, not when it was recorded): met if on or before
   * the due time; otherwise breached at the due time.
   */
  async complete(tenant: string, episodeId: string, ref: DeadlineKey, at: Date): Promise<void> {
    // Judged on the step's own time alone: a step done on time but recorded after the timer had
    // already marked the deadline breached is met after all (the alert stays in the outbox history).
    await this.manager.query(
      `UPDATE deadlines SET
         status = CASE WHEN $5 <= due_at THEN 'met' ELSE 'breached' END,
         met_at = CASE WHEN $5 <= due_at THEN $5::timestamptz ELSE NULL END,
         breached_at = CASE WHEN $5 <= due_at THEN NULL ELSE coalesce(breached_at, due_at) END,
         completed_at = $5
       WHERE tenant = $1 AND episode_id = $2 AND kind = $3 AND key = $4
         AND (status = 'open' OR (status = 'breached' AND completed_at IS NULL AND cancelled_at IS NULL))`,
      [tenant, episodeId, ref.kind, ref.key, at],
    );
  }

  /** No longer needed (the child moved on). A breach already recorded stays a breach. */
  async cancel(tenant: string, episodeId: string, ref: DeadlineKey, at: Date): Promise<void> {
    await this.manager.query(
      `UPDATE deadlines SET
         status = CASE WHEN status = 'open' THEN 'cancelled' ELSE status END,
         cancelled_at = $5
       WHERE tenant = $1 AND episode_id = $2 AND kind = $3 AND key = $4
         AND (status = 'open' OR (status = 'breached' AND completed_at IS NULL AND cancelled_at IS NULL))`,
      [tenant, episodeId, ref.kind, ref.key, at],
    );
  }
}
