import { daysInMonth, type IsoDate, isIsoDate, isoFromYmd, MONTH_NAMES, ymdOf } from '../util/dates.js';

/** The forms a reporting period takes (SPEC 4). */
export type PeriodKind =
  | 'month'
  | 'quarter'
  | 'financial-year'
  | 'academic-year'
  | 'month-range'
  | 'date-range';

/**
 * Every period kind, in the order {@link parsePeriod} lists the accepted forms.
 * @example periodKinds.includes('quarter') //=> true
 */
export const periodKinds: readonly PeriodKind[] = [
  'month',
  'quarter',
  'financial-year',
  'academic-year',
  'month-range',
  'date-range',
];

/**
 * A reporting period: the dates from `start` to `end`, both included.
 *
 * Labels by kind:
 * - `month`: `June 2010`
 * - `quarter` (calendar quarters): `Q2 2010 (April to June 2010)`
 * - `financial-year` (April to March): `2010/11`
 * - `academic-year` (September to August): `2010/11 academic year`
 * - `month-range`: `October 2010 to March 2011` (one month alone: `June 2010`)
 * - `date-range`: `1 October 2010 to 31 March 2011` (one day alone: `1 October 2010`)
 */
export interface Period {
  /** The form the period was written in. */
  readonly kind: PeriodKind;
  /** The first day of the period. */
  readonly start: IsoDate;
  /** The last day of the period (included). */
  readonly end: IsoDate;
  /** A label for people, e.g. `October 2010 to March 2011`. */
  readonly label: string;
  /** The canonical string, which {@link parsePeriod} reads back to an equal period, e.g. `2010-10..2011-03`. */
  readonly spec: string;
}

/** The latest year a date can be written in with four digits. */
const LAST_YEAR = 9999;

/** A year written with four digits, as in the specs and labels (`0999`, `2010`). */
function yearText(year: number): string {
  return String(year).padStart(4, '0');
}

function monthName(month: number): string {
  return MONTH_NAMES[month - 1] ?? String(month);
}

function yearMonthSpec(year: number, month: number): string {
  return isoFromYmd(year, month, 1).slice(0, 7);
}

/** `2010/11`, `1999/00`: the first year and the last two digits of the next. */
function yearPairLabel(year: number): string {
  return `${yearText(year)}/${String((year + 1) % 100).padStart(2, '0')}`;
}

function monthLabel(year: number, month: number): string {
  return `${monthName(month)} ${yearText(year)}`;
}

function dateLabel(date: IsoDate): string {
  const { year, month, day } = ymdOf(date);
  return `${day} ${monthName(month)} ${yearText(year)}`;
}

function assertYearPairFits(year: number, what: string): void {
  if (year < 0 || year + 1 > LAST_YEAR) {
    throw new RangeError(
      `Expected a ${what} starting in a year from 0 to ${LAST_YEAR - 1} (its end must be a four-digit year), got ${year}`,
    );
  }
}

/**
 * The calendar month `month` (1-12) of `year`.
 * @param year - The year, e.g. `2010`.
 * @param month - The month, 1 (January) to 12 (December).
 * @returns The month as a period of kind `month`.
 * @example monthPeriod(2012, 2) //=> { kind: 'month', start: '2012-02-01', end: '2012-02-29', label: 'February 2012', spec: '2012-02' }
 */
export function monthPeriod(year: number, month: number): Period {
  return {
    kind: 'month',
    start: isoFromYmd(year, month, 1),
    end: isoFromYmd(year, month, daysInMonth(year, month)),
    label: monthLabel(year, month),
    spec: yearMonthSpec(year, month),
  };
}

/**
 * The calendar quarter `quarter` (1-4) of `year`: Q1 is January to March.
 * @param year - The year, e.g. `2010`.
 * @param quarter - The quarter, 1 to 4.
 * @returns The quarter as a period of kind `quarter`.
 * @example quarterPeriod(2010, 2) //=> { kind: 'quarter', start: '2010-04-01', end: '2010-06-30', label: 'Q2 2010 (April to June 2010)', spec: '2010-Q2' }
 */
export function quarterPeriod(year: number, quarter: number): Period {
  const firstMonth = (quarter - 1) * 3 + 1;
  const lastMonth = firstMonth + 2;
  return {
    kind: 'quarter',
    start: isoFromYmd(year, firstMonth, 1),
    end: isoFromYmd(year, lastMonth, daysInMonth(year, lastMonth)),
    label: `Q${quarter} ${yearText(year)} (${monthName(firstMonth)} to ${monthName(lastMonth)} ${yearText(year)})`,
    spec: `${yearText(year)}-Q${quarter}`,
  };
}

/**
 * The financial year starting on 1 April of `year` and ending on 31 March of the next.
 * @param year - The year the financial year starts in, e.g. `2010` for 2010/11.
 * @returns The financial year as a period of kind `financial-year`.
 * @throws {RangeError} when the year is before 0 or the period ends after 9999.
 * @example financialYearPeriod(2010) //=> { kind: 'financial-year', start: '2010-04-01', end: '2011-03-31', label: '2010/11', spec: 'FY2010' }
 */
