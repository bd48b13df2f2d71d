import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A child's disabilities as the CIN census codes them (DOMAIN §9), recorded at intake and at
 * assessment and correctable by a manager; the census and Annex A lists 4 and 5 report them.
 * Null for every child recorded before: nobody was asked.
 */
export class ChildDisabilities1764400000000 implements MigrationInterface {
  name = 'ChildDisabilities1764400000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE children ADD COLUMN disabilities text[]`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE children DROP COLUMN disabilities`);
  }
}
