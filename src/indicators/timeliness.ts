import type { Calendar, Convention } from '../calendar/index.js';
import { contains, type Period } from '../periods/index.js';
import { fromDayNumber, type IsoDate, toDayNumber } from '../util/dates.js';
import type { RecordOutcome } from './types.js';

/** How one timeliness indicator reads its records. */
export interface TimelinessSpec<R> {
  /** The record's id. */
  id(record: R): string;
  /** A reason to leave the record out before anything else (e.g. a review conference), or undefined. */
  exclude?(record: R): string | undefined;
  /** The date that places the record in a period (completion, conference, meeting). */
  eventDate(record: R): IsoDate | undefined;
  /** The reason given when the event date is missing (e.g. `not-completed`). */
  readonly missingEventReason: string;
  /** The date the timescale starts from. */
  startDate(record: R): IsoDate | undefined;
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
  return records.map((record, index) => {
    const row = rows?.[index];
    const team = spec.team?.(record);
    const workerId = spec.workerId?.(record);
    const base = {
      id: spec.id(record),
      ...(row === undefined ? {} : { row }),
      ...(team === undefined ? {} : { team }),
      ...(workerId === undefined ? {} : { workerId }),
    };
    const excluded = spec.exclude?.(record);
    if (excluded) return { ...base, bucket: 'excluded', reason: excluded };
    const eventDate = spec.eventDate(record);
    if (eventDate === undefined) return { ...base, bucket: 'excluded', reason: spec.missingEventReason };
    if (!contains(period, eventDate)) return { ...base, bucket: 'not-in-period', eventDate };
    const startDate = spec.startDate(record);
    if (startDate === undefined)
      return { ...base, bucket: 'excluded', reason: spec.missingStartReason, eventDate };
    const withDates = { ...base, eventDate, startDate };
    const timescale = spec.timescale(record);
    const startDay = toDayNumber(startDate);
    const endDay = toDayNumber(eventDate);
    if (endDay < startDay && !spec.earlyIsOnTime) {
      return { ...withDates, bucket: 'excluded', reason: 'end-before-start' };
    }
    try {
      let days: number;
      let deadline: number;
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
      const onTime = days <= timescale;
      return {
        ...withDates,
        bucket: onTime ? 'counted' : 'not-counted',
        ...(onTime ? {} : { reason: `over ${timescale} ${spec.days} days` }),
        days,
        deadline: fromDayNumber(deadline),
        onTime,
      };
    } catch (error) {
      if (error instanceof RangeError)
        return { ...withDates, bucket: 'excluded', reason: 'outside-calendar-range' };
      throw error;
    }
  });
}
