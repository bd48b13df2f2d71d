import { Database } from '@frontdoor/persistence';
import { type Reader, recordChildLevelRead } from '../access-log/record-child-level-read';
import { buildCinRecords } from './build-cin-records';
import { renderCinCensus } from './cin-census-xml';
import { parseCollectionYear } from './collection-year';
import { loadChildren, loadEpisodes, loadPlanStarts, readConsistently } from './episode-source';
import { ReportingInputError } from './reporting-errors';
import { type ChildProblems, type CinProblem, problemsByChild, validateCinRecords } from './validation-rules';

export type CinCensusResult =
  | { ok: true; xml: string; children: number; referrals: number; childIds: string[] }
  | { ok: false; problems: CinProblem[]; byChild: ChildProblems[] };

export interface CinCensusExportOptions {
  /** The DfE local authority number of a tenant; by default the tenant itself ("865"). */
  laCodeOf?: (tenant: string) => string;
  softwareCode?: string;
}

/**
 * GET /api/v1/exports/cin-census?year= and `npm run export:cin`: the tenant's CIN census return
 * for a collection year, or — when records break the DfE's rules — every problem, child by
 * child, so a manager can put them right before the DfE sees them.
 */
export class CinCensusExport {
  constructor(
    private readonly db: Database,
    private readonly options: CinCensusExportOptions = {},
  ) {}

  async run(tenant: string, year: number | string, now: Date): Promise<CinCensusResult> {
    const collection = parseCollectionYear(year, now);
    const laCode = this.options.laCodeOf ? this.options.laCodeOf(tenant) : tenant;
    if (!/^\d{3}$/.test(laCode)) {
      throw new ReportingInputError([{ field: 'tenant', message: `has no three-digit DfE local authority number (got "${laCode}")` }]);
    }
    const source = await readConsistently(this.db, async (stores) => {
      const episodes = await loadEpisodes(stores, tenant, { receivedBefore: collection.end, openOnOrAfter: collection.start, referralsOnly: true });
      const childIds = episodes.map((episode) => episode.childId);
      return { episodes, children: await loadChildren(stores, tenant, childIds), planStarts: await loadPlanStarts(stores, tenant, childIds) };
    });
    const records = buildCinRecords(source, collection);

    const problems = validateCinRecords(records, collection);
    if (problems.length > 0) return { ok: false, problems, byChild: problemsByChild(problems) };
    const xml = renderCinCensus(records, { laCode, year: collection.year, generatedAt: now, softwareCode: this.options.softwareCode });
    return {
      ok: true,
      xml,
      children: records.length,
      referrals: records.reduce((n, child) => n + child.episodes.length, 0),
      childIds: records.map((record) => record.childId),
    };
  }

  /** The return as a person asks for it: every child it lists (or whose problems it lists) is logged as read by them. */
  async runFor(reader: Reader, year: number | string, now: Date): Promise<CinCensusResult> {
    const result = await this.run(reader.tenant, year, now);
    const childIds = result.ok ? result.childIds : result.byChild.map((entry) => entry.child);
    await recordChildLevelRead(this.db, reader, result.ok ? 'export.cin_census' : 'export.cin_census_problems', childIds, { year: Number(year) }, now);
    return result;
  }
}
