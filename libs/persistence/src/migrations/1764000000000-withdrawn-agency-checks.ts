import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An agency check still unanswered when the decision is signed off is withdrawn, not left open
 * forever; and queued messages can be found again if their job was lost.
 */
export class WithdrawnAgencyChecks1764000000000 implements MigrationInterface {
  name = 'WithdrawnAgencyChecks1764000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE agency_checks DROP CONSTRAINT agency_checks_status_check`);
    await db.query(
      `ALTER TABLE agency_checks ADD CONSTRAINT agency_checks_status_check CHECK (status IN ('requested', 'returned', 'declined', 'withdrawn'))`,
    );
    await db.query(`ALTER TABLE agency_checks ADD COLUMN withdrawn_at timestamptz`);
    // The relay also re-queues messages queued long ago (their job may have been lost).
    await db.query(`CREATE INDEX outbox_queued ON outbox_messages (queued_at) WHERE status = 'queued'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX outbox_queued`);
    await db.query(`ALTER TABLE agency_checks DROP COLUMN withdrawn_at`);
    await db.query(`UPDATE agency_checks SET status = 'requested' WHERE status = 'withdrawn'`);
    await db.query(`ALTER TABLE agency_checks DROP CONSTRAINT agency_checks_status_check`);
    await db.query(
      `ALTER TABLE agency_checks ADD CONSTRAINT agency_checks_status_check CHECK (status IN ('requested', 'returned', 'declined'))`,
    );
  }
}
