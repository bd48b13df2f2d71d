import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * PostgreSQL itself wakes the relay when messages enter the outbox: one notification per
 * inserting statement, delivered on commit (never for a step that rolls back). The step no
 * longer sends a `pg_notify` of its own, one round trip fewer, and no way of writing to the
 * outbox can forget it.
 */
export class OutboxNotifies1764300000000 implements MigrationInterface {
  name = 'OutboxNotifies1764300000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE FUNCTION notify_outbox() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('front_door_outbox', '');
        RETURN NULL;
      END $$`);
    await db.query(`CREATE TRIGGER outbox_messages_notify AFTER INSERT ON outbox_messages FOR EACH STATEMENT EXECUTE FUNCTION notify_outbox()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TRIGGER outbox_messages_notify ON outbox_messages`);
    await db.query(`DROP FUNCTION notify_outbox()`);
  }
}
