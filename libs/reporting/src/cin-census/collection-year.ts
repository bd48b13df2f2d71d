import { shiftDay, startOfLondonDay } from '../reporting-period';
import { dayOf } from './census-dates';
import { ReportingInputError } from './reporting-errors';

/**
 * A CIN census collection year (DfE): year Y runs from 1 April Y-1 to 31 March Y, and 31 March Y
 * is the census reference date. docs/api.md: `year=2026` is 1 April 2025 – 31 March 2026.
 */
export interface CollectionYear {
  year: number;
  /** 1 April of the year before, YYYY-MM-DD. */
  firstDay: string;
  /** 31 March of the year: the census ReferenceDate, YYYY-MM-DD. */
  lastDay: string;
  /** The first instant of `firstDay` in Europe/London. */
  start: Date;
  /** The first instant after `lastDay` in Europe/London (excluded). */
  end: Date;
}

/** Front Door refuses contacts received before 2000: no earlier collection year can hold one. */
export const EARLIEST_COLLECTION_YEAR = 2000;

export function collectionYear(year: number): CollectionYear {
  if (!Number.isInteger(year) || year < EARLIEST_COLLECTION_YEAR || year > 9999) {
    throw new RangeError(`Not a CIN census collection year: ${String(year)}`);
  }
  const firstDay = `${year - 1}-04-01`;
  const lastDay = `${year}-03-31`;
  return { year, firstDay, lastDay, start: startOfLondonDay(firstDay), end: startOfLondonDay(shiftDay(lastDay, 1)) };
}

/** The collection year a London day falls in: 1 April 2025 is in 2026, 31 March 2026 too. */
export function collectionYearOfDay(day: string): number {
  const [year, month] = day.split('-').map(Number);
  return month >= 4 ? year + 1 : year;
}

export function isInCollectionYear(year: CollectionYear, day: string): boolean {
  return day >= year.firstDay && day <= year.lastDay;
}

/**
 * Reads `year` as a request or a command line gives it ("2026" or 2026). A year that has not
 * begun yet is refused: it can hold nothing. The current year may be asked for (a rehearsal
 * before 31 March); it then holds what has happened so far.
 */
export function parseCollectionYear(input: unknown, now: Date): CollectionYear {
  const text = typeof input === 'number' ? String(input) : typeof input === 'string' ? input.trim() : '';
  const latest = collectionYearOfDay(dayOf(now));
  if (!/^\d{4}$/.test(text)) {
    const example = `${latest} (1 April ${latest - 1} – 31 March ${latest})`;
    throw new ReportingInputError([{ field: 'year', message: `must be a collection year such as ${example}` }]);
  }
  const year = Number(text);
  if (year < EARLIEST_COLLECTION_YEAR) {
    throw new ReportingInputError([{ field: 'year', message: `must be ${EARLIEST_COLLECTION_YEAR} or later` }]);
  }
  if (year > latest) {
    throw new ReportingInputError([
      { field: 'year', message: `has not begun: the latest collection year is ${latest} (1 April ${latest - 1} – 31 March ${latest})` },
    ]);
  }
  return collectionYear(year);
}
