import { describe, expect, it } from 'vitest';
import { createCalendar } from '../../src/calendar/index.js';

const calendar = createCalendar();

describe('workingDaysBetween', () => {
  // [start, end, after-start, inclusive, end-exclusive, reasoning]
  const cases: [string, string, number, number, number, string][] = [
    [
      '2011-04-28',
      '2011-05-03',
      1,
      2,
      1,
      'Thu 28 Apr to Tue 3 May 2011: Fri 29 Royal Wedding, Sat 30, Sun 1, Mon 2 Early May bank holiday; only Tue 3 works after the start',
    ],
    [
      '2011-04-21',
      '2011-04-26',
      1,
      2,
      1,
      'Thu 21 to Tue 26 Apr 2011: Good Friday 22, Sat, Sun, Easter Monday 25; Tue 26 is the one working day after the start',
    ],
    [
      '2011-04-21',
      '2011-05-03',
      4,
      5,
      4,
      'Easter to the Royal Wedding: 26, 27, 28 Apr and 3 May work; 22, 25, 29 Apr and 2 May are bank holidays',
    ],
    [
      '2010-12-24',
      '2011-01-07',
      7,
      8,
      7,
      'Christmas 2010: Sat 25 and Sun 26 move to Mon 27 and Tue 28; New Year Sat 1 Jan moves to Mon 3; 29, 30, 31 Dec and 4-7 Jan work',
    ],
    [
      '2010-12-23',
      '2010-12-29',
      2,
      3,
      2,
      'Thu 23 Dec 2010 to Wed 29: Fri 24 works, 25-28 do not, Wed 29 works',
    ],
    [
      '2010-10-02',
      '2010-10-04',
      1,
      1,
      0,
      'Saturday referral, Monday completion: Monday is day 1; Saturday is not a working day to include; end-exclusive drops Monday',
    ],
    [
      '2010-10-01',
      '2010-10-03',
      0,
      1,
      1,
      'Friday to Sunday: no working day after the Friday; inclusive and end-exclusive count the Friday itself',
    ],
    [
      '2010-10-04',
      '2010-10-04',
      0,
      1,
      0,
      'the same working Monday: day 0, or day 1 when the start day counts',
    ],
    ['2010-10-02', '2010-10-03', 0, 0, 0, 'a weekend alone has no working day under any convention'],
    [
      '2012-06-01',
      '2012-06-06',
      1,
      2,
      1,
      'Fri 1 to Wed 6 June 2012: Spring bank holiday Mon 4 and Diamond Jubilee Tue 5; Wed 6 works',
    ],
  ];

  it.each(cases)(
    '%s to %s: after-start %i, inclusive %i, end-exclusive %i',
    (start, end, after, incl, excl) => {
      expect(calendar.workingDaysBetween(start, end)).toBe(after);
      expect(calendar.workingDaysBetween(start, end, 'after-start')).toBe(after);
      expect(calendar.workingDaysBetween(start, end, 'inclusive')).toBe(incl);
      expect(calendar.workingDaysBetween(start, end, 'end-exclusive')).toBe(excl);
    },
  );

  it('refuses an end before its start with a RangeError naming both dates and the rule', () => {
    expect(() => calendar.workingDaysBetween('2011-05-03', '2011-04-28')).toThrow(RangeError);
    expect(() => calendar.workingDaysBetween('2011-05-03', '2011-04-28')).toThrow(
      'end 2011-04-28 is before start 2011-05-03: working days are counted from a start to an end on or after it',
    );
  });

  it('refuses dates outside 1990-01-01..2100-12-31, naming the value and the range', () => {
    expect(() => calendar.workingDaysBetween('1989-12-31', '1990-01-02')).toThrow(
      "start 1989-12-31 is outside the calendar's range: working days are indexed from 1990-01-01 to 2100-12-31",
    );
    expect(() => calendar.workingDaysBetween('2100-12-01', '2101-01-01')).toThrow(RangeError);
    // The edges themselves are inside: 1990-01-01 was a Monday bank holiday, 1990-01-02 a working Tuesday.
    expect(calendar.workingDaysBetween('1990-01-01', '1990-01-02')).toBe(1);
  });

  it('refuses impossible dates and unknown conventions', () => {
    expect(() => calendar.workingDaysBetween('2011-02-29', '2011-03-01')).toThrow(
      'start: expected a real date written YYYY-MM-DD, got "2011-02-29"',
    );
    // @ts-expect-error: an unknown convention, as a JavaScript caller might pass
    expect(() => calendar.workingDaysBetween('2011-03-01', '2011-03-02', 'networkdays')).toThrow(
      'Unknown convention "networkdays": expected one of after-start, inclusive, end-exclusive',
    );
  });
});

