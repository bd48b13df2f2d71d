import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * One child's run of the pathway. The snapshot is the chart's persisted state; the other
 * columns are copies of it that lists, queues and reports filter and sort on.
 */
@Entity('episodes')
@Index('episodes_queue', ['tenant', 'nextDueAt'], { where: 'is_open' })
@Index('episodes_household', ['tenant', 'householdId'])
@Index('episodes_child', ['tenant', 'childId', 'referralAt'])
@Index('episodes_contact', ['tenant', 'contactId'])
export class EpisodeEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('text') tenant: string;
  @Column('uuid', { name: 'contact_id' }) contactId: string;
  @Column('uuid', { name: 'child_id' }) childId: string;
  @Column('uuid', { name: 'household_id' }) householdId: string;
  @Column('text', { name: 'machine_id' }) machineId: string;
  @Column('int', { name: 'machine_version' }) machineVersion: number;
  @Column('jsonb') snapshot: unknown;
  /** Optimistic concurrency: every change is `UPDATE … WHERE version = expected`. */
  @Column('int') version: number;
  @Column('text') stage: string;
  @Column('jsonb') state: unknown;
  @Column('text', { nullable: true }) rag: string | null;
  @Column('text', { nullable: true }) team: string | null;
  @Column('text', { name: 'worker_id', nullable: true }) workerId: string | null;
  @Column('text', { name: 'worker_name', nullable: true }) workerName: string | null;
  @Column('text', { nullable: true }) outcome: string | null;
  @Column('boolean', { name: 'is_open' }) isOpen: boolean;
  @Column('timestamptz', { name: 'referral_at' }) referralAt: Date;
  /** A referral within 12 months of this child's previous one (CIN census, DOMAIN §6). */
  @Column('boolean', { name: 're_referral' }) reReferral: boolean;
  /** At intake the child had another open episode with an allocated worker: screening can forward. */
  @Column('uuid', { name: 'open_case_episode_id', nullable: true }) openCaseEpisodeId: string | null;
  /** The soonest due time of any step still outstanding (open, or breached and not yet done). */
  @Column('timestamptz', { name: 'next_due_at', nullable: true }) nextDueAt: Date | null;
  @Column('timestamptz', { name: 'closed_at', nullable: true }) closedAt: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