export function financialYearPeriod(year: number): Period {
  assertYearPairFits(year, 'financial year');
  return {
    kind: 'financial-year',
    start: isoFromYmd(year, 4, 1),
    end: isoFromYmd(year + 1, 3, 31),
    label: yearPairLabel(year),
    spec: `FY${yearText(year)}`,
  };
}

/**
 * The academic year starting on 1 September of `year` and ending on 31 August of the next.
 * @param year - The year the academic year starts in, e.g. `2010` for 2010/11.
 * @returns The academic year as a period of kind `academic-year`.
 * @throws {RangeError} when the year is before 0 or the period ends after 9999.
 * @example academicYearPeriod(2010) //=> { kind: 'academic-year', start: '2010-09-01', end: '2011-08-31', label: '2010/11 academic year', spec: 'AY2010' }
 */
export function academicYearPeriod(year: number): Period {
  assertYearPairFits(year, 'academic year');
  return {
    kind: 'academic-year',
    start: isoFromYmd(year, 9, 1),
    end: isoFromYmd(year + 1, 8, 31),
    label: `${yearPairLabel(year)} academic year`,
    spec: `AY${yearText(year)}`,
  };
}

/**
 * The whole months from one month to another, both included. The caller ensures the first is not after the last.
 * @param first - The first month's year and month (1-12).
 * @param last - The last month's year and month (1-12).
 * @returns The range as a period of kind `month-range`.
 * @example monthRangePeriod({ year: 2010, month: 10 }, { year: 2011, month: 3 }) //=> { kind: 'month-range', start: '2010-10-01', end: '2011-03-31', label: 'October 2010 to March 2011', spec: '2010-10..2011-03' }
 */
export function monthRangePeriod(
  first: { readonly year: number; readonly month: number },
  last: { readonly year: number; readonly month: number },
): Period {
  const firstLabel = monthLabel(first.year, first.month);
  const lastLabel = monthLabel(last.year, last.month);
  return {
    kind: 'month-range',
    start: isoFromYmd(first.year, first.month, 1),
    end: isoFromYmd(last.year, last.month, daysInMonth(last.year, last.month)),
    label: firstLabel === lastLabel ? firstLabel : `${firstLabel} to ${lastLabel}`,
    spec: `${yearMonthSpec(first.year, first.month)}..${yearMonthSpec(last.year, last.month)}`,
  };
}

/**
 * The days from `start` to `end`, both included. The caller ensures both are real dates and `start <= end`.
 * @param start - The first day.
 * @param end - The last day.
 * @returns The range as a period of kind `date-range`.
 * @example dateRangePeriod('2010-10-01', '2011-03-31') //=> { kind: 'date-range', start: '2010-10-01', end: '2011-03-31', label: '1 October 2010 to 31 March 2011', spec: '2010-10-01..2011-03-31' }
 */
export function dateRangePeriod(start: IsoDate, end: IsoDate): Period {
  const startLabel = dateLabel(start);
  return {
    kind: 'date-range',
    start,
    end,
    label: start === end ? startLabel : `${startLabel} to ${dateLabel(end)}`,
    spec: `${start}..${end}`,
  };
}

function assertDate(date: IsoDate): void {
  if (!isIsoDate(date)) {
    throw new RangeError(`Expected a date written YYYY-MM-DD, got ${JSON.stringify(date)}`);
  }
}

/**
 * Whether a date falls in a period: `start <= date <= end`.
 * @param period - The period.
 * @param date - The date to test.
 * @returns `true` when the date is in the period, both ends included.
 * @throws {RangeError} when `date` is not a real `YYYY-MM-DD` date.
 * @example contains(parsePeriod('FY2010'), '2011-03-31') //=> true
 */
export function contains(period: Period, date: IsoDate): boolean {
  assertDate(date);
  return period.start <= date && date <= period.end;
}

/**
 * The calendar month a date falls in.
 * @param date - A date.
 * @returns The month as a period of kind `month`.
 * @throws {RangeError} when `date` is not a real `YYYY-MM-DD` date.
 * @example monthOf('2011-04-29').spec //=> '2011-04'
 */
export function monthOf(date: IsoDate): Period {
  const { year, month } = ymdOf(date);
  return monthPeriod(year, month);
}

/**
 * The financial year (April to March) a date falls in.
 * @param date - A date.
 * @returns The financial year as a period of kind `financial-year`.
 * @throws {RangeError} when `date` is not a real `YYYY-MM-DD` date, or its financial year starts before year 0 or
 *   ends after 9999.
 * @example financialYearOf('2011-03-31').label //=> '2010/11'
 */
export function financialYearOf(date: IsoDate): Period {
  const { year, month } = ymdOf(date);
  return financialYearPeriod(month >= 4 ? year : year - 1);
}

/**
 * The academic year (September to August) a date falls in.
 * @param date - A date.
 * @returns The academic year as a period of kind `academic-year`.
 * @throws {RangeError} when `date` is not a real `YYYY-MM-DD` date, or its academic year starts before year 0 or
 *   ends after 9999.
 * @example academicYearOf('2010-09-01').spec //=> 'AY2010'
 */
export function academicYearOf(date: IsoDate): Period {
  const { year, month } = ymdOf(date);
  return academicYearPeriod(month >= 9 ? year : year - 1);
}
