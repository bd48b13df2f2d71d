import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The children as the person who made the contact named them, beside the contact. A referrer is
 * shown only what they typed: never the matched child's stored name, which would tell them the
 * child is known to social care. Contacts from before have none (their referrers see no name).
 */
export class ChildrenAsNamed1764450000000 implements MigrationInterface {
  name = 'ChildrenAsNamed1764450000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE contacts ADD COLUMN children_as_named jsonb`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE contacts DROP COLUMN children_as_named`);
  }
}
