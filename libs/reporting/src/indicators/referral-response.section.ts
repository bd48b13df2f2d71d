import type { Indicators } from './indicators.types';
import { ratio, total } from './ratio';
import type { ReportSection, TeamRow } from './report-section';

interface ResponseRow extends TeamRow {
  kind: 'acknowledgement' | 'decision';
  met: number;
  breached: number;
  decided: number;
  feedbackDelivered: number;
}

/**
 * Working Together: within one working day of a referral, acknowledge it to the referrer and
 * decide the next steps; tell the referrer the decision (DOMAIN §4, §5).
 *
 * In the period by the date the deadline was DUE (`deadlines.due_at`). A due date is fixed when
 * the contact arrives, so a closed period's denominator stops changing once every deadline in it
 * is settled, and a step never done at all still counts against the period it was due in.
 *
 * - settled = met, or breached (recorded, or still open after its due time at the report's
 *   `now`, since a timer may not have fired yet); cancelled and not-yet-due deadlines are left out.
 * - decisions: the decision deadline is met by the screening outcome of a contact routed away
 *   (open case, redirect, duplicate) or by the manager's approval of the triage decision.
 * - feedback: of the decisions due in the period that have been made (the deadline has a
 *   completion time), those whose `decision` message to the referrer has status delivered. Every
 *   decision writes exactly one such message (the chart's `notifyReferrerOfDecision`).
 *
 * Indexes: deadlines (tenant, kind, due_at); outbox_messages (tenant, contact_id) exists.
 */
export const referralResponse: ReportSection<ResponseRow, ResponseIndicators> = {
  fetch: (query, { period, now }) =>
    query.rows<ResponseRow>(
      `SELECT team, kind,
              count(*) FILTER (WHERE status = 'met')::int AS met,
              count(*) FILTER (WHERE status = 'breached' OR (status = 'open' AND due_at < $5))::int AS breached,
              count(*) FILTER (WHERE decided)::int AS decided,
              count(*) FILTER (WHERE feedback_delivered)::int AS "feedbackDelivered"
         FROM (SELECT e.team, d.kind, d.status, d.due_at,
                      (d.kind = 'decision' AND d.completed_at IS NOT NULL) AS decided,
                      CASE WHEN d.kind = 'decision' AND d.completed_at IS NOT NULL THEN
                        EXISTS (SELECT 1 FROM outbox_messages m
                                 WHERE m.tenant = d.tenant AND m.contact_id = e.contact_id
                                   AND m.episode_id = d.episode_id AND m.kind = 'decision' AND m.status = 'delivered')
                      ELSE false END AS feedback_delivered
                 FROM deadlines d
                 JOIN episodes e ON e.tenant = d.tenant AND e.id = d.episode_id
                WHERE d.tenant = $1 AND d.kind IN ('acknowledgement', 'decision')
                  AND d.due_at >= $2 AND d.due_at < $3
                  AND ($4::text IS NULL OR e.team = $4::text)) due
        GROUP BY team, kind`,
      [period.start, period.end, query.team, now],
    ),

  summarise(rows) {
    const of = (kind: ResponseRow['kind']) => rows.filter((r) => r.kind === kind);
    const timeliness = (kind: ResponseRow['kind']) => {
      const due = of(kind);
      const met = total(due, (r) => r.met);
      return ratio(met, met + total(due, (r) => r.breached));
    };
    const decisions = of('decision');
    return {
      decisionsWithinOneWorkingDay: timeliness('decision'),
      acknowledgementsWithinOneWorkingDay: timeliness('acknowledgement'),
      decisionsWithFeedbackDelivered: ratio(
        total(decisions, (r) => r.feedbackDelivered),
        total(decisions, (r) => r.decided),
      ),
    };
  },
};

type ResponseIndicators = Pick<
  Indicators,
  'decisionsWithinOneWorkingDay' | 'acknowledgementsWithinOneWorkingDay' | 'decisionsWithFeedbackDelivered'
>;
