import type { Client } from 'pg';

/**
 * Grows a simulated month into years of history of the same shape: copy k of the base month is
 * every row of it shifted back k months, with new ids (foreign keys remapped through mapping
 * tables), contact references suffixed `-h<k>` and households remapped per copy. Children are
 * shared across copies (re-referrals), or cloned once per cohort of `childCohortMonths` copies
 * (NHS numbers prefixed, birth dates shifted). Snapshots and event states are copied as they are.
 *
 * A copy is history: what was still open at the end of the base month is closed in the copies
 * (episodes closed 30 days after referral, open deadlines met, breached ones completed, pending
 * messages delivered, agency checks returned). Otherwise each copy would add a month's worth of
 * children still open years later, and the caseload and exception lists would grow with history
 * for reasons of data shape rather than of queries and indexes.
 */

/** Remembers which rows are the base month (call once, right after the simulation). */
export async function markBaseMonth(db: Client): Promise<void> {
  await db.query(`DROP TABLE IF EXISTS bench_base_contacts, bench_base_episodes`);
  await db.query(`CREATE TABLE bench_base_contacts AS SELECT id FROM contacts`);
  await db.query(`CREATE TABLE bench_base_episodes AS SELECT id FROM episodes`);
}

/** Adds copies `from`..`to` (inclusive) of the base month, `batch` copies per statement set. */
export async function addCopies(
  db: Client,
  from: number,
  to: number,
  batch = 6,
  log: (line: string) => void = () => undefined,
  /** 0: every copy refers to the simulated month's children; n: copy k refers to cohort floor(k / n) (cohort 0 = the originals). */
  childCohortMonths = 0,
): Promise<void> {
  for (let lo = from; lo <= to; lo += batch) {
    const hi = Math.min(to, lo + batch - 1);
    const started = Date.now();
    await copyRange(db, lo, hi, childCohortMonths);
    log(`history: copies ${lo}..${hi} in ${Math.round((Date.now() - started) / 100) / 10} s`);
  }
}

