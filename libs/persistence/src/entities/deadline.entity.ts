import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export type DeadlineStatus = 'open' | 'met' | 'breached' | 'cancelled';

/**
 * A statutory or local timescale the pathway started. Met when its step completes on or
 * before `dueAt` (judged on the step's own time); breached when `dueAt` passes first.
 */
@Entity('deadlines')
@Index('deadlines_one_open', ['episodeId', 'kind', 'key'], { unique: true, where: "status = 'open'" })
@Index('deadlines_due', ['dueAt'], { where: "status = 'open'" })
@Index('deadlines_episode', ['tenant', 'episodeId'])
export class DeadlineEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('text') tenant: string;
  @Column('uuid', { name: 'episode_id' }) episodeId: string;
  @Column('text') kind: string;
  @Column('text') key: string;
  @Column('timestamptz', { name: 'started_at' }) startedAt: Date;
  @Column('timestamptz', { name: 'due_at' }) dueAt: Date;
  @Column('text') status: DeadlineStatus;
  @Column('timestamptz', { name: 'met_at', nullable: true }) metAt: Date | null;
  @Column('timestamptz', { name: 'breached_at', nullable: true }) breachedAt: Date | null;
  /** When a breached step was finally done. */
  @Column('timestamptz', { name: 'completed_at', nullable: true }) completedAt: Date | null;
  @Column('timestamptz', { name: 'cancelled_at', nullable: true }) cancelledAt: Date | null;
  /** When the worker set this deadline's delayed timer job (null: not yet). */
  @Column('timestamptz', { name: 'timer_scheduled_at', nullable: true }) timerScheduledAt: Date | null;
}
