import { Database } from '@frontdoor/persistence';
import { type Reader, recordChildLevelRead } from '../access-log/record-child-level-read';
import { buildCinRecords } from './build-cin-records';
import type { CinChildRecord } from './cin-record';
import { writeCinCensusXml } from './cin-census-xml';
import { type CollectionYear, parseCollectionYear } from './collection-year';
import { loadChildren, loadEpisodes, loadPlanStarts, readConsistently } from './episode-source';
import { ReportingInputError } from './reporting-errors';
import { type ChildProblems, type CinProblem, problemsByChild, validateCinRecords } from './validation-rules';

export type CinCensusResult =
  | { ok: true; xml: string; children: number; referrals: number; childIds: string[] }
  | { ok: false; problems: CinProblem[]; byChild: ChildProblems[] };

/**
 * A return still being put right: the XML as it would be written now, and every problem that
 * stops it being sent. Never a return to send: the DfE rejects it while `problems` is not empty.
 */
export interface CinCensusDraft {
  draft: true;
  xml: string;
  children: number;
  referrals: number;
  problems: CinProblem[];
  byChild: ChildProblems[];
}

export interface CinCensusExportOptions {
  /** The DfE local authority number of a tenant; by default the tenant itself ("865"). */
  laCodeOf?: (tenant: string) => string;
  softwareCode?: string;
}

interface CheckedReturn {
  records: CinChildRecord[];
  problems: CinProblem[];
  render: () => string;
}

/**
 * GET /api/v1/exports/cin-census?year= and `npm run export:cin`: the tenant's CIN census return
 * for a collection year, or — when records break the DfE's rules — every problem, child by
 * child, so a manager can put them right before the DfE sees them. `draft` gives both at once.
 */
export class CinCensusExport {
  constructor(
    private readonly db: Database,
    private readonly options: CinCensusExportOptions = {},
  ) {}

  async run(tenant: string, year: number | string, now: Date): Promise<CinCensusResult> {
    const { records, problems, render } = await this.check(tenant, year, now);
    if (problems.length > 0) return { ok: false, problems, byChild: problemsByChild(problems) };
    return { ok: true, xml: render(), ...counts(records), childIds: childIdsOf(records) };
  }

  /** The return as it stands, with its problems: for a return that is still being fixed. */
  async draft(tenant: string, year: number | string, now: Date): Promise<CinCensusDraft> {
    return (await this.draftListing(tenant, year, now)).draft;
  }

  private async draftListing(tenant: string, year: number | string, now: Date): Promise<{ draft: CinCensusDraft; childIds: string[] }> {
    const { records, problems, render } = await this.check(tenant, year, now);
    const draft: CinCensusDraft = { draft: true, xml: render(), ...counts(records), problems, byChild: problemsByChild(problems) };
    return { draft, childIds: childIdsOf(records) };
  }

  private async check(tenant: string, year: number | string, now: Date): Promise<CheckedReturn> {
    const collection = parseCollectionYear(year, now);
    const laCode = this.options.laCodeOf ? this.options.laCodeOf(tenant) : tenant;
    if (!/^\d{3}$/.test(laCode)) {
      throw new ReportingInputError([{ field: 'tenant', message: `has no three-digit DfE local authority number (got "${laCode}")` }]);
    }
    const records = await this.records(tenant, collection);
    return {
      records,
      problems: validateCinRecords(records, collection),
      render: () => writeCinCensusXml(records, { laCode, year: collection.year, generatedAt: now, softwareCode: this.options.softwareCode }),
    };
  }

  private async records(tenant: string, collection: CollectionYear): Promise<CinChildRecord[]> {
    const source = await readConsistently(this.db, async (stores) => {
      const episodes = await loadEpisodes(stores, tenant, { receivedBefore: collection.end, openOnOrAfter: collection.start, referralsOnly: true });
      const childIds = episodes.map((episode) => episode.childId);
      return { episodes, children: await loadChildren(stores, tenant, childIds), planStarts: await loadPlanStarts(stores, tenant, childIds) };
    });
    return buildCinRecords(source, collection);
  }

  /** The return as a person asks for it: every child it lists (or whose problems it lists) is logged as read by them. */
  async runFor(reader: Reader, year: number | string, now: Date): Promise<CinCensusResult> {
    const result = await this.run(reader.tenant, year, now);
    const childIds = result.ok ? result.childIds : result.byChild.map((entry) => entry.child);
    await recordChildLevelRead(this.db, reader, result.ok ? 'export.cin_census' : 'export.cin_census_problems', childIds, { year: Number(year) }, now);
    return result;
  }

  /** The draft as a person asks for it: every child in its XML or its problem list is logged as read by them. */
  async draftFor(reader: Reader, year: number | string, now: Date): Promise<CinCensusDraft> {
    const { draft, childIds } = await this.draftListing(reader.tenant, year, now);
    const listed = [...childIds, ...draft.byChild.map((entry) => entry.child)];
    await recordChildLevelRead(this.db, reader, 'export.cin_census_draft', listed, { year: Number(year) }, now);
    return draft;
  }
}

function counts(records: readonly CinChildRecord[]): { children: number; referrals: number } {
  return { children: records.length, referrals: records.reduce((n, child) => n + child.episodes.length, 0) };
}

function childIdsOf(records: readonly CinChildRecord[]): string[] {
  return records.map((record) => record.childId);
}
