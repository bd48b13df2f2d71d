import type { AccessLogFilters, Database } from '@frontdoor/persistence';
import { ReportingInputError } from '../cin-census/reporting-errors';
import { shiftDay, startOfLondonDay } from '../reporting-period';
import type { Reader } from './record-child-level-read';

export interface AccessLogQuery {
  childId?: string;
  actor?: string;
  /** First London day, YYYY-MM-DD. */
  from?: string;
  /** Last London day (included), YYYY-MM-DD. */
  to?: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * GET /api/v1/access-log: who looked at a child's record, searched or exported, and when, for
 * auditors and managers. Searching the log is itself logged: who looked for what.
 */
export class AccessLogReport {
  constructor(private readonly db: Database) {}

  async run(reader: Reader, query: AccessLogQuery, page: { page: number; pageSize: number }, now: Date) {
    const filters = parseFilters(query);
    const [entries, total] = await this.db.read.accessLog.search(reader.tenant, filters, page);
    await this.db.read.accessLog.record({
      tenant: reader.tenant,
      actorSub: reader.sub,
      actorRoles: [...reader.roles],
      action: 'access_log.search',
      // About the log, not a child: the filters (a child's id among them) are in the detail.
      subjectType: 'access_log',
      subjectId: null,
      at: now,
      detail: { ...query, results: total },
    });
    return {
      items: entries.map((entry) => ({
        at: entry.at.toISOString(),
        actor: { sub: entry.actorSub, roles: entry.actorRoles },
        action: entry.action,
        subjectType: entry.subjectType,
        subjectId: entry.subjectId,
        detail: entry.detail,
      })),
      total,
      ...page,
    };
  }
}

function parseFilters(query: AccessLogQuery): AccessLogFilters {
  const problems: { field: string; message: string }[] = [];
  const day = (field: 'from' | 'to', value: string | undefined): Date | undefined => {
    if (value === undefined) return undefined;
    const real = DAY.test(value) && !Number.isNaN(Date.parse(value)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);
    if (real && value >= '2000-01-01') return startOfLondonDay(field === 'to' ? shiftDay(value, 1) : value);
    problems.push({ field, message: 'must be a date from 2000, YYYY-MM-DD' });
    return undefined;
  };
  if (query.childId !== undefined && !UUID.test(query.childId)) problems.push({ field: 'childId', message: "must be a child's id (a UUID)" });
  if (query.actor !== undefined && (query.actor.length === 0 || query.actor.length > 255)) {
    problems.push({ field: 'actor', message: 'must be a person’s id of 1 to 255 characters' });
  }
  const from = day('from', query.from);
  const to = day('to', query.to);
  if (from && to && to <= from) problems.push({ field: 'to', message: 'must be on or after from' });
  if (problems.length > 0) throw new ReportingInputError(problems);
  return { childId: query.childId, actorSub: query.actor, from, to };
}
