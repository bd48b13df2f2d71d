import { londonDay } from '@frontdoor/pathway';

/**
 * Statutory returns speak in calendar days (YYYY-MM-DD), and a day is the day in England:
 * a visit at 00:30 BST on 1 April is a 1 April visit, though it is 31 March in UTC. Day
 * arithmetic (shiftDay, shiftMonths, startOfLondonDay) is the reporting period's.
 */
export function dayOf(instant: Date | string): string {
  return londonDay(typeof instant === 'string' ? new Date(instant) : instant);
}

/** Whole years from `birth` to `on` (both YYYY-MM-DD); a birthday counts on the day itself. */
export function ageInYears(birth: string, on: string): number {
  const [by, bm, bd] = birth.split('-').map(Number);
  const [y, m, d] = on.split('-').map(Number);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}
