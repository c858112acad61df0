/**
 * Reading one date cell (SPEC 2, SPEC 13): `YYYY-MM-DD` and `DD/MM/YYYY` by default, `MM/DD/YYYY` when the caller
 * says so, English month names as case systems export them (`01-Oct-2010`, `12 October 2010`), a time part ignored,
 * and everything else an issue that says what was found and what is expected. Never a guess.
 * @module
 */
import { CALENDAR_RANGE } from '../calendar/index.js';
import { addDays, daysInMonth, type IsoDate, isoFromYmd, MONTH_NAMES } from '../util/dates.js';
import { showValue } from './values.js';

/**
 * How slash dates are read:
 * - `auto` (default): `YYYY-MM-DD` and `DD/MM/YYYY`, the UK export default; a slash date that can only be read
 *   month first (`10/13/2010`) is an `ambiguous_date`.
 * - `dmy`: `DD/MM/YYYY` (and `YYYY-MM-DD`).
 * - `mdy`: `MM/DD/YYYY` (and `YYYY-MM-DD`).
 * - `ymd`: `YYYY-MM-DD` only.
 *
 * A date written year first is always read year, month, day: no order can misread it, so every format accepts it.
 */
export type DateFormat = 'auto' | 'dmy' | 'ymd' | 'mdy';

/**
 * Every date format, the default first.
 * @example dateFormats.includes('mdy') //=> true
 */
export const dateFormats: readonly DateFormat[] = ['auto', 'dmy', 'ymd', 'mdy'];

/**
 * Which dates a field may hold (SPEC 13 "Dates outside the calendar"):
 * - `calendar` (default): 1990-01-01 to 2100-12-31, the working-day calendar's range, for every date that enters
 *   working-day arithmetic (a referral, an assessment's completion, an allocation);
 * - `from-1900`: 1900-01-01 to 2100-12-31, for dates that are only checked as real dates (a birth date, the start of
 *   a worker's role).
 */
export type DateRange = 'calendar' | 'from-1900';

/**
 * The first and last date of each {@link DateRange}.
 * @example dateRanges['from-1900'] //=> { start: '1900-01-01', end: '2100-12-31' }
 */
export const dateRanges: Readonly<Record<DateRange, { readonly start: IsoDate; readonly end: IsoDate }>> = {
  calendar: CALENDAR_RANGE,
  'from-1900': { start: '1900-01-01', end: CALENDAR_RANGE.end },
};

/** Options of {@link parseDateCell}. */
export interface ParseDateCellOptions {
  /** How slash dates are read. Default `auto`: `YYYY-MM-DD` or `DD/MM/YYYY`. */
  readonly dateFormat?: DateFormat;
  /**
   * Which dates are in range. Default `calendar`: 1990-01-01 to 2100-12-31. `from-1900`: 1900-01-01 to 2100-12-31,
   * for birth dates and other dates that never enter working-day arithmetic.
   */
  readonly range?: DateRange;
}

/** The outcome of reading a date cell: the date, or the issue code and a message. */
export type DateCellResult =
  | { readonly ok: true; readonly date: IsoDate }
  | {
      readonly ok: false;
      readonly code: 'invalid_date' | 'ambiguous_date' | 'out_of_range';
      readonly message: string;
    };

const EXPECTED: Readonly<Record<DateFormat, string>> = {
  auto: 'YYYY-MM-DD or DD/MM/YYYY',
  dmy: 'DD/MM/YYYY or YYYY-MM-DD',
  mdy: 'MM/DD/YYYY or YYYY-MM-DD',
  ymd: 'YYYY-MM-DD',
};

