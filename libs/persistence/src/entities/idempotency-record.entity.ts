import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** The first answer to a POST carrying an Idempotency-Key, returned again on a retry. */
@Entity('idempotency_records')
export class IdempotencyRecordEntity {
  @PrimaryColumn('text') tenant: string;
  @PrimaryColumn('text', { name: 'actor_sub' }) actorSub: string;
  @PrimaryColumn('text') key: string;
  @Column('text', { name: 'request_hash' }) requestHash: string;
  @Column('int', { name: 'status_code' }) statusCode: number;
  @Column('jsonb') response: unknown;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
