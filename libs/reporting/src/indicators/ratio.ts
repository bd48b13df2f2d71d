/**
 * Every indicator is given as a ratio with its parts, so that a reader can check it by hand and
 * add teams up: `value` is numerator / denominator (to 4 decimal places), or null when there is
 * nothing to divide by — never a misleading 0% or 100%.
 */
export interface Ratio {
  numerator: number;
  denominator: number;
  value: number | null;
}

export function ratio(numerator: number, denominator: number): Ratio {
  return {
    numerator,
    denominator,
    value: denominator === 0 ? null : Math.round((numerator / denominator) * 10_000) / 10_000,
  };
}

/** Sums one numeric field over rows. */
export function total<Row>(rows: readonly Row[], count: (row: Row) => number): number {
  return rows.reduce((sum, row) => sum + count(row), 0);
}

/** How many rows satisfy a test. */
export function countWhere<Row>(rows: readonly Row[], test: (row: Row) => boolean): number {
  return rows.reduce((sum, row) => sum + (test(row) ? 1 : 0), 0);
}

/**
 * Nearest-rank percentile (the smallest value with at least p% of values at or below it): always
 * one of the values, so a reader can find the case it came from. Null for no values.
 */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** One band of a distribution: the cases in it as a share of all cases. */
export interface Band {
  /** e.g. `0-10`, `61+` (inclusive bounds). */
  band: string;
  share: Ratio;
}

/** Bands from inclusive lower bounds, e.g. [0, 11, 21] → `0-10`, `11-20`, `21+`. */
export function bands(values: readonly number[], lowerBounds: readonly number[]): Band[] {
  return lowerBounds.map((lower, i) => {
    const next = lowerBounds[i + 1];
    const inBand = countWhere(values, (v) => v >= lower && (next === undefined || v < next));
    return { band: next === undefined ? `${lower}+` : `${lower}-${next - 1}`, share: ratio(inBand, values.length) };
  });
}
