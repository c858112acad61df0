import { calendarRef } from '../calendar/index.js';
import type { Period } from '../periods/index.js';
import type { CpPlanRecord } from '../records/schemas.js';
import {
  daysFromCivil,
  daysInMonth,
  fromDayNumber,
  type IsoDate,
  isoFromYmd,
  parseIsoDay,
  toDayNumber,
  ymdOf,
} from '../util/dates.js';
import { calendarOf, createOutcomeTally, outcomeStore, summariseCounts } from './summarise.js';
import type {
  CommonIndicatorOptions,
  IndicatorDefinition,
  IndicatorResult,
  OutcomeBucket,
  OutcomeDraft,
} from './types.js';

/** Options of CPP_2YEARS (the common ones only). */
export interface Cpp2YearsOptions extends CommonIndicatorOptions {}

/** CPP_2YEARS's own figures, in `result.details` (a type alias, so that it fits `details`' record type). */
export type Cpp2YearsDetails = {
  /**
   * The plans open at the end of the period (started on or before it, with no `endDate` or one after it), and how
   * many of them had lasted 2 years by then (the period end on or after {@link twoYearsAfter} their start).
   */
  readonly openAtPeriodEnd: { readonly open: number; readonly lastedTwoYears: number };
};

/**
 * The day a plan started on `date` has lasted 2 years: the same day and month two years later. 29 February goes to
 * 28 February two years on (the only day with no namesake then), as {@link oneYearBefore} does a year back: a plan
 * from 2012-02-29 has lasted 2 years on 2014-02-28.
 * @param date - a plan's start date.
 * @returns the date two years on.
 * @throws {RangeError} when the date is not a real `YYYY-MM-DD` date.
 * @example twoYearsAfter('2011-06-01') //=> '2013-06-01'
 * @example twoYearsAfter('2012-02-29') //=> '2014-02-28'
 */
export function twoYearsAfter(date: IsoDate): IsoDate {
  const { year, month, day } = ymdOf(date);
  return isoFromYmd(year + 2, month, Math.min(day, daysInMonth(year + 2, month)));
}

/** The day number of {@link twoYearsAfter}, read from the characters of a date known to be real. */
function twoYearsAfterDay(date: IsoDate): number {
  const year =
    (date.charCodeAt(0) - 48) * 1000 +
    (date.charCodeAt(1) - 48) * 100 +
    (date.charCodeAt(2) - 48) * 10 +
    (date.charCodeAt(3) - 48);
  const month = (date.charCodeAt(5) - 48) * 10 + (date.charCodeAt(6) - 48);
  const day = (date.charCodeAt(8) - 48) * 10 + (date.charCodeAt(9) - 48);
  return daysFromCivil(year + 2, month, Math.min(day, daysInMonth(year + 2, month)));
}

/** The day number of a plan's date, or a RangeError naming the plan and the field. */
function dayOf(plan: CpPlanRecord, field: 'startDate' | 'endDate', date: IsoDate): number {
  const day = typeof date === 'string' ? parseIsoDay(date) : Number.NaN;
  if (Number.isNaN(day)) {
    throw new RangeError(
      `${field}: expected a date written YYYY-MM-DD, got ${JSON.stringify(date)} (plan ${JSON.stringify(plan.id)})`,
    );
  }
  return day;
}

/**
 * CPP_2YEARS: the percentage of child protection plans ending in the period that had lasted 2 years or more.
 *
 * Population: plans whose `endDate` is in the period. Counted: `endDate` is on or after the same date two years after
 * `startDate` ({@link twoYearsAfter}: a plan from 2011-06-01 ending 2013-06-01 has lasted 2 years; one from
 * 2012-02-29 reaches 2 years on 2014-02-28). Plans with no `endDate` are excluded as `not-ended`; a plan ending
 * before it starts (possible only in records not read through `parseRecords`) as `end-before-start`. Lower is better:
 * long plans are a concern. Each outcome gives the plan's `startDate`, its `endDate` as `eventDate`, the calendar
 * days it lasted as `days` and, in `reason`, the date it reached (or would reach) 2 years.
 *
 * Also, in `details.openAtPeriodEnd`, the plans open at the end of the period (started on or before it, with no
 * `endDate` or one after it) and how many of them had lasted 2 years by then.
 *
 * @param records - child protection plan records.
 * @param period - the reporting period.
 * @param options - rounding, outcomes.
 * @returns the {@link IndicatorResult}, with {@link Cpp2YearsDetails} in `details`.
 * @throws {RangeError} when a `startDate` or `endDate` is not a real `YYYY-MM-DD` date.
 * @example
 * const plans = [
 *   { id: 'P1', childId: 'C1', startDate: '2012-02-29', endDate: '2014-02-28' }, // 2 years: 28 Feb for 29 Feb
 *   { id: 'P2', childId: 'C2', startDate: '2013-01-10', endDate: '2014-02-03' },
 *   { id: 'P3', childId: 'C3', startDate: '2012-01-02' }, // open on 28 Feb 2014, for over 2 years
 * ];
 * const result = cpp2Years(plans, parsePeriod('2014-02'));
 * [result.display, result.details.openAtPeriodEnd]; //=> ['50.0%', { open: 1, lastedTwoYears: 1 }]
 */
