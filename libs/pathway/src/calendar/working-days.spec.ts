import Holidays from 'date-holidays';
import fc from 'fast-check';
import {
  addCalendarMonths,
  addWorkingDays,
  bankHolidaysOf,
  dueAt,
  endOfLondonDay,
  isWorkingDay,
  londonDay,
  workingDaysBetween,
} from '.';

const at = (iso: string) => new Date(iso);
const iso = (instant: Date) => instant.toISOString();

// Read the London wall clock independently of the code under test.
const londonWallClock = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  hourCycle: 'h23',
  weekday: 'short',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});
const wallClock = (instant: Date) => {
  const parts = Object.fromEntries(londonWallClock.formatToParts(instant).map((p) => [p.type, p.value]));
  return { weekday: parts.weekday, time: `${parts.hour}:${parts.minute}:${parts.second}.${instant.getUTCMilliseconds()}` };
};

describe('bank holidays of England and Wales', () => {
  it('match the GOV.UK list for 2026, with Boxing Day moved to Monday 28 December', () => {
    expect(bankHolidaysOf(2026)).toEqual([
      { date: '2026-01-01', name: "New Year's Day" },
      { date: '2026-04-03', name: 'Good Friday' },
      { date: '2026-04-06', name: 'Easter Monday' },
      { date: '2026-05-04', name: 'Early May bank holiday' },
      { date: '2026-05-25', name: 'Spring bank holiday' },
      { date: '2026-08-31', name: 'Summer bank holiday' },
      { date: '2026-12-25', name: 'Christmas Day' },
      { date: '2026-12-28', name: 'Boxing Day (substitute day)' },
    ]);
  });

  it('match the GOV.UK list for 2027, with both Christmas holidays moved to 27 and 28 December', () => {
    expect(bankHolidaysOf(2027).map((h) => h.date)).toEqual([
      '2027-01-01', '2027-03-26', '2027-03-29', '2027-05-03', '2027-05-31', '2027-08-30', '2027-12-27', '2027-12-28',
    ]);
  });

  it('include the one-off holidays: the 2022 jubilee and funeral, the 2023 coronation', () => {
    const dates = [...bankHolidaysOf(2022), ...bankHolidaysOf(2023)].map((h) => h.date);
    expect(dates).toEqual(expect.arrayContaining(['2022-06-03', '2022-09-19', '2023-05-08']));
  });

  it('leave out a holiday whose own date falls at a weekend, keeping its weekday substitute', () => {
    expect(bankHolidaysOf(2021).filter((h) => h.date >= '2021-12-01')).toEqual([
      { date: '2021-12-27', name: 'Christmas Day (substitute day)' },
      { date: '2021-12-28', name: 'Boxing Day (substitute day)' },
    ]);
    expect(bankHolidaysOf(2022).map((h) => h.date)).not.toContain('2022-01-01');
    expect(bankHolidaysOf(2022).map((h) => h.date)).toContain('2022-01-03');
  });

  it('are the same for England as for Wales in the data, 2020 to 2036', () => {
    const publicDays = (holidays: Holidays, year: number) =>
      holidays.getHolidays(year).filter((h) => h.type === 'public').map((h) => `${h.date} ${h.name}`);
    const england = new Holidays('GB', 'ENG');
    const wales = new Holidays('GB', 'WLS');
    for (let year = 2020; year <= 2036; year += 1) {
      expect(publicDays(wales, year)).toEqual(publicDays(england, year));
    }
  });

  it('hands back a copy, so a caller cannot change the cached calendar', () => {
    bankHolidaysOf(2026).splice(0);
    expect(bankHolidaysOf(2026)).toHaveLength(8);
  });
});

describe('isWorkingDay', () => {
  it.each([
    ['2026-12-24', true, 'Christmas Eve (Thursday)'],
    ['2026-12-25', false, 'Christmas Day'],
    ['2026-12-28', false, 'Boxing Day substitute'],
    ['2026-12-29', true, 'Tuesday after Christmas'],
    ['2027-12-27', false, 'Christmas Day substitute'],
    ['2027-12-28', false, 'Boxing Day substitute'],
    ['2021-12-27', false, 'Christmas Day substitute'],
    ['2021-12-28', false, 'Boxing Day substitute'],
    ['2022-12-26', false, 'Boxing Day on its own Monday'],
    ['2022-12-27', false, 'Christmas Day substitute'],
    ['2026-04-03', false, 'Good Friday'],
    ['2026-04-06', false, 'Easter Monday'],
    ['2026-05-04', false, 'early May bank holiday'],
    ['2026-05-25', false, 'spring bank holiday'],
    ['2026-08-31', false, 'summer bank holiday'],
    ['2026-03-28', false, 'a Saturday'],
    ['2026-03-29', false, 'a Sunday'],
    ['2026-03-30', true, 'an ordinary Monday'],
  ])('%s is %s (%s)', (day, expected) => {
    expect(isWorkingDay(day)).toBe(expected);
  });

  it('refuses something that is not a calendar date', () => {
    expect(() => isWorkingDay('2026-02-30')).toThrow(RangeError);
    expect(() => isWorkingDay('26-12-2026')).toThrow(RangeError);
  });
});

