import { describe, expect, it } from 'vitest';
import { createCalendar, type GovUkBankHolidays } from '../../src/calendar/index.js';
import { readReferenceJson } from '../helpers/fixtures.js';

describe('createCalendar options', () => {
  it('adds council closure days between Christmas and New Year', () => {
    const leeds = createCalendar({
      closures: [
        { date: '2010-12-29', name: 'Council closure' },
        { date: '2010-12-30', name: 'Council closure' },
        '2010-12-31',
      ],
    });
    // 29-31 Dec closed too: 4 (1), 5 (2), 6 (3), 7 (4), 10 (5), 11 (6), 12 Jan (7).
    expect(leeds.addWorkingDays('2010-12-24', 7)).toBe('2011-01-12');
    expect(leeds.holidayName('2010-12-29')).toBe('Council closure');
    expect(leeds.holidayName('2010-12-31')).toBe('Closure day');
    expect(leeds.id).toBe('england-and-wales+local');
    expect(leeds.fingerprint).not.toBe(createCalendar().fingerprint);
  });

  it('removes a holiday the council worked', () => {
    const working = createCalendar({ removeHolidays: ['2011-04-29'] });
    // Thu 28 to Tue 3 May with the Royal Wedding worked: Fri 29 and Tue 3.
    expect(working.workingDaysBetween('2011-04-28', '2011-05-03')).toBe(2);
  });

  it('takes a whole list as dates, replacing the bank holidays', () => {
    const only = createCalendar({ holidays: ['2011-04-29'], id: 'royal-wedding-only' });
    // Only the Royal Wedding is a holiday: Mon 2 May works now. Thu 28 to Tue 3: Mon 2 and Tue 3.
    expect(only.workingDaysBetween('2011-04-28', '2011-05-03')).toBe(2);
    // Tue 27 Dec 2011, a bank holiday in England, works in it; 2010 is outside the year it covers (2011).
    expect(only.isWorkingDay('2011-12-27')).toBe(true);
    expect(only.covers).toEqual({ start: '2011-01-01', end: '2011-12-31' });
    expect(() => only.isWorkingDay('2010-12-27')).toThrow(
      'date 2010-12-27 is outside the days the holiday list',
    );
    expect(only.id).toBe('royal-wedding-only');
  });

  it('takes the UK government bank-holidays.json feed, choosing the division by region', () => {
    const feed = readReferenceJson<GovUkBankHolidays>('govuk-bank-holidays-2012-2028.json');
    const scotland = createCalendar({ holidays: feed, region: 'scotland' });
    const bundled = createCalendar({ region: 'scotland' });
    // Scotland keeps 2 January: Sun 1 to Wed 4 Jan 2012 skips Mon 2 (substitute for 1 Jan) and Tue 3. The feed
    // starts in 2012: Fri 30 Dec 2011 is outside it.
    expect(scotland.workingDaysBetween('2012-01-01', '2012-01-04')).toBe(1);
    expect(() => scotland.workingDaysBetween('2011-12-30', '2012-01-04')).toThrow(
      'start 2011-12-30 is outside the days the holiday list covers (2012-01-01 to 2028-12-31',
    );
    expect(scotland.holidayName('2012-11-30')).toBe('St Andrew’s Day');
    expect(scotland.id).toBe('custom');
    for (const date of ['2012-08-06', '2019-11-29', '2026-01-02', '2028-12-26']) {
      expect(scotland.isWorkingDay(date)).toBe(bundled.isWorkingDay(date));
    }
  });

  it('refuses a feed without the division, naming the divisions found', () => {
    expect(() =>
      createCalendar({ holidays: { 'england-and-wales': { events: [] } }, region: 'scotland' }),
    ).toThrow(
      'holidays: the bank-holidays feed has no division "scotland" (divisions found: england-and-wales)',
    );
  });

  it('refuses an impossible or out-of-range closure date', () => {
    expect(() => createCalendar({ closures: ['2010-12-32'] })).toThrow(
      'closures[0]: expected a real date written YYYY-MM-DD, got "2010-12-32"',
    );
    expect(() => createCalendar({ closures: ['1989-12-27'] })).toThrow(
      "closures: the date 1989-12-27 is outside the calendar's range: working days are indexed from 1990-01-01 to 2100-12-31",
    );
  });

  it('takes another weekend', () => {
    const sundayOnly = createCalendar({ weekend: [7] });
    // Fri 1 to Mon 4 Oct 2010 with only Sunday off: Sat 2 and Mon 4.
    expect(sundayOnly.workingDaysBetween('2010-10-01', '2010-10-04')).toBe(2);
    expect(() => createCalendar({ weekend: [8] })).toThrow(RangeError);
  });

  it('steps the weekday from the first indexed day, Monday 1 January 1990, whatever the weekend', () => {
    // The index steps the weekday day by day from the range's first day rather than computing it per day: with a
    // Friday and Saturday weekend, Fri 5 and Sat 6 Jan 1990 are off and Sun 7 works; Mon 1 Jan 1990 is New Year's
    // Day. Thu 4 to Sun 7 Jan 1990, after the start: Fri 5 (off), Sat 6 (off), Sun 7 (works) = 1.
    const fridaySaturday = createCalendar({ weekend: [5, 6] });
    expect(fridaySaturday.isWorkingDay('1990-01-05')).toBe(false);
    expect(fridaySaturday.isWorkingDay('1990-01-07')).toBe(true);
    expect(fridaySaturday.workingDaysBetween('1990-01-04', '1990-01-07')).toBe(1);
    // At the other end, Fri 31 Dec 2100 is off and Thu 30 Dec 2100 works (28 Dec 2100, a Tuesday, is a bank
    // holiday; 27 Dec, Monday, the substitute for Christmas): Tue 28 to Fri 31, after the start: Wed 29, Thu 30 = 2.
    expect(fridaySaturday.isWorkingDay('2100-12-31')).toBe(false);
    expect(fridaySaturday.workingDaysBetween('2100-12-28', '2100-12-31')).toBe(2);
  });

  it('has Scotland and Northern Ireland holidays of their own', () => {
    // Scotland's summer holiday is the first Monday of August (2 Aug 2010); England's the last (30 Aug 2010).
    expect(createCalendar({ region: 'scotland' }).isWorkingDay('2010-08-02')).toBe(false);
    expect(createCalendar({ region: 'scotland' }).isWorkingDay('2010-08-30')).toBe(true);
    expect(createCalendar().isWorkingDay('2010-08-30')).toBe(false);
    // Northern Ireland: St Patrick's Day Thu 17 Mar 2011 and the Battle of the Boyne Mon 12 Jul 2010.
    const ni = createCalendar({ region: 'northern-ireland' });
    expect(ni.isWorkingDay('2011-03-17')).toBe(false);
    expect(ni.isWorkingDay('2010-07-12')).toBe(false);
    expect(() => createCalendar({ region: 'wales' as 'scotland' })).toThrow('Unknown region "wales"');
  });
});

