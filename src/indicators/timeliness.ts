import type { Calendar, Convention } from '../calendar/index.js';
import type { Period } from '../periods/index.js';
import { type DayColumns, NO_DAY } from '../records/day-columns.js';
import { fromDayNumber, type IsoDate, parseIsoDay, toDayNumber } from '../util/dates.js';
import { countOf } from '../util/plural.js';
import {
  createOutcomeTally,
  type OutcomeTally,
  outcomeStore,
  type SummaryContext,
  summariseCounts,
} from './summarise.js';
import type { IndicatorCounts, IndicatorResult, OutcomeBucket, OutcomeDraft } from './types.js';

/** How one timeliness indicator reads its records. */
export interface TimelinessSpec<R> {
  /** The record's id. */
  id(record: R): string;
  /** A reason to leave a record of the period out of the population (e.g. a review conference), or undefined. */
  exclude?(record: R): string | undefined;
  /** The date that places the record in a period (completion, conference, meeting). */
  eventDate(record: R): IsoDate | undefined;
  /** The reason given when the event date is missing (e.g. `not-completed`). */
  readonly missingEventReason: string;
  /** The date the timescale starts from (`index`: the record's place in the records given). */
  startDate(record: R, index: number): IsoDate | undefined;
  /**
   * The start date as a day number, or undefined when it is missing, for an indicator that has it as a number
   * already (ASSESS45's referral look-up): when given, counting without outcomes reads it in place of `startDate`.
   * It must agree with `startDate`.
   */
  startDay?(record: R, index: number): number | undefined;
  /**
   * The start found by a look-up over the whole population at once, for counting without outcomes (ASSESS45's
   * referral index): see {@link StartLookup}. When given, `startDay` must be too, and the two must agree.
   */
  readonly startLookup?: StartLookup<R>;
  /** The reason given when the start date is missing (e.g. `missing-strategy-discussion-date`). */
  readonly missingStartReason: string;
  /** The timescale of this record, in days. */
  timescale(record: R): number;
  /** Working days (on the calendar, under the convention) or calendar days. */
  readonly days: 'working' | 'calendar';
  /** Whether an event date before the start date is an error (`end-before-start`) or simply early (on time). */
  readonly earlyIsOnTime: boolean;
  /** The team and worker, for breakdowns. */
  team?(record: R): string | undefined;
  workerId?(record: R): string | undefined;
}

/**
 * The start day a {@link StartLookup} gives a record that has none: lower than any day number of a date
 * `YYYY-MM-DD` can be (the year 0000 starts at -719,528).
 * @example NO_START //=> -2147483648
 */
export const NO_START = -0x80000000;

/**
 * A start found by a look-up (ASSESS45: the child's latest referral on or before the assessment's start), made for
 * the whole population at once when counting without outcomes ({@link timelinessCountsByLookup}). Each record's key
 * and day are read in the rule's pass over the records, while the record is at hand, and every start is then found
 * in one loop of its own: the look-ups miss the cache, and in a short loop the processor overlaps the misses, which
 * it cannot do between the record reads of the rule's loop (at 10^6 assessments, about three times faster). It must
 * agree with the spec's `startDay`: `find` of a record's key and day is `startDay(record, index)`, NO_START for
 * undefined.
 */
export interface StartLookup<R> {
  /** The day the start is found for (ASSESS45: the assessment's `startDate` as a day number); NaN for none. */
  day(record: R): number;
  /** The key the start is found by (ASSESS45: the number of the record's child); -1 when it has none. */
  key(record: R, index: number): number;
  /** Writes the start of `keys[j]` and `days[j]` into `starts[j]` (NO_START for none), for each j below `count`. */
  find(keys: Int32Array, days: Int32Array, count: number, starts: Int32Array): void;
}

/**
 * The last day on which an end date is still within `timescale` working days of `startDay` under a convention: the
 * deadline a worker is held to.
 * @example deadlineDay(calendar, toDayNumber('2010-12-24'), 7, 'after-start') // the day number of 2011-01-07
 */
