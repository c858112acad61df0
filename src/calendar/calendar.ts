import {
  fromDayNumber,
  type IsoDate,
  isIsoDate,
  isoWeekday,
  parseIsoDay,
  toDayNumber,
} from '../util/dates.js';
import { HOLIDAY_NAMES, PACKED_HOLIDAYS } from './data/bank-holidays.js';
import { fingerprintOf } from './fingerprint.js';

/** The UK divisions whose bank holidays are bundled. */
export type Region = 'england-and-wales' | 'scotland' | 'northern-ireland';

/**
 * Every bundled region, England and Wales first (the default).
 * @example regions //=> ['england-and-wales', 'scotland', 'northern-ireland']
 */
export const regions: readonly Region[] = ['england-and-wales', 'scotland', 'northern-ireland'];

/**
 * How the working days between a start date S and an end date E are counted (SPEC 3):
 * - `after-start` (default): working days d with S < d <= E; the start day is day 0.
 * - `inclusive`: S <= d <= E, as Excel `NETWORKDAYS`.
 * - `end-exclusive`: S <= d < E, as numpy `busday_count`.
 */
export type Convention = 'after-start' | 'inclusive' | 'end-exclusive';

/**
 * Every counting convention, the default first.
 * @example conventions //=> ['after-start', 'inclusive', 'end-exclusive']
 */
export const conventions: readonly Convention[] = ['after-start', 'inclusive', 'end-exclusive'];

/** A named non-working day. */
export interface Holiday {
  readonly date: IsoDate;
  readonly name: string;
}

/** The UK government `bank-holidays.json` feed: divisions, each with its events. */
export interface GovUkBankHolidays {
  readonly [division: string]: { readonly division?: string; readonly events: readonly GovUkEvent[] };
}

/** One event of the UK government feed. */
export interface GovUkEvent {
  readonly title: string;
  readonly date: IsoDate;
  readonly notes?: string;
  readonly bunting?: boolean;
}

/** A holiday list as a caller may give it: ISO dates, named holidays, or the UK government feed. */
export type HolidayList = readonly (IsoDate | Holiday)[] | GovUkBankHolidays;

/** Options of {@link createCalendar}. */
export interface CalendarOptions {
  /** Whose bank holidays to start from. Default `'england-and-wales'`. */
  readonly region?: Region;
  /**
   * A whole holiday list that replaces the region's bank holidays: an array of ISO dates or `{ date, name }`, or
   * the UK government `bank-holidays.json` object (the division named by `region` is taken). Default: none.
   */
  readonly holidays?: HolidayList;
  /** A council's own closure days, added to the holidays (e.g. the days between Christmas and New Year). */
  readonly closures?: readonly (IsoDate | Holiday)[];
  /** Holidays that are working days for this council after all. */
  readonly removeHolidays?: readonly IsoDate[];
  /** Weekend days as ISO weekdays (1 Monday … 7 Sunday). Default `[6, 7]`. */
  readonly weekend?: readonly number[];
  /** The calendar's id, named in every result. Default: the region, with `+local` when days were changed. */
  readonly id?: string;
  /**
   * The days a whole `holidays` list speaks for: a count that needs a day outside them is refused
   * ({@link OutsideHolidayListError}). Default: 1 January of the year of the list's first holiday to 31 December of
   * the year of its last (the UK government feed: of the division taken). An empty list covers no day, and is
   * refused unless this is given (a calendar of weekends alone: `holidays: [], holidaysCover: { … }`).
   */
  readonly holidaysCover?: DateSpan;
  /** Where the `holidays` list came from (a file's name), named in the messages about the days it covers. */
  readonly holidaysSource?: string;
  /** Where the `closures` came from (a file's name, `calendar.closures`), named in the warnings about them. */
  readonly closuresSource?: string;
}

/** A span of days, first and last inclusive. */
export interface DateSpan {
  readonly start: IsoDate;
  readonly end: IsoDate;
}

