import { collectionYear, collectionYearOfDay, isInCollectionYear, parseCollectionYear } from './collection-year';
import { ReportingInputError } from './reporting-errors';

describe('CIN census collection year', () => {
  it('runs year 2026 from 1 April 2025 to 31 March 2026 (docs/api.md)', () => {
    const year = collectionYear(2026);
    expect(year).toMatchObject({ year: 2026, firstDay: '2025-04-01', lastDay: '2026-03-31' });
  });

  it('starts at London midnight: 1 April 2025 begins at 23:00 UTC on 31 March (BST)', () => {
    const year = collectionYear(2026);
    expect(year.start.toISOString()).toBe('2025-03-31T23:00:00.000Z');
    expect(year.end.toISOString()).toBe('2026-03-31T23:00:00.000Z');
  });

  it('places each London day in its year', () => {
    expect(collectionYearOfDay('2025-03-31')).toBe(2025);
    expect(collectionYearOfDay('2025-04-01')).toBe(2026);
    expect(collectionYearOfDay('2026-03-31')).toBe(2026);
    expect(isInCollectionYear(collectionYear(2026), '2026-03-31')).toBe(true);
    expect(isInCollectionYear(collectionYear(2026), '2026-04-01')).toBe(false);
    expect(isInCollectionYear(collectionYear(2026), '2025-03-31')).toBe(false);
  });

  it('reads a year from a query string or a number', () => {
    const now = new Date('2026-05-10T09:00:00Z');
    expect(parseCollectionYear('2026', now).year).toBe(2026);
    expect(parseCollectionYear(2025, now).year).toBe(2025);
  });

  it('allows the year in progress, as a rehearsal', () => {
    expect(parseCollectionYear('2026', new Date('2025-11-23T10:00:00Z')).year).toBe(2026);
  });

  it.each([
    ['26', 'must be a collection year such as 2026 (1 April 2025 – 31 March 2026)'],
    ['twenty', 'must be a collection year such as 2026 (1 April 2025 – 31 March 2026)'],
    [undefined, 'must be a collection year such as 2026 (1 April 2025 – 31 March 2026)'],
    ['2026.5', 'must be a collection year such as 2026 (1 April 2025 – 31 March 2026)'],
    ['1999', 'must be 2000 or later'],
    ['2027', 'has not begun: the latest collection year is 2026 (1 April 2025 – 31 March 2026)'],
  ])('refuses year %p, saying why', (input, message) => {
    const now = new Date('2026-03-31T22:59:00Z'); // 23:59 on 31 March 2026, London
    try {
      parseCollectionYear(input, now);
      throw new Error('expected a refusal');
    } catch (error) {
      expect(error).toBeInstanceOf(ReportingInputError);
      expect((error as ReportingInputError).code).toBe('invalid_input');
      expect((error as ReportingInputError).details).toEqual([{ field: 'year', message }]);
    }
  });
});
