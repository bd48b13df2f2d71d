import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type AttemptOutcome = 'delivered' | 'accepted' | 'transient_failure' | 'permanent_failure';

/** One try at sending one message: every attempt is kept, so a failure is never a silence. */
@Entity('message_attempts')
@Index('message_attempts_message', ['messageId', 'attempt'])
export class MessageAttemptEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' }) id: string;
  @Column('text') tenant: string;
  @Column('uuid', { name: 'message_id' }) messageId: string;
  @Column('int') attempt: number;
  @Column('text') channel: string;
  @Column('timestamptz', { name: 'started_at' }) startedAt: Date;
  @Column('timestamptz', { name: 'finished_at' }) finishedAt: Date;
  @Column('text') outcome: AttemptOutcome;
  @Column('text', { nullable: true }) error: string | null;
  @Column('text', { name: 'provider_reference', nullable: true }) providerReference: string | null;
}
