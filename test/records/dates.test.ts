import { describe, expect, it } from 'vitest';
import { dateFormats, parseDateCell } from '../../src/records/dates.js';

describe('parseDateCell', () => {
  it('reads YYYY-MM-DD and DD/MM/YYYY by default', () => {
    // ISO as written; 01/10/2010 is 1 October 2010 read day first (the UK export default).
    expect(parseDateCell('2010-10-01')).toEqual({ ok: true, date: '2010-10-01' });
    expect(parseDateCell('01/10/2010')).toEqual({ ok: true, date: '2010-10-01' });
    // Single-digit day and month, and the other separators, read the same way.
    expect(parseDateCell('1/10/2010')).toEqual({ ok: true, date: '2010-10-01' });
    expect(parseDateCell('01-10-2010')).toEqual({ ok: true, date: '2010-10-01' });
    expect(parseDateCell('01.10.2010')).toEqual({ ok: true, date: '2010-10-01' });
    // Spaces around the cell are trimmed.
    expect(parseDateCell('  2010-10-01 ')).toEqual({ ok: true, date: '2010-10-01' });
  });

  it('accepts a time part after the date as that date', () => {
    // The time is dropped: each of these is 1 October 2010.
    for (const cell of [
      '2010-10-01 00:00:00',
      '2010-10-01T00:00:00',
      '2010-10-01T09:30:00.000',
      '01/10/2010 09:30',
      '01/10/2010 9:30:15',
      '01/10/2010 12:00 AM',
      '01/10/2010 11:59 PM',
      '2010-10-01T00:00:00.000Z',
      '2010-10-01T00:00:00+01:00',
    ]) {
      expect(parseDateCell(cell), cell).toEqual({ ok: true, date: '2010-10-01' });
    }
  });

  it('refuses a timestamp with a zone that is not at midnight: its calendar date depends on the zone', () => {
    // 2010-09-30T23:00:00Z is midnight of 1 October in BST: reading it as the 30th would shift the date.
    const result = parseDateCell('2010-09-30T23:00:00.000Z');
    expect(result).toMatchObject({ ok: false, code: 'invalid_date' });
    expect(result.ok || result.message).toContain('is an instant with a time zone (Z), not a calendar date');
  });

  it('refuses a time part that is not a time', () => {
    // 25 is not an hour.
    expect(parseDateCell('01/10/2010 25:00')).toEqual({
      ok: false,
      code: 'invalid_date',
      message: '"01/10/2010 25:00" has a time part that is not a time ("25:00"): expected HH:MM or HH:MM:SS',
    });
  });

  it('says why an impossible date is impossible', () => {
    // 2011 is not a leap year: February has 28 days.
    expect(parseDateCell('31/02/2011')).toEqual({
      ok: false,
      code: 'invalid_date',
      message: '"31/02/2011" is not a real date: February 2011 has 28 days',
    });
    // 2012 is: 29/02/2012 is real.
    expect(parseDateCell('29/02/2012')).toEqual({ ok: true, date: '2012-02-29' });
    // April has 30 days.
    expect(parseDateCell('2011-04-31')).toEqual({
      ok: false,
      code: 'invalid_date',
      message: '"2011-04-31" is not a real date: April 2011 has 30 days',
    });
    // 13 is a month neither way round: 13/13/2010.
    expect(parseDateCell('13/13/2010')).toEqual({
      ok: false,
      code: 'invalid_date',
      message: '"13/13/2010" is not a real date: 13 is not a month (expected YYYY-MM-DD or DD/MM/YYYY)',
    });
  });

  it('calls a two-digit year ambiguous: it does not say its century', () => {
    expect(parseDateCell('01/10/10')).toEqual({
      ok: false,
      code: 'ambiguous_date',
      message:
        '"01/10/10" has a two-digit year, which does not say its century: write the year in full, expected YYYY-MM-DD or DD/MM/YYYY',
    });
  });

  it('calls a slash date that only reads month first ambiguous by default, and invalid under dmy', () => {
    // 10/13/2010 cannot be 10th of month 13; month first it is October 13: the file may be American.
    expect(parseDateCell('10/13/2010')).toEqual({
      ok: false,
      code: 'ambiguous_date',
      message:
        '"10/13/2010" can only be read month first (October 13), but dates are read day first (DD/MM/YYYY): if this file writes the month first, read it with date format mdy',
    });
    expect(parseDateCell('10/13/2010', { dateFormat: 'dmy' })).toEqual({
      ok: false,
      code: 'invalid_date',
      message:
        '"10/13/2010" is not a real date read day first (DD/MM/YYYY): 13 is not a month; read month first it would be October 13 (date format mdy)',
    });
  });

  it('reads month first under mdy, and ISO in every format', () => {
    // 10/13/2010 month first is 13 October; 01/10/2010 month first is 10 January.
    expect(parseDateCell('10/13/2010', { dateFormat: 'mdy' })).toEqual({ ok: true, date: '2010-10-13' });
    expect(parseDateCell('01/10/2010', { dateFormat: 'mdy' })).toEqual({ ok: true, date: '2010-01-10' });
    for (const dateFormat of ['auto', 'dmy', 'mdy', 'ymd'] as const) {
      expect(parseDateCell('2010-10-13', { dateFormat })).toEqual({ ok: true, date: '2010-10-13' });
    }
  });

  it('reads only year-first dates under ymd', () => {
    expect(parseDateCell('2010/10/01', { dateFormat: 'ymd' })).toEqual({ ok: true, date: '2010-10-01' });
    expect(parseDateCell('01/10/2010', { dateFormat: 'ymd' })).toEqual({
      ok: false,
      code: 'invalid_date',
      message: '"01/10/2010" is not written year first: expected YYYY-MM-DD (date format ymd)',
    });
  });

  it('recognises an Excel serial number and says which date it would be', () => {
    // Excel day 40452 counts from 1899-12-30 (after Excel's phantom 29 February 1900): 2010-10-01.
    expect(parseDateCell('40452')).toEqual({
      ok: false,
      code: 'invalid_date',
      message:
        '"40452" is a number, not a date (as an Excel serial day number it is 2010-10-01): format the column as a date before saving, expected YYYY-MM-DD or DD/MM/YYYY',
    });
    // The same from a JSON number, with a time fraction (noon).
    expect(parseDateCell(40452.5)).toMatchObject({
      ok: false,
      code: 'invalid_date',
      message: expect.stringContaining('as an Excel serial day number it is 2010-10-01'),
    });
  });

  it('puts dates outside 1990-01-01..2100-12-31 out of range', () => {
    // The calendar's range: the first and last days are in, the days beside them out.
    expect(parseDateCell('1990-01-01')).toEqual({ ok: true, date: '1990-01-01' });
    expect(parseDateCell('31/12/2100')).toEqual({ ok: true, date: '2100-12-31' });
    expect(parseDateCell('31/12/1989')).toEqual({
      ok: false,
      code: 'out_of_range',
      message:
        '"31/12/1989" is outside the dates the library reads, 1990-01-01 to 2100-12-31: check the year',
    });
    expect(parseDateCell('2101-01-01')).toMatchObject({ ok: false, code: 'out_of_range' });
  });

  it('refuses Date objects and anything else that is not a date', () => {
    // A Date is an instant: new Date(2010, 9, 1) is 2010-09-30T23:00Z in BST.
    expect(parseDateCell(new Date(Date.UTC(2010, 9, 1)))).toMatchObject({ ok: false, code: 'invalid_date' });
    expect(parseDateCell('next week')).toEqual({
      ok: false,
      code: 'invalid_date',
      message: '"next week" is not a date: expected YYYY-MM-DD or DD/MM/YYYY',
    });
    expect(parseDateCell(true)).toMatchObject({ ok: false, code: 'invalid_date' });
    expect(parseDateCell('20101001')).toMatchObject({ ok: false, code: 'invalid_date' });
  });

  it('reads English month names as case systems export them, in every date format', () => {
    // Each is 1 October 2010 (or the 12th, or the 4th): day, month name, four-digit year.
    const cases: [string, string][] = [
      ['01-Oct-2010', '2010-10-01'],
      ['1 Oct 2010', '2010-10-01'],
      ['12 October 2010', '2010-10-12'],
      ['4 Oct 2010', '2010-10-04'],
      ['01 Oct 2010', '2010-10-01'],
      ['1-October-2010', '2010-10-01'],
      ['01-OCT-2010', '2010-10-01'],
      ['1 oct 2010', '2010-10-01'],
      ['01/Oct/2010', '2010-10-01'],
      ['1 Oct. 2010', '2010-10-01'],
      ['1 October, 2010', '2010-10-01'],
      ['  1 Oct 2010 ', '2010-10-01'],
      // September's four-letter abbreviation, and the other eleven months.
      ['30 Sept 2010', '2010-09-30'],
      ['30-Sep-2010', '2010-09-30'],
      ['31 Jan 2011', '2011-01-31'],
      ['28 feb 2011', '2011-02-28'],
      ['31 March 2011', '2011-03-31'],
      ['1 Apr 2011', '2011-04-01'],
      ['1 May 2011', '2011-05-01'],
      ['1 Jun 2011', '2011-06-01'],
      ['1 July 2011', '2011-07-01'],
      ['1 Aug 2011', '2011-08-01'],
      ['1 Nov 2010', '2010-11-01'],
      ['25 Dec 2010', '2010-12-25'],
    ];
    // A month name cannot be misread, so every format reads it, ymd and mdy too.
    for (const dateFormat of dateFormats) {
      for (const [cell, date] of cases) {
        expect(parseDateCell(cell, { dateFormat }), `${cell} (${dateFormat})`).toEqual({ ok: true, date });
      }
    }
  });

  it('reads a month-name date with a time part as that date', () => {
    for (const cell of [
      '01-Oct-2010 09:30',
      '01-Oct-2010 00:00:00',
      '1 October 2010 11:59 PM',
      '01-Oct-2010T00:00',
    ]) {
      expect(parseDateCell(cell), cell).toEqual({ ok: true, date: '2010-10-01' });
    }
    expect(parseDateCell('01-Oct-2010 25:00')).toMatchObject({ ok: false, code: 'invalid_date' });
  });

  it('calls a month-name date with a two-digit year ambiguous, as 31/12/10 is', () => {
    expect(parseDateCell('01-Oct-10')).toEqual({
      ok: false,
      code: 'ambiguous_date',
      message:
        '"01-Oct-10" has a two-digit year, which does not say its century: write the year in full, expected YYYY-MM-DD or DD/MM/YYYY',
    });
    expect(parseDateCell('1 October 10')).toMatchObject({ ok: false, code: 'ambiguous_date' });
  });

  it('says why an impossible month-name date is impossible, and names a word that is not a month', () => {
    // 2011 is not a leap year: February has 28 days; 2012 is.
    expect(parseDateCell('31-Feb-2011')).toEqual({
      ok: false,
      code: 'invalid_date',
      message: '"31-Feb-2011" is not a real date: February 2011 has 28 days',
    });
    expect(parseDateCell('29 Feb 2012')).toEqual({ ok: true, date: '2012-02-29' });
    expect(parseDateCell('31 Sept 2010')).toMatchObject({
      ok: false,
      message: '"31 Sept 2010" is not a real date: September 2010 has 30 days',
    });
    // German "Okt" and a mistyped "Ocotber" are not English month names: no guess.
    expect(parseDateCell('01-Okt-2010')).toEqual({
      ok: false,
      code: 'invalid_date',
      message:
        '"01-Okt-2010" is not a date: "Okt" is not an English month name (expected YYYY-MM-DD or DD/MM/YYYY, or a month name such as 01-Oct-2010)',
    });
    expect(parseDateCell('1 Ocotber 2010')).toMatchObject({ ok: false, code: 'invalid_date' });
    // Separators that do not match, a three-digit day, a five-digit year, no day: not dates.
    for (const cell of ['01-Oct 2010', '001-Oct-2010', '01-Oct-20100', 'Oct 2010', 'October 1, 2010']) {
      expect(parseDateCell(cell), cell).toMatchObject({ ok: false, code: 'invalid_date' });
    }
  });

  it('puts a month-name date outside the range out of range', () => {
    expect(parseDateCell('31-Dec-1989')).toEqual({
      ok: false,
      code: 'out_of_range',
      message:
        '"31-Dec-1989" is outside the dates the library reads, 1990-01-01 to 2100-12-31: check the year',
    });
  });

  it('reads dates from 1900 when the field is only checked as a real date (range from-1900)', () => {
    // A birth date in 1985, or a worker's role started in 1962: real dates before the calendar's 1990.
    expect(parseDateCell('14/03/1985', { range: 'from-1900' })).toEqual({ ok: true, date: '1985-03-14' });
    expect(parseDateCell('01-Sep-1962', { range: 'from-1900' })).toEqual({ ok: true, date: '1962-09-01' });
    expect(parseDateCell('1900-01-01', { range: 'from-1900' })).toEqual({ ok: true, date: '1900-01-01' });
    expect(parseDateCell('2100-12-31', { range: 'from-1900' })).toEqual({ ok: true, date: '2100-12-31' });
    // The day before 1900 and the day after 2100 are out, with the range in the message.
    expect(parseDateCell('31/12/1899', { range: 'from-1900' })).toEqual({
      ok: false,
      code: 'out_of_range',
      message:
        '"31/12/1899" is outside the dates the library reads for this field, 1900-01-01 to 2100-12-31: check the year',
    });
    expect(parseDateCell('2101-01-01', { range: 'from-1900' })).toMatchObject({
      ok: false,
      code: 'out_of_range',
    });
    // Still checked as a real date: 1900 was not a leap year (divisible by 100, not by 400).
    expect(parseDateCell('29/02/1900', { range: 'from-1900' })).toEqual({
      ok: false,
      code: 'invalid_date',
      message: '"29/02/1900" is not a real date: February 1900 has 28 days',
    });
    // The default is unchanged: 1985 is out of the calendar's range.
    expect(parseDateCell('14/03/1985')).toMatchObject({ ok: false, code: 'out_of_range' });
  });

  it('names a value that is not a date without writing all of it', () => {
    // An object nested 100,000 deep (from a JSON file): shown cut short, with no stack overflow.
    let deep: unknown = '2010-10-01';
    for (let level = 0; level < 100_000; level++) deep = { date: deep };
    const result = parseDateCell(deep);
    expect(result).toMatchObject({ ok: false, code: 'invalid_date' });
    expect(result.ok || result.message).toBe(
      `${'{"date":'.repeat(12)}{"da… is not a date: expected YYYY-MM-DD or DD/MM/YYYY`,
    );
    // A cell of a million characters: its first 100, and its length.
    expect(parseDateCell(`${'9'.repeat(500_000)}/x`)).toEqual({
      ok: false,
      code: 'invalid_date',
      message: `"${'9'.repeat(100)}…" (500002 characters) is not a date: expected YYYY-MM-DD or DD/MM/YYYY`,
    });
  });
});
