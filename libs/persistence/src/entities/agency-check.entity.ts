import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A question the front door put to a partner agency about one child. */
@Entity('agency_checks')
@Index('agency_checks_inbox', ['tenant', 'agency', 'status'])
@Index('agency_checks_episode', ['tenant', 'episodeId'])
export class AgencyCheckEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('text') tenant: string;
  @Column('uuid', { name: 'episode_id' }) episodeId: string;
  @Column('text') agency: string;
  @Column('text') question: string;
  @Column('text', { name: 'requested_by' }) requestedBy: string;
  @Column('timestamptz', { name: 'requested_at' }) requestedAt: Date;
  @Column('timestamptz', { name: 'due_at' }) dueAt: Date;
  @Column('text') status: 'requested' | 'returned' | 'declined' | 'withdrawn';
  @Column('text', { nullable: true }) summary: string | null;
  @Column('text', { name: 'declined_reason', nullable: true }) declinedReason: string | null;
  @Column('text', { name: 'responded_by', nullable: true }) respondedBy: string | null;
  @Column('timestamptz', { name: 'responded_at', nullable: true }) respondedAt: Date | null;
  /** The decision was signed off before the agency answered. */
  @Column('timestamptz', { name: 'withdrawn_at', nullable: true }) withdrawnAt: Date | null;
}