describe('holidays', () => {
  it('lists the weekday holidays and closures in date order, made once when first asked for', () => {
    const calendar = createCalendar({ closures: [{ date: '2010-12-29', name: 'Council closure' }] });
    // Christmas 2010 fell on a Saturday: its substitutes are Mon 27 (Boxing Day's) and Tue 28 (Christmas Day's);
    // Sat 25 and Sun 26 change no count and are not listed. The closure comes after them, in date order.
    const december = calendar.holidays.filter((h) => h.date.startsWith('2010-12'));
    expect(december).toEqual([
      { date: '2010-12-27', name: expect.stringContaining('substitute') },
      { date: '2010-12-28', name: expect.stringContaining('substitute') },
      { date: '2010-12-29', name: 'Council closure' },
    ]);
    expect(calendar.holidays).toBe(calendar.holidays);
  });
});

describe('fingerprint', () => {
  it('is the published one for the bundled England and Wales calendar, asked for before or after counting', () => {
    // The fingerprint the example reports print (test/report): the same whether it is asked for first or after the
    // calendar has counted days.
    const first = createCalendar();
    expect(first.fingerprint).toBe('fnv1a64:145a5957c18318d5');
    const later = createCalendar();
    expect(later.workingDaysBetween('2010-04-01', '2010-04-30')).toBe(19);
    expect(later.fingerprint).toBe('fnv1a64:145a5957c18318d5');
  });

  it('is the same for the same day set however it was given, and names the hash', () => {
    const a = createCalendar({ holidays: ['2011-04-29', '2011-05-02'] });
    const b = createCalendar({ holidays: [{ date: '2011-05-02', name: 'May Day' }, '2011-04-29'] });
    expect(a.fingerprint).toBe(b.fingerprint);
    expect(a.fingerprint).toMatch(/^fnv1a64:[0-9a-f]{16}$/);
  });

  it('ignores a holiday on a weekend, which changes no count', () => {
    // Sat 25 Dec 2010 is not a working day either way.
    expect(createCalendar({ closures: ['2010-12-25'] }).fingerprint).toBe(createCalendar().fingerprint);
  });

  it('changes when a working day becomes a holiday', () => {
    expect(createCalendar({ closures: ['2010-12-29'] }).fingerprint).not.toBe(createCalendar().fingerprint);
  });
});
