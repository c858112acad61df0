import { describe, expect, it } from 'vitest';
import { createCalendar, type Region } from '../../src/calendar/index.js';
import { addDays, isoWeekday, toDayNumber } from '../../src/util/dates.js';
import { readReferenceJson } from '../helpers/fixtures.js';

interface Feed {
  [division: string]: { events: { date: string; title: string }[] };
}

/** The weekdays of `from`..`to` (inclusive) that a calendar does not count as working days. */
function nonWorkingWeekdays(region: Region, from: string, to: string): string[] {
  const calendar = createCalendar({ region });
  const days: string[] = [];
  for (let date = from; date <= to; date = addDays(date, 1)) {
    if (isoWeekday(toDayNumber(date)) <= 5 && !calendar.isWorkingDay(date)) days.push(date);
  }
  return days;
}

const weekday = (date: string) => isoWeekday(toDayNumber(date)) <= 5;

describe('createCalendar against the official lists', () => {
  it('England and Wales 2000-2030: the non-working weekdays are exactly the reference list', () => {
    const reference = readReferenceJson<{ events: { date: string }[] }>(
      'bank-holidays-england-and-wales-2000-2030.json',
    );
    const expected = reference.events.map((e) => e.date).filter(weekday);
    expect(expected.length).toBeGreaterThan(240); // about 8 a year for 31 years
    expect(nonWorkingWeekdays('england-and-wales', '2000-01-01', '2030-12-31')).toEqual(expected);
  });

  it.each(['england-and-wales', 'scotland', 'northern-ireland'] as const)(
    '%s 2012-2028: the non-working weekdays are exactly the UK government feed',
    (division) => {
      const feed = readReferenceJson<Feed>('govuk-bank-holidays-2012-2028.json');
      const expected = (feed[division]?.events ?? []).map((e) => e.date).filter(weekday);
      expect(expected.length).toBeGreaterThan(130);
      expect(nonWorkingWeekdays(division, '2012-01-01', '2028-12-31')).toEqual(expected);
    },
  );
});

describe('the date-holidays corrections', () => {
  const calendar = createCalendar();

  it('adds the 2002 Golden Jubilee (Mon 3 June) and the Spring bank holiday moved to Tue 4 June 2002', () => {
    expect(calendar.isWorkingDay('2002-06-03')).toBe(false);
    expect(calendar.isWorkingDay('2002-06-04')).toBe(false);
    expect(calendar.holidayName('2002-06-03')).toBe('Golden Jubilee bank holiday');
  });

  it('removes 2002-05-27, the usual last Monday in May, which was a working day that year', () => {
    expect(calendar.isWorkingDay('2002-05-27')).toBe(true);
  });

  it('adds the Royal Wedding, Friday 2011-04-29, inside the Leeds cumulative period', () => {
    expect(calendar.isWorkingDay('2011-04-29')).toBe(false);
    expect(calendar.holidayName('2011-04-29')).toBe('Royal Wedding bank holiday');
  });

  it('moves the 2012 Spring bank holiday from Mon 28 May to Mon 4 June (Diamond Jubilee on Tue 5 June)', () => {
    expect(calendar.isWorkingDay('2012-05-28')).toBe(true);
    expect(calendar.isWorkingDay('2012-06-04')).toBe(false);
    expect(calendar.isWorkingDay('2012-06-05')).toBe(false);
  });

  it('moves the 1995 Early May bank holiday to Monday 8 May (VE Day 50) and adds the Millennium, 1999-12-31', () => {
    expect(calendar.isWorkingDay('1995-05-01')).toBe(true);
    expect(calendar.isWorkingDay('1995-05-08')).toBe(false);
    expect(calendar.isWorkingDay('1999-12-31')).toBe(false);
  });

  it('applies the one-off UK-wide days to Scotland and Northern Ireland too', () => {
    for (const region of ['scotland', 'northern-ireland'] as const) {
      const regional = createCalendar({ region });
      expect(regional.isWorkingDay('2011-04-29')).toBe(false);
      expect(regional.isWorkingDay('2002-06-03')).toBe(false);
    }
  });

  it('keeps the other one-off days date-holidays already has: 2020 VE Day, 2022 Platinum Jubilee and State Funeral, 2023 Coronation', () => {
    // 2020-05-08: the Early May bank holiday moved to Friday for VE Day 75; 2020-05-04 was a working Monday.
    expect(calendar.isWorkingDay('2020-05-08')).toBe(false);
    expect(calendar.isWorkingDay('2020-05-04')).toBe(true);
    expect(calendar.isWorkingDay('2022-06-03')).toBe(false);
    expect(calendar.isWorkingDay('2022-09-19')).toBe(false);
    expect(calendar.isWorkingDay('2023-05-08')).toBe(false);
  });
});
