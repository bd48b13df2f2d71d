import { addWorkingDays, workingDaysBetween } from '@frontdoor/pathway';
import type { Database } from '@frontdoor/persistence';
import { type Reader, recordChildLevelRead } from '../access-log/record-child-level-read';
import { MAX_MARGIN_WORKING_DAYS } from './exception-margin';

export interface ExceptionItem {
  /** red: past its due time and the step not done; amber: due within the margin. */
  rag: 'red' | 'amber';
  /** Working days after the due day up to today (red); null for amber. */
  workingDaysLate: number | null;
  /** Working days after today up to the due day (amber; 0 = due by the end of today); null for red. */
  workingDaysLeft: number | null;
  deadlineId: string;
  kind: string;
  /** Which one of a repeated kind: the agency check's id, the review conference's number; '' otherwise. */
  key: string;
  /** open, or breached (the timer recorded the breach) and still not done. */
  status: 'open' | 'breached';
  startedAt: string;
  dueAt: string;
  episodeId: string;
  childId: string;
  contactId: string;
  contactReference: string;
  stage: string;
  /** The episode's own triage RAG rating (not the exception's). */
  episodeRag: string | null;
  team: string | null;
  workerId: string | null;
  workerName: string | null;
}

export interface ExceptionList {
  tenant: string;
  generatedAt: string;
  marginWorkingDays: number;
  /** Ambers are due at or before this instant (end of the margin-th working day after today). */
  amberUntil: string;
  /** Of the whole list (whatever the view): by rating, and by kind of deadline. */
  counts: { red: number; amber: number; byKind: { kind: string; red: number; amber: number }[] };
  /** Most urgent first: reds from the longest overdue, then ambers from the soonest due. */
  items: ExceptionItem[];
  /** Items in the view (its kind and rating), over all its pages. */
  total: number;
  page: number;
  pageSize: number;
}

/** Which part of the list to answer with: one kind, one rating, one page. */
export interface ExceptionView {
  kind?: string;
  rag?: 'red' | 'amber';
  page?: number;
  pageSize?: number;
}

/** Deadlines still outstanding — open, or breached by their timer and not since done or cancelled — due by $2. */
const OUTSTANDING = `
         FROM deadlines d
         JOIN episodes e ON e.tenant = d.tenant AND e.id = d.episode_id
         JOIN contacts c ON c.tenant = e.tenant AND c.id = e.contact_id
        WHERE d.tenant = $1
          AND (d.status = 'open' OR (d.status = 'breached' AND d.completed_at IS NULL AND d.cancelled_at IS NULL))
          AND d.due_at <= $2
          AND ($3::text IS NULL OR e.team = $3::text)`;

/** An outstanding deadline as the query reads it: the item before it is rated, with its times as dates. */
type OutstandingRow = Omit<ExceptionItem, 'rag' | 'workingDaysLate' | 'workingDaysLeft' | 'startedAt' | 'dueAt'> & { startedAt: Date; dueAt: Date };

/**
 * The RAG exception report (Task Group R6; DOMAIN §6): every deadline still outstanding — open,
 * or breached by its timer and neither done nor cancelled since — that is past due (red) or due
 * within `marginWorkingDays` working days (amber), with the child's episode, team and worker.
 *
 * Sorted by due time, which puts reds first (all due before now) from the longest overdue, then
 * ambers from the soonest; ties by kind, key and episode, so the order is stable.
 *
 * Index: deadlines (tenant, due_at) WHERE <outstanding> — the predicate below, written the same
 * way so the planner can use it; it stays small however long the history grows.
 */
export class ExceptionReport {
  constructor(private readonly db: Database) {}

