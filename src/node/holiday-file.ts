import { readFile } from 'node:fs/promises';
import type { Holiday, HolidayList } from '../calendar/index.js';
import { isIsoDate } from '../util/dates.js';

/**
 * Reads a holiday or closure list from a file, for `createCalendar({ holidays })` or `{ closures }`.
 *
 * Accepted: a `.json` file holding an array of ISO dates or `{ date, name }` objects, or the UK government
 * `bank-holidays.json` feed; any other file as text, one date a line, optionally followed by a comma and a name
 * (a header line starting `date` and lines starting `#` are skipped).
 *
 * @param path - the file to read.
 * @returns the list, ready for {@link createCalendar}.
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
  text = text.replace(/^\uFEFF/, '');
  if (path.toLowerCase().endsWith('.json')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      throw new Error(`${path}: not valid JSON (${(error as Error).message})`);
    }
    if (Array.isArray(parsed)) {
      return parsed.map((item, i) => {
        const date = typeof item === 'string' ? item : (item as { date?: unknown })?.date;
        if (!isIsoDate(date)) {
          throw new Error(
            `${path}: item ${i + 1}: expected a date written YYYY-MM-DD, got ${JSON.stringify(date)}`,
          );
        }
        const name =
          typeof item === 'object' && item && typeof item.name === 'string' ? item.name : undefined;
        return name ? { date, name } : date;
      });
    }
    if (parsed && typeof parsed === 'object') return parsed as HolidayList;
    throw new Error(`${path}: expected an array of dates or the UK government bank-holidays.json object`);
  }
  const holidays: Holiday[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || (index === 0 && /^"?date"?\b/i.test(line))) return;
    const [first = '', ...rest] = line.split(',');
    const date = first.trim().replace(/^"|"$/g, '');
    if (!isIsoDate(date)) {
      throw new Error(
        `${path}: line ${index + 1}: expected a date written YYYY-MM-DD, got ${JSON.stringify(date)}`,
      );
    }
    const name = rest.join(',').trim().replace(/^"|"$/g, '');
    holidays.push({ date, name: name || 'Closure day' });
  });
  return holidays;
}