export function deadlineDay(
  calendar: Calendar,
  startDay: number,
  timescale: number,
  convention: Convention,
): number {
  const startWorks = calendar.workingDaysBetweenDays(startDay, startDay, 'inclusive');
  switch (convention) {
    case 'after-start':
      return calendar.addWorkingDaysToDay(startDay, timescale);
    case 'inclusive':
      return calendar.addWorkingDaysToDay(startDay, Math.max(0, timescale - startWorks));
    case 'end-exclusive':
      return calendar.addWorkingDaysToDay(startDay, timescale + 1 - startWorks);
  }
}

/**
 * What the timeliness rule decided for one record, given to a tally as plain arguments (no object per record):
 * its bucket and reason (why excluded, or what kept it out of the numerator; undefined when counted) first, so that
 * an {@link OutcomeTally}'s `add` is a tally as it is; then the record's index and the record, the event date, the
 * start date when the spec gives it as text, the start as a day number, and the days elapsed and deadline (day
 * numbers; NaN when the record is not in the population).
 */
type TimelinessTally<R> = (
  bucket: OutcomeBucket,
  reason: string | undefined,
  index: number,
  record: R,
  eventDate: IsoDate | undefined,
  startDate: IsoDate | undefined,
  startDay: number,
  days: number,
  deadline: number,
) => void;

/**
 * Where an event date falls against the period: its day number when in the period, NaN when it sorts inside the
 * period as text but is not a real date (records given directly are not checked: it is refused further on, naming
 * itself), and {@link OUTSIDE_PERIOD} otherwise. A real date is placed by its day (read once, and read again for the
 * days elapsed), which orders real YYYY-MM-DD dates exactly as comparing their text does.
 */
function eventDayInPeriod(eventDate: IsoDate, period: PeriodDays): number {
  const eventDay = period.byDay && typeof eventDate === 'string' ? parseIsoDay(eventDate) : Number.NaN;
  if (Number.isNaN(eventDay)) {
    return eventDate < period.start || eventDate > period.end ? OUTSIDE_PERIOD : eventDay;
  }
  return eventDay < period.firstDay || eventDay > period.lastDay ? OUTSIDE_PERIOD : eventDay;
}

/** What {@link eventDayInPeriod} gives a date outside the period (no day number is this high). */
const OUTSIDE_PERIOD = Number.POSITIVE_INFINITY;

/** A period's first and last dates, as text and as day numbers, for {@link eventDayInPeriod}. */
interface PeriodDays {
  readonly start: IsoDate;
  readonly end: IsoDate;
  readonly firstDay: number;
  readonly lastDay: number;
  /** Whether both ends are real dates (they always are for a parsed period): when not, dates compare as text. */
  readonly byDay: boolean;
}

/** The {@link PeriodDays} of a period. */
function periodDays(period: Period): PeriodDays {
  const firstDay = parseIsoDay(period.start);
  const lastDay = parseIsoDay(period.end);
  const byDay = !Number.isNaN(firstDay) && !Number.isNaN(lastDay);
  return { start: period.start, end: period.end, firstDay, lastDay, byDay };
}

/**
 * The timeliness rule from a record's start on, given to `tally`: a missing start, an end before the start and a
 * date past the calendar's range are excluded with their reason; the rest are counted when the days elapsed are
 * at most the timescale. Shared by both ways of applying the rule ({@link applyTimeliness} and
 * {@link timelinessCountsByLookup}). `eventDate` may be left undefined when `eventDay` is a day (it is then only
 * handed to the tally); when `eventDay` is NaN it is read, and a date that is not real throws, naming itself.
 */
type JudgeFromStart<R> = (
  index: number,
  record: R,
  eventDate: IsoDate | undefined,
  eventDay: number,
  startDate: IsoDate | undefined,
  startDay: number | undefined,
) => void;

