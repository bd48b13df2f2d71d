import { londonDay, SCREENED_OUT_OUTCOMES } from '@frontdoor/pathway';
import type { Indicators } from './indicators.types';
import { bands, percentile } from './ratio';
import type { ReportSection, TeamRow } from './report-section';

interface ClosedRow extends TeamRow {
  referralAt: Date;
  closedAt: Date;
}

const DAY_BANDS = [0, 31, 91, 181, 366];
const MS_PER_DAY = 86_400_000;

/**
 * Throughput (Task Group R13: cases "held open for longer than was necessary"): for the referrals
 * closed in the period, calendar days from the referral (the contact's receipt) to closure.
 *
 * In the period by the date the episode CLOSED (`episodes.closed_at`). Only referrals count: a
 * contact screened out (its outcome one of SCREENED_OUT_OUTCOMES) was never a case. Days are
 * whole London days between the two dates (closed the day it was referred = 0). Median and 90th
 * percentile are nearest-rank, so each is the figure of a real case.
 *
 * Index: episodes (tenant, closed_at).
 */
export const timeHeldOpen: ReportSection<ClosedRow, Pick<Indicators, 'timeHeldOpen'>> = {
  fetch: (query, { period }) =>
    query.rows<ClosedRow>(
      `SELECT e.team, e.referral_at AS "referralAt", e.closed_at AS "closedAt"
         FROM episodes e
        WHERE e.tenant = $1 AND e.closed_at >= $2 AND e.closed_at < $3
          AND (e.outcome IS NULL OR NOT e.outcome = ANY($5::text[]))
          AND ($4::text IS NULL OR e.team = $4::text)`,
      [period.start, period.end, query.team, Object.values(SCREENED_OUT_OUTCOMES)],
    ),

  summarise(rows) {
    const days = rows.map((r) => calendarDaysBetween(new Date(r.referralAt), new Date(r.closedAt)));
    return {
      timeHeldOpen: {
        closed: rows.length,
        medianDays: percentile(days, 50),
        p90Days: percentile(days, 90),
        bands: bands(days, DAY_BANDS),
      },
    };
  },
};

function calendarDaysBetween(from: Date, to: Date): number {
  return Math.round((Date.parse(londonDay(to)) - Date.parse(londonDay(from))) / MS_PER_DAY);
}