/** A non-working day with its reason, as listed in a count's reasoning. */
export interface NonWorkingDay {
  readonly date: IsoDate;
  readonly reason: 'weekend' | 'holiday';
  /** The holiday's name, or `Saturday`/`Sunday` for a weekend. */
  readonly name: string;
}

/** A working-day calendar: O(1) working-day arithmetic over {@link CALENDAR_RANGE}. */
export interface Calendar {
  /** A name for the calendar, e.g. `england-and-wales`. */
  readonly id: string;
  /** A stable hash of the weekend and holiday set: two calendars with the same fingerprint count the same days. */
  readonly fingerprint: string;
  /** Weekend days as ISO weekdays. */
  readonly weekend: readonly number[];
  /** The holidays on weekdays, in date order (weekend holidays change no count and are not listed). */
  readonly holidays: readonly Holiday[];
  /**
   * For a calendar on a whole holiday list: the days the list covers, outside which every operation is refused
   * ({@link OutsideHolidayListError}). Undefined for the bundled bank holidays, which cover {@link CALENDAR_RANGE}.
   */
  readonly covers?: DateSpan;
  /** Where the whole holiday list came from (a file's name), when the caller said. */
  readonly holidaysSource?: string;
  /**
   * The closure days added (`closures`), every one in date order (weekends too), with where they came from; undefined
   * when none were given. An empty `dates` is a closure list given empty.
   */
  readonly closures?: { readonly dates: readonly IsoDate[]; readonly source?: string };
  /** Whether `date` is a working day. */
  isWorkingDay(date: IsoDate): boolean;
  /** The holiday's name when `date` is a holiday, otherwise `undefined`. */
  holidayName(date: IsoDate): string | undefined;
  /** Working days from `start` to `end` under a convention (default `after-start`). */
  workingDaysBetween(start: IsoDate, end: IsoDate, convention?: Convention): number;
  /** The `n`-th working day after `date` (before it when `n` is negative); `date` itself when `n` is 0. */
  addWorkingDays(date: IsoDate, n: number): IsoDate;
  /** The first working day after `date`. */
  nextWorkingDay(date: IsoDate): IsoDate;
  /** The last working day before `date`. */
  previousWorkingDay(date: IsoDate): IsoDate;
  /** The non-working days d with `start` <= d <= `end`, each with its reason. */
  nonWorkingDays(start: IsoDate, end: IsoDate): NonWorkingDay[];
  /** Hot-loop form of `workingDaysBetween` over day numbers (days since 1970-01-01), with no date parsing. */
  workingDaysBetweenDays(startDay: number, endDay: number, convention?: Convention): number;
  /** Hot-loop form of `addWorkingDays` over day numbers. */
  addWorkingDaysToDay(day: number, n: number): number;
}

/**
 * How a result names the calendar it counted on: its `id` and `fingerprint` (SPEC 3), and for a calendar on a whole
 * holiday list the days the list covers (`covers`) and where it came from (`holidayList`, when known).
 */
export interface CalendarRef {
  readonly id: string;
  readonly fingerprint: string;
  readonly covers?: DateSpan;
  readonly holidayList?: string;
}

/**
 * The {@link CalendarRef} of a calendar, as results carry it.
 * @example calendarRef(createCalendar()) //=> { id: 'england-and-wales', fingerprint: 'fnv1a64:145a5957c18318d5' }
 * @example
 * calendarRef(createCalendar({ holidays: ['2012-12-25'], holidaysSource: 'h.json' }))
 * //=> { id: 'custom', fingerprint: 'fnv1a64:…', covers: { start: '2012-01-01', end: '2012-12-31' }, holidayList: 'h.json' }
 */
export function calendarRef(calendar: Calendar): CalendarRef {
  return {
    id: calendar.id,
    fingerprint: calendar.fingerprint,
    ...(calendar.covers ? { covers: calendar.covers } : {}),
    ...(calendar.covers && calendar.holidaysSource !== undefined
      ? { holidayList: calendar.holidaysSource }
      : {}),
  };
}