/** The {@link JudgeFromStart} of a spec, which keeps the reason of the last timescale over (one string, not one a record). */
function judgeFromStart<R>(
  spec: Pick<TimelinessSpec<R>, 'missingStartReason' | 'timescale' | 'days' | 'earlyIsOnTime'>,
  calendar: Calendar,
  convention: Convention,
  tally: TimelinessTally<R>,
): JudgeFromStart<R> {
  const calendarDays = spec.days === 'calendar';
  const none = Number.NaN;
  let overTimescale = Number.NaN;
  let overReason = '';
  return (index, record, eventDate, eventDay, startDate, startDay) => {
    if (startDay === undefined) {
      tally('excluded', spec.missingStartReason, index, record, eventDate, undefined, none, none, none);
      return;
    }
    const timescale = spec.timescale(record);
    // A date that is not real throws here, naming itself, as it always has.
    const endDay = Number.isNaN(eventDay) ? toDayNumber(eventDate as IsoDate) : eventDay;
    if (endDay < startDay && !spec.earlyIsOnTime) {
      tally('excluded', 'end-before-start', index, record, eventDate, startDate, startDay, none, none);
      return;
    }
    let days: number;
    let deadline: number;
    try {
      if (calendarDays) {
        days = endDay - startDay;
        deadline = startDay + timescale;
      } else {
        days =
          endDay >= startDay
            ? calendar.workingDaysBetweenDays(startDay, endDay, convention)
            : -calendar.workingDaysBetweenDays(endDay, startDay, convention);
        // A start whose deadline is past the calendar's range is excluded, whether the deadline is kept or not.
        deadline = deadlineDay(calendar, startDay, timescale, convention);
      }
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
      tally('excluded', 'outside-calendar-range', index, record, eventDate, startDate, startDay, none, none);
      return;
    }
    if (days <= timescale) {
      tally('counted', undefined, index, record, eventDate, startDate, startDay, days, deadline);
      return;
    }
    if (timescale !== overTimescale) {
      overTimescale = timescale;
      overReason = `over ${countOf(timescale, `${spec.days} day`)}`;
    }
    tally('not-counted', overReason, index, record, eventDate, startDate, startDay, days, deadline);
  };
}

/**
 * The timeliness rule, once: each record's bucket, reason, days and deadline, given in order to `tally`. A record
 * of another period is `not-in-period` whatever else is true of it; then an exclusion of the indicator's own (a
 * review conference), a missing start, an end before the start and a date past the calendar's range are excluded
 * with their reason; the rest are counted when the days elapsed are at most the timescale.
 */
function applyTimeliness<R>(
  records: readonly R[],
  period: Period,
  spec: TimelinessSpec<R>,
  calendar: Calendar,
  convention: Convention,
  tally: TimelinessTally<R>,
): void {
  const days = periodDays(period);
  const judge = judgeFromStart(spec, calendar, convention, tally);
  const none = Number.NaN;
  for (let index = 0; index < records.length; index++) {
    const record = records[index] as R;
    const eventDate = spec.eventDate(record);
    if (eventDate === undefined) {
      tally('excluded', spec.missingEventReason, index, record, undefined, undefined, none, none, none);
      continue;
    }
    const eventDay = eventDayInPeriod(eventDate, days);
    if (eventDay === OUTSIDE_PERIOD) {
      tally('not-in-period', undefined, index, record, eventDate, undefined, none, none, none);
      continue;
    }
    const excluded = spec.exclude?.(record);
    if (excluded) {
      tally('excluded', excluded, index, record, eventDate, undefined, none, none, none);
      continue;
    }
    if (spec.startDay !== undefined)
      judge(index, record, eventDate, eventDay, undefined, spec.startDay(record, index));
    else {
      const startDate = spec.startDate(record, index);
      judge(
        index,
        record,
        eventDate,
        eventDay,
        startDate,
        startDate === undefined ? undefined : toDayNumber(startDate),
      );
    }
  }
}

/**
 * What the first pass of {@link timelinessCountsByLookup} decided for a record, for the last to tally in order: 0
 * (the default) its start is to be found; its start is to be found but its event date, sorting inside the period,
 * is not a real date; its event date is missing; it is not in the period; the indicator's own rule (`exclude`)
 * excluded it, its reason kept.
 */
const EVENT_NOT_REAL = 1;
const EVENT_MISSING = 2;
const NOT_IN_PERIOD = 3;
const EXCLUDED = 4;

/**
 * The counts of {@link applyTimeliness} for a spec whose start is found by a {@link StartLookup}: the same rule, the
 * same buckets and the same excluded reasons in the same order, in three passes instead of one. The first reads
 * each record (its event date placed in the period, the indicator's exclusion, then the look-up's key and day); the
 * second finds every start in one loop ({@link StartLookup}'s `find`); the third tallies each record in input order,
 * the rule from the start on ({@link judgeFromStart}) as in the one pass. A date that is not real, sorting inside
 * the period, throws in the third pass at the same record as in the one pass (nothing before it throws).
 */
