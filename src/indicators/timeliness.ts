import type { Calendar, Convention } from '../calendar/index.js';
import type { Period } from '../periods/index.js';
import { fromDayNumber, type IsoDate, parseIsoDay, toDayNumber } from '../util/dates.js';
import { createOutcomeTally, outcomeStore, type SummaryContext, summariseCounts } from './summarise.js';
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
  const periodStart = period.start;
  const periodEnd = period.end;
  // The period's first and last days as day numbers: a real date is placed by its day (read once, and read again
  // for the days elapsed), which orders real YYYY-MM-DD dates exactly as comparing their text does. A date that is
  // not real (records given directly are not checked) is compared as text, as before, and refused further on.
  const firstDay = parseIsoDay(periodStart);
  const lastDay = parseIsoDay(periodEnd);
  const byDay = !Number.isNaN(firstDay) && !Number.isNaN(lastDay);
  const calendarDays = spec.days === 'calendar';
  const none = Number.NaN;
  for (let index = 0; index < records.length; index++) {
    const record = records[index] as R;
    const eventDate = spec.eventDate(record);
    if (eventDate === undefined) {
      tally('excluded', spec.missingEventReason, index, record, undefined, undefined, none, none, none);
      continue;
    }
    const eventDay = byDay && typeof eventDate === 'string' ? parseIsoDay(eventDate) : none;
    if (
      Number.isNaN(eventDay)
        ? eventDate < periodStart || eventDate > periodEnd
        : eventDay < firstDay || eventDay > lastDay
    ) {
      tally('not-in-period', undefined, index, record, eventDate, undefined, none, none, none);
      continue;
    }
    const excluded = spec.exclude?.(record);
    if (excluded) {
      tally('excluded', excluded, index, record, eventDate, undefined, none, none, none);
      continue;
    }
    let startDate: IsoDate | undefined;
    let startDay: number | undefined;
    if (spec.startDay !== undefined) startDay = spec.startDay(record, index);
    else {
      startDate = spec.startDate(record, index);
      startDay = startDate === undefined ? undefined : toDayNumber(startDate);
    }
    if (startDay === undefined) {
      tally('excluded', spec.missingStartReason, index, record, eventDate, undefined, none, none, none);
      continue;
    }
    const timescale = spec.timescale(record);
    // A date that is not real throws here, naming itself, as it always has.
    const endDay = Number.isNaN(eventDay) ? toDayNumber(eventDate) : eventDay;
    if (endDay < startDay && !spec.earlyIsOnTime) {
      tally('excluded', 'end-before-start', index, record, eventDate, startDate, startDay, none, none);
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
      tally('excluded', 'outside-calendar-range', index, record, eventDate, startDate, startDay, none, none);
      continue;
    }
    if (days <= timescale)
      tally('counted', undefined, index, record, eventDate, startDate, startDay, days, deadline);
    else {
      const reason = `over ${timescale} ${spec.days} days`;
      tally('not-counted', reason, index, record, eventDate, startDate, startDay, days, deadline);
    }
  }
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