/**
 * The words after a calendar's id and fingerprint that say which days its whole holiday list covers, or `''` for
 * the bundled bank holidays: `, holidays from gov.json for 2012-01-01 to 2028-12-31`.
 * @example coverWords({ id: 'custom', fingerprint: 'fnv1a64:…', covers: { start: '2012-01-01', end: '2028-12-31' }, holidayList: 'gov.json' }) //=> ', holidays from gov.json for 2012-01-01 to 2028-12-31'
 */
export function coverWords(calendar: CalendarRef): string {
  const covers = calendar.covers;
  if (covers === undefined) return '';
  return `, holidays from ${calendar.holidayList ?? 'a list'} for ${covers.start} to ${covers.end}`;
}

/**
 * The dates every calendar covers: the precomputed index runs from `start` to `end` inclusive.
 * @example CALENDAR_RANGE //=> { start: '1990-01-01', end: '2100-12-31' }
 */
export const CALENDAR_RANGE = { start: '1990-01-01', end: '2100-12-31' } as const;

const FIRST_DAY = toDayNumber(CALENDAR_RANGE.start);
const LAST_DAY = toDayNumber(CALENDAR_RANGE.end);
const SPAN = LAST_DAY - FIRST_DAY + 1;
const WEEKDAY_NAMES = ['', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/**
 * A count refused because it needs a day outside the days a calendar's whole holiday list covers ({@link
 * Calendar.covers}): its holidays there are not known, so a working day cannot be told from a holiday (SPEC 2: a
 * date outside the calendar's range is an input issue, never a guess). A `RangeError`, as a day outside
 * {@link CALENDAR_RANGE} is.
 * @example
 * createCalendar({ holidays: ['2012-12-25'], holidaysSource: 'h.json' }).isWorkingDay('2011-01-04')
 * // throws OutsideHolidayListError: date 2011-01-04 is outside the days the holiday list h.json covers (2012-01-01
 * // to 2012-12-31, the years of its first and last holidays): …
 */
export class OutsideHolidayListError extends RangeError {
  override readonly name = 'OutsideHolidayListError';
}

/**
 * Why the closure days given to a calendar changed no count, in a sentence, or undefined when they may have: they
 * are none (an empty file), or every one of them falls outside `counted`, the days the counts reached (a closures
 * file for another year). Undefined too when the calendar has no closures, or nothing was counted (`counted`
 * undefined: the figure counts no working days).
 *
 * @param calendar - the calendar, with its `closures`.
 * @param counted - the first and last day the counts reached ({@link takeDaysAsked}).
 * @returns the sentence, naming the closures' source, their number and span, and the days counted.
 * @example
 * unusedClosures(createCalendar({ closures: ['2011-12-27'], closuresSource: 'c.txt' }), { start: '2012-12-03', end: '2012-12-31' })
 * //=> 'c.txt: the 1 closure day (2011-12-27) falls outside the days counted (2012-12-03 to 2012-12-31): it changes no figure; check the closures are for the years counted'
 */
export function unusedClosures(calendar: Calendar, counted: DateSpan | undefined): string | undefined {
  const closures = calendar.closures;
  if (closures === undefined || counted === undefined) return undefined;
  const named = closures.source ?? 'closures';
  const { dates } = closures;
  if (dates.length === 0) return `${named}: no closure date is given: it changes no figure`;
  if (dates.some((date) => date >= counted.start && date <= counted.end)) return undefined;
  const first = dates[0] as IsoDate;
  const last = dates[dates.length - 1] as IsoDate;
  const which =
    dates.length === 1
      ? `the 1 closure day (${first}) falls`
      : `all ${dates.length} closure days (${first} to ${last}) fall`;
  return `${named}: ${which} outside the days counted (${counted.start} to ${counted.end}): ${dates.length === 1 ? 'it changes' : 'they change'} no figure; check the closures are for the years counted`;
}

/**
 * Refuses a span of days that a calendar on a whole holiday list does not wholly cover: a period counted on a list
 * for other years. Nothing for a span it covers, or a calendar on the bundled bank holidays.
 *
 * @param calendar - the calendar.
 * @param span - the days to be counted (a period: its first and last days).
 * @param what - the span in words, for the message (`January 2011`).
 * @throws {OutsideHolidayListError} naming the list, the days it covers, the span and the first day outside.
 * @example
 * checkCovers(createCalendar({ holidays: ['2012-12-25'], holidaysSource: 'h.json' }), { start: '2011-01-01', end: '2011-01-31' }, 'January 2011')
 * // throws: the holiday list h.json covers 2012-01-01 to 2012-12-31, but January 2011 (2011-01-01 to 2011-01-31) needs 2011-01-01, before it: …
 */
export function checkCovers(calendar: Calendar, span: DateSpan, what: string): void {
  const covers = calendar.covers;
  if (covers === undefined || (span.start >= covers.start && span.end <= covers.end)) return;
  const list =
    calendar.holidaysSource === undefined
      ? 'the holiday list'
      : `the holiday list ${calendar.holidaysSource}`;
  const needed =
    span.start < covers.start
      ? `${span.start}, before it`
      : `${span.start > covers.end ? span.start : fromDayNumber(toDayNumber(covers.end) + 1)}, after it`;
  throw new OutsideHolidayListError(
    `${list} covers ${covers.start} to ${covers.end}, but ${what} (${span.start} to ${span.end}) needs ${needed}: its holidays there are not known, so a working day cannot be told from a holiday; give a holiday list that covers the days counted, or none for the bundled bank holidays`,
  );
}

/**
 * The record a calendar keeps of the days its counts were asked about (internal): see {@link takeDaysAsked}.
 */
const daysAskedOfCalendar = new WeakMap<Calendar, () => DateSpan | undefined>();

/**
 * The first and last day the counts of `calendar` (`workingDaysBetween`, `addWorkingDays` and their day-number
 * forms) have reached since it was made or since this was last called, the days themselves and the deadlines
 * found; undefined when it counted nothing. Internal (not exported by the package): the CLI and the report ask it
 * whether the closure days given touched any count.
 * @example
 * const calendar = createCalendar();
 * calendar.addWorkingDays('2010-12-24', 7);
 * takeDaysAsked(calendar) //=> { start: '2010-12-24', end: '2011-01-07' }
 * takeDaysAsked(calendar) //=> undefined
 */
export function takeDaysAsked(calendar: Calendar): DateSpan | undefined {
  return daysAskedOfCalendar.get(calendar)?.();
}

function isGovUkFeed(list: HolidayList): list is GovUkBankHolidays {
  return !Array.isArray(list);
}

function checkedDate(value: unknown, what: string): IsoDate {
  if (!isIsoDate(value)) {
    throw new RangeError(`${what}: expected a real date written YYYY-MM-DD, got ${JSON.stringify(value)}`);
  }
  return value;
}

function dayInRange(date: IsoDate, what: string): number {
  const day = typeof date === 'string' ? parseIsoDay(date) : Number.NaN;
  if (Number.isNaN(day)) checkedDate(date, what);
  if (day < FIRST_DAY || day > LAST_DAY) {
    throw new RangeError(
      `${what} ${date} is outside the calendar's range: working days are indexed from ${CALENDAR_RANGE.start} to ${CALENDAR_RANGE.end}`,
    );
  }
  return day;
}

/**
 * Adds a region's bundled bank holidays to `named`, read from the packed `YYYY-MM-DD=N,…` text in one pass (no
 * array of entries, no object per holiday): a calendar is built at every start of the CLI.
 */
function addRegionHolidays(named: Map<number, string>, region: Region): void {
  const packed = PACKED_HOLIDAYS[region];
  let at = 0;
  while (at < packed.length) {
    let end = packed.indexOf(',', at);
    if (end === -1) end = packed.length;
    const day = dayInRange(packed.slice(at, at + 10), 'holidays: the date');
    named.set(day, HOLIDAY_NAMES[Number(packed.slice(at + 11, end))] ?? 'Bank holiday');
    at = end + 1;
  }
}

function holidaysFromList(list: HolidayList, region: Region, what: string): Holiday[] {
  if (isGovUkFeed(list)) {
    const division = list[region];
    if (!division || !Array.isArray(division.events)) {
      const found = Object.keys(list).join(', ') || 'none';
      throw new TypeError(
        `${what}: the bank-holidays feed has no division "${region}" (divisions found: ${found})`,
      );
    }
    return division.events.map((event, i) => ({
      date: checkedDate(event.date, `${what}: events[${i}].date`),
      name: typeof event.title === 'string' && event.title !== '' ? event.title : 'Bank holiday',
    }));
  }
  return list.map((item, i) =>
    typeof item === 'string'
      ? { date: checkedDate(item, `${what}[${i}]`), name: 'Closure day' }
      : { date: checkedDate(item.date, `${what}[${i}].date`), name: item.name || 'Closure day' },
  );
}

/**
 * Builds a working-day calendar: the weekend plus a holiday set, indexed once so that every operation is O(1).
 *
 * The default is England and Wales: the bank holidays of `date-holidays` (country GB, region ENG, public holidays
 * only) with its known defects corrected (2002 Golden Jubilee, 2011 Royal Wedding, the 2002 and 2012 moved Spring
 * bank holidays, 1995 VE Day, 1999 Millennium); see `docs/calendar.md`.
 *
 * @param options - region, a replacement holiday list, closure days to add, holidays to remove, weekend, id.
 * @returns a {@link Calendar} over 1990-01-01 to 2100-12-31.
 * @throws {RangeError} when a given date is not a real date or lies outside the range.
 * @example
 * const calendar = createCalendar();
 * calendar.workingDaysBetween('2011-04-28', '2011-05-03'); //=> 1 (Royal Wedding and Early May bank holiday skipped)
 * calendar.addWorkingDays('2010-12-24', 7); //=> '2011-01-07'
 * createCalendar({ closures: ['2010-12-29', '2010-12-30', '2010-12-31'] }).id; //=> 'england-and-wales+local'
 */
export function createCalendar(options: CalendarOptions = {}): Calendar {
  const region = options.region ?? 'england-and-wales';
  if (!regions.includes(region)) {
    throw new TypeError(`Unknown region ${JSON.stringify(region)}: expected one of ${regions.join(', ')}`);
  }
  const weekend = [...new Set(options.weekend ?? [6, 7])].sort((a, b) => a - b);
  for (const day of weekend) {
    if (!Number.isInteger(day) || day < 1 || day > 7) {
      throw new RangeError(
        `weekend: expected ISO weekdays 1 (Monday) to 7 (Sunday), got ${JSON.stringify(day)}`,
      );
    }
  }
  if (weekend.length === 7)
    throw new RangeError('weekend: at least one day of the week must be a working day');

  if (options.holidaysCover !== undefined && !options.holidays) {
    throw new TypeError(
      'holidaysCover: says which days a whole holiday list covers, and no holidays list was given',
    );
  }
  const named = new Map<number, string>();
  let covers: DateSpan | undefined;
  if (options.holidays) {
    let first = Number.POSITIVE_INFINITY;
    let last = Number.NEGATIVE_INFINITY;
    for (const holiday of holidaysFromList(options.holidays, region, 'holidays')) {
      const day = dayInRange(holiday.date, 'holidays: the date');
      named.set(day, holiday.name);
      if (day < first) first = day;
      if (day > last) last = day;
    }
    covers = coverOf(options, first, last, region);
  } else {
    addRegionHolidays(named, region);
  }
  const closureDays: number[] = [];
  for (const closure of options.closures ? holidaysFromList(options.closures, region, 'closures') : []) {
    const day = dayInRange(closure.date, 'closures: the date');
    named.set(day, closure.name);
    closureDays.push(day);
  }
  for (const date of options.removeHolidays ?? []) named.delete(dayInRange(date, 'removeHolidays: the date'));

  // cumulative[i] = working days among FIRST_DAY .. FIRST_DAY + i; nthWorkingDay[k] = offset of the k-th (1-based).
  const isWeekend = new Uint8Array(8);
  for (const day of weekend) isWeekend[day] = 1;
  const working = new Uint8Array(SPAN);
  const cumulative = new Int32Array(SPAN);
  const nthWorkingDay = new Int32Array(SPAN + 1);
  // The holidays marked first and the weekday stepped, so that the loop over the 40,541 days (run cold, at every
  // start of the CLI) makes no call and no map look-up per day.
  const closed = new Uint8Array(SPAN);
  for (const day of named.keys()) closed[day - FIRST_DAY] = 1;
  let weekday = isoWeekday(FIRST_DAY);
  let count = 0;
  for (let i = 0; i < SPAN; i++, weekday = weekday === 7 ? 1 : weekday + 1) {
    if (isWeekend[weekday] === 0 && closed[i] === 0) {
      working[i] = 1;
      count++;
      nthWorkingDay[count] = i;
    }
    cumulative[i] = count;
  }
  const totalWorkingDays = count;

  // The holiday list and the fingerprint are made when first asked for: a command that only counts days (the
  // CLI's working-days) never asks, and they cost more than the index to make.
  let holidays: Holiday[] | undefined;
  const listHolidays = (): Holiday[] => {
    holidays ??= [...named.entries()]
      .filter(([day]) => isWeekend[isoWeekday(day)] === 0)
      .sort(([a], [b]) => a - b)
      .map(([day, name]) => ({ date: fromDayNumber(day), name }));
    return holidays;
  };
  let fingerprint: string | undefined;
  const changed = Boolean(options.closures?.length || options.removeHolidays?.length);
  const id = options.id ?? `${options.holidays ? 'custom' : region}${changed ? '+local' : ''}`;

  // The offsets a count may reach: the whole index, or the days a whole holiday list covers.
  const lowest = covers ? toDayNumber(covers.start) - FIRST_DAY : 0;
  const highest = covers ? toDayNumber(covers.end) - FIRST_DAY : SPAN - 1;
  const source = options.holidaysSource;
  /** The refusal of a count that needs `subject` (a day, or a day plus some working days) outside {@link covers}. */
  const outsideList = (subject: string): OutsideHolidayListError =>
    new OutsideHolidayListError(
      `${subject} is outside the days the holiday list${source === undefined ? '' : ` ${source}`} covers (${covers?.start} to ${covers?.end}${options.holidaysCover ? '' : ', the years of its first and last holidays'}): its holidays there are not known, so a working day cannot be told from a holiday; give a list that covers the days counted`,
    );
  /** `day` (in the index) checked against the days a whole holiday list covers; its offset. */
  const coveredOffset = (day: number, what: string): number => {
    const offset = day - FIRST_DAY;
    if (offset < lowest || offset > highest) throw outsideList(`${what} ${fromDayNumber(day)}`);
    return offset;
  };
  // The first and last offsets the counts reached (see takeDaysAsked): two comparisons a count.
  let askedLow = SPAN;
  let askedHigh = -1;

  const offsetOf = (day: number, what: string): number => {
    if (!Number.isInteger(day) || day < FIRST_DAY || day > LAST_DAY) {
      throw new RangeError(
        `${what} ${Number.isInteger(day) ? fromDayNumber(day) : String(day)} is outside the calendar's range: working days are indexed from ${CALENDAR_RANGE.start} to ${CALENDAR_RANGE.end}`,
      );
    }
    return coveredOffset(day, what);
  };

  const workingDaysBetweenDays = (
    startDay: number,
    endDay: number,
    convention: Convention = 'after-start',
  ) => {
    const s = offsetOf(startDay, 'start');
    const e = offsetOf(endDay, 'end');
    if (e < s) {
      throw new RangeError(
        `end ${fromDayNumber(endDay)} is before start ${fromDayNumber(startDay)}: working days are counted from a start to an end on or after it`,
      );
    }
    if (s < askedLow) askedLow = s;
    if (e > askedHigh) askedHigh = e;
    const afterStart = (cumulative[e] as number) - (cumulative[s] as number);
    switch (convention) {
      case 'after-start':
        return afterStart;
      case 'inclusive':
        return afterStart + (working[s] as number);
      case 'end-exclusive':
        return afterStart + (working[s] as number) - (working[e] as number);
      default:
        throw new TypeError(
          `Unknown convention ${JSON.stringify(convention)}: expected one of ${conventions.join(', ')}`,
        );
    }
  };

  // The ISO date of each indexed day, by offset, written the first time it is given out: a loop over records asks
  // for the same few hundred deadlines again and again. Filled lazily, so that a calendar costs nothing more to
  // create.
  const isoDates: (IsoDate | undefined)[] = new Array(SPAN);
  const isoDateAt = (offset: number): IsoDate => {
    let date = isoDates[offset];
    if (date === undefined) {
      date = fromDayNumber(FIRST_DAY + offset);
      isoDates[offset] = date;
    }
    return date;
  };

  const checkWorkingDays = (n: number): void => {
    if (!Number.isInteger(n))
      throw new RangeError(`n: expected a whole number of working days, got ${String(n)}`);
  };

  /** The offset of the `n`-th working day after the day at `offset` (before it when `n` is negative). */
  const addToOffset = (offset: number, n: number): number => {
    if (n === 0) {
      if (offset < askedLow) askedLow = offset;
      if (offset > askedHigh) askedHigh = offset;
      return offset;
    }
    const k =
      n > 0
        ? (cumulative[offset] as number) + n
        : (cumulative[offset] as number) - (working[offset] as number) + n + 1;
    const found = k < 1 || k > totalWorkingDays ? -1 : (nthWorkingDay[k] as number);
    if (found < lowest || found > highest) {
      // Written only when refused: a loop over records asks for a deadline each.
      const sum = `${fromDayNumber(FIRST_DAY + offset)} ${n > 0 ? 'plus' : 'minus'} ${Math.abs(n)} working days`;
      if (covers) throw outsideList(sum);
      throw new RangeError(
        `${sum} is outside the calendar's range: working days are indexed from ${CALENDAR_RANGE.start} to ${CALENDAR_RANGE.end}`,
      );
    }
    const low = n > 0 ? offset : found;
    const high = n > 0 ? found : offset;
    if (low < askedLow) askedLow = low;
    if (high > askedHigh) askedHigh = high;
    return found;
  };

  const addWorkingDaysToDay = (day: number, n: number): number => {
    checkWorkingDays(n);
    return FIRST_DAY + addToOffset(offsetOf(day, 'date'), n);
  };

  /** `addWorkingDays` over ISO dates: the date read once, the result's date written once per calendar. */
  const addWorkingDaysToDate = (date: IsoDate, n: number): IsoDate => {
    const offset = coveredOffset(dayInRange(date, 'date'), 'date');
    checkWorkingDays(n);
    return isoDateAt(addToOffset(offset, n));
  };

  /** The day `date`, in the index and the days a holiday list covers. */
  const coveredDay = (date: IsoDate, what: string): number => {
    const day = dayInRange(date, what);
    coveredOffset(day, what);
    return day;
  };
  const closureDates = options.closures
    ? [...new Set(closureDays)].sort((a, b) => a - b).map((day) => fromDayNumber(day))
    : undefined;

  const calendar: Calendar = {
    id,
    get fingerprint() {
      fingerprint ??= fingerprintOf(
        `weekend:${weekend.join(',')};holidays:${listHolidays()
          .map((h) => h.date)
          .join(',')}`,
      );
      return fingerprint;
    },
    weekend,
    get holidays() {
      return listHolidays();
    },
    ...(covers ? { covers } : {}),
    ...(options.holidaysSource === undefined ? {} : { holidaysSource: options.holidaysSource }),
    ...(closureDates === undefined
      ? {}
      : {
          closures: {
            dates: closureDates,
            ...(options.closuresSource === undefined ? {} : { source: options.closuresSource }),
          },
        }),
    isWorkingDay: (date) => working[coveredDay(date, 'date') - FIRST_DAY] === 1,
    holidayName: (date) => named.get(coveredDay(date, 'date')),
    workingDaysBetween: (start, end, convention) =>
      workingDaysBetweenDays(dayInRange(start, 'start'), dayInRange(end, 'end'), convention),
    addWorkingDays: addWorkingDaysToDate,
    nextWorkingDay: (date) => addWorkingDaysToDate(date, 1),
    previousWorkingDay: (date) => addWorkingDaysToDate(date, -1),
    nonWorkingDays: (start, end) => {
      const s = coveredDay(start, 'start');
      const e = coveredDay(end, 'end');
      if (e < s)
        throw new RangeError(
          `end ${end} is before start ${start}: a range runs from a start to an end on or after it`,
        );
      const days: NonWorkingDay[] = [];
      for (let day = s; day <= e; day++) {
        if (working[day - FIRST_DAY] === 1) continue;
        const weekday = isoWeekday(day);
        const holiday = named.get(day);
        days.push(
          isWeekend[weekday] === 1
            ? { date: fromDayNumber(day), reason: 'weekend', name: WEEKDAY_NAMES[weekday] ?? 'Weekend' }
            : { date: fromDayNumber(day), reason: 'holiday', name: holiday ?? 'Holiday' },
        );
      }
      return days;
    },
    workingDaysBetweenDays,
    addWorkingDaysToDay,
  };
  daysAskedOfCalendar.set(calendar, () => {
    if (askedHigh < askedLow) return undefined;
    const span = { start: isoDateAt(askedLow), end: isoDateAt(askedHigh) };
    askedLow = SPAN;
    askedHigh = -1;
    return span;
  });
  return calendar;
}

/**
 * The days a whole holiday list covers: `holidaysCover` when given (checked), otherwise the whole years from its
 * first holiday to its last (`first` and `last`, day numbers; infinite for an empty list, which is refused).
 */
function coverOf(options: CalendarOptions, first: number, last: number, region: Region): DateSpan {
  const given = options.holidaysCover;
  const list = options.holidaysSource ?? 'holidays';
  if (given !== undefined) {
    const start = dayInRange(given.start, 'holidaysCover.start');
    const end = dayInRange(given.end, 'holidaysCover.end');
    if (end < start) {
      throw new RangeError(
        `holidaysCover: end ${given.end} is before start ${given.start}: the days covered run from a start to an end on or after it`,
      );
    }
    return { start: given.start, end: given.end };
  }
  if (last < first) {
    const empty =
      options.holidays && isGovUkFeed(options.holidays)
        ? `the bank-holidays feed's division "${region}" has no events`
        : 'the holiday list has no dates';
    throw new RangeError(
      `${list}: ${empty}, so it covers no day: a calendar on it would count every weekday of every year as a working day; give the holidays of the years counted`,
    );
  }
  return {
    start: `${fromDayNumber(first).slice(0, 4)}-01-01`,
    end: `${fromDayNumber(last).slice(0, 4)}-12-31`,
  };
}