function timelinessCountsByLookup<R>(
  records: readonly R[],
  period: Period,
  spec: TimelinessSpec<R>,
  lookup: StartLookup<R>,
  calendar: Calendar,
  convention: Convention,
  rowsRejected: number | undefined,
): IndicatorCounts {
  const count = records.length;
  const days = periodDays(period);
  const steps = new Uint8Array(count);
  const excludedBy = new Map<number, string>();
  // Record by record for those whose start is to be found (in input order): its event day, the look-up's key and
  // day, then the start found.
  const eventDays = new Int32Array(count);
  const keys = new Int32Array(count);
  const lookupDays = new Int32Array(count);
  let found = 0;
  // Not in the period has no reason, so no order to keep: counted here, added to the tally's count at the end.
  let notInPeriod = 0;
  for (let index = 0; index < count; index++) {
    const record = records[index] as R;
    const eventDate = spec.eventDate(record);
    if (eventDate === undefined) {
      steps[index] = EVENT_MISSING;
      continue;
    }
    const eventDay = eventDayInPeriod(eventDate, days);
    if (eventDay === OUTSIDE_PERIOD) {
      steps[index] = NOT_IN_PERIOD;
      notInPeriod++;
      continue;
    }
    const excluded = spec.exclude?.(record);
    if (excluded) {
      steps[index] = EXCLUDED;
      excludedBy.set(index, excluded);
      continue;
    }
    const day = lookup.day(record);
    if (Number.isNaN(eventDay)) steps[index] = EVENT_NOT_REAL;
    else eventDays[found] = eventDay;
    keys[found] = Number.isNaN(day) ? -1 : lookup.key(record, index);
    lookupDays[found] = Number.isNaN(day) ? 0 : day;
    found++;
  }
  const starts = new Int32Array(found);
  lookup.find(keys, lookupDays, found, starts);
  const tally = createOutcomeTally();
  const judge = judgeFromStart(spec, calendar, convention, tally.add);
  let next = 0;
  for (let index = 0; index < count; index++) {
    switch (steps[index]) {
      case EVENT_MISSING:
        tally.add('excluded', spec.missingEventReason);
        break;
      case NOT_IN_PERIOD:
        break;
      case EXCLUDED:
        tally.add('excluded', excludedBy.get(index));
        break;
      default: {
        const record = records[index] as R;
        const start = starts[next] === NO_START ? undefined : (starts[next] as number);
        // The event date is read again only when it is not a real date, for the error that names it.
        if (steps[index] === EVENT_NOT_REAL)
          judge(index, record, spec.eventDate(record), Number.NaN, undefined, start);
        else judge(index, record, undefined, eventDays[next] as number, undefined, start);
        next++;
      }
    }
  }
  const counts = tally.counts(count, rowsRejected);
  return { ...counts, notInPeriod: counts.notInPeriod + notInPeriod };
}

/**
 * The counts of {@link applyTimeliness}, with no outcome built and no deadline written for any record: the same
 * rule as {@link summariseTimeliness} with outcomes, so the same buckets and the same excluded reasons in the same order.
 */
export function timelinessCounts<R>(
  records: readonly R[],
  period: Period,
  spec: TimelinessSpec<R>,
  calendar: Calendar,
  convention: Convention,
  rowsRejected?: number,
): IndicatorCounts {
  if (spec.startLookup !== undefined) {
    return timelinessCountsByLookup(
      records,
      period,
      spec,
      spec.startLookup,
      calendar,
      convention,
      rowsRejected,
    );
  }
  const tally = createOutcomeTally();
  // A tally takes only the bucket and the reason (which it keeps for `excluded` alone): `add` is the rule's tally.
  applyTimeliness(records, period, spec, calendar, convention, tally.add);
  return tally.counts(records.length, rowsRejected);
}

/**
 * The result of a timeliness indicator: when `options.outcomes` or `options.onOutcome` asks for outcomes, one pass
 * that counts each record and builds its outcome (kept for the result, handed to the sink, or both); otherwise
 * counts alone (no outcome per record). The same numerator, denominator, value and display either way.
 */
