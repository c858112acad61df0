/**
 * Excel's day numbers ("serials") both ways, in the 1900 system (with Lotus 1-2-3's phantom 1900-02-29 kept as
 * serial 60) and the 1904 system, and which number formats show a number as a date.
 * @module
 */
import { fromDayNumber, type IsoDate, toDayNumber } from '../util/dates.js';

// Day numbers (days since 1970-01-01) of each system's day 0.
const EPOCH_1900 = toDayNumber('1899-12-30');
const EPOCH_1900_EARLY = toDayNumber('1899-12-31');
const EPOCH_1904 = toDayNumber('1904-01-01');
const PHANTOM_LEAP_DAY = 60;
// 9999-12-31, the last day Excel shows, in each system.
const LAST_SERIAL_1900 = 2_958_465;
const LAST_SERIAL_1904 = 2_957_003;

/**
 * The calendar date of a serial, or null when the number is no day Excel shows; a fraction (a time of day) is
 * dropped.
 *
 * @param serial - the cell's number.
 * @param date1904 - whether the workbook counts from 1904.
 * @returns the date, or null below day 1 (day 0 in 1904), above 9999-12-31, for 60 in the 1900 system (1900-02-29
 *   never was), or for a number that is not finite.
 * @example
 * serialToIsoDate(40298, false) //=> '2010-04-30'
 * serialToIsoDate(38836, true) //=> '2010-04-30'
 * serialToIsoDate(60, false) //=> null
 */
export function serialToIsoDate(serial: number, date1904: boolean): IsoDate | null {
  if (!Number.isFinite(serial)) return null;
  const day = Math.floor(serial);
  if (date1904) return day < 0 || day > LAST_SERIAL_1904 ? null : fromDayNumber(EPOCH_1904 + day);
  if (day < 1 || day > LAST_SERIAL_1900 || day === PHANTOM_LEAP_DAY) return null;
  return fromDayNumber((day < PHANTOM_LEAP_DAY ? EPOCH_1900_EARLY : EPOCH_1900) + day);
}

/**
 * The serial of a date in the 1900 system, as the writer stores dates.
 *
 * @param date - a real `YYYY-MM-DD` date from 1900-01-01 to 9999-12-31.
 * @returns its serial.
 * @throws {RangeError} for a string that is not such a date.
 * @example
 * isoDateToSerial('2010-04-30') //=> 40298
 * isoDateToSerial('1900-02-28') //=> 59
 */
export function isoDateToSerial(date: IsoDate): number {
  const day = toDayNumber(date);
  const serial = day - EPOCH_1900;
  if (serial < 61) {
    const early = day - EPOCH_1900_EARLY;
    if (early < 1) throw new RangeError(`Expected a date from 1900-01-01, got ${JSON.stringify(date)}`);
    return early;
  }
  if (serial > LAST_SERIAL_1900)
    throw new RangeError(`Expected a date up to 9999-12-31, got ${JSON.stringify(date)}`);
  return serial;
}

/**
 * Built-in number formats that show a date (ECMA-376 §18.8.30, with the East Asian ones); the built-in formats that
 * show only a time (18 to 21, 45 to 47) are not among them.
 */
const BUILT_IN_DATE_FORMATS = new Set([
  14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 50, 51, 52, 53, 54, 55, 56, 57, 58,
]);

/**
 * Whether a number format shows a number as a calendar date: a built-in date format, or a format code with a day
 * or a year, or a month without hours or seconds, outside quoted text, escapes and brackets. A format that shows
 * only a time or a duration (`hh:mm`, `[h]:mm`, `mm:ss`) is not a date format: its cells stay numbers, so that a
 * time is never read as the date 1900-01-00.
 *
 * @param id - the format's id.
 * @param code - its format code, for ids from 164 (and any built-in id the workbook redefines).
 * @returns true for a date format.
 * @example
 * isDateFormat(14, undefined) //=> true
 * isDateFormat(164, 'dd/mm/yyyy') //=> true
 * isDateFormat(165, '[$-809]dd mmmm yyyy;@') //=> true
 * isDateFormat(166, '0.0%') //=> false
 * isDateFormat(167, '[h]:mm') //=> false
 * isDateFormat(168, '0.0" days"') //=> false
 */
export function isDateFormat(id: number, code: string | undefined): boolean {
  if (code === undefined) return BUILT_IN_DATE_FORMATS.has(id);
  // Only the first section (positive numbers) decides, as spreadsheet programs do.
  const first =
    code
      .replace(/"[^"]*"/g, '')
      .replace(/\\./g, '')
      .replace(/_.|\*./g, '')
      .replace(/\[(?:h+|m+|s+)\]/gi, 'h')
      .replace(/\[[^\]]*\]/g, '')
      .split(';')[0]
      ?.replace(/General/gi, '')
      .toLowerCase() ?? '';
  return /[dy]/.test(first) || (first.includes('m') && !/[hs]/.test(first));
}
