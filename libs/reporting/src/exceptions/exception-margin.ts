/** How far ahead (in working days) a deadline counts as amber, when the reader does not say. */
export const DEFAULT_MARGIN_WORKING_DAYS = 2;
/** A margin longer than this is a forward plan, not an exception report. */
export const MAX_MARGIN_WORKING_DAYS = 60;

export type ParsedMargin =
  | { ok: true; marginWorkingDays: number }
  | { ok: false; problems: { field: 'marginWorkingDays'; message: string }[] };

/** Reads `?marginWorkingDays=` (absent: the default); names the field when it is wrong. */
export function parseMarginWorkingDays(value: unknown): ParsedMargin {
  if (value === undefined || value === null || value === '') return { ok: true, marginWorkingDays: DEFAULT_MARGIN_WORKING_DAYS };
  const text = typeof value === 'number' ? String(value) : value;
  if (typeof text !== 'string' || !/^\d{1,3}$/.test(text) || Number(text) > MAX_MARGIN_WORKING_DAYS) {
    return {
      ok: false,
      problems: [{ field: 'marginWorkingDays', message: `must be a whole number of working days from 0 to ${MAX_MARGIN_WORKING_DAYS}` }],
    };
  }
  return { ok: true, marginWorkingDays: Number(text) };
}
