import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** What a log entry is about: a child's record or episode, a contact, or (no subject) an export or the log itself. */
export type AccessLogSubject = 'child' | 'episode' | 'contact' | 'export' | 'access_log';

/**
 * Every read of a child's record or an episode, every export or report with child-level rows,
 * and every search of this log: who, what, when (ARCHITECTURE §5).
 */
@Entity('access_log')
@Index('access_log_subject', ['tenant', 'subjectType', 'subjectId', 'at'])
@Index('access_log_actor', ['tenant', 'actorSub', 'at'])
@Index('access_log_time', ['tenant', 'at'])
export class AccessLogEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' }) id: string;
  @Column('text') tenant: string;
  @Column('text', { name: 'actor_sub' }) actorSub: string;
  @Column('text', { name: 'actor_roles', array: true }) actorRoles: string[];
  @Column('text') action: string;
  @Column('text', { name: 'subject_type' }) subjectType: AccessLogSubject;
  @Column('uuid', { name: 'subject_id', nullable: true }) subjectId: string | null;
  @Column('timestamptz') at: Date;
  /** For an export or report: what it was (e.g. the collection year) and how many children it held. */
  @Column('jsonb', { nullable: true }) detail: Record<string, unknown> | null;
}
