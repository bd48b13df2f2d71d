import { Clock, SystemClock } from '@frontdoor/config';
import type { Database } from '@frontdoor/persistence';
import { TenantQuery } from '../indicators/report-section';
import { fetchCaseload, summariseCaseload } from './caseload.section';
import type { Caseload } from './caseload.types';

export interface WorkloadResult {
  tenant: string;
  asAt: string;
  overall: Caseload;
  /** Named teams A–Z, then null (open episodes not allocated to a team). */
  byTeam: { team: string | null; caseload: Caseload }[];
}

/**
 * Caseload per worker and per team at one instant (now, unless asked for an earlier one): the
 * same figures as the indicators' caseload, on their own for a team manager's view.
 */
export class WorkloadReport {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock = new SystemClock(),
  ) {}

  async run(tenant: string, options: { asAt?: Date; team?: string | null } = {}): Promise<WorkloadResult> {
    const now = this.clock.now();
    const asAt = options.asAt && options.asAt.getTime() < now.getTime() ? options.asAt : now;
    const query = new TenantQuery(this.db.dataSource.manager, tenant, options.team ?? null);
    const rows = await fetchCaseload(query, asAt);
    const teams = [...new Set(rows.map((r) => r.team))].sort((a, b) => (a === null ? 1 : b === null ? -1 : a.localeCompare(b)));
    return {
      tenant,
      asAt: asAt.toISOString(),
      overall: summariseCaseload(rows),
      byTeam: teams.map((team) => ({ team, caseload: summariseCaseload(rows.filter((r) => r.team === team)) })),
    };
  }
}
