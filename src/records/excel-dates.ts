/**
 * Excel's day numbers ("serials"): the one place the library reads a number as a date is a numeric cell of a date
 * column in a workbook, and this is how.
 * @module
 */
import { addDays, type IsoDate } from '../util/dates.js';

/** Options of {@link excelSerialToIsoDate}. */
export interface ExcelSerialOptions {
  /**
   * Whether the workbook counts days from 1904 (the old Mac default, set in the workbook's properties) instead of
   * 1900. Default false.
   */
  readonly date1904?: boolean;
}

// The 1900 system: serial 1 is 1900-01-01 and Excel keeps Lotus 1-2-3's phantom 1900-02-29 as serial 60, so serials
// 1 to 59 count from 1899-12-31 and serials from 61 from 1899-12-30.
const EPOCH_1900_EARLY = '1899-12-31';
const EPOCH_1900 = '1899-12-30';
const PHANTOM_LEAP_DAY = 60;
// The 1904 system: serial 0 is 1904-01-01.
const EPOCH_1904 = '1904-01-01';
// 9999-12-31, the last day Excel shows, in each system.
const LAST_SERIAL_1900 = 2_958_465;
const LAST_SERIAL_1904 = 2_957_003;

/**
 * The calendar date of an Excel serial day number, or null when the number is no date Excel can show. A fraction
 * (a time of day) is dropped: 40298.75 is 2010-04-30 at 18:00, so 2010-04-30.
 *
 * @param serial - the cell's number.
 * @param options - `date1904` (default false: the 1900 system).
 * @returns the date as `YYYY-MM-DD`, or null for a number below 1 (0 in the 1904 system), above 9999-12-31, not
 *   finite, or 60 in the 1900 system (Excel's 1900-02-29, a day that never was).
 * @example
 * excelSerialToIsoDate(40298) //=> '2010-04-30'
 * excelSerialToIsoDate(40299) //=> '2010-05-01'
 * excelSerialToIsoDate(59) //=> '1900-02-28'
 * excelSerialToIsoDate(60) //=> null (1900-02-29 never was)
 * excelSerialToIsoDate(61) //=> '1900-03-01'
 * excelSerialToIsoDate(38836, { date1904: true }) //=> '2010-04-30'
 */
export function excelSerialToIsoDate(serial: number, options: ExcelSerialOptions = {}): IsoDate | null {
  if (!Number.isFinite(serial)) return null;
  const day = Math.floor(serial);
  if (options.date1904 === true) {
    if (day < 0 || day > LAST_SERIAL_1904) return null;
    return addDays(EPOCH_1904, day);
  }
  if (day < 1 || day > LAST_SERIAL_1900 || day === PHANTOM_LEAP_DAY) return null;
  return addDays(day < PHANTOM_LEAP_DAY ? EPOCH_1900_EARLY : EPOCH_1900, day);
}
