import type { ReportSection, TeamRow, TenantQuery } from '../indicators/report-section';
import { ratio, total } from '../indicators/ratio';
import type { Caseload, WorkerCaseload } from './caseload.types';
import { allocationAt, openEpisodesAt } from './open-episodes-at';

export interface CaseloadRow extends TeamRow {
  workerId: string | null;
  workerName: string | null;
  openEpisodes: number;
}

/**
 * Caseload per worker: the episodes open at the end of the period (or now, if the period has not
 * ended), by the worker and team allocated at that instant (from history, so an earlier period
 * shows who held the case then). Each worker is counted in the team they were allocated under.
 *
 * Indexes: episodes (tenant, next_due_at) WHERE is_open exists; episodes (tenant, closed_at);
 * episode_events (episode_id, sequence) exists.
 */
export const caseloadSection: ReportSection<CaseloadRow, { caseload: Caseload }> = {
  fetch: (query, { asAt }) => fetchCaseload(query, asAt),
  summarise: (rows) => ({ caseload: summariseCaseload(rows) }),
};

export function fetchCaseload(query: TenantQuery, asAt: Date): Promise<CaseloadRow[]> {
  return query.rows<CaseloadRow>(
    `WITH o AS (${openEpisodesAt('$2', '$2')})
     SELECT allocated.team, allocated.worker_id AS "workerId", max(allocated.worker_name) AS "workerName",
            count(*)::int AS "openEpisodes"
       FROM o ${allocationAt('$2')}
      WHERE ($3::text IS NULL OR allocated.team = $3::text)
      GROUP BY allocated.team, allocated.worker_id`,
    [asAt, query.team],
  );
}

export function summariseCaseload(rows: readonly CaseloadRow[]): Caseload {
  const perWorker: WorkerCaseload[] = rows
    .filter((r): r is CaseloadRow & { workerId: string } => r.workerId !== null)
    .map((r) => ({ workerId: r.workerId, workerName: r.workerName, team: r.team, openEpisodes: r.openEpisodes }))
    .sort((a, b) => b.openEpisodes - a.openEpisodes || a.workerId.localeCompare(b.workerId) || (a.team ?? '').localeCompare(b.team ?? ''));
  const workers = new Set(perWorker.map((w) => w.workerId)).size;
  return {
    perWorker,
    averagePerWorker: ratio(total(perWorker, (w) => w.openEpisodes), workers),
    unallocated: total(rows.filter((r) => r.workerId === null), (r) => r.openEpisodes),
  };
}