describe('addWorkingDays', () => {
  it('gives 2011-01-07 for 7 working days after Christmas Eve 2010', () => {
    // 29 (1), 30 (2), 31 Dec (3); 1-3 Jan are Sat, Sun and the New Year substitute; 4 (4), 5 (5), 6 (6), 7 Jan (7).
    expect(calendar.addWorkingDays('2010-12-24', 7)).toBe('2011-01-07');
  });

  it('gives the NI 59 deadline across Easter and the Royal Wedding', () => {
    // Referral Thu 21 Apr 2011: 26 (1), 27 (2), 28 (3), 3 May (4), 4 (5), 5 (6), 6 May (7).
    expect(calendar.addWorkingDays('2011-04-21', 7)).toBe('2011-05-06');
    // wt2010's 10 days: 9 (8), 10 (9), 11 May (10).
    expect(calendar.addWorkingDays('2011-04-21', 10)).toBe('2011-05-11');
  });

  it('gives the NI 60 deadline of 35 working days across Christmas', () => {
    // From Wed 1 Dec 2010: 2-3 (2), 6-10 (7), 13-17 (12), 20-24 (17), 29-31 (20), 4-7 Jan (24), 10-14 (29),
    // 17-21 (34), Mon 24 Jan (35).
    expect(calendar.addWorkingDays('2010-12-01', 35)).toBe('2011-01-24');
  });

  it('counts a Saturday start from the Monday and returns the start itself for 0', () => {
    expect(calendar.addWorkingDays('2010-10-02', 1)).toBe('2010-10-04');
    expect(calendar.addWorkingDays('2010-10-02', 0)).toBe('2010-10-02');
  });

  it('walks backwards for a negative n', () => {
    // Before Tue 4 Jan 2011: Mon 3 (New Year substitute), Sun 2, Sat 1, then Fri 31 Dec.
    expect(calendar.addWorkingDays('2011-01-04', -1)).toBe('2010-12-31');
    // Before Sat 1 Jan 2011, two working days back: Fri 31 (1), Thu 30 (2).
    expect(calendar.addWorkingDays('2011-01-01', -2)).toBe('2010-12-30');
  });

  it('refuses a deadline beyond the range and a fractional n', () => {
    expect(() => calendar.addWorkingDays('2100-12-30', 5)).toThrow(/outside the calendar's range/);
    expect(() => calendar.addWorkingDays('2010-12-24', 1.5)).toThrow(
      'n: expected a whole number of working days, got 1.5',
    );
  });
});

describe('nextWorkingDay and previousWorkingDay', () => {
  it('steps over the Royal Wedding weekend in both directions', () => {
    // After Thu 28 Apr 2011: Fri 29 Royal Wedding, weekend, Mon 2 May bank holiday, so Tue 3 May.
    expect(calendar.nextWorkingDay('2011-04-28')).toBe('2011-05-03');
    expect(calendar.previousWorkingDay('2011-05-03')).toBe('2011-04-28');
  });

  it('is strictly after or before, even from a working day', () => {
    expect(calendar.nextWorkingDay('2010-10-04')).toBe('2010-10-05');
    expect(calendar.previousWorkingDay('2010-10-04')).toBe('2010-10-01');
  });
});

describe('nonWorkingDays', () => {
  it('names each non-working day of Christmas 2010', () => {
    expect(calendar.nonWorkingDays('2010-12-24', '2011-01-04')).toEqual([
      { date: '2010-12-25', reason: 'weekend', name: 'Saturday' },
      { date: '2010-12-26', reason: 'weekend', name: 'Sunday' },
      { date: '2010-12-27', reason: 'holiday', name: 'Christmas Day (substitute day)' },
      { date: '2010-12-28', reason: 'holiday', name: 'Boxing Day (substitute day)' },
      { date: '2011-01-01', reason: 'weekend', name: 'Saturday' },
      { date: '2011-01-02', reason: 'weekend', name: 'Sunday' },
      { date: '2011-01-03', reason: 'holiday', name: "New Year's Day (substitute day)" },
    ]);
  });
});
