import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** The append-only history of an episode: its audit trail. A trigger refuses UPDATE and DELETE. */
@Entity('episode_events')
@Index('episode_events_sequence', ['episodeId', 'sequence'], { unique: true })
export class EpisodeEventEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' }) id: string;
  @Column('text') tenant: string;
  @Column('uuid', { name: 'episode_id' }) episodeId: string;
  /** The episode version this event produced (1 for the episode's start). */
  @Column('int') sequence: number;
  @Column('text') type: string;
  @Column('jsonb') payload: Record<string, unknown>;
  @Column('text', { name: 'actor_sub' }) actorSub: string;
  @Column('text', { name: 'actor_name' }) actorName: string;
  @Column('text', { name: 'actor_roles', array: true }) actorRoles: string[];
  @Column('jsonb', { name: 'from_state', nullable: true }) fromState: unknown;
  @Column('jsonb', { name: 'to_state' }) toState: unknown;
  @Column('text', { name: 'from_stage', nullable: true }) fromStage: string | null;
  @Column('text', { name: 'to_stage' }) toStage: string;
  /** When the step happened (the event's own heldAt/seenAt/… time, else when it was applied). */
  @Column('timestamptz', { name: 'occurred_at' }) occurredAt: Date;
  @Column('timestamptz', { name: 'recorded_at' }) recordedAt: Date;
}