async function copyRange(db: Client, lo: number, hi: number, childCohortMonths: number): Promise<void> {
  await db.query('BEGIN');
  try {
    await db.query(`DROP TABLE IF EXISTS bench_map_contacts, bench_map_episodes, bench_map_children`);
    await db.query(
      `CREATE TEMP TABLE bench_map_contacts ON COMMIT DROP AS
         SELECT k, b.id AS old_id, gen_random_uuid() AS new_id, make_interval(months => k) AS shift
           FROM bench_base_contacts b CROSS JOIN generate_series($1::int, $2::int) AS k`,
      [lo, hi],
    );
    await db.query(
      `CREATE TEMP TABLE bench_map_episodes ON COMMIT DROP AS
         SELECT k, b.id AS old_id, gen_random_uuid() AS new_id, make_interval(months => k) AS shift
           FROM bench_base_episodes b CROSS JOIN generate_series($1::int, $2::int) AS k`,
      [lo, hi],
    );
    await db.query(`CREATE INDEX ON bench_map_contacts (old_id, k)`);
    await db.query(`CREATE INDEX ON bench_map_episodes (old_id, k)`);
    // Children: shared by all copies, or one cohort of clones per childCohortMonths copies.
    await db.query(
      `CREATE TEMP TABLE bench_map_children ON COMMIT DROP AS
         SELECT DISTINCT k, e.child_id AS old_id,
                CASE WHEN $3::int = 0 OR k / $3::int = 0 THEN e.child_id ELSE md5(e.child_id::text || 'cohort' || (k / $3::int))::uuid END AS new_id,
                CASE WHEN $3::int = 0 THEN 0 ELSE k / $3::int END AS cohort
           FROM bench_base_episodes b JOIN episodes e ON e.id = b.id CROSS JOIN generate_series($1::int, $2::int) AS k`,
      [lo, hi, childCohortMonths],
    );
    await db.query(`CREATE INDEX ON bench_map_children (old_id, k)`);
    await db.query(`
      INSERT INTO children (id, tenant, given_name, family_name, given_name_key, family_name_key, postcode_key, date_of_birth,
                            expected_date_of_birth, sex, nhs_number, upn, ethnicity, address, created_at)
      SELECT DISTINCT ON (m.new_id) m.new_id, c.tenant, c.given_name, c.family_name, c.given_name_key, c.family_name_key, c.postcode_key,
             c.date_of_birth - (m.cohort * 365), c.expected_date_of_birth - (m.cohort * 365), c.sex,
             'c' || m.cohort || '-' || c.nhs_number, c.upn, c.ethnicity, c.address, c.created_at - make_interval(years => m.cohort)
        FROM bench_map_children m JOIN children c ON c.id = m.old_id
       WHERE m.new_id <> m.old_id
      ON CONFLICT (id) DO NOTHING`);
    await db.query(`ANALYZE bench_map_children`);
    await db.query(`ANALYZE bench_map_contacts`);
    await db.query(`ANALYZE bench_map_episodes`);

    await db.query(`
      INSERT INTO contacts (id, tenant, reference, channel, received_at, referrer, referrer_sub, created_by, concern, consent,
                            household_id, created_at)
      SELECT m.new_id, c.tenant, c.reference || '-h' || m.k, c.channel, c.received_at - m.shift, c.referrer, c.referrer_sub,
             c.created_by, c.concern, c.consent, md5(c.household_id::text || m.k)::uuid, c.created_at - m.shift
        FROM bench_map_contacts m JOIN contacts c ON c.id = m.old_id`);

    await db.query(`
      INSERT INTO episodes (id, tenant, contact_id, child_id, household_id, machine_id, machine_version, snapshot, version, stage,
                            state, rag, team, worker_id, worker_name, outcome, is_open, referral_at, re_referral,
                            open_case_episode_id, next_due_at, closed_at, created_at, updated_at)
      SELECT m.new_id, e.tenant, mc.new_id, mch.new_id, md5(e.household_id::text || m.k)::uuid, e.machine_id, e.machine_version,
             e.snapshot, e.version, e.stage, e.state, e.rag, e.team, e.worker_id, e.worker_name, e.outcome, false,
             e.referral_at - m.shift, e.re_referral, coalesce(mo.new_id, e.open_case_episode_id), NULL,
             coalesce(e.closed_at, e.referral_at + interval '30 days') - m.shift, e.created_at - m.shift, e.updated_at - m.shift
        FROM bench_map_episodes m
        JOIN episodes e ON e.id = m.old_id
        JOIN bench_map_contacts mc ON mc.old_id = e.contact_id AND mc.k = m.k
        JOIN bench_map_children mch ON mch.old_id = e.child_id AND mch.k = m.k
        LEFT JOIN bench_map_episodes mo ON mo.old_id = e.open_case_episode_id AND mo.k = m.k`);

    await db.query(`
      INSERT INTO episode_events (tenant, episode_id, sequence, type, payload, actor_sub, actor_name, actor_roles, from_state,
                                  to_state, from_stage, to_stage, occurred_at, recorded_at)
      SELECT v.tenant, m.new_id, v.sequence, v.type, v.payload, v.actor_sub, v.actor_name, v.actor_roles, v.from_state,
             v.to_state, v.from_stage, v.to_stage, v.occurred_at - m.shift, v.recorded_at - m.shift
        FROM bench_map_episodes m JOIN episode_events v ON v.episode_id = m.old_id`);

    await db.query(`
      INSERT INTO deadlines (id, tenant, episode_id, kind, key, started_at, due_at, status, met_at, breached_at, completed_at,
                             cancelled_at, timer_scheduled_at)
      SELECT gen_random_uuid(), d.tenant, m.new_id, d.kind, d.key, d.started_at - m.shift, d.due_at - m.shift,
             CASE WHEN d.status = 'open' THEN 'met' ELSE d.status END,
             CASE WHEN d.status = 'open' THEN least(d.due_at, d.started_at + interval '5 days') ELSE d.met_at END - m.shift,
             d.breached_at - m.shift,
             CASE WHEN d.status = 'open' THEN least(d.due_at, d.started_at + interval '5 days')
                  WHEN d.status = 'breached' AND d.completed_at IS NULL AND d.cancelled_at IS NULL THEN d.breached_at + interval '2 days'
                  ELSE d.completed_at END - m.shift,
             d.cancelled_at - m.shift, d.timer_scheduled_at - m.shift
        FROM bench_map_episodes m JOIN deadlines d ON d.episode_id = m.old_id`);

    await db.query(`
      INSERT INTO outbox_messages (id, tenant, kind, contact_id, episode_id, recipient, content, status, idempotency_key,
                                   created_at, delivered_at, queued_at, failed_at, attempts, last_error, provider_reference)
      SELECT gen_random_uuid(), o.tenant, o.kind, mc.new_id, me.new_id, o.recipient, o.content,
             CASE WHEN o.status IN ('pending', 'queued') THEN 'delivered' ELSE o.status END,
             o.idempotency_key || '-h' || mc.k, o.created_at - mc.shift,
             coalesce(o.delivered_at, CASE WHEN o.status IN ('pending', 'queued') THEN o.created_at + interval '1 minute' END) - mc.shift,
             o.queued_at - mc.shift, o.failed_at - mc.shift, o.attempts, o.last_error, o.provider_reference
        FROM bench_map_contacts mc
        JOIN outbox_messages o ON o.contact_id = mc.old_id
        LEFT JOIN bench_map_episodes me ON me.old_id = o.episode_id AND me.k = mc.k`);

    await db.query(`
      INSERT INTO agency_checks (id, tenant, episode_id, agency, question, requested_by, requested_at, due_at, status, summary,
                                 declined_reason, responded_by, responded_at, withdrawn_at)
      SELECT gen_random_uuid(), a.tenant, m.new_id, a.agency, a.question, a.requested_by, a.requested_at - m.shift,
             a.due_at - m.shift, CASE WHEN a.status = 'requested' THEN 'returned' ELSE a.status END,
             coalesce(a.summary, CASE WHEN a.status = 'requested' THEN 'returned (bench history)' END), a.declined_reason,
             coalesce(a.responded_by, CASE WHEN a.status = 'requested' THEN a.requested_by END),
             coalesce(a.responded_at, CASE WHEN a.status = 'requested' THEN a.due_at END) - m.shift, a.withdrawn_at - m.shift
        FROM bench_map_episodes m JOIN agency_checks a ON a.episode_id = m.old_id`);
    await db.query('COMMIT');
  } catch (error) {
    await db.query('ROLLBACK');
    throw error;
  }
}

export interface RowCounts {
  contacts: number;
  episodes: number;
  deadlines: number;
  episode_events: number;
  children: number;
}

export async function rowCounts(db: Client): Promise<RowCounts> {
  const { rows } = await db.query(
    `SELECT (SELECT count(*) FROM contacts)::int AS contacts, (SELECT count(*) FROM episodes)::int AS episodes,
            (SELECT count(*) FROM deadlines)::int AS deadlines, (SELECT count(*) FROM episode_events)::int AS episode_events,
            (SELECT count(*) FROM children)::int AS children`,
  );
  return rows[0] as RowCounts;
}