// Three numbers with one separator, then optionally a time part after `T` or spaces.
const DATE_PARTS = /^(\d+)([-/.])(\d+)\2(\d+)(?:(?:T|\s+)(.*))?$/;
// HH:MM[:SS[.fff]] [AM|PM] [Z|+HH:MM]
const TIME_PART =
  /^(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(?:([AaPp])\.?[Mm]\.?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/;
const PLAIN_NUMBER = /^\d+(?:\.\d+)?$/;
// Day, month name, year: `01-Oct-2010`, `1/Oct/2010`, `12 October 2010`, `1 Oct. 2010`, `1 October, 2010`; then
// optionally a time part after `T` or spaces.
const NAMED_MONTH_PARTS =
  /^(\d+)(?:-([A-Za-z]+)\.?-|\/([A-Za-z]+)\.?\/|\s+([A-Za-z]+)\.?,?\s+)(\d+)(?:(?:T|\s+)(.*))?$/;
/** English month names and their abbreviations, lower case, to month numbers. */
const MONTHS_BY_NAME: ReadonlyMap<string, number> = new Map([
  ...MONTH_NAMES.map((name, index) => [name.toLowerCase(), index + 1] as const),
  ...MONTH_NAMES.map((name, index) => [name.slice(0, 3).toLowerCase(), index + 1] as const),
  ['sept', 9],
]);
// Excel's serial day 1 is 1900-01-01 (with its phantom 1900-02-29); from day 61, day n is 1899-12-30 + n.
const EXCEL_EPOCH = '1899-12-30';
const EXCEL_LAST_SERIAL = 2_958_465; // 9999-12-31

function fail(code: 'invalid_date' | 'ambiguous_date' | 'out_of_range', message: string): DateCellResult {
  return { ok: false, code, message };
}

function excelSerialMessage(shown: string, serial: number, expected: string): string {
  const day = Math.floor(serial);
  const would =
    day >= 61 && day <= EXCEL_LAST_SERIAL
      ? ` (as an Excel serial day number it is ${addDays(EXCEL_EPOCH, day)})`
      : '';
  return `${shown} is a number, not a date${would}: format the column as a date before saving, expected ${expected}`;
}

/** Checks the time part after a date; returns a message when it is not acceptable. */
function checkTime(time: string, shown: string): string | undefined {
  const match = TIME_PART.exec(time.trim());
  if (!match)
    return `${shown} has a time part that is not a time ("${time.trim()}"): expected HH:MM or HH:MM:SS`;
  const hour = Number(match[1]);
  const minute = Number(match[2]);
  const second = match[3] === undefined ? 0 : Number(match[3]);
  const meridiem = match[4];
  const hourOk = meridiem === undefined ? hour <= 23 : hour >= 1 && hour <= 12;
  if (!hourOk || minute > 59 || second > 59) {
    return `${shown} has a time part that is not a time ("${time.trim()}"): expected HH:MM or HH:MM:SS`;
  }
  const zone = match[5];
  const midnight = (meridiem === undefined ? hour === 0 : hour === 12 && /a/i.test(meridiem)) && minute === 0;
  if (zone !== undefined && !(midnight && second === 0)) {
    return `${shown} is an instant with a time zone (${zone}), not a calendar date: its date depends on the zone (an instant written in UTC at 23:00 is the next day in UK summer time); write the date alone, as YYYY-MM-DD`;
  }
  return undefined;
}

/**
 * Reads one date cell into an ISO date, or says why it cannot.
 *
 * Accepted: a date written year first (`2010-10-01`, also with `/` or `.`), or day first (`01/10/2010`, `1/10/2010`,
 * also with `-` or `.`) under `auto` and `dmy`, or month first under `mdy`; under every format, a day, an English
 * month name or its abbreviation in any case (`Sept` too) and a four-digit year, joined by hyphens, slashes or spaces
 * (`01-Oct-2010`, `1 Oct 2010`, `12 October 2010`, `1-october-2010`); then optionally a time after a space or `T`
 * (`2010-10-01 00:00:00`, `01/10/2010 09:30`, `01-Oct-2010 09:30`, `2010-10-01T00:00:00.000Z`), which is ignored. A
 * time with a time zone is accepted only at midnight: otherwise its date depends on the zone. Not accepted, each with
 * a message: an impossible date (`31/02/2011`, `31-Feb-2011`: `invalid_date`), a two-digit year (`01/10/10`,
 * `01-Oct-10`: `ambiguous_date`), an Excel serial number (`40452`: `invalid_date`, saying which date it would be), a
 * date outside the range (`out_of_range`: 1990-01-01 to 2100-12-31, or from 1900-01-01 with `range: 'from-1900'`), a
 * `Date` object (an instant, not a calendar date: `invalid_date`).
 *
 * @param value - the cell: a string, or a JSON value.
 * @param options - `dateFormat` (default `auto`), `range` (default `calendar`: 1990-01-01 to 2100-12-31).
 * @returns `{ ok: true, date }` or `{ ok: false, code, message }`.
 * @example
 * parseDateCell('01/10/2010 09:30') //=> { ok: true, date: '2010-10-01' }
 * parseDateCell('12 October 2010') //=> { ok: true, date: '2010-10-12' }
 * parseDateCell('14/03/1985', { range: 'from-1900' }) //=> { ok: true, date: '1985-03-14' }
 * parseDateCell('31/02/2011')
 * //=> { ok: false, code: 'invalid_date', message: '"31/02/2011" is not a real date: February 2011 has 28 days' }
 */
export function parseDateCell(value: unknown, options: ParseDateCellOptions = {}): DateCellResult {
  const format = options.dateFormat ?? 'auto';
  const range = dateRanges[options.range ?? 'calendar'];
  const expected = EXPECTED[format];
  if (typeof value === 'number') {
    if (Number.isFinite(value) && value > 0)
      return fail('invalid_date', excelSerialMessage(String(value), value, expected));
    return fail('invalid_date', `${String(value)} is a number, not a date: expected ${expected}`);
  }
  if (value instanceof Date) {
    return fail(
      'invalid_date',
      `a Date object is an instant, not a calendar date (its date depends on the time zone): pass the date as a string, ${expected}`,
    );
  }
  if (typeof value !== 'string') {
    return fail('invalid_date', `${showValue(value)} is not a date: expected ${expected}`);
  }
  const text = value.trim();
  // Quoted; a very long cell shortened, with its length.
  const shown = showValue(text);
  if (PLAIN_NUMBER.test(text)) return fail('invalid_date', excelSerialMessage(shown, Number(text), expected));
  const match = DATE_PARTS.exec(text);
  if (!match) {
    const named = NAMED_MONTH_PARTS.exec(text);
    if (named) return readNamedMonth(named, shown, expected, range);
    return fail('invalid_date', `${shown} is not a date: expected ${expected}`);
  }
  const [, first = '', separator = '', second = '', third = '', time] = match;

  let year: number;
  let month: number;
  let day: number;
  let monthFirstReading: { month: number; day: number } | undefined;
  if (first.length === 4 && second.length <= 2 && third.length <= 2) {
    // Year first: unambiguous in every format.
    year = Number(first);
    month = Number(second);
    day = Number(third);
  } else if (first.length <= 2 && second.length <= 2 && (third.length === 2 || third.length === 1)) {
    return fail(
      'ambiguous_date',
      `${shown} has a two-digit year, which does not say its century: write the year in full, expected ${expected}`,
    );
  } else if (first.length <= 2 && second.length <= 2 && third.length === 4) {
    if (format === 'ymd') {
      return fail(
        'invalid_date',
        `${shown} is not written year first: expected ${expected} (date format ymd)`,
      );
    }
    year = Number(third);
    const a = Number(first);
    const b = Number(second);
    if (format === 'mdy') {
      month = a;
      day = b;
    } else {
      day = a;
      month = b;
      monthFirstReading = { month: a, day: b };
    }
  } else {
    return fail('invalid_date', `${shown} is not a date: expected ${expected}`);
  }

  if (month < 1 || month > 12) {
    const alt = monthFirstReading;
    if (
      alt !== undefined &&
      alt.month >= 1 &&
      alt.month <= 12 &&
      alt.day >= 1 &&
      alt.day <= daysInMonth(year, alt.month)
    ) {
      const order = separator === '/' ? 'DD/MM/YYYY' : `DD${separator}MM${separator}YYYY`;
      const reading = `${MONTH_NAMES[alt.month - 1]} ${alt.day}`;
      if (format === 'auto') {
        return fail(
          'ambiguous_date',
          `${shown} can only be read month first (${reading}), but dates are read day first (${order}): if this file writes the month first, read it with date format mdy`,
        );
      }
      return fail(
        'invalid_date',
        `${shown} is not a real date read day first (${order}): ${month} is not a month; read month first it would be ${reading} (date format mdy)`,
      );
    }
    return fail(
      'invalid_date',
      `${shown} is not a real date: ${month} is not a month (expected ${expected})`,
    );
  }
  return checkedDate(year, month, day, time, shown, range);
}

/** The date of a year, month and day read from a cell: its day checked, its time part checked, and its range. */
function checkedDate(
  year: number,
  month: number,
  day: number,
  time: string | undefined,
  shown: string,
  range: { readonly start: IsoDate; readonly end: IsoDate },
): DateCellResult {
  if (day < 1 || day > daysInMonth(year, month)) {
    return fail(
      'invalid_date',
      `${shown} is not a real date: ${MONTH_NAMES[month - 1]} ${year} has ${daysInMonth(year, month)} days`,
    );
  }
  const date = isoFromYmd(year, month, day);
  if (time !== undefined) {
    const problem = checkTime(time, shown);
    if (problem !== undefined) return fail('invalid_date', problem);
  }
  if (date < range.start || date > range.end) {
    return fail(
      'out_of_range',
      `${shown} is outside the dates the library reads${range === dateRanges.calendar ? '' : ' for this field'}, ${range.start} to ${range.end}: check the year`,
    );
  }
  return { ok: true, date };
}

/** Reads a date written day, month name, year (`01-Oct-2010`): never ambiguous, so read under every format. */
function readNamedMonth(
  match: RegExpExecArray,
  shown: string,
  expected: string,
  range: { readonly start: IsoDate; readonly end: IsoDate },
): DateCellResult {
  const [, dayText = '', hyphenated, slashed, spaced, yearText = '', time] = match;
  const name = hyphenated ?? slashed ?? spaced ?? '';
  const month = MONTHS_BY_NAME.get(name.toLowerCase());
  if (month === undefined) {
    return fail(
      'invalid_date',
      `${shown} is not a date: ${JSON.stringify(name)} is not an English month name (expected ${expected}, or a month name such as 01-Oct-2010)`,
    );
  }
  if (yearText.length <= 2 && dayText.length <= 2) {
    return fail(
      'ambiguous_date',
      `${shown} has a two-digit year, which does not say its century: write the year in full, expected ${expected}`,
    );
  }
  if (yearText.length !== 4 || dayText.length > 2) {
    return fail(
      'invalid_date',
      `${shown} is not a date: expected ${expected}, or a month name such as 01-Oct-2010`,
    );
  }
  return checkedDate(Number(yearText), month, Number(dayText), time, shown, range);
}
