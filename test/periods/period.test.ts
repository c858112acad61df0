import { describe, expect, it } from 'vitest';
import {
  academicYearOf,
  contains,
  financialYearOf,
  monthOf,
  type Period,
  parsePeriod,
  splitIntoMonths,
} from '../../src/periods/index.js';

/** The phrase every parse error ends with, listing the accepted forms. */
const ACCEPTED =
  'Expected a month (2010-06), a calendar quarter (2010-Q2), a financial year (FY2010 or 2010/11), ' +
  'an academic year (AY2010), a range of whole months (2010-10..2011-03) ' +
  'or a range of dates (2010-10-01..2011-03-31).';

function errorOf(run: () => unknown): Error {
  try {
    run();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the call to throw');
}

describe('parsePeriod', () => {
  it('reads a month as the whole calendar month', () => {
    // June has 30 days: 2010-06-01 to 2010-06-30.
    expect(parsePeriod('2010-06')).toEqual({
      kind: 'month',
      start: '2010-06-01',
      end: '2010-06-30',
      label: 'June 2010',
      spec: '2010-06',
    });
  });

  it('ends February on the 29th in a leap year', () => {
    // 2012 is divisible by 4 and not by 100: a leap year.
    expect(parsePeriod('2012-02')).toMatchObject({
      start: '2012-02-01',
      end: '2012-02-29',
      label: 'February 2012',
    });
  });

  it('ends February on the 28th in a common year', () => {
    // 2011 is not divisible by 4.
    expect(parsePeriod('2011-02')).toMatchObject({
      start: '2011-02-01',
      end: '2011-02-28',
      label: 'February 2011',
    });
  });

  it('ends February 2000 on the 29th and February 1900 on the 28th', () => {
    // 2000 is divisible by 400 (leap); 1900 by 100 but not 400 (common).
    expect(parsePeriod('2000-02').end).toBe('2000-02-29');
    expect(parsePeriod('1900-02').end).toBe('1900-02-28');
  });

  it('reads a calendar quarter', () => {
    // Q2 is the second three months of the calendar year: April, May, June (30 days).
    expect(parsePeriod('2010-Q2')).toEqual({
      kind: 'quarter',
      start: '2010-04-01',
      end: '2010-06-30',
      label: 'Q2 2010 (April to June 2010)',
      spec: '2010-Q2',
    });
  });

  it('reads the first and last quarters', () => {
    // Q1 is January to March (2011: 28-day February, March ends on the 31st); Q4 is October to December.
    expect(parsePeriod('2011-Q1')).toMatchObject({
      start: '2011-01-01',
      end: '2011-03-31',
      label: 'Q1 2011 (January to March 2011)',
    });
    expect(parsePeriod('2011-q4')).toMatchObject({
      start: '2011-10-01',
      end: '2011-12-31',
      label: 'Q4 2011 (October to December 2011)',
      spec: '2011-Q4',
    });
  });

  it('reads FY2010 as April 2010 to March 2011', () => {
    // English financial years run 1 April to 31 March; FY2010 starts in 2010.
    expect(parsePeriod('FY2010')).toEqual({
      kind: 'financial-year',
      start: '2010-04-01',
      end: '2011-03-31',
      label: '2010/11',
      spec: 'FY2010',
    });
  });

  it('reads 2010/11 as the same financial year as FY2010', () => {
    // 11 is the last two digits of 2011, the year after 2010.
    expect(parsePeriod('2010/11')).toEqual(parsePeriod('FY2010'));
  });

  it('reads 1999/00 across the century', () => {
    // The year after 1999 is 2000, whose last two digits are 00.
    expect(parsePeriod('1999/00')).toEqual({
      kind: 'financial-year',
      start: '1999-04-01',
      end: '2000-03-31',
      label: '1999/00',
      spec: 'FY1999',
    });
  });

  it('reads AY2010 as September 2010 to August 2011', () => {
    // English academic years run 1 September to 31 August.
    expect(parsePeriod('AY2010')).toEqual({
      kind: 'academic-year',
      start: '2010-09-01',
      end: '2011-08-31',
      label: '2010/11 academic year',
      spec: 'AY2010',
    });
  });

  it('reads a range of whole months from the first day of the first to the last day of the last', () => {
    // October 2010 starts on the 1st; March 2011 ends on the 31st.
    expect(parsePeriod('2010-10..2011-03')).toEqual({
      kind: 'month-range',
      start: '2010-10-01',
      end: '2011-03-31',
      label: 'October 2010 to March 2011',
      spec: '2010-10..2011-03',
    });
  });

  it('ends a month range on a leap day when it ends in February of a leap year', () => {
    // 2012-02 has 29 days.
    expect(parsePeriod('2011-09..2012-02').end).toBe('2012-02-29');
  });

  it('labels a one-month range with the month alone', () => {
    // Start and end month are both June 2010.
    expect(parsePeriod('2010-06..2010-06')).toEqual({
      kind: 'month-range',
      start: '2010-06-01',
      end: '2010-06-30',
      label: 'June 2010',
      spec: '2010-06..2010-06',
    });
  });

  it('reads a range of dates as written', () => {
    // Both ends included, labelled day month year without leading zeros.
    expect(parsePeriod('2010-10-01..2011-03-31')).toEqual({
      kind: 'date-range',
      start: '2010-10-01',
      end: '2011-03-31',
      label: '1 October 2010 to 31 March 2011',
      spec: '2010-10-01..2011-03-31',
    });
  });

  it('labels a one-day range with the date alone', () => {
    // Start and end are the same day.
    expect(parsePeriod('2011-04-29..2011-04-29')).toMatchObject({
      label: '29 April 2011',
      spec: '2011-04-29..2011-04-29',
    });
  });

  it('accepts a leap day in a date range', () => {
    // 2012-02-29 exists (2012 is a leap year).
    expect(parsePeriod('2012-02-29..2012-03-01')).toMatchObject({ start: '2012-02-29', end: '2012-03-01' });
  });

  it('trims surrounding whitespace and spaces around the range separator', () => {
    // The same period as '2010-10..2011-03', with its canonical spec.
    expect(parsePeriod('  2010-10 .. 2011-03\n')).toEqual(parsePeriod('2010-10..2011-03'));
    expect(parsePeriod('\tfy2010 ')).toEqual(parsePeriod('FY2010'));
  });

  it('reads every spec back to an equal period', () => {
    // `spec` is the canonical string, so parsing it is the identity on periods.
    for (const text of [
      '2010-06',
      '2010-Q2',
      '2010/11',
      'AY2010',
      '2010-10..2011-03',
      '2010-10-01..2011-03-31',
    ]) {
      const period = parsePeriod(text);
      expect(parsePeriod(period.spec)).toEqual(period);
    }
  });

  it('passes a Period object through unchanged', () => {
    // The same object comes back, so API callers may pass a string or a Period.
    const period = parsePeriod('FY2010');
    expect(parsePeriod(period)).toBe(period);
  });

  it('refuses an impossible month, saying what was given', () => {
    // There are twelve months.
    const error = errorOf(() => parsePeriod('2011-13'));
    expect(error).toBeInstanceOf(RangeError);
    expect(error.message).toBe(`Cannot read the period "2011-13": there is no month 13. ${ACCEPTED}`);
  });

  it('refuses an impossible date in a range', () => {
    // February 2011 has 28 days, so 2011-02-30 does not exist.
    const error = errorOf(() => parsePeriod('2011-02-30..2011-03-01'));
    expect(error).toBeInstanceOf(RangeError);
    expect(error.message).toBe(
      `Cannot read the period "2011-02-30..2011-03-01": 2011-02-30 is not a real date. ${ACCEPTED}`,
    );
  });

  it('refuses a range that ends before it starts', () => {
    // March 2011 is after October 2010.
    const error = errorOf(() => parsePeriod('2011-03..2010-10'));
    expect(error).toBeInstanceOf(RangeError);
    expect(error.message).toBe(
      `Cannot read the period "2011-03..2010-10": the range ends (2010-10) before it starts (2011-03). ${ACCEPTED}`,
    );
  });

  it('refuses a date range that ends before it starts', () => {
    // The last day is the day before the first.
    expect(() => parsePeriod('2011-03-02..2011-03-01')).toThrow(
      /the range ends \(2011-03-01\) before it starts \(2011-03-02\)/,
    );
  });

  it('refuses a financial year written with two digits', () => {
    // FY needs the four-digit year the financial year starts in.
    const error = errorOf(() => parsePeriod('FY10'));
    expect(error).toBeInstanceOf(RangeError);
    expect(error.message).toBe(
      `Cannot read the period "FY10": it matches none of the accepted forms. ${ACCEPTED}`,
    );
  });

  it('refuses the empty string', () => {
    // Nothing to read, also after trimming whitespace.
    const error = errorOf(() => parsePeriod(''));
    expect(error).toBeInstanceOf(RangeError);
    expect(error.message).toBe(`Cannot read the period "": it is empty. ${ACCEPTED}`);
    expect(() => parsePeriod('   ')).toThrow(`Cannot read the period "   ": it is empty.`);
  });

  it('refuses a year pair whose second year is not the next one', () => {
    // 2010/12 would span two years; the year after 2010 ends in 11.
    const error = errorOf(() => parsePeriod('2010/12'));
    expect(error).toBeInstanceOf(RangeError);
    expect(error.message).toBe(
      `Cannot read the period "2010/12": a financial year runs into the next year, so 2010/ must be followed by 11. ${ACCEPTED}`,
    );
  });

  it('refuses a quarter outside Q1 to Q4', () => {
    // A calendar year has four quarters.
    expect(() => parsePeriod('2010-Q5')).toThrow(RangeError);
    expect(() => parsePeriod('2010-Q0')).toThrow(/there is no quarter Q0/);
  });

  it('refuses month 00', () => {
    // Months are numbered from 01.
    expect(() => parsePeriod('2010-00')).toThrow(/there is no month 00/);
  });

  it('refuses a range mixing a month and a date', () => {
    // Both ends must be months, or both dates.
    expect(() => parsePeriod('2010-10..2011-03-31')).toThrow(/a range joins two months .* or two dates/);
  });

  it('refuses a range with more than one separator', () => {
    // A range has a first and a last end, nothing between.
    expect(() => parsePeriod('2010-10..2010-11..2010-12')).toThrow(/exactly one "\.\."/);
  });

  it('refuses a single date, pointing to the one-day range', () => {
    // A date alone is not one of the accepted forms.
    expect(() => parsePeriod('2010-10-01')).toThrow(/write 2010-10-01\.\.2010-10-01 for one day/);
  });

  it('writes years before 1000 with four digits so that the spec reads back', () => {
    // FY0999 is 0999-04-01 to 1000-03-31; its spec keeps the leading zero.
    expect(parsePeriod('FY0999')).toMatchObject({
      start: '0999-04-01',
      end: '1000-03-31',
      label: '0999/00',
      spec: 'FY0999',
    });
    expect(parsePeriod(parsePeriod('0999-Q1').spec).label).toBe('Q1 0999 (January to March 0999)');
  });

  it('refuses a year whose financial year would end after 9999', () => {
    // FY9999 would end on 10000-03-31, which is not a four-digit year.
    expect(() => parsePeriod('FY9999')).toThrow(RangeError);
    expect(() => parsePeriod('9999/00')).toThrow(/would end after 9999/);
  });

  it('refuses a value that is neither a string nor a Period with a TypeError', () => {
    // A number or an object missing its dates is a programmer error of type.
    expect(() => parsePeriod(2010 as unknown as string)).toThrow(TypeError);
    const notAPeriod = { kind: 'month', start: '2010-06-01' } as unknown as Period;
    expect(() => parsePeriod(notAPeriod)).toThrow(/Expected a period string or a Period/);
  });
});

describe('splitIntoMonths', () => {
  it('splits FY2010 into the twelve months April 2010 to March 2011', () => {
    // April to December 2010 is nine months; January to March 2011 three more.
    const parts = splitIntoMonths(parsePeriod('FY2010'));
    expect(parts.map((part) => part.spec)).toEqual([
      '2010-04',
      '2010-05',
      '2010-06',
      '2010-07',
      '2010-08',
      '2010-09',
      '2010-10',
      '2010-11',
      '2010-12',
      '2011-01',
      '2011-02',
      '2011-03',
    ]);
    expect(parts.every((part) => part.kind === 'month')).toBe(true);
    // The first starts and the last ends where the financial year does.
    expect(parts[0]?.start).toBe('2010-04-01');
    expect(parts.at(-1)?.end).toBe('2011-03-31');
  });

  it('clips the first and last months of a date range', () => {
    // 15 October to the 31st is part of October; November is whole; 1 to 10 December is part of December.
    expect(splitIntoMonths(parsePeriod('2010-10-15..2010-12-10'))).toEqual([
      {
        kind: 'date-range',
        start: '2010-10-15',
        end: '2010-10-31',
        label: '15 October 2010 to 31 October 2010',
        spec: '2010-10-15..2010-10-31',
      },
      { kind: 'month', start: '2010-11-01', end: '2010-11-30', label: 'November 2010', spec: '2010-11' },
      {
        kind: 'date-range',
        start: '2010-12-01',
        end: '2010-12-10',
        label: '1 December 2010 to 10 December 2010',
        spec: '2010-12-01..2010-12-10',
      },
    ]);
  });

  it('gives one clipped part for a range inside a single month', () => {
    // 10 to 20 April 2011 lies inside April: one part, clipped at both ends.
    expect(splitIntoMonths(parsePeriod('2011-04-10..2011-04-20')).map((part) => part.spec)).toEqual([
      '2011-04-10..2011-04-20',
    ]);
  });

  it('gives whole months for a date range that starts and ends on month boundaries', () => {
    // 2010-10-01..2011-03-31 covers October to March exactly: six whole months.
    const parts = splitIntoMonths(parsePeriod('2010-10-01..2011-03-31'));
    expect(parts.map((part) => part.kind)).toEqual(Array(6).fill('month'));
  });

  it('gives a month as itself', () => {
    // A month is one whole month.
    expect(splitIntoMonths(parsePeriod('2012-02'))).toEqual([parsePeriod('2012-02')]);
  });

  it('splits a quarter and an academic year into their months', () => {
    // Q2 is April, May, June; AY2010 is September 2010 to August 2011, twelve months.
    expect(splitIntoMonths(parsePeriod('2010-Q2')).map((part) => part.label)).toEqual([
      'April 2010',
      'May 2010',
      'June 2010',
    ]);
    expect(splitIntoMonths(parsePeriod('AY2010')).map((part) => part.spec)).toHaveLength(12);
  });
});

describe('contains', () => {
  const fy2010 = parsePeriod('FY2010');

  it('includes both the first and the last day', () => {
    // The period is [2010-04-01, 2011-03-31], ends included.
    expect(contains(fy2010, '2010-04-01')).toBe(true);
    expect(contains(fy2010, '2011-03-31')).toBe(true);
    expect(contains(fy2010, '2011-04-29')).toBe(false);
  });

  it('excludes the day before and the day after', () => {
    // 2010-03-31 is the last day of FY2009; 2011-04-01 the first of FY2011.
    expect(contains(fy2010, '2010-03-31')).toBe(false);
    expect(contains(fy2010, '2011-04-01')).toBe(false);
  });

  it('refuses a date that is not YYYY-MM-DD', () => {
    // 29/04/2011 is UK-written; the core speaks ISO dates only.
    expect(() => contains(fy2010, '29/04/2011')).toThrow(RangeError);
  });
});

describe('monthOf', () => {
  it('gives the calendar month of a date', () => {
    // 29 April 2011 is in April 2011 (30 days).
    expect(monthOf('2011-04-29')).toEqual(parsePeriod('2011-04'));
  });

  it('gives February 2012 ending on the leap day', () => {
    // 2012 is a leap year.
    expect(monthOf('2012-02-10').end).toBe('2012-02-29');
  });

  it('refuses an impossible date', () => {
    // 2011 is not a leap year.
    expect(() => monthOf('2011-02-29')).toThrow(RangeError);
  });
});

describe('financialYearOf', () => {
  it('puts 31 March in the financial year that started the April before', () => {
    // 2011-03-31 is the last day of 2010/11.
    expect(financialYearOf('2011-03-31')).toEqual(parsePeriod('FY2010'));
  });

  it('puts 1 April in the financial year starting that day', () => {
    // 2011-04-01 is the first day of 2011/12.
    expect(financialYearOf('2011-04-01').label).toBe('2011/12');
  });

  it('gives 1999/00 for a date in early 2000', () => {
    // January 2000 is before April, so in the year that started in April 1999.
    expect(financialYearOf('2000-01-15').label).toBe('1999/00');
  });
});

describe('academicYearOf', () => {
  it('puts 31 August in the academic year that started the September before', () => {
    // 2011-08-31 is the last day of the 2010/11 academic year.
    expect(academicYearOf('2011-08-31')).toEqual(parsePeriod('AY2010'));
  });

  it('puts 1 September in the academic year starting that day', () => {
    // 2011-09-01 is the first day of AY2011.
    expect(academicYearOf('2011-09-01').spec).toBe('AY2011');
  });
});