describe('London days and their ends', () => {
  it('ends a winter day at 23:59:59.999Z and a summer day at 22:59:59.999Z', () => {
    expect(iso(endOfLondonDay('2026-01-15'))).toBe('2026-01-15T23:59:59.999Z');
    expect(iso(endOfLondonDay('2026-07-15'))).toBe('2026-07-15T22:59:59.999Z');
  });

  it('ends the days around the March 2026 clock change in the right offset', () => {
    expect(iso(endOfLondonDay('2026-03-28'))).toBe('2026-03-28T23:59:59.999Z');
    expect(iso(endOfLondonDay('2026-03-29'))).toBe('2026-03-29T22:59:59.999Z');
    expect(iso(endOfLondonDay('2026-03-30'))).toBe('2026-03-30T22:59:59.999Z');
  });

  it('ends the days around the October 2026 clock change in the right offset', () => {
    expect(iso(endOfLondonDay('2026-10-24'))).toBe('2026-10-24T22:59:59.999Z');
    expect(iso(endOfLondonDay('2026-10-25'))).toBe('2026-10-25T23:59:59.999Z');
    expect(iso(endOfLondonDay('2026-10-26'))).toBe('2026-10-26T23:59:59.999Z');
  });

  it('ends every day from 2020 to 2035 at 23:59:59.999 on the London clock', () => {
    for (let t = Date.UTC(2020, 0, 1); t < Date.UTC(2036, 0, 1); t += 86_400_000) {
      const day = new Date(t).toISOString().slice(0, 10);
      const end = endOfLondonDay(day);
      expect([londonDay(end), wallClock(end).time]).toEqual([day, '23:59:59.999']);
      expect(londonDay(new Date(end.getTime() + 1))).not.toBe(day);
    }
  });

  it('takes the London date, not the UTC date, of an instant', () => {
    expect(londonDay(at('2026-07-09T22:30:00Z'))).toBe('2026-07-09'); // 23:30 BST
    expect(londonDay(at('2026-07-09T23:30:00Z'))).toBe('2026-07-10'); // 00:30 BST
    expect(londonDay(at('2026-01-09T23:30:00Z'))).toBe('2026-01-09'); // 23:30 GMT
    expect(londonDay(at('2026-03-29T00:59:59.999Z'))).toBe('2026-03-29'); // just before clocks go forward
    expect(londonDay(at('2026-10-24T23:00:00Z'))).toBe('2026-10-25'); // midnight BST, clocks go back later
  });
});

