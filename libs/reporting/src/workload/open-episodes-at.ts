/**
 * SQL pieces for "the episodes open at an instant", shared by caseload and drift.
 *
 * An episode is open at T when it was referred before T and had not closed by T. Rather than
 * scanning every episode ever referred before T (which grows with history), the open ones are
 * the tenant's episodes open now (a partial index on is_open) plus those closed after T (an index
 * on closed_at): both sets are bounded by today's caseload and by how far back T is.
 *
 * Who held the case at T is read from history, not from the row (which holds today's worker):
 * the latest ALLOCATE recorded at or before T. No ALLOCATE yet means not allocated at T.
 *
 * The fragments expect the tenant as $1 and name their other parameters through `at` and
 * `referredBefore` (e.g. '$2').
 */
export function openEpisodesAt(at: string, referredBefore: string): string {
  return `
    SELECT e.id, e.child_id, e.referral_at FROM episodes e
     WHERE e.tenant = $1 AND e.is_open AND e.referral_at < ${referredBefore}
    UNION ALL
    SELECT e.id, e.child_id, e.referral_at FROM episodes e
     WHERE e.tenant = $1 AND e.closed_at > ${at} AND e.referral_at < ${referredBefore} AND NOT e.is_open`;
}

/** A LATERAL subquery giving `team`, `worker_id`, `worker_name` allocated to episode `o` at `at`. */
export function allocationAt(at: string): string {
  return `
    LEFT JOIN LATERAL (
      SELECT ev.payload->>'team' AS team, ev.payload->>'workerId' AS worker_id, ev.payload->>'workerName' AS worker_name
        FROM episode_events ev
       WHERE ev.tenant = $1 AND ev.episode_id = o.id AND ev.type = 'ALLOCATE' AND ev.occurred_at <= ${at}
       ORDER BY ev.sequence DESC
       LIMIT 1) allocated ON true`;
}
