import type { EntityManager } from 'typeorm';
import type { ReportingPeriod } from '../reporting-period';

/**
 * The shape every indicator query shares. A section fetches rows for one period, each row
 * carrying the team it counts for; the report then summarises the same rows once for the whole
 * authority and once per team, so team figures always add up to the overall ones.
 */

export interface TeamRow {
  /** The team the row counts for; null while a child has no allocated team (the front door). */
  team: string | null;
}

/** What one summary is for: the whole authority, or one team. */
export type Scope = 'overall' | 'team';

export interface ReportWindow {
  period: ReportingPeriod;
  /** When the report is made: a deadline still open after its due time counts as breached. */
  now: Date;
  /** Point-in-time measures (caseload, drift) are taken at the end of the period, or now if sooner. */
  asAt: Date;
}

/**
 * Raw SQL against one tenant. Every statement a section runs takes the tenant as $1 and filters
 * every case table it reads on it (the persistence layer's rule: no unscoped case-data query).
 */
export class TenantQuery {
  constructor(
    private readonly manager: EntityManager,
    readonly tenant: string,
    /** Only this team's figures, when the reader asked for one team. */
    readonly team: string | null,
  ) {
    if (!tenant) throw new Error('a tenant is required for every case-data query');
  }

  rows<Row>(sql: string, params: unknown[]): Promise<Row[]> {
    return this.manager.query(sql, [this.tenant, ...params]);
  }
}

export interface ReportSection<Row extends TeamRow, Value extends object> {
  fetch(query: TenantQuery, window: ReportWindow): Promise<Row[]>;
  summarise(rows: Row[], scope: Scope, window: ReportWindow): Value;
}