export function cpp2Years(
  records: readonly CpPlanRecord[],
  period: Period,
  options: Cpp2YearsOptions = {},
): IndicatorResult & { details: Cpp2YearsDetails } {
  const calendar = calendarOf(options);
  const periodStart = toDayNumber(period.start);
  const periodEnd = toDayNumber(period.end);
  const outcomes = outcomeStore(options, records.length);
  const tally = createOutcomeTally();
  let open = 0;
  let lastedTwoYears = 0;
  for (let index = 0; index < records.length; index++) {
    const plan = records[index] as CpPlanRecord;
    const startDay = dayOf(plan, 'startDate', plan.startDate);
    const endDate = plan.endDate;
    const endDay = endDate === undefined ? undefined : dayOf(plan, 'endDate', endDate);
    const twoYearsDay = twoYearsAfterDay(plan.startDate);
    // Open at the period end: started by then, not ended by then (a plan ending before it starts is in no figure).
    if (startDay <= periodEnd && (endDay === undefined || endDay > periodEnd)) {
      open++;
      if (periodEnd >= twoYearsDay) lastedTwoYears++;
    }
    let bucket: OutcomeBucket;
    let reason: string | undefined;
    if (endDay === undefined) {
      bucket = 'excluded';
      reason = 'not-ended';
    } else if (endDay < periodStart || endDay > periodEnd) bucket = 'not-in-period';
    else if (endDay < startDay) {
      bucket = 'excluded';
      reason = 'end-before-start';
    } else bucket = endDay >= twoYearsDay ? 'counted' : 'not-counted';
    tally.add(bucket, reason);
    if (outcomes === undefined) continue;
    const outcome: OutcomeDraft = { id: plan.id, bucket };
    const row = options.rows?.[index];
    if (row !== undefined) outcome.row = row;
    if (plan.team !== undefined) outcome.team = plan.team;
    if (reason !== undefined) outcome.reason = reason;
    if (endDay !== undefined) {
      outcome.eventDate = endDate as IsoDate;
      if (bucket !== 'not-in-period') outcome.startDate = plan.startDate;
      if (bucket === 'counted' || bucket === 'not-counted') {
        outcome.days = endDay - startDay;
        outcome.reason =
          bucket === 'counted'
            ? `lasted 2 years or more: 2 years on ${fromDayNumber(twoYearsDay)}`
            : `under 2 years: 2 years would be ${fromDayNumber(twoYearsDay)}`;
      }
    }
    // Put once complete: a sink may write it at once.
    outcomes.put(index, outcome);
  }
  const details: Cpp2YearsDetails = { openAtPeriodEnd: { open, lastedTwoYears } };
  const result = summariseCounts(
    tally.counts(records.length, options.rowsRejected),
    {
      definition: cpp2YearsDefinition,
      period,
      rule: {
        event: 'endDate',
        lasting:
          '2 years or more: endDate on or after the same date two years after startDate (29 Feb: 28 Feb)',
        openAtPeriodEnd: 'started on or before the period end, with no endDate or one after it',
      },
      calendar: calendarRef(calendar),
      options,
    },
    outcomes?.kept,
  );
  return { ...result, details };
}

/**
 * CPP_2YEARS's definition.
 * @example cpp2YearsDefinition.eventDate //=> 'endDate'
 */
export const cpp2YearsDefinition: IndicatorDefinition<'cp-plan', Cpp2YearsOptions> = {
  id: 'CPP_2YEARS',
  title: 'Child protection plans ending that had lasted 2 years or more',
  unit: 'percent',
  polarity: 'lower-is-better',
  recordKind: 'cp-plan',
  eventDate: 'endDate',
  needs: [
    { field: 'endDate', role: 'event date' },
    { field: 'startDate', role: 'start date' },
  ],
  options: [],
  defaultOptions: {},
  source:
    'National Indicator Set NI 64 (2008): child protection plans lasting 2 years or more, of the plans ceasing in the year; DfE children in need statistics: plans ceasing that lasted 2 years or more; Ofsted Annex A List 7',
  compute: cpp2Years,
};
