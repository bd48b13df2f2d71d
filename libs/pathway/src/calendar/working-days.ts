import type { Timescale } from '../context';
import { isBankHoliday } from './bank-holidays';
import { addDays, assertInstant, endOfLondonDay, londonDay, parseDay, weekdayOf } from './london-day';

/**
 * Statutory timescales (DOMAIN §4, from Working Together to Safeguard Children): working days
 * are Monday–Friday except the bank holidays of England and Wales, substitute days included.
 * Day 0 is the day of the triggering event; "within N working days" means due by the end of
 * the N-th working day after it, end of day being Europe/London time.
 */

export { bankHolidaysOf } from './bank-holidays';
export type { BankHoliday } from './bank-holidays';
export { endOfLondonDay, londonDay } from './london-day';

const MS_PER_HOUR = 3_600_000;

/** Monday–Friday and not a bank holiday of England and Wales. `day` is YYYY-MM-DD. */
export function isWorkingDay(day: string): boolean {
  const weekday = weekdayOf(day);
  return weekday !== 0 && weekday !== 6 && !isBankHoliday(day);
}

/**
 * The end of the n-th working day after the London day of `from`. With n = 0, the end of that
 * day if it is a working day, otherwise of the next working day.
 */
export function addWorkingDays(from: Date, n: number): Date {
  assertInstant(from, 'start instant');
  assertCount(n, 'working days', 0);
  let day = londonDay(from);
  if (n === 0) {
    while (!isWorkingDay(day)) day = addDays(day, 1);
    return endOfLondonDay(day);
  }
  for (let counted = 0; counted < n; ) {
    day = addDays(day, 1);
    if (isWorkingDay(day)) counted += 1;
  }
  return endOfLondonDay(day);
}

/** How many working days d there are with londonDay(from) < d ≤ londonDay(to); 0 if to ≤ from. */
export function workingDaysBetween(from: Date, to: Date): number {
  assertInstant(from, 'start instant');
  assertInstant(to, 'end instant');
  if (to.getTime() <= from.getTime()) return 0;
  const last = londonDay(to);
  let count = 0;
  // Day strings of the same width compare in date order.
  for (let day = addDays(londonDay(from), 1); day <= last; day = addDays(day, 1)) {
    if (isWorkingDay(day)) count += 1;
  }
  return count;
}

/**
 * The end of the London day `months` calendar months after the London day of `from`, clamped
 * to the end of a shorter month (31 January + 1 month is 28 or 29 February). Working Together:
 * first review conference within 3 months of the ICPC, later ones not more than 6 months apart.
 */
export function addCalendarMonths(from: Date, months: number): Date {
  assertInstant(from, 'start instant');
  assertCount(months, 'months');
  const { year, month, day } = parseDay(londonDay(from));
  const monthIndex = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(monthIndex / 12);
  const targetMonth = monthIndex - targetYear * 12; // 0–11
  const daysInMonth = new Date(Date.UTC(targetYear, targetMonth + 1, 0)).getUTCDate();
  const target = new Date(Date.UTC(targetYear, targetMonth, Math.min(day, daysInMonth)));
  return endOfLondonDay(target.toISOString().slice(0, 10));
}

/**
 * When a step started at `from` is due. Hours are clock hours, not working hours: a red RAG
 * rating's 4 hours run through nights and weekends.
 */
export function dueAt(from: Date, timescale: Timescale): Date {
  assertInstant(from, 'start instant');
  if ('workingDays' in timescale) return addWorkingDays(from, timescale.workingDays);
  if ('months' in timescale) return addCalendarMonths(from, timescale.months);
  if (!Number.isFinite(timescale.hours) || timescale.hours < 0) {
    throw new RangeError(`Not a number of hours: ${timescale.hours}`);
  }
  return new Date(from.getTime() + timescale.hours * MS_PER_HOUR);
}

function assertCount(value: number, what: string, min = -Infinity): void {
  if (!Number.isInteger(value) || value < min) throw new RangeError(`Not a valid number of ${what}: ${value}`);
}
