import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes for the master indicators and the exception report: every report query is a range
 * scan of one tenant's rows by a date, so one month costs the same after one year or ten.
 */
export class ReportingIndexes1764100000000 implements MigrationInterface {
  name = 'ReportingIndexes1764100000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE INDEX episodes_referral ON episodes (tenant, referral_at)`);
    await db.query(`CREATE INDEX episodes_open_referral ON episodes (tenant, referral_at) WHERE is_open`);
    await db.query(`CREATE INDEX episodes_closed ON episodes (tenant, closed_at) WHERE closed_at IS NOT NULL`);
    await db.query(`CREATE INDEX deadlines_kind_due ON deadlines (tenant, kind, due_at)`);
    await db.query(`CREATE INDEX deadlines_kind_completed ON deadlines (tenant, kind, completed_at) WHERE completed_at IS NOT NULL`);
    // The predicate must stay identical to the exception report's.
    await db.query(
      `CREATE INDEX deadlines_outstanding ON deadlines (tenant, due_at)
        WHERE status = 'open' OR (status = 'breached' AND completed_at IS NULL AND cancelled_at IS NULL)`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    for (const index of [
      'deadlines_outstanding',
      'deadlines_kind_completed',
      'deadlines_kind_due',
      'episodes_closed',
      'episodes_open_referral',
      'episodes_referral',
    ]) {
      await db.query(`DROP INDEX ${index}`);
    }
  }
}
