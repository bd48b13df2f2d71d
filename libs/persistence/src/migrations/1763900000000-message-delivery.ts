import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Delivery of messages and durable deadline timers: every attempt recorded, a message that
 * a provider accepted (`sent`) until its callback says more, and which deadlines have a timer.
 */
export class MessageDelivery1763900000000 implements MigrationInterface {
  name = 'MessageDelivery1763900000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE outbox_messages DROP CONSTRAINT outbox_messages_status_check`);
    await db.query(
      `ALTER TABLE outbox_messages ADD CONSTRAINT outbox_messages_status_check
         CHECK (status IN ('pending', 'queued', 'sent', 'delivered', 'failed'))`,
    );
    await db.query(`ALTER TABLE outbox_messages ADD COLUMN queued_at timestamptz`);
    await db.query(`ALTER TABLE outbox_messages ADD COLUMN failed_at timestamptz`);
    await db.query(`ALTER TABLE outbox_messages ADD COLUMN attempts int NOT NULL DEFAULT 0`);
    await db.query(`ALTER TABLE outbox_messages ADD COLUMN last_error text`);
    await db.query(`ALTER TABLE outbox_messages ADD COLUMN provider_reference text`);
    await db.query(`CREATE INDEX outbox_idempotency ON outbox_messages (idempotency_key)`);

    await db.query(`
      CREATE TABLE message_attempts (
        id bigserial PRIMARY KEY,
        tenant text NOT NULL,
        message_id uuid NOT NULL REFERENCES outbox_messages (id),
        attempt int NOT NULL,
        channel text NOT NULL,
        started_at timestamptz NOT NULL,
        finished_at timestamptz NOT NULL,
        outcome text NOT NULL CHECK (outcome IN ('delivered', 'accepted', 'transient_failure', 'permanent_failure')),
        error text,
        provider_reference text
      )`);
    await db.query(`CREATE INDEX message_attempts_message ON message_attempts (message_id, attempt)`);

    await db.query(`ALTER TABLE deadlines ADD COLUMN timer_scheduled_at timestamptz`);
    await db.query(`CREATE INDEX deadlines_unscheduled ON deadlines (due_at) WHERE status = 'open' AND timer_scheduled_at IS NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX deadlines_unscheduled`);
    await db.query(`ALTER TABLE deadlines DROP COLUMN timer_scheduled_at`);
    await db.query(`DROP TABLE message_attempts`);
    await db.query(`DROP INDEX outbox_idempotency`);
    for (const column of ['provider_reference', 'last_error', 'attempts', 'failed_at', 'queued_at']) {
      await db.query(`ALTER TABLE outbox_messages DROP COLUMN ${column}`);
    }
    await db.query(`ALTER TABLE outbox_messages DROP CONSTRAINT outbox_messages_status_check`);
    await db.query(
      `ALTER TABLE outbox_messages ADD CONSTRAINT outbox_messages_status_check CHECK (status IN ('pending', 'queued', 'delivered', 'failed'))`,
    );
  }
}
