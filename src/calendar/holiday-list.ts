/**
 * Holiday and closure lists as files hold them: JSON (an array of dates or `{ date, name }` objects, or the UK
 * government `bank-holidays.json` feed) or text, one date a line. The reading of a file's text, shared by node and
 * the browser page.
 * @module
 */
import { isIsoDate } from '../util/dates.js';
import type { Holiday, HolidayList } from './calendar.js';

/**
 * Reads a holiday or closure list from a file's text, for `createCalendar({ holidays })` or `{ closures }`.
 *
 * Accepted: a `.json` file's text holding an array of ISO dates or `{ date, name }` objects, or the UK government
 * `bank-holidays.json` feed; any other file's text, one date a line, optionally followed by a comma and a name (a
 * header line starting `date` and lines starting `#` are skipped).
 *
 * @param text - the file's text (a byte-order mark is dropped).
 * @param path - the file's name: `.json` is read as JSON; messages name it.
 * @returns the list, ready for `createCalendar`.
 * @throws {Error} naming the file, line (or item) and value when an entry is not a date.
 * @example
 * parseHolidayList('date,name\n2010-12-29,Council closure\n', 'closures.csv') //=> [{ date: '2010-12-29', name: 'Council closure' }]
 */
export function parseHolidayList(text: string, path: string): HolidayList {
  const content = text.replace(/^\uFEFF/, '');
  if (path.toLowerCase().endsWith('.json')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(content);
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
  content.split(/\r?\n/).forEach((raw, index) => {
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
