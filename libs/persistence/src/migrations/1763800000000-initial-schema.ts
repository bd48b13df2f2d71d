import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The first schema of Front Door. Written by hand (never `synchronize`) and kept to SQL that
 * both PostgreSQL 15 (production, CI) and PGlite's PostgreSQL 18 (embedded) accept.
 */
export class InitialSchema1763800000000 implements MigrationInterface {
  name = 'InitialSchema1763800000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE contacts (
        id uuid PRIMARY KEY,
        tenant text NOT NULL,
        reference text NOT NULL,
        channel text NOT NULL,
        received_at timestamptz NOT NULL,
        referrer jsonb NOT NULL,
        referrer_sub text,
        created_by text NOT NULL,
        concern jsonb NOT NULL,
        consent jsonb NOT NULL,
        household_id uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE UNIQUE INDEX contacts_reference_unique ON contacts (tenant, reference)`);
    await db.query(`CREATE INDEX contacts_referrer ON contacts (tenant, referrer_sub, received_at)`);
    await db.query(`CREATE INDEX contacts_received ON contacts (tenant, received_at)`);

    await db.query(`
      CREATE TABLE children (
        id uuid PRIMARY KEY,
        tenant text NOT NULL,
        given_name text NOT NULL,
        family_name text NOT NULL,
        given_name_key text NOT NULL,
        family_name_key text NOT NULL,
        postcode_key text,
        date_of_birth date,
        expected_date_of_birth date,
        sex text,
        nhs_number text,
        upn text,
        ethnicity text,
        address jsonb,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE UNIQUE INDEX children_nhs_number ON children (tenant, nhs_number) WHERE nhs_number IS NOT NULL`);
    await db.query(
      `CREATE INDEX children_name_dob_postcode ON children (tenant, family_name_key, given_name_key, date_of_birth, postcode_key)`,
    );

    await db.query(`
      CREATE TABLE episodes (
        id uuid PRIMARY KEY,
        tenant text NOT NULL,
        contact_id uuid NOT NULL REFERENCES contacts (id),
        child_id uuid NOT NULL REFERENCES children (id),
        household_id uuid NOT NULL,
        machine_id text NOT NULL,
        machine_version int NOT NULL,
        snapshot jsonb NOT NULL,
        version int NOT NULL,
        stage text NOT NULL,
        state jsonb NOT NULL,
        rag text,
        team text,
        worker_id text,
        worker_name text,
        outcome text,
        is_open boolean NOT NULL,
        referral_at timestamptz NOT NULL,
        re_referral boolean NOT NULL DEFAULT false,
        open_case_episode_id uuid,
        next_due_at timestamptz,
        closed_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // The front-door queue: a tenant's open episodes, most urgent (earliest outstanding due) first.
    await db.query(`CREATE INDEX episodes_queue ON episodes (tenant, next_due_at) WHERE is_open`);
    await db.query(`CREATE INDEX episodes_household ON episodes (tenant, household_id)`);
    await db.query(`CREATE INDEX episodes_child ON episodes (tenant, child_id, referral_at)`);
    await db.query(`CREATE INDEX episodes_contact ON episodes (tenant, contact_id)`);
    await db.query(`CREATE INDEX episodes_worker ON episodes (tenant, worker_id) WHERE is_open`);

    await db.query(`
      CREATE TABLE episode_events (
        id bigserial PRIMARY KEY,
        tenant text NOT NULL,
        episode_id uuid NOT NULL REFERENCES episodes (id),
        sequence int NOT NULL,
        type text NOT NULL,
        payload jsonb NOT NULL,
        actor_sub text NOT NULL,
        actor_name text NOT NULL,
        actor_roles text[] NOT NULL,
        from_state jsonb,
        to_state jsonb NOT NULL,
        from_stage text,
        to_stage text NOT NULL,
        occurred_at timestamptz NOT NULL,
        recorded_at timestamptz NOT NULL
      )`);
    await db.query(`CREATE UNIQUE INDEX episode_events_sequence ON episode_events (episode_id, sequence)`);
    // History is the audit trail: it can be appended to, never edited or removed.
    await db.query(`
      CREATE FUNCTION refuse_history_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'episode history is append-only';
      END $$`);
    await db.query(`
      CREATE TRIGGER episode_events_append_only BEFORE UPDATE OR DELETE ON episode_events
      FOR EACH ROW EXECUTE FUNCTION refuse_history_change()`);

    await db.query(`
      CREATE TABLE deadlines (
        id uuid PRIMARY KEY,
        tenant text NOT NULL,
        episode_id uuid NOT NULL REFERENCES episodes (id),
        kind text NOT NULL,
        key text NOT NULL DEFAULT '',
        started_at timestamptz NOT NULL,
        due_at timestamptz NOT NULL,
        status text NOT NULL CHECK (status IN ('open', 'met', 'breached', 'cancelled')),
        met_at timestamptz,
        breached_at timestamptz,
        completed_at timestamptz,
        cancelled_at timestamptz
      )`);
    await db.query(`CREATE UNIQUE INDEX deadlines_one_open ON deadlines (episode_id, kind, key) WHERE status = 'open'`);
    await db.query(`CREATE INDEX deadlines_due ON deadlines (due_at) WHERE status = 'open'`);
    await db.query(`CREATE INDEX deadlines_episode ON deadlines (tenant, episode_id)`);

    await db.query(`
      CREATE TABLE outbox_messages (
        id uuid PRIMARY KEY,
        tenant text NOT NULL,
        kind text NOT NULL,
        contact_id uuid NOT NULL REFERENCES contacts (id),
        episode_id uuid REFERENCES episodes (id),
        recipient jsonb NOT NULL,
        content jsonb NOT NULL,
        status text NOT NULL CHECK (status IN ('pending', 'queued', 'delivered', 'failed')),
        idempotency_key text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        delivered_at timestamptz
      )`);
    await db.query(`CREATE INDEX outbox_pending ON outbox_messages (created_at) WHERE status = 'pending'`);
    await db.query(`CREATE INDEX outbox_contact ON outbox_messages (tenant, contact_id)`);
    await db.query(`CREATE INDEX outbox_status ON outbox_messages (tenant, status, created_at)`);

    await db.query(`
      CREATE TABLE agency_checks (
        id uuid PRIMARY KEY,
        tenant text NOT NULL,
        episode_id uuid NOT NULL REFERENCES episodes (id),
        agency text NOT NULL,
        question text NOT NULL,
        requested_by text NOT NULL,
        requested_at timestamptz NOT NULL,
        due_at timestamptz NOT NULL,
        status text NOT NULL CHECK (status IN ('requested', 'returned', 'declined')),
        summary text,
        declined_reason text,
        responded_by text,
        responded_at timestamptz
      )`);
    await db.query(`CREATE INDEX agency_checks_inbox ON agency_checks (tenant, agency, status)`);
    await db.query(`CREATE INDEX agency_checks_episode ON agency_checks (tenant, episode_id)`);

    await db.query(`
      CREATE TABLE idempotency_records (
        tenant text NOT NULL,
        actor_sub text NOT NULL,
        key text NOT NULL,
        request_hash text NOT NULL,
        status_code int NOT NULL,
        response jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant, actor_sub, key)
      )`);

    await db.query(`
      CREATE TABLE access_log (
        id bigserial PRIMARY KEY,
        tenant text NOT NULL,
        actor_sub text NOT NULL,
        actor_roles text[] NOT NULL,
        action text NOT NULL,
        subject_type text NOT NULL,
        subject_id uuid NOT NULL,
        at timestamptz NOT NULL
      )`);
    await db.query(`CREATE INDEX access_log_subject ON access_log (tenant, subject_type, subject_id, at)`);

    await db.query(`
      CREATE TABLE contact_reference_counters (
        tenant text NOT NULL,
        year int NOT NULL,
        last int NOT NULL,
        PRIMARY KEY (tenant, year)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of [
      'contact_reference_counters',
      'access_log',
      'idempotency_records',
      'agency_checks',
      'outbox_messages',
      'deadlines',
      'episode_events',
      'episodes',
      'children',
      'contacts',
    ]) {
      await db.query(`DROP TABLE IF EXISTS ${table}`);
    }
    await db.query(`DROP FUNCTION IF EXISTS refuse_history_change()`);
  }
}
