/**
 * Calendar days ("YYYY-MM-DD") and the instants that bound them in Europe/London.
 * A day string is a civil date with no zone; all arithmetic on it is done at UTC midnight,
 * where no clock ever changes, and only the boundary with instants goes through London time.
 */

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

const londonParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

export interface CivilDay {
  year: number;
  month: number; // 1–12
  day: number;
}

export function parseDay(day: string): CivilDay {
  const match = DAY_PATTERN.exec(day);
  if (match) {
    const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])];
    if (formatDay(Date.UTC(year, month - 1, date)) === day) return { year, month, day: date };
  }
  throw new RangeError(`Not a calendar date in the form YYYY-MM-DD: "${day}"`);
}

export function assertInstant(instant: Date, what = 'instant'): void {
  if (!(instant instanceof Date) || Number.isNaN(instant.getTime())) {
    throw new RangeError(`Not a valid ${what}: ${String(instant)}`);
  }
}

/** The day `days` calendar days after `day` (negative goes back). */
export function addDays(day: string, days: number): string {
  const { year, month, day: date } = parseDay(day);
  return formatDay(Date.UTC(year, month - 1, date) + days * MS_PER_DAY);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(day: string): number {
  const { year, month, day: date } = parseDay(day);
  return new Date(Date.UTC(year, month - 1, date)).getUTCDay();
}

/** The calendar date of an instant in Europe/London. */
export function londonDay(instant: Date): string {
  assertInstant(instant);
  const { year, month, day } = wallClock(instant.getTime());
  return `${year}-${month}-${day}`;
}

/**
 * The last millisecond of a London day: 22:59:59.999Z while British Summer Time is in force,
 * 23:59:59.999Z in winter. Clocks change at 01:00 UTC, so 23:59 local is never ambiguous.
 */
export function endOfLondonDay(day: string): Date {
  const { year, month, day: date } = parseDay(day);
  const asIfUtc = Date.UTC(year, month - 1, date, 23, 59, 59, 999);
  const guess = asIfUtc - londonOffsetMs(asIfUtc);
  return new Date(asIfUtc - londonOffsetMs(guess));
}

function formatDay(utcMidnight: number): string {
  return new Date(utcMidnight).toISOString().slice(0, 10);
}

function wallClock(epochMs: number): Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', string> {
  const parts: Record<string, string> = {};
  for (const { type, value } of londonParts.formatToParts(new Date(epochMs))) parts[type] = value;
  return parts as ReturnType<typeof wallClock>;
}

/** How far London's wall clock is ahead of UTC at an instant (0 in GMT, one hour in BST). */
function londonOffsetMs(epochMs: number): number {
  const w = wallClock(epochMs);
  const wallAsUtc = Date.UTC(+w.year, +w.month - 1, +w.day, +w.hour, +w.minute, +w.second);
  return wallAsUtc - Math.floor(epochMs / 1000) * 1000;
}

/** Whole years from a date of birth to a day, both YYYY-MM-DD (a birthday counts on the day itself). */
export function ageInYears(birth: string, on: string): number {
  const [by, bm, bd] = birth.split('-').map(Number);
  const [y, m, d] = on.split('-').map(Number);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}
