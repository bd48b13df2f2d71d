import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The access log also records exports and reports with child-level rows (who, what, when, how
 * many children) and auditors' own reads of it. `detail` says what was produced; a row that is
 * about no one child (an export that held none, a search of the log) has no subject id.
 * Auditors search it by person and by period.
 */
export class AccessLogOfExports1764460000000 implements MigrationInterface {
  name = 'AccessLogOfExports1764460000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE access_log ADD COLUMN detail jsonb`);
    await db.query(`ALTER TABLE access_log ALTER COLUMN subject_id DROP NOT NULL`);
    await db.query(`CREATE INDEX access_log_actor ON access_log (tenant, actor_sub, at)`);
    await db.query(`CREATE INDEX access_log_time ON access_log (tenant, at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX access_log_time`);
    await db.query(`DROP INDEX access_log_actor`);
    await db.query(`DELETE FROM access_log WHERE subject_id IS NULL`);
    await db.query(`ALTER TABLE access_log ALTER COLUMN subject_id SET NOT NULL`);
    await db.query(`ALTER TABLE access_log DROP COLUMN detail`);
  }
}
