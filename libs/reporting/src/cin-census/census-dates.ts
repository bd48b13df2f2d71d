import { londonDay } from '@frontdoor/pathway';

/**
 * Statutory returns speak in calendar days (YYYY-MM-DD), and a day is the day in England:
 * a visit at 00:30 BST on 1 April is a 1 April visit, though it is 31 March in UTC. Day
 * arithmetic (shiftDay, shiftMonths, startOfLondonDay) is the reporting period's.
 */
export function dayOf(instant: Date | string): string {
  return londonDay(typeof instant === 'string' ? new Date(instant) : instant);
}

