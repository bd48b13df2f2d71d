import { monthOf, parseReportingPeriod, previousPeriod, reportingPeriod, shiftMonths, startOfLondonDay } from './reporting-period';

describe('the reporting period', () => {
  it('covers whole London days, both ends included, in winter', () => {
    const period = reportingPeriod('2026-12-01', '2026-12-31');
    expect(period).toMatchObject({ from: '2026-12-01', to: '2026-12-31', days: 31 });
    expect(period.start.toISOString()).toBe('2026-12-01T00:00:00.000Z');
    expect(period.end.toISOString()).toBe('2027-01-01T00:00:00.000Z');
  });

  it('starts and ends at London midnight in summer time', () => {
    const period = reportingPeriod('2026-07-01', '2026-07-31');
    expect(period.start.toISOString()).toBe('2026-06-30T23:00:00.000Z');
    expect(period.end.toISOString()).toBe('2026-07-31T23:00:00.000Z');
  });

  it('spans the clock change exactly (March 2026 has a 23-hour day)', () => {
    const period = reportingPeriod('2026-03-29', '2026-03-29');
    expect(period.end.getTime() - period.start.getTime()).toBe(23 * 3_600_000);
  });

  it('puts the previous period of equal length just before it', () => {
    const previous = previousPeriod(reportingPeriod('2026-12-01', '2026-12-31'));
    expect(previous).toMatchObject({ from: '2026-10-31', to: '2026-11-30', days: 31 });
    expect(previousPeriod(reportingPeriod('2026-03-01', '2026-03-01'))).toMatchObject({ from: '2026-02-28', to: '2026-02-28' });
    expect(previousPeriod(reportingPeriod('2024-03-01', '2024-03-31'))).toMatchObject({ from: '2024-01-30', to: '2024-02-29', days: 31 });
  });

  it('accepts a valid query and gives both periods', () => {
    const parsed = parseReportingPeriod({ from: '2026-04-01', to: '2027-03-31' });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.period.days).toBe(365);
    expect(parsed.previous).toMatchObject({ from: '2025-04-01', to: '2026-03-31' });
  });

  it('names each missing or malformed field', () => {
    expect(parseReportingPeriod({})).toEqual({
      ok: false,
      problems: [
        { field: 'from', message: 'is required (a date, YYYY-MM-DD)' },
        { field: 'to', message: 'is required (a date, YYYY-MM-DD)' },
      ],
    });
    const parsed = parseReportingPeriod({ from: '2026-02-30', to: '01/03/2026' });
    expect(parsed.ok ? [] : parsed.problems.map((p) => p.field)).toEqual(['from', 'to']);
    expect(parseReportingPeriod({ from: 20260101, to: '2026-01-31' })).toMatchObject({ ok: false, problems: [{ field: 'from' }] });
    expect(parseReportingPeriod({ from: '1999-12-31', to: '2000-01-31' })).toMatchObject({ ok: false, problems: [{ field: 'from' }] });
  });

  it('refuses a period that ends before it starts', () => {
    expect(parseReportingPeriod({ from: '2026-12-02', to: '2026-12-01' })).toEqual({
      ok: false,
      problems: [{ field: 'to', message: 'must be on or after from (2026-12-02)' }],
    });
  });

  it('allows exactly five years and no more', () => {
    expect(parseReportingPeriod({ from: '2021-01-01', to: '2025-12-31' }).ok).toBe(true);
    expect(parseReportingPeriod({ from: '2021-01-01', to: '2026-01-01' })).toMatchObject({
      ok: false,
      problems: [{ field: 'to', message: expect.stringContaining('within 5 years') }],
    });
  });

  it('moves by calendar months, clamping to shorter months', () => {
    expect(shiftMonths('2027-01-01', -9)).toBe('2026-04-01');
    expect(shiftMonths('2026-12-31', -10)).toBe('2026-02-28');
    expect(shiftMonths('2024-02-29', 60)).toBe('2029-02-28');
  });

  it('finds the first instant of a London day', () => {
    expect(startOfLondonDay('2026-10-25').toISOString()).toBe('2026-10-24T23:00:00.000Z');
    expect(startOfLondonDay('2026-10-26').toISOString()).toBe('2026-10-26T00:00:00.000Z');
  });
});

describe('the default period', () => {
  it('is the London month holding now, beside the calendar month before', () => {
    const { period, previous } = monthOf(new Date('2026-03-31T23:30:00Z'));
    // 23:30 UTC on 31 March 2026 is 00:30 on 1 April in London (BST).
    expect([period.from, period.to, previous.from, previous.to]).toEqual(['2026-04-01', '2026-04-30', '2026-03-01', '2026-03-31']);
    expect(parseReportingPeriod({}, new Date('2026-02-10T12:00:00Z'))).toMatchObject({
      ok: true,
      period: { from: '2026-02-01', to: '2026-02-28' },
      previous: { from: '2026-01-01', to: '2026-01-31' },
    });
  });

  it('is never taken when a day is given, nor without a clock', () => {
    expect(parseReportingPeriod({ from: '2026-02-01' }, new Date()).ok).toBe(false);
    expect(parseReportingPeriod({}).ok).toBe(false);
  });
});
