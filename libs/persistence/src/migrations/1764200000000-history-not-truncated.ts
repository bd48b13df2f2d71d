import { MigrationInterface, QueryRunner } from 'typeorm';

/** History is the audit trail: TRUNCATE is refused too, not only UPDATE and DELETE. */
export class HistoryNotTruncated1764200000000 implements MigrationInterface {
  name = 'HistoryNotTruncated1764200000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TRIGGER episode_events_never_truncated BEFORE TRUNCATE ON episode_events
      FOR EACH STATEMENT EXECUTE FUNCTION refuse_history_change()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TRIGGER episode_events_never_truncated ON episode_events`);
  }
}
