import { endOfLondonDay, londonDay } from '@frontdoor/pathway';

/**
 * The period a report covers: whole London days, `from` and `to` both included (DOMAIN §6:
 * "for any period, with the previous period beside it"). Queries use the half-open instant
 * range [start, end): from the first moment of `from` to the first moment of the day after `to`,
 * so a step at 23:59:59.999 on `to` is in the period and one at midnight after it is not.
 */
export interface ReportingPeriod {
  /** First London day of the period, YYYY-MM-DD. */
  from: string;
  /** Last London day of the period (included), YYYY-MM-DD. */
  to: string;
  /** Number of days, both ends counted. */
  days: number;
  /** The first instant of `from` in Europe/London. */
  start: Date;
  /** The first instant of the day after `to` in Europe/London (excluded). */
  end: Date;
}

/** Same shape as the api's field problems, so a controller can pass them on as they are. */
export interface PeriodProblem {
  field: 'from' | 'to';
  message: string;
}

export type ParsedPeriod =
  | { ok: true; period: ReportingPeriod; previous: ReportingPeriod }
  | { ok: false; problems: PeriodProblem[] };

/** Longer spans are refused: they are not a management question and only load the database. */
export const MAX_PERIOD_YEARS = 5;
/** Front Door refuses contacts received before 2000, so no earlier period can hold anything. */
const EARLIEST_DAY = '2000-01-01';
const LATEST_DAY = '2999-12-31';
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/**
 * Reads `from` and `to` as a request gives them; names every field that is wrong. Given `now`
 * and neither day, the period is this London month so far… to its end, beside the month before.
 */
export function parseReportingPeriod(query: { from?: unknown; to?: unknown }, now?: Date): ParsedPeriod {
  if (now && isAbsent(query.from) && isAbsent(query.to)) return { ok: true, ...monthOf(now) };
  const problems: PeriodProblem[] = [];
  const from = readDay('from', query.from, problems);
  const to = readDay('to', query.to, problems);
  if (from && to) {
    if (to < from) {
      problems.push({ field: 'to', message: `must be on or after from (${from})` });
    } else if (to > lastDayWithin(from, MAX_PERIOD_YEARS)) {
      problems.push({ field: 'to', message: `must be within ${MAX_PERIOD_YEARS} years of from (at the latest ${lastDayWithin(from, MAX_PERIOD_YEARS)})` });
    }
  }
  if (problems.length > 0 || !from || !to) return { ok: false, problems };
  const period = reportingPeriod(from, to);
  return { ok: true, period, previous: previousPeriod(period) };
}

const isAbsent = (value: unknown) => value === undefined || value === null || value === '';

/** The London calendar month holding `now`, and the calendar month before it. */
export function monthOf(now: Date): { period: ReportingPeriod; previous: ReportingPeriod } {
  const first = `${londonDay(now).slice(0, 7)}-01`;
  const lastOf = (firstDay: string) => shiftDay(shiftMonths(firstDay, 1), -1);
  const previousFirst = shiftMonths(first, -1);
  return { period: reportingPeriod(first, lastOf(first)), previous: reportingPeriod(previousFirst, lastOf(previousFirst)) };
}

/** A period from two valid days (throws RangeError otherwise: use parseReportingPeriod for input). */
export function reportingPeriod(from: string, to: string): ReportingPeriod {
  if (!isCalendarDay(from) || !isCalendarDay(to)) throw new RangeError(`Not a period of calendar days: ${from} to ${to}`);
  if (to < from) throw new RangeError(`A period cannot end (${to}) before it starts (${from})`);
  return {
    from,
    to,
    days: daysBetween(from, to) + 1,
    start: startOfLondonDay(from),
    end: startOfLondonDay(shiftDay(to, 1)),
  };
}

/** The period of the same number of days that ends the day before `period` starts. */
export function previousPeriod(period: ReportingPeriod): ReportingPeriod {
  return reportingPeriod(shiftDay(period.from, -period.days), shiftDay(period.from, -1));
}

/** The first instant of a London day (midnight, GMT or BST). */
export function startOfLondonDay(day: string): Date {
  return new Date(endOfLondonDay(shiftDay(day, -1)).getTime() + 1);
}

/** The day `days` calendar days after `day` (negative goes back). */
export function shiftDay(day: string, days: number): string {
  return new Date(utcMidnight(day) + days * MS_PER_DAY).toISOString().slice(0, 10);
}

/**
 * The day `months` calendar months before or after `day`, clamped to the end of a shorter month
 * (31 December less 10 months is 28 or 29 February).
 */
export function shiftMonths(day: string, months: number): string {
  const [year, month, date] = day.split('-').map(Number);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = index - targetYear * 12;
  const lastDate = new Date(Date.UTC(targetYear, targetMonth + 1, 0)).getUTCDate();
  return new Date(Date.UTC(targetYear, targetMonth, Math.min(date, lastDate))).toISOString().slice(0, 10);
}

function readDay(field: 'from' | 'to', value: unknown, problems: PeriodProblem[]): string | null {
  if (value === undefined || value === null || value === '') {
    problems.push({ field, message: 'is required (a date, YYYY-MM-DD)' });
    return null;
  }
  if (typeof value !== 'string' || !isCalendarDay(value)) {
    problems.push({ field, message: 'must be a calendar date in the form YYYY-MM-DD' });
    return null;
  }
  if (value < EARLIEST_DAY || value > LATEST_DAY) {
    problems.push({ field, message: `must be between ${EARLIEST_DAY} and ${LATEST_DAY}` });
    return null;
  }
  return value;
}

function isCalendarDay(value: string): boolean {
  const match = DAY.exec(value);
  if (!match) return false;
  const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const utc = new Date(Date.UTC(year, month - 1, date));
  return utc.getUTCFullYear() === year && utc.getUTCMonth() === month - 1 && utc.getUTCDate() === date;
}

/** The last day of a span of `years` years that starts on `from` (2021-03-01 + 5 → 2026-02-28). */
function lastDayWithin(from: string, years: number): string {
  return shiftDay(shiftMonths(from, years * 12), -1);
}

function daysBetween(from: string, to: string): number {
  return Math.round((utcMidnight(to) - utcMidnight(from)) / MS_PER_DAY);
}

function utcMidnight(day: string): number {
  const [year, month, date] = day.split('-').map(Number);
  return Date.UTC(year, month - 1, date);
}
