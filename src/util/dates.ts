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
/**
 * The English month names, January first.
 * @example MONTH_NAMES[3] //=> 'April'
 */
export const MONTH_NAMES: readonly string[] = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** '00' to '31', so that formatting a date in a hot loop pads nothing. */
const TWO_DIGITS: readonly string[] = Array.from({ length: 32 }, (_, n) => String(n).padStart(2, '0'));

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
  // Compared one by one, not with a list's includes: this runs for every date of every hot loop.
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** The first year of the month table {@link parseIsoDay} reads; a date of another year is worked out in full. */
const TABLE_FIRST_YEAR = 1900;
/** How many years the table holds: 1900 to 2199. */
const TABLE_YEARS = 300;
/**
 * Slot `13 * (year - 1900) + month` (month 1-12): the day number of that month's first day, and the month's length.
 * Dates repeat across records and every indicator reads several per record, so a look-up replaces the arithmetic
 * of {@link daysFromCivil} and {@link daysInMonth} per date (filled once, at load: 3,900 slots, 19 KB).
 */
const MONTH_FIRST_DAY = new Int32Array(TABLE_YEARS * 13);
const MONTH_LENGTH = new Uint8Array(TABLE_YEARS * 13);
for (let y = 0; y < TABLE_YEARS; y++) {
  for (let month = 1; month <= 12; month++) {
    MONTH_FIRST_DAY[y * 13 + month] = daysFromCivil(TABLE_FIRST_YEAR + y, month, 1);
    MONTH_LENGTH[y * 13 + month] = daysInMonth(TABLE_FIRST_YEAR + y, month);
  }
}

/**
 * The day number of `YYYY-MM-DD` read straight from its character codes, or NaN when the string is not a real date.
 * No regular expression and no `Date`: this runs once per date in every hot loop. A year of 1900-2199 is read from
 * a table of month starts; any other year is worked out in full, to the same day.
 * @example parseIsoDay('1970-01-02') //=> 1
 * @example parseIsoDay('2011-02-29') //=> NaN
 */
export function parseIsoDay(value: string): number {
  if (value.length !== 10 || value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return Number.NaN;
  // Each digit's value; `>>> 0` turns a code below '0' into a large number, so one comparison refuses both sides.
  const y1 = (value.charCodeAt(0) - 48) >>> 0;
  const y2 = (value.charCodeAt(1) - 48) >>> 0;
  const y3 = (value.charCodeAt(2) - 48) >>> 0;
  const y4 = (value.charCodeAt(3) - 48) >>> 0;
  const m1 = (value.charCodeAt(5) - 48) >>> 0;
  const m2 = (value.charCodeAt(6) - 48) >>> 0;
  const d1 = (value.charCodeAt(8) - 48) >>> 0;
  const d2 = (value.charCodeAt(9) - 48) >>> 0;
  if (y1 > 9 || y2 > 9 || y3 > 9 || y4 > 9 || m1 > 9 || m2 > 9 || d1 > 9 || d2 > 9) return Number.NaN;
  const year = y1 * 1000 + y2 * 100 + y3 * 10 + y4;
  const month = m1 * 10 + m2;
  const day = d1 * 10 + d2;
  if (month < 1 || month > 12 || day < 1) return Number.NaN;
  return civilDay(year, month, day);
}

/**
 * The day number of a year, a month of 1 to 12 and a day of at least 1, or NaN when the month has no such day: as
 * {@link daysInMonth} and {@link daysFromCivil}, read from the table of month starts for 1900-2199 (any other year
 * worked out in full, to the same day). The date readers call it once per date cell.
 * @example civilDay(1970, 1, 2) //=> 1
 * @example civilDay(2011, 2, 29) //=> NaN
 */
export function civilDay(year: number, month: number, day: number): number {
  const y = year - TABLE_FIRST_YEAR;
  if (y >= 0 && y < TABLE_YEARS) {
    const slot = y * 13 + month;
    return day > (MONTH_LENGTH[slot] as number) ? Number.NaN : (MONTH_FIRST_DAY[slot] as number) + day - 1;
  }
  if (day > daysInMonth(year, month)) return Number.NaN;
  return daysFromCivil(year, month, day);
}

/**
 * Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil), exact for every year.
 * @example daysFromCivil(1970, 1, 2) //=> 1
 */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/**
 * Whether a string is a real `YYYY-MM-DD` date (`2011-02-29` is not).
 * @example isIsoDate('2011-04-29') //=> true
 */
export function isIsoDate(value: unknown): value is IsoDate {
  return typeof value === 'string' && !Number.isNaN(parseIsoDay(value));
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
  const yyyy = year >= 1000 && year <= 9999 ? String(year) : String(year).padStart(4, '0');
  return `${yyyy}-${TWO_DIGITS[month] ?? String(month)}-${TWO_DIGITS[day] ?? String(day)}`;
}

/**
 * The day number (days since 1970-01-01) of an ISO date.
 * @throws {RangeError} when the string is not a real `YYYY-MM-DD` date.
 * @example toDayNumber('1970-01-02') //=> 1
 */
export function toDayNumber(date: IsoDate): number {
  const day = typeof date === 'string' ? parseIsoDay(date) : Number.NaN;
  if (Number.isNaN(day))
    throw new RangeError(`Expected a date written YYYY-MM-DD, got ${JSON.stringify(date)}`);
  return day;
}

/**
 * The ISO date of a day number.
 * @example fromDayNumber(0) //=> '1970-01-01'
 */
export function fromDayNumber(dayNumber: number): IsoDate {
  // H. Hinnant's civil_from_days: exact for every year, no Date object.
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return isoFromYmd(year, month, day);
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