  /**
   * `now` from the caller's clock; `team` narrows the list to one team's episodes; `view` to one
   * kind or rating and one page (without a page: the whole list). The counts are always of the
   * whole list, by rating and by kind, so a burst of one kind cannot hide the rest.
   */
  async run(tenant: string, now: Date, marginWorkingDays: number, team?: string | null, view: ExceptionView = {}): Promise<ExceptionList> {
    if (!tenant) throw new Error('a tenant is required for every case-data query');
    if (!Number.isInteger(marginWorkingDays) || marginWorkingDays < 0 || marginWorkingDays > MAX_MARGIN_WORKING_DAYS) {
      throw new RangeError(`Not a margin of working days: ${marginWorkingDays}`);
    }
    const amberUntil = addWorkingDays(now, marginWorkingDays);
    const manager = this.db.dataSource.manager;
    const outstanding = [tenant, amberUntil, team ?? null];
    const tally: { kind: string; red: boolean; n: number }[] = await manager.query(
      `SELECT d.kind, d.due_at < $4 AS red, count(*)::int AS n ${OUTSTANDING} GROUP BY d.kind, d.due_at < $4 ORDER BY d.kind`,
      [...outstanding, now],
    );
    const pageSize = view.pageSize ?? null;
    const rows: OutstandingRow[] = await manager.query(
      `SELECT d.id AS "deadlineId", d.kind, d.key, d.status, d.started_at AS "startedAt", d.due_at AS "dueAt",
              e.id AS "episodeId", e.child_id AS "childId", e.contact_id AS "contactId", c.reference AS "contactReference",
              e.stage, e.rag AS "episodeRag", e.team, e.worker_id AS "workerId", e.worker_name AS "workerName"
         ${OUTSTANDING}
          AND ($4::text IS NULL OR d.kind = $4::text)
          AND ($5::text IS NULL OR (d.due_at < $6) = ($5::text = 'red'))
        ORDER BY d.due_at, d.kind, d.key, e.id
        LIMIT $7 OFFSET $8`,
      [...outstanding, view.kind ?? null, view.rag ?? null, now, pageSize, pageSize === null ? 0 : ((view.page ?? 1) - 1) * pageSize],
    );
    const items = rows.map((row) => toItem(row, now));
    const counted = (rag: 'red' | 'amber', kind?: string) =>
      tally.filter((t) => t.red === (rag === 'red') && (kind === undefined || t.kind === kind)).reduce((sum, t) => sum + t.n, 0);
    const kinds = [...new Set(tally.map((t) => t.kind))];
    const total = (['red', 'amber'] as const)
      .filter((rag) => !view.rag || view.rag === rag)
      .reduce((sum, rag) => sum + counted(rag, view.kind), 0);
    return {
      tenant,
      generatedAt: now.toISOString(),
      marginWorkingDays,
      amberUntil: amberUntil.toISOString(),
      counts: { red: counted('red'), amber: counted('amber'), byKind: kinds.map((kind) => ({ kind, red: counted('red', kind), amber: counted('amber', kind) })) },
      items,
      total,
      page: pageSize === null ? 1 : (view.page ?? 1),
      pageSize: pageSize ?? total,
    };
  }

  /** The list as a person asks for it: every child on the page they see is logged as read by them. */
  async runFor(reader: Reader, now: Date, marginWorkingDays: number, team?: string | null, view: ExceptionView = {}): Promise<ExceptionList> {
    const list = await this.run(reader.tenant, now, marginWorkingDays, team, view);
    const childIds = list.items.map((item) => item.childId);
    await recordChildLevelRead(this.db, reader, 'report.exceptions', childIds, { marginWorkingDays, team: team ?? null, ...view }, now);
    return list;
  }
}

function toItem(row: OutstandingRow, now: Date): ExceptionItem {
  const dueAt = new Date(row.dueAt);
  const red = dueAt.getTime() < now.getTime();
  return {
    rag: red ? 'red' : 'amber',
    workingDaysLate: red ? workingDaysBetween(dueAt, now) : null,
    workingDaysLeft: red ? null : workingDaysBetween(now, dueAt),
    deadlineId: row.deadlineId,
    kind: row.kind,
    key: row.key,
    status: row.status,
    startedAt: new Date(row.startedAt).toISOString(),
    dueAt: dueAt.toISOString(),
    episodeId: row.episodeId,
    childId: row.childId,
    contactId: row.contactId,
    contactReference: row.contactReference,
    stage: row.stage,
    episodeRag: row.episodeRag,
    team: row.team,
    workerId: row.workerId,
    workerName: row.workerName,
  };
}
