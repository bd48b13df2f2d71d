import { endOfLondonDay, londonDay } from '@frontdoor/pathway';

/**
 * Statutory returns speak in calendar days (YYYY-MM-DD), and a day is the day in England:
 * a visit at 00:30 BST on 1 April is a 1 April visit, though it is 31 March in UTC.
 */
export function dayOf(instant: Date | string): string {
  return londonDay(typeof instant === 'string' ? new Date(instant) : instant);
}

/** The first instant of a London day. */
export function startOfLondonDay(day: string): Date {
  return new Date(endOfLondonDay(addDaysTo(day, -1)).getTime() + 1);
}

/** The day `days` calendar days after `day` (negative goes back). */
export function addDaysTo(day: string, days: number): string {
  const [year, month, date] = day.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, date + days)).toISOString().slice(0, 10);
}

/** The same day `months` calendar months later, clamped to the end of a shorter month. */
export function addMonthsTo(day: string, months: number): string {
  const [year, month, date] = day.split('-').map(Number);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = index - targetYear * 12;
  const lastDate = new Date(Date.UTC(targetYear, targetMonth + 1, 0)).getUTCDate();
  return new Date(Date.UTC(targetYear, targetMonth, Math.min(date, lastDate))).toISOString().slice(0, 10);
}

/** Whole years from `birth` to `on` (both YYYY-MM-DD); a birthday counts on the day itself. */
export function ageInYears(birth: string, on: string): number {
  const [by, bm, bd] = birth.split('-').map(Number);
  const [y, m, d] = on.split('-').map(Number);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}
