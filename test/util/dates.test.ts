import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, fromDayNumber, isIsoDate, isoWeekday, toDayNumber } from '../../src/util/dates.js';

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
