import { londonDay } from '@frontdoor/pathway';
import { shiftMonths, startOfLondonDay } from '../reporting-period';
import { allocationAt, openEpisodesAt } from '../workload/open-episodes-at';
import type { DriftingEpisode, Indicators } from './indicators.types';
import { ratio } from './ratio';
import type { ReportSection, ReportWindow, TeamRow } from './report-section';

/**
 * What counts as a REVIEW of a child's episode, for drift: a decision about the child, or a
 * visit or multi-agency meeting recorded in the episode's history — the manager's approval of a
 * decision, the child seen, an assessment completed, a strategy discussion, an s47 concluded, an
 * ICPC, a core group or a review conference. Not a review: allocating a worker, agency checks,
 * a referrer's contribution, a delivery receipt (nothing was decided about the child).
 */
export const REVIEW_STEPS = [
  'APPROVE_DECISION',
  'RECORD_CHILD_SEEN',
  'COMPLETE_ASSESSMENT',
  'HOLD_STRATEGY_DISCUSSION',
  'COMPLETE_S47',
  'HOLD_ICPC',
  'HOLD_CORE_GROUP',
  'HOLD_REVIEW_CONFERENCE',
] as const;

const DRIFT_MONTHS = 9;

interface DriftRow extends TeamRow {
  episodeId: string;
  childId: string;
  referralAt: Date;
  lastReviewAt: Date | null;
  workerId: string | null;
  workerName: string | null;
}

/**
 * Drift (bulletin 2012: plans open more than 9 months without focus). At the end of the period
 * (or now, if sooner): the episodes then open that had been open more than 9 calendar months
 * (referred before the same London date 9 months earlier), and of those, the ones with no review
 * step (REVIEW_STEPS) in those last 9 months. Team and worker are those allocated at that instant.
 */
export const openWithoutReview: ReportSection<DriftRow, Pick<Indicators, 'openOverNineMonthsWithoutReview'>> = {
  fetch: (query, window) =>
    query.rows<DriftRow>(
      `WITH o AS (${openEpisodesAt('$2', '$3')})
       SELECT o.id AS "episodeId", o.child_id AS "childId", o.referral_at AS "referralAt",
              allocated.team, allocated.worker_id AS "workerId", allocated.worker_name AS "workerName",
              reviewed.at AS "lastReviewAt"
         FROM o ${allocationAt('$2')}
         LEFT JOIN LATERAL (
           SELECT max(ev.occurred_at) AS at FROM episode_events ev
            WHERE ev.tenant = $1 AND ev.episode_id = o.id AND ev.type = ANY($4::text[]) AND ev.occurred_at <= $2
         ) reviewed ON true
        WHERE ($5::text IS NULL OR allocated.team = $5::text)`,
      [window.asAt, driftCutoff(window), [...REVIEW_STEPS], query.team],
    ),

  summarise(rows, _scope, window) {
    const cutoff = driftCutoff(window).getTime();
    const drifting = rows
      .filter((r) => r.lastReviewAt === null || new Date(r.lastReviewAt).getTime() < cutoff)
      .sort((a, b) => new Date(a.referralAt).getTime() - new Date(b.referralAt).getTime() || a.episodeId.localeCompare(b.episodeId));
    return {
      openOverNineMonthsWithoutReview: {
        ...ratio(drifting.length, rows.length),
        episodes: drifting.map(
          (r): DriftingEpisode => ({
            episodeId: r.episodeId,
            childId: r.childId,
            referralAt: new Date(r.referralAt).toISOString(),
            lastReviewAt: r.lastReviewAt ? new Date(r.lastReviewAt).toISOString() : null,
            team: r.team,
            workerId: r.workerId,
            workerName: r.workerName,
          }),
        ),
      },
    };
  },
};

/** The first instant of the London day 9 months before the day of `asAt`. */
export function driftCutoff({ asAt }: ReportWindow): Date {
  return startOfLondonDay(shiftMonths(londonDay(asAt), -DRIFT_MONTHS));
}
