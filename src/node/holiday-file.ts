import { readFile } from 'node:fs/promises';
import type { HolidayList } from '../calendar/calendar.js';
import { parseHolidayList } from '../calendar/holiday-list.js';

/**
 * Reads a holiday or closure list from a file, for `createCalendar({ holidays })` or `{ closures }`.
 *
 * Accepted: a `.json` file holding an array of ISO dates or `{ date, name }` objects, or the UK government
 * `bank-holidays.json` feed; any other file as text, one date a line, optionally followed by a comma and a name
 * (a header line starting `date` and lines starting `#` are skipped).
 *
 * @param path - the file to read.
 * @returns the list, ready for `createCalendar`.
 * @throws {Error} naming the file, line and value when the file cannot be read or a line is not a date.
 * @example
 * const closures = await readHolidayFile('closures.csv'); // "2010-12-29,Council closure" a line
 * createCalendar({ closures }).isWorkingDay('2010-12-29'); //=> false
 */
export async function readHolidayFile(path: string): Promise<HolidayList> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new Error(
      `${path}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? String(error)})`,
    );
  }
  return parseHolidayList(text, path);
}
