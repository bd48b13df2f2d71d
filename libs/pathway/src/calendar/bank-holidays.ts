import Holidays from 'date-holidays';
import { weekdayOf } from './london-day';

/**
 * Bank holidays of England and Wales, from the maintained `date-holidays` data rather than a
 * hand-typed list. Its GB-ENG and GB-WLS calendars are the same; 'public' is the type it gives
 * bank holidays (the other GB entries are observances such as Mother's Day).
 */

export interface BankHoliday {
  date: string;
  name: string;
}

let englandAndWales: Holidays | undefined;
const byYear = new Map<number, { list: BankHoliday[]; dates: Set<string> }>();

function holidaysOf(year: number): { list: BankHoliday[]; dates: Set<string> } {
  if (!Number.isInteger(year)) throw new RangeError(`Not a year: ${year}`);
  let cached = byYear.get(year);
  if (!cached) {
    englandAndWales ??= new Holidays('GB', 'ENG', { languages: 'en' });
    const list = englandAndWales
      .getHolidays(year)
      .filter((holiday) => holiday.type === 'public')
      // `date` is the local civil date ("YYYY-MM-DD 00:00:00"); `start` is a UTC instant.
      .map((holiday) => ({ date: holiday.date.slice(0, 10), name: holiday.name }))
      // The data also lists a holiday's own date when it falls at a weekend (e.g. Christmas Day
      // on a Saturday) beside its weekday substitute; only the substitute is a day off.
      .filter((holiday) => ![0, 6].includes(weekdayOf(holiday.date)))
      .sort((a, b) => a.date.localeCompare(b.date));
    cached = { list, dates: new Set(list.map((holiday) => holiday.date)) };
    byYear.set(year, cached);
  }
  return cached;
}

/** The bank holidays of England and Wales in a year, substitute days included, in date order. */
export function bankHolidaysOf(year: number): BankHoliday[] {
  return holidaysOf(year).list.map((holiday) => ({ ...holiday }));
}

export function isBankHoliday(day: string): boolean {
  return holidaysOf(Number(day.slice(0, 4))).dates.has(day);
}
