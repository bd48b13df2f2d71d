import { Database } from '@frontdoor/persistence';
import { type Reader, recordChildLevelRead } from '../access-log/record-child-level-read';
import { laChildIdOf, loadChildren, loadEpisodes, readConsistently, ReportingInputError } from '../cin-census';
import { parseReportingPeriod, shiftMonths, startOfLondonDay } from '../reporting-period';
import { ANNEX_A_COLUMNS, ANNEX_A_LISTS, type AnnexAList } from './annex-a-columns';
import { annexARows } from './annex-a-rows';
import { toCsv } from './csv';

/**
 * GET /api/v1/exports/annex-a/:list?from=&to=: one of Ofsted's Annex A lists (1 contacts,
 * 2 early help, 3 referrals, 4 assessments, 5 section 47 enquiries and ICPCs) for a period of
 * London days, as CSV with Ofsted's column names.
 */
export class AnnexAExport {
  constructor(private readonly db: Database) {}

  async run(tenant: string, list: number | string, from: string, to: string): Promise<string> {
    return (await this.build(tenant, list, from, to)).csv;
  }

  /** The list as a person asks for it: every child with a row is logged as read by them. */
  async runFor(reader: Reader, list: number | string, from: string, to: string, now: Date): Promise<string> {
    const { csv, childIds } = await this.build(reader.tenant, list, from, to);
    await recordChildLevelRead(this.db, reader, `export.annex_a_list_${Number(list)}`, childIds, { list: Number(list), from, to }, now);
    return csv;
  }

  private async build(tenant: string, list: number | string, from: string, to: string): Promise<{ csv: string; childIds: string[] }> {
    const which = Number(list);
    if (!(ANNEX_A_LISTS as readonly number[]).includes(which) || String(list).trim() !== String(which)) {
      throw new ReportingInputError([{ field: 'list', message: 'must be an Annex A list from 1 to 5' }]);
    }
    const parsed = parseReportingPeriod({ from, to });
    if (!parsed.ok) throw new ReportingInputError(parsed.problems);
    const { period } = parsed;

    const contactsOnly = which === 1;
    const { episodes, children } = await readConsistently(this.db, async (stores) => {
      const episodes = await loadEpisodes(stores, tenant, {
        receivedBefore: period.end,
        // A year further back, so "in the last 12 months" counts see earlier referrals and enquiries.
        openOnOrAfter: contactsOnly ? period.start : startOfLondonDay(shiftMonths(period.from, -12)),
        referralsOnly: !contactsOnly,
        // List 1 reads no history but a manager's correction of the referral source.
        stepTypes: contactsOnly ? ['AMEND_RECORD'] : undefined,
      });
      return { episodes, children: await loadChildren(stores, tenant, episodes.map((episode) => episode.childId)) };
    });
    const rows = annexARows(which as AnnexAList, { children, episodes }, { from: period.from, to: period.to });
    // A row names its child by the LA child id, which is derived from Front Door's own.
    const childOf = new Map(children.map((child) => [laChildIdOf(child.id), child.id]));
    const childIds = rows.map((row) => childOf.get(String(row[0]))).filter((id): id is string => id !== undefined);
    return { csv: toCsv(ANNEX_A_COLUMNS[which as AnnexAList], rows), childIds };
  }
}
