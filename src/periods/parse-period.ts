import { isIsoDate } from '../util/dates.js';
import {
  academicYearPeriod,
  dateRangePeriod,
  financialYearPeriod,
  monthPeriod,
  monthRangePeriod,
  type Period,
  periodKinds,
  quarterPeriod,
} from './period.js';

/** The accepted forms, as every error message lists them. */
const ACCEPTED_FORMS =
  'a month (2010-06), a calendar quarter (2010-Q2), a financial year (FY2010 or 2010/11), ' +
  'an academic year (AY2010), a range of whole months (2010-10..2011-03) ' +
  'or a range of dates (2010-10-01..2011-03-31)';

const MONTH = /^(\d{4})-(\d{2})$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const QUARTER = /^(\d{4})-Q(\d)$/i;
const FINANCIAL_YEAR = /^FY(\d{4})$/i;
const YEAR_PAIR = /^(\d{4})\/(\d{2})$/;
const ACADEMIC_YEAR = /^AY(\d{4})$/i;
const RANGE_SEPARATOR = /\s*\.\.\s*/;

function refuse(given: string, reason: string): never {
  throw new RangeError(
    `Cannot read the period ${JSON.stringify(given)}: ${reason}. Expected ${ACCEPTED_FORMS}.`,
  );
}

/** Reads `YYYY-MM` into a year and a month, refusing month 00 or 13. */
function readMonth(given: string, text: string): { year: number; month: number } | undefined {
  const match = MONTH.exec(text);
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  if (month < 1 || month > 12) refuse(given, `there is no month ${match[2]}`);
  return { year, month };
}

/** Reads `YYYY-MM-DD`, refusing impossible dates such as 2011-02-30. */
function readDate(given: string, text: string): string | undefined {
  if (!DATE.test(text)) return undefined;
  if (!isIsoDate(text)) refuse(given, `${text} is not a real date`);
  return text;
}

function parseRange(given: string, parts: readonly string[]): Period {
  const [firstText, lastText] = parts;
  if (parts.length !== 2 || firstText === undefined || lastText === undefined) {
    return refuse(given, 'a range has exactly one ".." between its first and last month or date');
  }
  const firstMonth = readMonth(given, firstText);
  const lastMonth = readMonth(given, lastText);
  if (firstMonth && lastMonth) {
    const period = monthRangePeriod(firstMonth, lastMonth);
    if (period.end < period.start)
      refuse(given, `the range ends (${lastText}) before it starts (${firstText})`);
    return period;
  }
  const firstDate = readDate(given, firstText);
  const lastDate = readDate(given, lastText);
  if (firstDate && lastDate) {
    if (lastDate < firstDate) refuse(given, `the range ends (${lastText}) before it starts (${firstText})`);
    return dateRangePeriod(firstDate, lastDate);
  }
  return refuse(given, 'a range joins two months (YYYY-MM..YYYY-MM) or two dates (YYYY-MM-DD..YYYY-MM-DD)');
}

function parseSingle(given: string, text: string): Period {
  if (text === '') refuse(given, 'it is empty');
  const month = readMonth(given, text);
  if (month) return monthPeriod(month.year, month.month);

  const quarter = QUARTER.exec(text);
  if (quarter) {
    const number = Number(quarter[2]);
    if (number < 1 || number > 4)
      refuse(given, `there is no quarter Q${quarter[2]} (calendar quarters are Q1 to Q4)`);
    return quarterPeriod(Number(quarter[1]), number);
  }

  const financialYear = FINANCIAL_YEAR.exec(text);
  if (financialYear) return yearPeriod(given, financialYearPeriod, Number(financialYear[1]));

  const yearPair = YEAR_PAIR.exec(text);
  if (yearPair) {
    const year = Number(yearPair[1]);
    const expected = String((year + 1) % 100).padStart(2, '0');
    if (yearPair[2] !== expected) {
      refuse(given, `a financial year runs into the next year, so ${year}/ must be followed by ${expected}`);
    }
    return yearPeriod(given, financialYearPeriod, year);
  }

  const academicYear = ACADEMIC_YEAR.exec(text);
  if (academicYear) return yearPeriod(given, academicYearPeriod, Number(academicYear[1]));

  if (DATE.test(text)) refuse(given, `a single date is not a period; write ${text}..${text} for one day`);
  return refuse(given, 'it matches none of the accepted forms');
}

/** Builds a financial or academic year, turning an unwritable end year into the parse error. */
function yearPeriod(given: string, build: (year: number) => Period, year: number): Period {
  if (year + 1 > 9999) refuse(given, `a year starting in ${year} would end after 9999`);
  return build(year);
}

function isPeriod(value: object): value is Period {
  const candidate = value as Partial<Record<keyof Period, unknown>>;
  return (
    periodKinds.includes(candidate.kind as Period['kind']) &&
    isIsoDate(candidate.start) &&
    isIsoDate(candidate.end) &&
    candidate.start <= candidate.end &&
    typeof candidate.label === 'string' &&
    typeof candidate.spec === 'string'
  );
}

/**
 * Reads a reporting period (SPEC 4), or passes a {@link Period} through unchanged.
 *
 * Accepted forms (surrounding whitespace is ignored, and so are spaces around `..`; `FY`, `AY` and `Q` may be lower
 * case):
 * - month `2010-06`;
 * - calendar quarter `2010-Q2` (April to June 2010);
 * - financial year `FY2010` or `2010/11` (2010-04-01 to 2011-03-31; the second year must be the next one, so
 *   `1999/00` is 1999/2000 and `2010/12` is refused);
 * - academic year `AY2010` (2010-09-01 to 2011-08-31);
 * - range of whole months `2010-10..2011-03` (2010-10-01 to 2011-03-31);
 * - range of dates `2010-10-01..2011-03-31`.
 *
 * Every string that cannot be read, whether its form is unknown (`FY10`, `''`) or its content is impossible
 * (`2011-13`, `2011-02-30..2011-03-01`, a range ending before it starts), throws a `RangeError` whose message quotes
 * the input, gives the reason and lists the accepted forms. A value that is neither a string nor a valid `Period`
 * throws a `TypeError`.
 * @param period - The period as written, or a `Period` (returned as it is, so that callers may pass either).
 * @returns The period, with its `kind`, `start`, `end`, `label` and canonical `spec`.
 * @throws {RangeError} when the string is not a period.
 * @throws {TypeError} when the value is neither a string nor a `Period`.
 * @example parsePeriod('2010-10..2011-03') //=> { kind: 'month-range', start: '2010-10-01', end: '2011-03-31', label: 'October 2010 to March 2011', spec: '2010-10..2011-03' }
 * @example parsePeriod('2010/11').spec //=> 'FY2010'
 */
export function parsePeriod(period: string | Period): Period {
  if (typeof period === 'object' && period !== null && isPeriod(period)) return period;
  if (typeof period !== 'string') {
    throw new TypeError(
      `Expected a period string or a Period { kind, start, end, label, spec } with start <= end, got ${describe(period)}`,
    );
  }
  const text = period.trim();
  const parts = text.split(RANGE_SEPARATOR);
  return parts.length > 1 ? parseRange(period, parts) : parseSingle(period, text);
}

function describe(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
