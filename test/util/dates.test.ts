import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  civilDay,
  daysFromCivil,
  daysInMonth,
  fromDayNumber,
  isIsoDate,
  isoWeekday,
  parseIsoDay,
  toDayNumber,
} from '../../src/util/dates.js';

describe('toDayNumber and fromDayNumber', () => {
  it('agree with the JavaScript Date in UTC for every day from 1800 to 2300', () => {
    fc.assert(
      fc.property(fc.integer({ min: -62_000, max: 120_000 }), (day) => {
        const iso = new Date(day * 86_400_000).toISOString().slice(0, 10);
        expect(fromDayNumber(day)).toBe(iso);
        expect(toDayNumber(iso)).toBe(day);
      }),
      { numRuns: 2000 },
    );
  });

  it('reads years 0-99 as themselves, not as 1900-1999', () => {
    // 0050-01-01 is 1920 proleptic Gregorian years before 1970-01-01, far more than 1899 years of days before 1950.
    expect(fromDayNumber(toDayNumber('0050-01-01'))).toBe('0050-01-01');
    expect(toDayNumber('0050-01-01')).toBeLessThan(toDayNumber('1950-01-01') - 365 * 1899);
  });

  it('knows the leap years: 2000 and 2012 have 29 February, 1900 and 2011 do not', () => {
    expect(isIsoDate('2000-02-29')).toBe(true);
    expect(isIsoDate('2012-02-29')).toBe(true);
    expect(isIsoDate('1900-02-29')).toBe(false);
    expect(isIsoDate('2011-02-29')).toBe(false);
    expect(addDays('2012-02-28', 1)).toBe('2012-02-29');
    expect(addDays('2011-02-28', 1)).toBe('2011-03-01');
  });

  it('refuses what is not a real YYYY-MM-DD date', () => {
    for (const bad of [
      '2011-4-29',
      '29/04/2011',
      '2011-04-31',
      '2011-13-01',
      '2011-00-10',
      '2011-04-29T00:00',
      '',
    ]) {
      expect(isIsoDate(bad)).toBe(false);
      expect(() => toDayNumber(bad)).toThrow(RangeError);
    }
    expect(isIsoDate(20110429)).toBe(false);
  });

  it('gives ISO weekdays: the Royal Wedding, 2011-04-29, was a Friday', () => {
    expect(isoWeekday(toDayNumber('2011-04-29'))).toBe(5);
    expect(isoWeekday(toDayNumber('2010-12-25'))).toBe(6);
    expect(isoWeekday(toDayNumber('1969-12-28'))).toBe(7); // before day 0, a Sunday
  });
});

/**
 * parseIsoDay as it was before it read a table of month starts (every date worked out by arithmetic): the table must
 * give the same day, and the same NaN, for every string.
 */
function parseIsoDayByArithmetic(value: string): number {
  if (value.length !== 10 || value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return Number.NaN;
  let year = 0;
  for (let i = 0; i < 4; i++) {
    const digit = value.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return Number.NaN;
    year = year * 10 + digit;
  }
  const m1 = value.charCodeAt(5) - 48;
  const m2 = value.charCodeAt(6) - 48;
  const d1 = value.charCodeAt(8) - 48;
  const d2 = value.charCodeAt(9) - 48;
  if (m1 < 0 || m1 > 9 || m2 < 0 || m2 > 9 || d1 < 0 || d1 > 9 || d2 < 0 || d2 > 9) return Number.NaN;
  const month = m1 * 10 + m2;
  const day = d1 * 10 + d2;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return Number.NaN;
  return daysFromCivil(year, month, day);
}

describe('parseIsoDay', () => {
  it('gives the day the arithmetic gives for every YYYY-MM-DD with month and day 00-99, years 1899-2200 and others', () => {
    // Every month and day text 00-99 (so 2011-02-29, 2011-04-31, 2011-13-01 and 2011-00-10 are met), in the years at
    // and just past both edges of the table (1900-2199) and some far from it (0000, 0050, 1066, 9999).
    const differ: string[] = [];
    for (const year of [
      0, 50, 1066, 1899, 1900, 1901, 2000, 2011, 2012, 2100, 2198, 2199, 2200, 2201, 9999,
    ]) {
      const yyyy = String(year).padStart(4, '0');
      for (let month = 0; month < 100; month++) {
        for (let day = 0; day < 100; day++) {
          const text = `${yyyy}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
          if (!Object.is(parseIsoDay(text), parseIsoDayByArithmetic(text))) differ.push(text);
        }
      }
    }
    expect(differ).toEqual([]);
    // And the check can fail: the table knows 29 February 2012 and not 2011's.
    expect(parseIsoDay('2012-02-29')).toBe(parseIsoDay('2012-03-01') - 1);
    expect(parseIsoDay('2011-02-29')).toBeNaN();
  });

  it('agrees with the arithmetic on strings of ten characters drawn from digits, dashes and neighbours of both', () => {
    // '/' and ':' are the codes either side of the digits ('0' - 1 and '9' + 1): a digit check off by one lets them in.
    const text = fc
      .array(fc.constantFrom(...'0123456789-/:a ٣'.split('')), { minLength: 8, maxLength: 12 })
      .map((chars) => chars.join(''));
    const nearDate = fc
      .tuple(
        fc.integer({ min: -1_000_000, max: 3_000_000 }),
        fc.integer({ min: 0, max: 9 }),
        fc.constantFrom(...'0/:-x'),
      )
      .map(([day, at, char]) => {
        const iso = fromDayNumber(day).padStart(10, '0').slice(-10);
        return iso.slice(0, at) + char + iso.slice(at + 1);
      });
    fc.assert(
      fc.property(fc.oneof(text, nearDate), (value) => {
        expect(Object.is(parseIsoDay(value), parseIsoDayByArithmetic(value))).toBe(true);
      }),
      { numRuns: 20_000 },
    );
  });

  it("reads 1 January 1900 and 31 December 2199, the table's first and last days, as the Date does", () => {
    // Date.UTC counts milliseconds since 1970-01-01 in the proleptic Gregorian calendar.
    expect(parseIsoDay('1900-01-01')).toBe(Date.UTC(1900, 0, 1) / 86_400_000);
    expect(parseIsoDay('2199-12-31')).toBe(Date.UTC(2199, 11, 31) / 86_400_000);
    expect(parseIsoDay('1899-12-31')).toBe(Date.UTC(1899, 11, 31) / 86_400_000);
    expect(parseIsoDay('2200-01-01')).toBe(Date.UTC(2200, 0, 1) / 86_400_000);
  });
});

describe('civilDay', () => {
  it('gives the day number of every real day of 1899-2200 and NaN for a day past the month end', () => {
    // The table covers 1900-2199; the years either side are worked out in full. Each year, month and day 1-31 is
    // checked against Date.UTC (days since 1970-01-01): 31 April, 29 February 1900 and 2100 (not leap years: a
    // century not divisible by 400) and 29 February 2000 (a leap year) included.
    for (let year = 1899; year <= 2200; year++) {
      for (let month = 1; month <= 12; month++) {
        for (let day = 1; day <= 31; day++) {
          const utc = new Date(Date.UTC(year, month - 1, day));
          const real = utc.getUTCMonth() === month - 1;
          const expected = real ? utc.getTime() / 86_400_000 : Number.NaN;
          expect(civilDay(year, month, day)).toBe(expected);
        }
      }
    }
    expect(civilDay(2000, 2, 29)).toBe(11016);
    expect(civilDay(1900, 2, 29)).toBeNaN();
  });
});