export function summariseTimeliness<R>(
  records: readonly R[],
  period: Period,
  spec: TimelinessSpec<R>,
  calendar: Calendar,
  convention: Convention,
  context: SummaryContext,
): IndicatorResult {
  const { options } = context;
  const store = outcomeStore(options, records.length);
  if (store === undefined) {
    return summariseCounts(
      timelinessCounts(records, period, spec, calendar, convention, options.rowsRejected),
      context,
    );
  }
  const tally = createOutcomeTally();
  const rows = options.rows;
  applyTimeliness(
    records,
    period,
    spec,
    calendar,
    convention,
    (bucket, reason, index, record, eventDate, startDate, startDay, days, deadline) => {
      tally.add(bucket, reason);
      // One object per record, filled in place with no spreads, and put once complete.
      const outcome: OutcomeDraft = { id: spec.id(record), bucket };
      const row = rows?.[index];
      if (row !== undefined) outcome.row = row;
      const team = spec.team?.(record);
      if (team !== undefined) outcome.team = team;
      const workerId = spec.workerId?.(record);
      if (workerId !== undefined) outcome.workerId = workerId;
      if (reason !== undefined) outcome.reason = reason;
      if (eventDate !== undefined) outcome.eventDate = eventDate;
      if (startDate !== undefined) outcome.startDate = startDate;
      else if (!Number.isNaN(startDay)) outcome.startDate = fromDayNumber(startDay);
      if (!Number.isNaN(days)) {
        outcome.days = days;
        outcome.deadline = fromDayNumber(deadline);
        outcome.onTime = bucket === 'counted';
      }
      store.put(index, outcome);
    },
  );
  return summariseCounts(tally.counts(records.length, options.rowsRejected), context, store.kept);
}

/**
 * What a timeliness rule reads of a record when its records are held as day columns (`DayColumns`): the fields of
 * its event and start dates, and its timescale from the start's day number. It must agree with the spec's
 * `eventDate`, `startDate` and `timescale` for every record with those dates.
 */
export interface TimelinessDays {
  /** The field of the event date (NI 59: `completedDate`). */
  readonly eventField: string;
  /** The field of the start date (NI 59: `referralDate`). */
  readonly startField: string;
  /** The timescale of a record starting on day `startDay`, as `timescale` gives it. */
  timescaleOfDay(startDay: number): number;
}

/**
 * A timeliness indicator's rule for its options: what {@link summariseTimeliness} takes of it for records, and
 * {@link summariseTimelinessDays} for day columns, made in one place so that the two cannot drift apart.
 */
export interface TimelinessRule<R> {
  readonly calendar: Calendar;
  readonly convention: Convention;
  readonly spec: TimelinessSpec<R>;
  /** How the rule reads day columns: its two fields and its timescale by day. */
  readonly fromDays: TimelinessDays;
  readonly context: SummaryContext;
}

/**
 * The timeliness rule over records held as day columns, as {@link applyTimeliness} applies it to records: each
 * record's bucket and reason given in order to `tally` with its index. For a spec that reads nothing of a record
 * but its two dates (no `exclude`, no `startLookup`), and a parsed period.
 */
function applyTimelinessDays(
  columns: DayColumns,
  period: Period,
  rule: TimelinessRule<never>,
  tally: (bucket: OutcomeBucket, reason: string | undefined, index: number) => void,
): void {
  const { spec, fromDays: days, calendar, convention } = rule;
  if (spec.exclude !== undefined || spec.startLookup !== undefined) {
    throw new TypeError('day columns hold dates only: this rule reads more of each record');
  }
  const range = periodDays(period);
  if (!range.byDay) throw new RangeError(`the period ${period.start}..${period.end} is not of real dates`);
  const eventDays = columns.days(days.eventField);
  const startDays = columns.days(days.startField);
  const judge = judgeFromStart<number>(
    {
      missingStartReason: spec.missingStartReason,
      timescale: (index) => days.timescaleOfDay(startDays[index] as number),
      days: spec.days,
      earlyIsOnTime: spec.earlyIsOnTime,
    },
    calendar,
    convention,
    tally,
  );
  for (let index = 0; index < columns.count; index++) {
    const eventDay = eventDays[index] as number;
    if (eventDay === NO_DAY) {
      tally('excluded', spec.missingEventReason, index);
      continue;
    }
    if (eventDay < range.firstDay || eventDay > range.lastDay) {
      tally('not-in-period', undefined, index);
      continue;
    }
    const startDay = startDays[index] as number;
    judge(index, index, undefined, eventDay, undefined, startDay === NO_DAY ? undefined : startDay);
  }
}

