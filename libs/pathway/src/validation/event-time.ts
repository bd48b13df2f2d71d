/**
 * ISO 8601 date and time with an explicit offset (docs/api.md, Conventions: timestamps are ISO 8601
 * with an offset): `2026-11-20T09:15:00Z`, `2026-11-20T09:15:00.123+01:00`, `2026-11-20T09:15Z`.
 * A time without an offset is ambiguous across the clock change and is refused.
 */
const ISO_INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:(Z)|([+-])(\d{2}):(\d{2}))$/;

/** The instant, or null if the text is not a real date and time with an offset. */
export function parseEventTime(text: string): Date | null {
  const match = ISO_INSTANT.exec(text);
  if (!match) return null;
  const [, year, month, day, hour, minute, second = '0', fraction = '0', zulu, sign, offsetHours, offsetMinutes] = match;
  const y = Number(year);
  const mo = Number(month);
  const d = Number(day);
  const h = Number(hour);
  const mi = Number(minute);
  const s = Number(second);
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo) || h > 23 || mi > 59 || s > 59) return null;
  let offset = 0;
  if (!zulu) {
    const oh = Number(offsetHours);
    const om = Number(offsetMinutes);
    if (oh > 23 || om > 59) return null;
    offset = (sign === '-' ? -1 : 1) * (oh * 60 + om);
  }
  const ms = Math.floor(Number(`0.${fraction}`) * 1000);
  const local = new Date(Date.UTC(2000, mo - 1, d, h, mi, s, ms));
  local.setUTCFullYear(y); // Date.UTC reads years 0–99 as 1900–1999
  return new Date(local.getTime() - offset * 60_000);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
