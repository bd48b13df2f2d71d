import { REFERRAL_SOURCE_CODES, SCREENED_OUT_OUTCOMES } from '@frontdoor/pathway';
import type { Indicators } from './indicators.types';
import { ratio, total } from './ratio';
import type { ReportSection, TeamRow } from './report-section';

type ScreeningBucket = keyof Indicators['contactsByScreeningOutcome'];

/** The screening outcome from the row's columns: `WHEN e.outcome = 'redirected' THEN 'redirect'`, … */
const SCREENED_OUT_CASES = Object.entries(SCREENED_OUT_OUTCOMES)
  .map(([screening, outcome]) => `WHEN e.outcome = '${outcome}' THEN '${screening}'`)
  .join(' ');
const SCREENING_BUCKETS: ScreeningBucket[] = ['concern', 'open_case', 'redirect', 'duplicate', 'not_yet_screened'];

interface ContactFlowRow extends TeamRow {
  source: string;
  screening: ScreeningBucket;
  reReferral: boolean;
  /** Children's contacts (episodes) in this group. */
  children: number;
  /** Contact records counted once for the authority (at the first child named). */
  contacts: number;
  /** Contact records counted once in each team that has one of its children. */
  teamContacts: number;
}

/**
 * Contacts, their sources and screening outcomes, conversion to referral and re-referrals.
 *
 * In the period by the date the contact was received (`episodes.referral_at`, which is the
 * contact's `received_at`, backdated when a practitioner logged it late). Counted per child, as
 * the CIN census and Annex A count: one episode per child named in a contact.
 *
 * The screening outcome is read from the episode row's columns rather than its snapshot (which
 * would have to be loaded whole for every contact): still at stage `screening` is not yet
 * screened; an outcome in SCREENED_OUT_OUTCOMES (forwarded, redirected, merged — what the engine
 * writes for those screening outcomes) is open_case / redirect / duplicate; anything else was
 * screened as a new concern, which is pathway's `isReferral`.
 *
 * The contact's `received_at` is the episode's `referral_at` (both are set from one receivedAt
 * when the contact is created), so both sides of the join are bounded by the period: without
 * that, the planner may hash-join against every contact the tenant ever had.
 *
 * Indexes: episodes (tenant, referral_at); contacts (tenant, received_at) exists.
 */
export const contactFlow: ReportSection<ContactFlowRow, ContactFlowIndicators> = {
  fetch: (query, { period }) =>
    query.rows<ContactFlowRow>(
      `SELECT team, source, screening, re_referral AS "reReferral",
              count(*)::int AS children,
              count(*) FILTER (WHERE contact_rank = 1)::int AS contacts,
              count(*) FILTER (WHERE team_rank = 1)::int AS "teamContacts"
         FROM (SELECT e.team, e.re_referral,
                      c.referrer->>'sourceCode' AS source,
                      CASE WHEN e.stage = 'screening' THEN 'not_yet_screened'
                           ${SCREENED_OUT_CASES}
                           ELSE 'concern' END AS screening,
                      row_number() OVER (PARTITION BY e.contact_id ORDER BY e.id) AS contact_rank,
                      row_number() OVER (PARTITION BY e.contact_id, e.team ORDER BY e.id) AS team_rank
                 FROM episodes e
                 JOIN contacts c ON c.tenant = e.tenant AND c.id = e.contact_id
                                 AND c.received_at >= $2 AND c.received_at < $3
                WHERE e.tenant = $1 AND e.referral_at >= $2 AND e.referral_at < $3
                  AND ($4::text IS NULL OR e.team = $4::text)) child_contacts
        GROUP BY team, source, screening, re_referral`,
      [period.start, period.end, query.team],
    ),

  summarise(rows, scope) {
    const children = total(rows, (r) => r.children);
    const childrenWhere = (test: (row: ContactFlowRow) => boolean) => total(rows.filter(test), (r) => r.children);

    const sources = [...new Set([...REFERRAL_SOURCE_CODES, ...rows.map((r) => r.source)])];
    const contactsBySource = Object.fromEntries(
      sources.map((code) => [code, ratio(childrenWhere((r) => r.source === code), children)]),
    );
    const contactsByScreeningOutcome = Object.fromEntries(
      SCREENING_BUCKETS.map((bucket) => [bucket, ratio(childrenWhere((r) => r.screening === bucket), children)]),
    ) as ContactFlowIndicators['contactsByScreeningOutcome'];

    const referrals = childrenWhere((r) => r.screening === 'concern');
    const screened = children - childrenWhere((r) => r.screening === 'not_yet_screened');
    return {
      contactsReceived: { contacts: total(rows, (r) => (scope === 'overall' ? r.contacts : r.teamContacts)), children },
      contactsBySource,
      contactsByScreeningOutcome,
      // A contact not yet screened has no outcome yet: it is left out until it has one.
      conversionToReferral: ratio(referrals, screened),
      // `re_referral` is set at intake: the child had a referral in the 12 months before this contact.
      reReferralsWithin12Months: ratio(childrenWhere((r) => r.screening === 'concern' && r.reReferral), referrals),
    };
  },
};

type ContactFlowIndicators = Pick<
  Indicators,
  'contactsReceived' | 'contactsBySource' | 'contactsByScreeningOutcome' | 'conversionToReferral' | 'reReferralsWithin12Months'
>;
