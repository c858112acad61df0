import type { Calendar, Convention } from '../calendar/index.js';
import type { Period } from '../periods/index.js';
import { fromDayNumber, type IsoDate, toDayNumber } from '../util/dates.js';
import { createOutcomeTally, type SummaryContext, summariseCounts, summariseOutcomes } from './summarise.js';
import type {
  IndicatorCounts,
  IndicatorResult,
  OutcomeBucket,
  OutcomeDraft,
  RecordOutcome,
} from './types.js';

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
 * What the timeliness rule decided for one record. One object is reused for every record, so that counting alone
 * allocates nothing per record; a tally copies what it keeps.
 */
interface Verdict {
  bucket: OutcomeBucket;
  /** Why excluded, or what kept it out of the numerator; undefined when counted. */
  reason: string | undefined;
  /** The event date, or undefined when missing. */
  eventDate: IsoDate | undefined;
  /** The start as a day number, or NaN when the record stopped before it was read. */
  startDay: number;
  /** The days elapsed and the deadline (a day number), or NaN when not in the population. */
  days: number;
  deadline: number;
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
  tally: (index: number, record: R, verdict: Readonly<Verdict>) => void,
): void {
  const periodStart = period.start;
  const periodEnd = period.end;
  const calendarDays = spec.days === 'calendar';
  const verdict: Verdict = {
    bucket: 'excluded',
    reason: undefined,
    eventDate: undefined,
    startDay: Number.NaN,
    days: Number.NaN,
    deadline: Number.NaN,
  };
  for (let index = 0; index < records.length; index++) {
    const record = records[index] as R;
    verdict.bucket = 'excluded';
    verdict.reason = undefined;
    verdict.startDay = Number.NaN;
    verdict.days = Number.NaN;
    verdict.deadline = Number.NaN;
    const eventDate = spec.eventDate(record);
    verdict.eventDate = eventDate;
    if (eventDate === undefined) {
      verdict.reason = spec.missingEventReason;
      tally(index, record, verdict);
      continue;
    }
    // ISO dates compare as strings; records reach here validated.
    if (eventDate < periodStart || eventDate > periodEnd) {
      verdict.bucket = 'not-in-period';
      tally(index, record, verdict);
      continue;
    }
    const excluded = spec.exclude?.(record);
    if (excluded) {
      verdict.reason = excluded;
      tally(index, record, verdict);
      continue;
    }
    let startDay: number | undefined;
    if (spec.startDay !== undefined) startDay = spec.startDay(record);
    else {
      const startDate = spec.startDate(record);
      startDay = startDate === undefined ? undefined : toDayNumber(startDate);
    }
    if (startDay === undefined) {
      verdict.reason = spec.missingStartReason;
      tally(index, record, verdict);
      continue;
    }
    verdict.startDay = startDay;
    const timescale = spec.timescale(record);
    const endDay = toDayNumber(eventDate);
    if (endDay < startDay && !spec.earlyIsOnTime) {
      verdict.reason = 'end-before-start';
      tally(index, record, verdict);
      continue;
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
      verdict.reason = 'outside-calendar-range';
      tally(index, record, verdict);
      continue;
    }
    const onTime = days <= timescale;
    verdict.bucket = onTime ? 'counted' : 'not-counted';
    if (!onTime) verdict.reason = `over ${timescale} ${spec.days} days`;
    verdict.days = days;
    verdict.deadline = deadline;
    tally(index, record, verdict);
  }
}

/**
 * The outcome of each record under a timeliness rule: {@link applyTimeliness}, with one outcome built per record.
 * Every record gets exactly one bucket.
 */
export function timelinessOutcomes<R>(
  records: readonly R[],
  period: Period,
  spec: TimelinessSpec<R>,
  calendar: Calendar,
  convention: Convention,
  rows?: readonly number[],
): RecordOutcome[] {
  // One object per record, filled in place with no spreads: this runs for every record of a national dataset.
  const outcomes: RecordOutcome[] = new Array(records.length);
  applyTimeliness(records, period, spec, calendar, convention, (index, record, verdict) => {
    const outcome: OutcomeDraft = { id: spec.id(record), bucket: verdict.bucket };
    const row = rows?.[index];
    if (row !== undefined) outcome.row = row;
    const team = spec.team?.(record);
    if (team !== undefined) outcome.team = team;
    const workerId = spec.workerId?.(record);
    if (workerId !== undefined) outcome.workerId = workerId;
    if (verdict.reason !== undefined) outcome.reason = verdict.reason;
    if (verdict.eventDate !== undefined) outcome.eventDate = verdict.eventDate;
    if (!Number.isNaN(verdict.startDay)) outcome.startDate = fromDayNumber(verdict.startDay);
    if (verdict.bucket === 'counted' || verdict.bucket === 'not-counted') {
      outcome.days = verdict.days;
      outcome.deadline = fromDayNumber(verdict.deadline);
      outcome.onTime = verdict.bucket === 'counted';
    }
    outcomes[index] = outcome;
  });
  return outcomes;
}

/**
 * The counts of {@link applyTimeliness}, with no outcome built and no deadline written for any record: the same
 * rule as {@link timelinessOutcomes}, so the same buckets and the same excluded reasons in the same order.
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
  applyTimeliness(records, period, spec, calendar, convention, (_index, _record, verdict) =>
    tally.add(verdict.bucket, verdict.bucket === 'excluded' ? verdict.reason : undefined),
  );
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