describe('addWorkingDays', () => {
  it('acknowledges a Friday afternoon referral by the end of Monday', () => {
    expect(iso(addWorkingDays(at('2026-12-18T15:00:00Z'), 1))).toBe('2026-12-21T23:59:59.999Z');
  });

  it('skips Christmas, the weekend and the Boxing Day substitute from Christmas Eve 2026', () => {
    expect(iso(addWorkingDays(at('2026-12-24T10:00:00Z'), 1))).toBe('2026-12-29T23:59:59.999Z');
  });

  it('skips both Christmas substitutes from Christmas Eve 2027', () => {
    expect(iso(addWorkingDays(at('2027-12-24T10:00:00Z'), 1))).toBe('2027-12-29T23:59:59.999Z');
  });

  it('skips both Christmas substitutes from Christmas Eve 2021', () => {
    expect(iso(addWorkingDays(at('2021-12-24T10:00:00Z'), 1))).toBe('2021-12-29T23:59:59.999Z');
  });

  it('skips Boxing Day and the Christmas substitute from Friday 23 December 2022', () => {
    expect(iso(addWorkingDays(at('2022-12-23T10:00:00Z'), 1))).toBe('2022-12-28T23:59:59.999Z');
  });

  it('crosses the year end into the 2023 New Year substitute', () => {
    expect(iso(addWorkingDays(at('2022-12-30T10:00:00Z'), 1))).toBe('2023-01-03T23:59:59.999Z');
  });

  it('skips Good Friday and Easter Monday 2026', () => {
    expect(iso(addWorkingDays(at('2026-04-02T09:00:00Z'), 1))).toBe('2026-04-07T22:59:59.999Z');
  });

  it.each([
    ['early May', '2026-05-01T09:00:00Z', '2026-05-05T22:59:59.999Z'],
    ['spring', '2026-05-22T09:00:00Z', '2026-05-26T22:59:59.999Z'],
    ['summer', '2026-08-28T09:00:00Z', '2026-09-01T22:59:59.999Z'],
  ])('skips the %s bank holiday Monday of 2026', (_, from, due) => {
    expect(iso(addWorkingDays(at(from), 1))).toBe(due);
  });

  it('counts from the next working day after a Saturday or Sunday trigger', () => {
    expect(iso(addWorkingDays(at('2026-06-13T11:00:00Z'), 1))).toBe('2026-06-15T22:59:59.999Z');
    expect(iso(addWorkingDays(at('2026-06-14T11:00:00Z'), 1))).toBe('2026-06-15T22:59:59.999Z');
    expect(iso(addWorkingDays(at('2026-06-14T11:00:00Z'), 3))).toBe('2026-06-17T22:59:59.999Z');
  });

  it('counts a trigger at 23:30 London in summer as that London day, not the next UTC one', () => {
    // Thursday 9 July 2026, 23:30 BST = 22:30Z: day 1 is Friday 10 July.
    expect(iso(addWorkingDays(at('2026-07-09T22:30:00Z'), 1))).toBe('2026-07-10T22:59:59.999Z');
    // Friday 10 July 23:30Z is already Saturday 00:30 in London: day 1 is Monday 13 July.
    expect(iso(addWorkingDays(at('2026-07-10T23:30:00Z'), 1))).toBe('2026-07-13T22:59:59.999Z');
  });

  it('ends at 23:59:59.999 London time across the spring clock change', () => {
    // Thursday 26 March 2026 (GMT): day 2 is Monday 30 March (BST).
    expect(iso(addWorkingDays(at('2026-03-26T12:00:00Z'), 2))).toBe('2026-03-30T22:59:59.999Z');
  });

  it('ends at 23:59:59.999 London time across the autumn clock change', () => {
    // Friday 23 October 2026 (BST): day 1 is Monday 26 October (GMT).
    expect(iso(addWorkingDays(at('2026-10-23T12:00:00Z'), 1))).toBe('2026-10-26T23:59:59.999Z');
  });

  it('concludes a child and family assessment 45 working days after a late-November 2026 referral', () => {
    // Referral Monday 23 Nov 2026. Working days: 24–27 Nov (4), 30 Nov (5), 1–4 Dec (9),
    // 7–11 (14), 14–18 (19), 21–24 (23); 25 Dec and the 28 Dec substitute are holidays;
    // 29–31 Dec (26); 1 Jan 2027 is a holiday; 4–8 Jan (31), 11–15 (36), 18–22 (41),
    // 25–28 Jan (45): Thursday 28 January 2027, in GMT.
    const referral = at('2026-11-23T10:15:00Z');
    const due = addWorkingDays(referral, 45);
    expect(iso(due)).toBe('2027-01-28T23:59:59.999Z');
    expect(workingDaysBetween(referral, due)).toBe(45);
  });

  it('with n = 0 is the end of the trigger day if it is a working day, else of the next one', () => {
    expect(iso(addWorkingDays(at('2026-12-24T10:00:00Z'), 0))).toBe('2026-12-24T23:59:59.999Z');
    expect(iso(addWorkingDays(at('2026-12-25T10:00:00Z'), 0))).toBe('2026-12-29T23:59:59.999Z');
  });

  it('refuses a negative or fractional number of days', () => {
    expect(() => addWorkingDays(at('2026-01-05T10:00:00Z'), -1)).toThrow(RangeError);
    expect(() => addWorkingDays(at('2026-01-05T10:00:00Z'), 1.5)).toThrow(RangeError);
    expect(() => addWorkingDays(new Date('nonsense'), 1)).toThrow(RangeError);
  });
});

