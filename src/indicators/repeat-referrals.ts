import { calendarRef } from '../calendar/index.js';
import type { Period } from '../periods/index.js';
import { childNumbersOf } from '../records/keys.js';
import type { ReferralRecord } from '../records/schemas.js';
import {
  daysFromCivil,
  daysInMonth,
  type IsoDate,
  isoFromYmd,
  parseIsoDay,
  toDayNumber,
  ymdOf,
} from '../util/dates.js';
import { historyColumn, historyOption, type RepeatHistory } from './history.js';
import { latestEarlierOfSameChild } from './latest-earlier.js';
import { defaultsOf, optionValue } from './options.js';
import { calendarOf, createOutcomeTally, outcomeStore, summariseCounts } from './summarise.js';
import type {
  CommonIndicatorOptions,
  IndicatorDefinition,
  IndicatorResult,
  OutcomeBucket,
  OutcomeDraft,
  RecordOutcome,
} from './types.js';

/** Where the earlier events are seen, declared once. */
const HISTORY = historyOption('referralsInLast12Months');

/** Options of REPEAT_REFERRALS. */
export interface RepeatReferralsOptions extends CommonIndicatorOptions {
  /**
   * Where the child's earlier referrals are seen: `either` (default: an earlier referral within the year among the
   * records, or `referralsInLast12Months` 1 or more), `records` (only the records), `column` (only
   * `referralsInLast12Months`; a referral without it is excluded as `referralsInLast12Months-not-given`).
   */
  readonly history?: RepeatHistory;
}

/**
 * The same day and month one year before a date, the start of a referral's look-back. 29 February goes to 28
 * February of the year before (the only day with no namesake a year earlier).
 * @param date - a date.
 * @returns the date one year before.
 * @example oneYearBefore('2011-03-31') //=> '2010-03-31'
 * @example oneYearBefore('2012-02-29') //=> '2011-02-28'
 */
export function oneYearBefore(date: IsoDate): IsoDate {
  const { year, month, day } = ymdOf(date);
  return isoFromYmd(year - 1, month, Math.min(day, daysInMonth(year - 1, month)));
}

/**
 * The first day of a referral's look-back, as a day number: the same day and month one year before (see
 * {@link oneYearBefore}), read from the date's characters (the date is known to be real).
 */
function lookBackStartDay(date: IsoDate): number {
  const year =
    (date.charCodeAt(0) - 48) * 1000 +
    (date.charCodeAt(1) - 48) * 100 +
    (date.charCodeAt(2) - 48) * 10 +
    (date.charCodeAt(3) - 48);
  const month = (date.charCodeAt(5) - 48) * 10 + (date.charCodeAt(6) - 48);
  const day = (date.charCodeAt(8) - 48) * 10 + (date.charCodeAt(9) - 48);
  return daysFromCivil(year - 1, month, Math.min(day, daysInMonth(year - 1, month)));
}

/**
 * Each referral's day number.
 * @throws {RangeError} naming the first date in input order that is not a real `YYYY-MM-DD` date.
 */
function referralDays(records: readonly ReferralRecord[]): Int32Array {
  const days = new Int32Array(records.length);
  for (let index = 0; index < records.length; index++) {
    const date = (records[index] as ReferralRecord).referralDate;
    const day = typeof date === 'string' ? parseIsoDay(date) : Number.NaN;
    if (Number.isNaN(day)) {
      throw new RangeError(`Expected a date written YYYY-MM-DD, got ${JSON.stringify(date)}`);
    }
    days[index] = day;
  }
  return days;
}

/** The outcome of one referral, its keys in the order the audit has always shown them. */
function referralOutcome(
  record: ReferralRecord,
  bucket: OutcomeBucket,
  row: number | undefined,
  previous: ReferralRecord | undefined,
  days: number,
): RecordOutcome {
  const outcome: OutcomeDraft = { id: record.id, bucket, eventDate: record.referralDate };
  if (row !== undefined) outcome.row = row;
  if (record.team !== undefined) outcome.team = record.team;
  if (bucket === 'not-in-period') return outcome;
  if (previous === undefined) {
    outcome.reason = 'no earlier referral';
    return outcome;
  }
  outcome.startDate = previous.referralDate;
  outcome.days = days;
  outcome.reason =
    bucket === 'counted'
      ? `repeat of ${previous.id} on ${previous.referralDate}`
      : `latest earlier referral ${previous.id} on ${previous.referralDate} is more than a year before`;
  return outcome;
}

