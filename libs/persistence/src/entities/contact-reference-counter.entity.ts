import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Hands out contact references FD-YYYY-NNNNNN, one series per tenant and year. */
@Entity('contact_reference_counters')
export class ContactReferenceCounterEntity {
  @PrimaryColumn('text') tenant: string;
  @PrimaryColumn('int') year: number;
  @Column('int') last: number;
}