/** Outcomes may not be asked of day columns, which make none. */
function countsOnly(options: SummaryContext['options'], count: number): void {
  if (outcomeStore(options, count) !== undefined) {
    throw new TypeError('day columns give counts only: outcomes are made from records');
  }
}

/**
 * {@link summariseTimeliness} without outcomes, over records held as day columns: the same rule, so the same
 * numerator, denominator, buckets and excluded reasons in the same order, for records whose only dates the rule
 * reads are those in the columns. For a spec that reads nothing else of a record (no `exclude`, no `startLookup`),
 * and a parsed period.
 *
 * @param columns - the records' days: the rule's `fromDays.eventField` and `fromDays.startField` kept.
 * @param period - the reporting period.
 * @param rule - the indicator's rule for its options (its spec's reasons, days and early rule are read here, and
 *   its context's options must ask for no outcome).
 * @returns the result.
 * @throws {TypeError} when outcomes are asked for, or the spec reads more of a record than its dates.
 * @example
 * const columns = new DayColumnStore(['completedDate', 'referralDate']);
 * columns.pushRecord({ referralDate: '2011-04-28', completedDate: '2011-05-03' }, 2);
 * summariseTimelinessDays(columns, parsePeriod('2011-05'), ni59Rule(parsePeriod('2011-05'), {})).display //=> '100.0%'
 */
export function summariseTimelinessDays(
  columns: DayColumns,
  period: Period,
  rule: TimelinessRule<never>,
): IndicatorResult {
  const { options } = rule.context;
  countsOnly(options, columns.count);
  const tally = createOutcomeTally();
  applyTimelinessDays(columns, period, rule, tally.add);
  return summariseCounts(tally.counts(columns.count, options.rowsRejected), rule.context);
}

/** One group's tally of a breakdown over day columns, and how many records it has. */
export interface DayGroupTally {
  readonly tally: OutcomeTally;
  records: number;
}

/**
 * The counts of {@link summariseTimelinessDays} for the whole and for each group of the columns' group column: the
 * whole's result, and a tally for each group value's number (the last, at `group.values.length`, for the records
 * whose value is blank, or is `blankKey`: the label a breakdown gives blanks), as `computeBreakdown` tallies each
 * record's outcome into its group.
 *
 * @param columns - the records' days and their group column.
 * @param period - the reporting period.
 * @param rule - as {@link summariseTimelinessDays}.
 * @param blankKey - a value tallied with the blanks (`(none)`, which a breakdown calls them).
 * @returns the whole's result and the groups' tallies.
 * @throws {TypeError} when the columns have no group column, or as {@link summariseTimelinessDays}.
 * @example
 * const columns = new DayColumnStore(['completedDate', 'referralDate'], 'team');
 * columns.pushRecord({ referralDate: '2011-04-28', completedDate: '2011-05-03', team: 'East' }, 2);
 * const { groups } = summariseTimelinessDayGroups(columns, parsePeriod('2011-05'), ni59Rule(parsePeriod('2011-05'), {}), '(none)');
 * groups[0]?.records //=> 1 (East; groups[1] holds the blanks)
 */
export function summariseTimelinessDayGroups(
  columns: DayColumns,
  period: Period,
  rule: TimelinessRule<never>,
  blankKey: string,
): { readonly total: IndicatorResult; readonly groups: readonly DayGroupTally[] } {
  const { options } = rule.context;
  countsOnly(options, columns.count);
  const group = columns.group;
  if (group === undefined) throw new TypeError('day columns without a group column cannot be grouped');
  const blank = group.values.length;
  const groups: DayGroupTally[] = Array.from({ length: blank + 1 }, () => ({
    tally: createOutcomeTally(),
    records: 0,
  }));
  const { numbers } = group;
  const asBlank = group.values.indexOf(blankKey);
  const total = createOutcomeTally();
  applyTimelinessDays(columns, period, rule, (bucket, reason, index) => {
    total.add(bucket, reason);
    const number = numbers[index] as number;
    const into = groups[number < 0 || number === asBlank ? blank : number] as DayGroupTally;
    into.tally.add(bucket, reason);
    into.records++;
  });
  return { total: summariseCounts(total.counts(columns.count, options.rowsRejected), rule.context), groups };
}
