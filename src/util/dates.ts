/**
 * Plain calendar dates as ISO strings, and the integer day numbers used inside hot loops.
 *
 * A day number is the count of days since 1970-01-01 (day 0). Conversions go through UTC so that a date never
 * shifts with the machine's time zone or summer time.
 * @module
 */

/** A plain calendar date written `YYYY-MM-DD`, with no time and no zone. */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/**
 * Whether `year`-`month`-`day` is a real date in the proleptic Gregorian calendar.
 * @example isValidYmd(2012, 2, 29) //=> true
 */
export function isValidYmd(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

/**
 * The number of days in a month (1-12) of a year.
 * @example daysInMonth(2011, 2) //=> 28
 */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * Whether a string is a real `YYYY-MM-DD` date (`2011-02-29` is not).
 * @example isIsoDate('2011-04-29') //=> true
 */
export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  return isValidYmd(Number(match[1]), Number(match[2]), Number(match[3]));
}

/**
 * Splits an ISO date into its year, month (1-12) and day.
 * @throws {RangeError} when the string is not a real `YYYY-MM-DD` date.
 * @example ymdOf('2010-12-24') //=> { year: 2010, month: 12, day: 24 }
 */
export function ymdOf(date: IsoDate): { year: number; month: number; day: number } {
  const match = ISO_DATE.exec(date);
  if (!match || !isIsoDate(date)) {
    throw new RangeError(`Expected a date written YYYY-MM-DD, got ${JSON.stringify(date)}`);
  }
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

/**
 * Builds an ISO date from its parts (no validation beyond formatting).
 * @example isoFromYmd(2011, 4, 29) //=> '2011-04-29'
 */
export function isoFromYmd(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * The day number (days since 1970-01-01) of an ISO date.
 * @throws {RangeError} when the string is not a real `YYYY-MM-DD` date.
 * @example toDayNumber('1970-01-02') //=> 1
 */
export function toDayNumber(date: IsoDate): number {
  const { year, month, day } = ymdOf(date);
  // Date.UTC reads years 0-99 as 1900-1999; setUTCFullYear does not.
  const utc = new Date(Date.UTC(2000, month - 1, day));
  utc.setUTCFullYear(year);
  return utc.getTime() / MS_PER_DAY;
}

/**
 * The ISO date of a day number.
 * @example fromDayNumber(0) //=> '1970-01-01'
 */
export function fromDayNumber(dayNumber: number): IsoDate {
  const d = new Date(dayNumber * MS_PER_DAY);
  return isoFromYmd(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/**
 * The ISO weekday of a day number: 1 Monday … 7 Sunday.
 * @example isoWeekday(toDayNumber('2011-04-29')) //=> 5 (a Friday)
 */
export function isoWeekday(dayNumber: number): number {
  // 1970-01-01 was a Thursday (ISO 4).
  return ((((dayNumber + 3) % 7) + 7) % 7) + 1;
}

/**
 * Adds calendar days to an ISO date.
 * @example addDays('2010-12-24', 14) //=> '2011-01-07'
 */
export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days);
}
