import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

export interface ReferrerDetails {
  name: string;
  role: string | null;
  organisation: string | null;
  sourceCode: string;
  email: string | null;
  phone: string | null;
  wantsInvolvement: boolean;
  feedbackChannel: 'email' | 'portal' | 'webhook';
}

export interface ConcernDetails {
  summary: string;
  categories: string[];
  immediateRisk: boolean;
}

/** A child as the contact named them, before any matching: all a referrer is ever shown of the child. */
export interface ChildAsNamed {
  episodeId: string;
  givenName: string;
  familyName: string;
  dateOfBirth: string | null;
  expectedDateOfBirth: string | null;
}

/** One worry about one or more children, as it arrived at the front door. */
@Entity('contacts')
@Index('contacts_reference_unique', ['tenant', 'reference'], { unique: true })
@Index('contacts_referrer', ['tenant', 'referrerSub', 'receivedAt'])
export class ContactEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('text') tenant: string;
  @Column('text') reference: string;
  @Column('text') channel: string;
  @Column('timestamptz', { name: 'received_at' }) receivedAt: Date;
  @Column('jsonb') referrer: ReferrerDetails;
  /** The token `sub` of a referrer who made the contact through the API; only they see it. */
  @Column('text', { name: 'referrer_sub', nullable: true }) referrerSub: string | null;
  @Column('text', { name: 'created_by' }) createdBy: string;
  @Column('jsonb') concern: ConcernDetails;
  @Column('jsonb') consent: { obtained: boolean; reasonIfNot: string | null };
  @Column('uuid', { name: 'household_id' }) householdId: string;
  /** Null for contacts recorded before it was kept. */
  @Column('jsonb', { name: 'children_as_named', nullable: true }) childrenAsNamed: ChildAsNamed[] | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