/**
 * REPEAT_REFERRALS: the percentage of referrals in the period that are repeat referrals.
 *
 * Population: referrals whose `referralDate` is in the period. Counted: the same `childId` has an earlier referral
 * (a strictly earlier date) on or after the same date one year before: for a referral on 2011-03-15 the look-back
 * is 2010-03-15 <= d < 2011-03-15; for 2012-02-29 it starts on 2011-02-28 (see {@link oneYearBefore}). The look-back
 * reads every record given, also those before the period, so give the year before the period too. Two referrals
 * of the same child on the same date are not repeats of each other. A counted outcome names the earlier referral
 * (the latest one before) in `reason`, with its date as `startDate` and the calendar days since it as `days`.
 *
 * @param records - referral records, including the year before the period.
 * @param period - the reporting period.
 * @param options - rounding, outcomes.
 * @returns the {@link IndicatorResult}.
 * @throws {RangeError} when a `referralDate` is not a real `YYYY-MM-DD` date.
 * @example
 * const records = [
 *   { id: 'R1', childId: 'C1', referralDate: '2010-03-31' },
 *   { id: 'R2', childId: 'C1', referralDate: '2011-03-31' },
 *   { id: 'R3', childId: 'C2', referralDate: '2011-03-31' },
 * ];
 * const result = repeatReferrals(records, parsePeriod('2011-03'));
 * [result.numerator, result.denominator, result.display]; //=> [1, 2, '50.0%'] (R2 repeats R1, exactly a year on)
 */
export function repeatReferrals(
  records: readonly ReferralRecord[],
  period: Period,
  options: RepeatReferralsOptions = {},
): IndicatorResult {
  const calendar = calendarOf(options);
  const history = optionValue(HISTORY, options.history);
  const days = referralDays(records);
  const earlier = latestEarlierOfSameChild(childNumbersOf(records), days);
  const periodStart = toDayNumber(period.start);
  const periodEnd = toDayNumber(period.end);
  // Outcomes are built only when asked for: at 10^6 records they are most of the time and memory.
  const outcomes = outcomeStore(options, records.length);
  const tally = createOutcomeTally();
  for (let index = 0; index < records.length; index++) {
    const record = records[index] as ReferralRecord;
    const day = days[index] as number;
    const previousIndex = earlier[index] as number;
    const column = record.referralsInLast12Months;
    let bucket: OutcomeBucket;
    let reason: string | undefined;
    if (day < periodStart || day > periodEnd) bucket = 'not-in-period';
    else if (history === 'column' && column === undefined) {
      bucket = 'excluded';
      reason = 'referralsInLast12Months-not-given';
    } else {
      const inRecords =
        history !== 'column' &&
        previousIndex >= 0 &&
        (days[previousIndex] as number) >= lookBackStartDay(record.referralDate);
      const inColumn = history !== 'records' && column !== undefined && column >= 1;
      bucket = inRecords || inColumn ? 'counted' : 'not-counted';
      if (inColumn && !inRecords) reason = `referralsInLast12Months ${column}`;
    }
    tally.add(bucket, reason);
    if (outcomes !== undefined) {
      const seen = history !== 'column' && previousIndex >= 0;
      const previous = seen ? records[previousIndex] : undefined;
      const elapsed = seen ? day - (days[previousIndex] as number) : 0;
      const outcome = referralOutcome(record, bucket, options.rows?.[index], previous, elapsed);
      outcomes.put(index, reason === undefined ? outcome : { ...outcome, reason });
    }
  }
  return summariseCounts(
    tally.counts(records.length, options.rowsRejected),
    {
      definition: repeatReferralsDefinition,
      period,
      rule: {
        event: 'referralDate',
        history,
        lookBack: 'one year: the same date a year before (29 Feb: 28 Feb) to the day before',
        lookBackReads: 'all records given',
      },
      calendar: calendarRef(calendar),
      options,
    },
    outcomes?.kept,
  );
}

/**
 * REPEAT_REFERRALS's definition.
 * @example repeatReferralsDefinition.recordKind //=> 'referral'
 */
export const repeatReferralsDefinition: IndicatorDefinition<'referral', RepeatReferralsOptions> = {
  id: 'REPEAT_REFERRALS',
  title: 'Referrals within one year of a previous referral of the same child',
  unit: 'percent',
  polarity: 'lower-is-better',
  recordKind: 'referral',
  eventDate: 'referralDate',
  needs: [{ field: 'referralDate', role: 'event date' }, historyColumn('referralsInLast12Months')],
  options: [HISTORY],
  joinsByChild: true,
  defaultOptions: defaultsOf([HISTORY]),
  source:
    'Leeds Children’s Services Improvement Plan 2010, 2.3.1 (A1 SC 4): "Reduction of the number of repeat referrals to 20% for 2009/10"; the look-back of one year follows the DfE children in need statistics’ re-referrals within 12 months of a previous referral',
  compute: repeatReferrals,
};
