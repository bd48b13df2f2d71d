import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

export interface Address {
  line1: string | null;
  town: string | null;
  postcode: string | null;
}

/** A child known to the front door, matched across contacts (DOMAIN §8). */
@Entity('children')
@Index('children_nhs_number', ['tenant', 'nhsNumber'], { unique: true, where: 'nhs_number IS NOT NULL' })
@Index('children_name_dob_postcode', ['tenant', 'familyNameKey', 'givenNameKey', 'dateOfBirth', 'postcodeKey'])
export class ChildEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('text') tenant: string;
  @Column('text', { name: 'given_name' }) givenName: string;
  @Column('text', { name: 'family_name' }) familyName: string;
  /** Lower-cased, trimmed names and postcode without spaces: the keys matching compares. */
  @Column('text', { name: 'given_name_key' }) givenNameKey: string;
  @Column('text', { name: 'family_name_key' }) familyNameKey: string;
  @Column('text', { name: 'postcode_key', nullable: true }) postcodeKey: string | null;
  @Column('date', { name: 'date_of_birth', nullable: true }) dateOfBirth: string | null;
  @Column('date', { name: 'expected_date_of_birth', nullable: true }) expectedDateOfBirth: string | null;
  @Column('text', { nullable: true }) sex: string | null;
  @Column('text', { name: 'nhs_number', nullable: true }) nhsNumber: string | null;
  @Column('text', { nullable: true }) upn: string | null;
  @Column('text', { nullable: true }) ethnicity: string | null;
  @Column('jsonb', { nullable: true }) address: Address | null;
  /**
   * CIN census disability codes (NONE, or any of MOB … DDA), as last recorded: at intake, by an
   * assessment, or by a manager's amendment (each also in the episode's history). Null: never recorded.
   */
  @Column('text', { array: true, nullable: true }) disabilities: string[] | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
