import type { Calendar, Convention } from '../calendar/index.js';
import type { Period } from '../periods/index.js';
import { fromDayNumber, type IsoDate, toDayNumber } from '../util/dates.js';
import { createOutcomeTally, type SummaryContext, summariseCounts, summariseOutcomes } from './summarise.js';
import type { IndicatorCounts, IndicatorResult, OutcomeDraft, RecordOutcome } from './types.js';

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
  /** The date the timescale starts from. */
  startDate(record: R): IsoDate | undefined;
  /**
   * The start date as a day number, or undefined when it is missing, for an indicator that has it as a number
   * already (ASSESS45's referral look-up): when given, counting without outcomes reads it in place of `startDate`.
   * It must agree with `startDate`.
   */
  startDay?(record: R): number | undefined;
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
 * The outcome of each record under a timeliness rule: in the population when its event date is in the period and
 * its start date is known; counted when the days elapsed are at most the timescale. Every record gets exactly one
 * bucket.
 */
export function timelinessOutcomes<R>(
  records: readonly R[],
  period: Period,
  spec: TimelinessSpec<R>,
  calendar: Calendar,
  convention: Convention,
  rows?: readonly number[],
): RecordOutcome[] {
  // A plain loop that builds each outcome once, with no spreads: this runs for every record of a national dataset.
  const outcomes: RecordOutcome[] = new Array(records.length);
  const periodStart = period.start;
  const periodEnd = period.end;
  for (let index = 0; index < records.length; index++) {
    const record = records[index] as R;
    const outcome: OutcomeDraft = { id: spec.id(record), bucket: 'excluded' };
    const row = rows?.[index];
    if (row !== undefined) outcome.row = row;
    const team = spec.team?.(record);
    if (team !== undefined) outcome.team = team;
    const workerId = spec.workerId?.(record);
    if (workerId !== undefined) outcome.workerId = workerId;
    outcomes[index] = outcome;
    const eventDate = spec.eventDate(record);
    if (eventDate === undefined) {
      outcome.reason = spec.missingEventReason;
      continue;
    }
    outcome.eventDate = eventDate;
    // ISO dates compare as strings; records reach here validated. The period comes first, so that a record of
    // another month is `not-in-period` whatever else is true of it.
    if (eventDate < periodStart || eventDate > periodEnd) {
      outcome.bucket = 'not-in-period';
      continue;
    }
    const excluded = spec.exclude?.(record);
    if (excluded) {
      outcome.reason = excluded;
      continue;
    }
    const startDate = spec.startDate(record);
    if (startDate === undefined) {
      outcome.reason = spec.missingStartReason;
      continue;
    }
    outcome.startDate = startDate;
    const timescale = spec.timescale(record);
    const startDay = toDayNumber(startDate);
    const endDay = toDayNumber(eventDate);
    if (endDay < startDay && !spec.earlyIsOnTime) {
      outcome.reason = 'end-before-start';
      continue;
    }
    let days: number;
    let deadline: number;
    try {
      if (spec.days === 'calendar') {
        days = endDay - startDay;
        deadline = startDay + timescale;
      } else {
        days =
          endDay >= startDay
            ? calendar.workingDaysBetweenDays(startDay, endDay, convention)
            : -calendar.workingDaysBetweenDays(endDay, startDay, convention);
        deadline = deadlineDay(calendar, startDay, timescale, convention);
      }
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
      outcome.reason = 'outside-calendar-range';
      continue;
    }
    const onTime = days <= timescale;
    outcome.bucket = onTime ? 'counted' : 'not-counted';
    if (!onTime) outcome.reason = `over ${timescale} ${spec.days} days`;
    outcome.days = days;
    outcome.deadline = fromDayNumber(deadline);
    outcome.onTime = onTime;
  }
  return outcomes;
}

/**
 * The counts {@link timelinessOutcomes} would give, without building an outcome or writing a deadline for any record:
 * the same buckets, the same excluded reasons in the same order.
 */
export function timelinessCounts<R>(
  records: readonly R[],
  period: Period,
  spec: TimelinessSpec<R>,
  calendar: Calendar,
  convention: Convention,
  rowsRejected?: number,
): IndicatorCounts {
  const tally = createOutcomeTally();
  const periodStart = period.start;
  const periodEnd = period.end;
  const calendarDays = spec.days === 'calendar';
  for (let index = 0; index < records.length; index++) {
    const record = records[index] as R;
    const eventDate = spec.eventDate(record);
    if (eventDate === undefined) {
      tally.add('excluded', spec.missingEventReason);
      continue;
    }
    if (eventDate < periodStart || eventDate > periodEnd) {
      tally.add('not-in-period');
      continue;
    }
    const excluded = spec.exclude?.(record);
    if (excluded) {
      tally.add('excluded', excluded);
      continue;
    }
    let startDay: number;
    if (spec.startDay !== undefined) {
      const day = spec.startDay(record);
      if (day === undefined) {
        tally.add('excluded', spec.missingStartReason);
        continue;
      }
      startDay = day;
    } else {
      const startDate = spec.startDate(record);
      if (startDate === undefined) {
        tally.add('excluded', spec.missingStartReason);
        continue;
      }
      startDay = toDayNumber(startDate);
    }
    const timescale = spec.timescale(record);
    const endDay = toDayNumber(eventDate);
    if (endDay < startDay && !spec.earlyIsOnTime) {
      tally.add('excluded', 'end-before-start');
      continue;
    }
    let days: number;
    try {
      if (calendarDays) days = endDay - startDay;
      else {
        days =
          endDay >= startDay
            ? calendar.workingDaysBetweenDays(startDay, endDay, convention)
            : -calendar.workingDaysBetweenDays(endDay, startDay, convention);
        // The deadline is not kept, but a start whose deadline is past the calendar's range is excluded, as in
        // timelinessOutcomes.
        deadlineDay(calendar, startDay, timescale, convention);
      }
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
      tally.add('excluded', 'outside-calendar-range');
      continue;
    }
    tally.add(days <= timescale ? 'counted' : 'not-counted');
  }
  return tally.counts(records.length, rowsRejected);
}

/**
 * The result of a timeliness indicator: from outcomes when `options.outcomes` asks for them, otherwise from counts
 * alone (no outcome per record), with the same numerator, denominator, value and display.
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
  if (options.outcomes) {
    return summariseOutcomes(
      timelinessOutcomes(records, period, spec, calendar, convention, options.rows),
      context,
    );
  }
  return summariseCounts(
    timelinessCounts(records, period, spec, calendar, convention, options.rowsRejected),
    context,
  );
}
