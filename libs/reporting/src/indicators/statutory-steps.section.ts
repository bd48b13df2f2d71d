import { workingDaysBetween } from '@frontdoor/pathway';
import type { Indicators } from './indicators.types';
import { bands, countWhere, percentile, ratio } from './ratio';
import type { ReportSection, TeamRow } from './report-section';

type StepKind = 'assessment' | 'icpc' | 'core_group' | 'review_conference';

interface StepRow extends TeamRow {
  kind: StepKind;
  status: 'met' | 'breached';
  startedAt: Date;
  completedAt: Date;
  /**
   * For an ICPC that made a child protection plan: whether the child had a plan that started
   * earlier, in another episode. Null for every other row.
   */
  earlierPlan: boolean | null;
}

/** Bands of working days an assessment took: the 45-day timescale falls on a band edge. */
const ASSESSMENT_BANDS = [0, 11, 21, 31, 46, 61];

/**
 * The statutory steps after the decision (DOMAIN §4), each judged against its deadline row:
 * assessment within 45 working days of the referral; ICPC within 15 working days of the strategy
 * discussion that started the s47; first core group within 10 working days of the ICPC; review
 * conferences within 3 months of the ICPC, then at most 6 months apart.
 *
 * In the period by the date the step was DONE (`deadlines.completed_at`: the assessment's
 * `completedAt`, the meeting's `heldAt`), as the CIN census and the national statistics count
 * them. Met means done by the due time; breached means done after it. A step never done is not
 * in these figures (it is on the exception report); a step made unnecessary (cancelled) neither.
 *
 * Second or subsequent CP plans: a plan starts at the ICPC that makes it, so plans started in the
 * period are the ICPCs held in it with outcome cp_plan (read from the episode snapshot, only for
 * those rows); "second" when another episode of the same child has a plan that started earlier.
 *
 * Indexes: deadlines (tenant, kind, completed_at); episodes (tenant, child_id, referral_at) exists.
 */
export const statutorySteps: ReportSection<StepRow, StepIndicators> = {
  fetch: (query, { period }) =>
    query.rows<StepRow>(
      `SELECT e.team, d.kind, d.status, d.started_at AS "startedAt", d.completed_at AS "completedAt",
              CASE WHEN d.kind = 'icpc' AND e.snapshot->'context'->'icpc'->>'outcome' = 'cp_plan' THEN
                EXISTS (SELECT 1 FROM episodes p
                         WHERE p.tenant = e.tenant AND p.child_id = e.child_id AND p.id <> e.id
                           AND p.referral_at <= e.referral_at
                           AND (p.snapshot->'context'->'cpPlan'->>'startedAt')::timestamptz < d.completed_at)
              END AS "earlierPlan"
         FROM deadlines d
         JOIN episodes e ON e.tenant = d.tenant AND e.id = d.episode_id
        WHERE d.tenant = $1 AND d.kind IN ('assessment', 'icpc', 'core_group', 'review_conference')
          AND d.completed_at >= $2 AND d.completed_at < $3
          AND ($4::text IS NULL OR e.team = $4::text)`,
      [period.start, period.end, query.team],
    ),

  summarise(rows) {
    const onTime = (kind: StepKind) => {
      const done = rows.filter((r) => r.kind === kind);
      return ratio(countWhere(done, (r) => r.status === 'met'), done.length);
    };
    // The assessment clock starts at the referral (deadline started_at = the contact's receivedAt).
    const assessmentDays = rows
      .filter((r) => r.kind === 'assessment')
      .map((r) => workingDaysBetween(new Date(r.startedAt), new Date(r.completedAt)));
    const plans = rows.filter((r) => r.earlierPlan !== null);
    return {
      assessmentsWithin45WorkingDays: onTime('assessment'),
      assessmentWorkingDays: { bands: bands(assessmentDays, ASSESSMENT_BANDS), median: percentile(assessmentDays, 50) },
      icpcsWithin15WorkingDays: onTime('icpc'),
      firstCoreGroupsWithin10WorkingDays: onTime('core_group'),
      reviewConferencesOnTime: onTime('review_conference'),
      secondOrSubsequentCpPlans: ratio(countWhere(plans, (r) => r.earlierPlan === true), plans.length),
    };
  },
};

type StepIndicators = Pick<
  Indicators,
  | 'assessmentsWithin45WorkingDays'
  | 'assessmentWorkingDays'
  | 'icpcsWithin15WorkingDays'
  | 'firstCoreGroupsWithin10WorkingDays'
  | 'reviewConferencesOnTime'
  | 'secondOrSubsequentCpPlans'
>;
