import { readConsistently } from '../cin-census/episode-source';
import { Clock, SystemClock } from '@frontdoor/config';
import type { Database } from '@frontdoor/persistence';
import { previousPeriod, type ReportingPeriod } from '../reporting-period';
import { caseloadSection } from '../workload/caseload.section';
import { contactFlow } from './contact-flow.section';
import { INDICATOR_DEFINITIONS } from './indicator-definitions';
import type { Indicators, IndicatorsResult, PeriodIndicators } from './indicators.types';
import { openWithoutReview } from './open-without-review.section';
import { referralResponse } from './referral-response.section';
import type { ReportSection, ReportWindow, Scope, TeamRow } from './report-section';
import { TenantQuery } from './report-section';
import { statutorySteps } from './statutory-steps.section';
import { timeHeldOpen } from './time-held-open.section';

/** Each section gives some of the indicators; together, all of them (DOMAIN §6). */
const SECTIONS: readonly ReportSection<TeamRow, Partial<Indicators>>[] = [
  contactFlow,
  referralResponse,
  statutorySteps,
  timeHeldOpen,
  caseloadSection,
  openWithoutReview,
];

/**
 * The master set of indicators for a period and the previous period of equal length, for the
 * whole authority and per team (R1, R12, R13), each with the numerator and denominator it is made
 * of. Every figure is read in one read-only REPEATABLE READ transaction, so they all describe the
 * same moment and agree with each other.
 *
 * Team: flow figures (contacts, decisions, steps done, closures) count for the team the episode
 * is allocated to now; point-in-time figures (caseload, drift) for the team it was allocated to
 * at that instant. A child not yet allocated to a team counts under team null.
 */
export class IndicatorsReport {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock = new SystemClock(),
  ) {}

  /** `previous`: the period to set beside it; by default the one of equal length just before. */
  async run(tenant: string, period: ReportingPeriod, team?: string | null, previousOne?: ReportingPeriod): Promise<IndicatorsResult> {
    const now = this.clock.now();
    const current = windowOf(period, now);
    const previous = windowOf(previousOne ?? previousPeriod(period), now);
    return readConsistently(this.db, async ({ manager }) => {
      const query = new TenantQuery(manager, tenant, team ?? null);
      const currentRows = await fetchSections(query, current);
      const previousRows = await fetchSections(query, previous);
      const teams = team ? [team] : teamsIn([...currentRows.flat(), ...previousRows.flat()]);
      return {
        tenant,
        team: team ?? null,
        generatedAt: now.toISOString(),
        current: present(current, currentRows, teams),
        previous: present(previous, previousRows, teams),
        definitions: INDICATOR_DEFINITIONS,
      };
    });
  }
}

function windowOf(period: ReportingPeriod, now: Date): ReportWindow {
  return { period, now, asAt: period.end.getTime() < now.getTime() ? period.end : now };
}

async function fetchSections(query: TenantQuery, window: ReportWindow): Promise<TeamRow[][]> {
  const rows: TeamRow[][] = [];
  for (const section of SECTIONS) rows.push(await section.fetch(query, window));
  return rows;
}

function present(window: ReportWindow, rows: TeamRow[][], teams: (string | null)[]): PeriodIndicators {
  const summarise = (scope: Scope, keep: (row: TeamRow) => boolean) =>
    Object.assign({}, ...SECTIONS.map((section, i) => section.summarise(rows[i].filter(keep), scope, window))) as Indicators;
  return {
    from: window.period.from,
    to: window.period.to,
    days: window.period.days,
    asAt: window.asAt.toISOString(),
    overall: summarise('overall', () => true),
    byTeam: teams.map((team) => ({ team, indicators: summarise('team', (row) => row.team === team) })),
  };
}

/** Named teams A–Z, then null (children not yet allocated to a team) if there are any. */
function teamsIn(rows: TeamRow[]): (string | null)[] {
  const named = new Set<string>();
  let unallocated = false;
  for (const { team } of rows) {
    if (team === null) unallocated = true;
    else named.add(team);
  }
  return [...[...named].sort(), ...(unallocated ? [null] : [])];
}
