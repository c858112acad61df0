import { contains, type Period } from '../periods/index.js';
import type { ReferralRecord } from '../records/schemas.js';
import { daysInMonth, type IsoDate, isoFromYmd, toDayNumber, ymdOf } from '../util/dates.js';
import { calendarOf, summariseOutcomes } from './summarise.js';
import type { CommonIndicatorOptions, IndicatorDefinition, IndicatorResult, RecordOutcome } from './types.js';

/** An outcome while it is being filled in. */
type OutcomeDraft = { -readonly [K in keyof RecordOutcome]: RecordOutcome[K] };

/** Options of REPEAT_REFERRALS (the common ones only). */
export interface RepeatReferralsOptions extends CommonIndicatorOptions {}

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
 * For each record, the index of the same child's latest referral on a strictly earlier date, or -1.
 *
 * O(n log n), never a pairwise scan: each child gets a number, a counting sort by child gathers each child's
 * referrals into one slice (no array per child), and each slice is sorted by date (ISO dates sort as strings; ties
 * keep the input order).
 */
function latestEarlierReferral(records: readonly ReferralRecord[]): Int32Array {
  const count = records.length;
  const childOf = new Int32Array(count);
  const childNumbers = new Map<string, number>();
  const sizes: number[] = [];
  records.forEach((record, index) => {
    let child = childNumbers.get(record.childId);
    if (child === undefined) {
      child = sizes.length;
      childNumbers.set(record.childId, child);
      sizes.push(0);
    }
    childOf[index] = child;
    sizes[child] = (sizes[child] as number) + 1;
  });
  // starts[c] is where child c's slice begins in `order`; `fill` is where its next referral goes.
  const starts = new Int32Array(sizes.length + 1);
  sizes.forEach((size, child) => {
    starts[child + 1] = (starts[child] as number) + size;
  });
  const fill = starts.slice(0, sizes.length);
  const order = new Int32Array(count);
  for (let index = 0; index < count; index++) {
    const child = childOf[index] as number;
    order[fill[child] as number] = index;
    fill[child] = (fill[child] as number) + 1;
  }
  const dates = records.map((record) => record.referralDate);
  const byDate = (a: number, b: number) => {
    const dateA = dates[a] as string;
    const dateB = dates[b] as string;
    return dateA < dateB ? -1 : dateA > dateB ? 1 : a - b;
  };
  const earlier = new Int32Array(count).fill(-1);
  for (let child = 0; child < sizes.length; child++) {
    const start = starts[child] as number;
    const end = starts[child + 1] as number;
    if (end - start < 2) continue;
    const slice = order.subarray(start, end).sort(byDate);
    // `previous` is the last referral of the latest run of dates before the current one: referrals of the same
    // child on the same date are not repeats of each other.
    let previous = -1;
    for (let k = 1; k < slice.length; k++) {
      const before = slice[k - 1] as number;
      const current = slice[k] as number;
      if (dates[before] !== dates[current]) previous = before;
      earlier[current] = previous;
    }
  }
  return earlier;
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
  const earlier = latestEarlierReferral(records);
  const outcomes = records.map((record, index): RecordOutcome => {
    const eventDate = record.referralDate;
    // One object per record, filled in place: at 10^6 records, spread copies are most of the time.
    const outcome: OutcomeDraft = { id: record.id, bucket: 'not-in-period', eventDate };
    const row = options.rows?.[index];
    if (row !== undefined) outcome.row = row;
    if (record.team !== undefined) outcome.team = record.team;
    if (!contains(period, eventDate)) return outcome;
    const previous = records[earlier[index] ?? -1];
    if (previous === undefined) {
      outcome.bucket = 'not-counted';
      outcome.reason = 'no earlier referral';
      return outcome;
    }
    outcome.startDate = previous.referralDate;
    outcome.days = toDayNumber(eventDate) - toDayNumber(previous.referralDate);
    if (previous.referralDate >= oneYearBefore(eventDate)) {
      outcome.bucket = 'counted';
      outcome.reason = `repeat of ${previous.id} on ${previous.referralDate}`;
    } else {
      outcome.bucket = 'not-counted';
      outcome.reason = `latest earlier referral ${previous.id} on ${previous.referralDate} is more than a year before`;
    }
    return outcome;
  });
  return summariseOutcomes(outcomes, {
    definition: repeatReferralsDefinition,
    period,
    rule: {
      event: 'referralDate',
      lookBack: 'one year: the same date a year before (29 Feb: 28 Feb) to the day before',
      lookBackReads: 'all records given',
    },
    calendar: { id: calendar.id, fingerprint: calendar.fingerprint },
    options,
  });
}

/** REPEAT_REFERRALS's definition. */
export const repeatReferralsDefinition: IndicatorDefinition<'referral', RepeatReferralsOptions> = {
  id: 'REPEAT_REFERRALS',
  title: 'Referrals within one year of a previous referral of the same child',
  unit: 'percent',
  polarity: 'lower-is-better',
  recordKind: 'referral',
  eventDate: 'referralDate',
  defaultOptions: {},
  source:
    'Leeds Children’s Services Improvement Plan 2010, 2.3.1 (A1 SC 4): "Reduction of the number of repeat referrals to 20% for 2009/10"; the look-back of one year follows the DfE children in need statistics’ re-referrals within 12 months of a previous referral',
  compute: repeatReferrals,
};
