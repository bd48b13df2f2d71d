import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Every read of a child's record or an episode: who, what, when (ARCHITECTURE §5). */
@Entity('access_log')
@Index('access_log_subject', ['tenant', 'subjectType', 'subjectId', 'at'])
export class AccessLogEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' }) id: string;
  @Column('text') tenant: string;
  @Column('text', { name: 'actor_sub' }) actorSub: string;
  @Column('text', { name: 'actor_roles', array: true }) actorRoles: string[];
  @Column('text') action: string;
  @Column('text', { name: 'subject_type' }) subjectType: 'child' | 'episode' | 'contact';
  @Column('uuid', { name: 'subject_id' }) subjectId: string;
  @Column('timestamptz') at: Date;
}
