/**
 * Excel's day numbers ("serials"): the one place the library reads a number as a date is a numeric cell of a date
 * column in a workbook, and this is how: the workbook module's conversion (`workbook/serials.ts`), with an options
 * object.
 * @module
 */
import type { IsoDate } from '../util/dates.js';
import { serialToIsoDate } from '../workbook/serials.js';

/** Options of {@link excelSerialToIsoDate}. */
export interface ExcelSerialOptions {
  /**
   * Whether the workbook counts days from 1904 (the old Mac default, set in the workbook's properties) instead of
   * 1900. Default false.
   */
  readonly date1904?: boolean;
}

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
  return serialToIsoDate(serial, options.date1904 === true);
}