describe('workingDaysBetween', () => {
  it('counts the working days after the first London day up to and including the last', () => {
    // Thu 24 Dec 2026 → Tue 5 Jan 2027: 29, 30, 31 Dec, 4, 5 Jan.
    expect(workingDaysBetween(at('2026-12-24T09:00:00Z'), at('2027-01-05T09:00:00Z'))).toBe(5);
  });

  it('is 0 on the same day, and when the end is not after the start', () => {
    expect(workingDaysBetween(at('2026-06-15T09:00:00Z'), at('2026-06-15T17:00:00Z'))).toBe(0);
    expect(workingDaysBetween(at('2026-06-19T09:00:00Z'), at('2026-06-15T09:00:00Z'))).toBe(0);
  });
});

describe('addCalendarMonths', () => {
  it('clamps 31 January + 1 month to the end of February, leap years included', () => {
    expect(iso(addCalendarMonths(at('2026-01-31T10:00:00Z'), 1))).toBe('2026-02-28T23:59:59.999Z');
    expect(iso(addCalendarMonths(at('2028-01-31T10:00:00Z'), 1))).toBe('2028-02-29T23:59:59.999Z');
  });

  it('clamps a 31 August ICPC + 6 months to 28 February', () => {
    expect(iso(addCalendarMonths(at('2026-08-31T10:00:00Z'), 6))).toBe('2027-02-28T23:59:59.999Z');
  });

  it('sets the first review conference 3 months after an ICPC, ending that London day in summer time', () => {
    expect(iso(addCalendarMonths(at('2026-03-16T10:00:00Z'), 3))).toBe('2026-06-16T22:59:59.999Z');
  });

  it('starts from the London day of a late-evening ICPC', () => {
    // 31 July 2026 23:30Z is 1 August 00:30 BST.
    expect(iso(addCalendarMonths(at('2026-07-31T23:30:00Z'), 3))).toBe('2026-11-01T23:59:59.999Z');
  });
});

describe('dueAt', () => {
  const from = at('2026-12-24T10:00:00Z');

  it('counts working days to the end of a London day', () => {
    expect(iso(dueAt(from, { workingDays: 1 }))).toBe('2026-12-29T23:59:59.999Z');
  });

  it('counts hours on the clock, through holidays and nights', () => {
    expect(iso(dueAt(from, { hours: 4 }))).toBe('2026-12-24T14:00:00.000Z');
    expect(iso(dueAt(at('2026-12-24T22:00:00Z'), { hours: 4 }))).toBe('2026-12-25T02:00:00.000Z');
  });

  it('counts calendar months', () => {
    expect(iso(dueAt(from, { months: 3 }))).toBe('2027-03-24T23:59:59.999Z');
  });
});

describe('properties of addWorkingDays, 2020–2035', () => {
  const instant = fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2035-12-31T23:59:59.999Z'), noInvalidDate: true });
  const count = fc.integer({ min: 1, max: 60 });
  const isHoliday = (day: string) => bankHolidaysOf(Number(day.slice(0, 4))).some((h) => h.date === day);

  it('never lands on a weekend or a bank holiday', () => {
    fc.assert(
      fc.property(instant, count, (from, n) => {
        const due = addWorkingDays(from, n);
        const { weekday } = wallClock(due);
        return weekday !== 'Sat' && weekday !== 'Sun' && !isHoliday(londonDay(due));
      }),
    );
  });

  it('always ends at 23:59:59.999 London time', () => {
    fc.assert(fc.property(instant, count, (from, n) => wallClock(addWorkingDays(from, n)).time === '23:59:59.999'));
  });

  it('is strictly later for each further working day', () => {
    fc.assert(
      fc.property(instant, count, (from, n) => addWorkingDays(from, n).getTime() < addWorkingDays(from, n + 1).getTime()),
    );
  });

  it('never goes back when the trigger is later', () => {
    fc.assert(
      fc.property(instant, instant, count, (a, b, n) => {
        const [early, late] = a <= b ? [a, b] : [b, a];
        return addWorkingDays(early, n).getTime() <= addWorkingDays(late, n).getTime();
      }),
    );
    // Triggers hours apart, where the two days are most often the same or neighbours.
    const withinFourDays = fc.integer({ min: 0, max: 4 * 24 * 3_600_000 });
    fc.assert(
      fc.property(instant, withinFourDays, count, (early, gap, n) => {
        const late = new Date(early.getTime() + gap);
        return addWorkingDays(early, n).getTime() <= addWorkingDays(late, n).getTime();
      }),
    );
  });

  it('is undone by workingDaysBetween', () => {
    fc.assert(fc.property(instant, count, (from, n) => workingDaysBetween(from, addWorkingDays(from, n)) === n));
  });
});
