import type { Period } from '../periods/index.js';
import { createKeyNumbering } from '../records/keys.js';
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
import { calendarOf, createOutcomeTally, summariseCounts } from './summarise.js';
import type {
  CommonIndicatorOptions,
  IndicatorDefinition,
  IndicatorResult,
  OutcomeBucket,
  RecordOutcome,
} from './types.js';

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

/** Slices up to this long are sorted by insertion (most children have one to three referrals). */
const INSERTION_SORT_MAX = 24;

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

/** What {@link groupByChild} finds: each record's day number, and the records gathered child by child. */
interface ChildSlices {
  /** The day number of each record's `referralDate`. */
  readonly days: Int32Array;
  /** Record indices, child by child; each child's in input order. */
  readonly order: Int32Array;
  /** Child c's records are `order[starts[c]]` to `order[starts[c + 1] - 1]`. */
  readonly starts: Int32Array;
}

/**
 * Reads each referral's day number and gathers the referrals child by child, in one pass over the records: each
 * child gets a number, then a counting sort by child fills one slice per child (no array per child).
 * @throws {RangeError} naming the first date in input order that is not a real `YYYY-MM-DD` date.
 */
function groupByChild(records: readonly ReferralRecord[]): ChildSlices {
  const count = records.length;
  const days = new Int32Array(count);
  const childOf = new Int32Array(count);
  const childNumbers = createKeyNumbering(count);
  // sizes[c] is child c's number of referrals (at most one child per record); then where its next one goes.
  const sizes = new Int32Array(count);
  for (let index = 0; index < count; index++) {
    const record = records[index] as ReferralRecord;
    const date = record.referralDate;
    const day = typeof date === 'string' ? parseIsoDay(date) : Number.NaN;
    if (Number.isNaN(day)) {
      throw new RangeError(`Expected a date written YYYY-MM-DD, got ${JSON.stringify(date)}`);
    }
    days[index] = day;
    const child = childNumbers.add(record.childId);
    childOf[index] = child;
    sizes[child] = (sizes[child] as number) + 1;
  }
  const children = childNumbers.size;
  const starts = new Int32Array(children + 1);
  for (let child = 0; child < children; child++) {
    const start = starts[child] as number;
    starts[child + 1] = start + (sizes[child] as number);
    sizes[child] = start;
  }
  const order = new Int32Array(count);
  for (let index = 0; index < count; index++) {
    const child = childOf[index] as number;
    const at = sizes[child] as number;
    order[at] = index;
    sizes[child] = at + 1;
  }
  return { days, order, starts };
}

/**
 * For each record, the index of the same child's latest referral on a strictly earlier date, or -1.
 *
 * O(n log n), never a pairwise scan: the referrals are gathered child by child ({@link groupByChild}) and each
 * child's slice is sorted by day number, ties kept in input order: by insertion when short, as nearly every slice
 * is, otherwise by the typed array's sort.
 */
function latestEarlierReferral({ days, order, starts }: ChildSlices): Int32Array {
  const children = starts.length - 1;
  const byDay = (a: number, b: number) => (days[a] as number) - (days[b] as number) || a - b;
  const earlier = new Int32Array(days.length).fill(-1);
  for (let child = 0; child < children; child++) {
    const start = starts[child] as number;
    const end = starts[child + 1] as number;
    if (end - start < 2) continue;
    if (end - start > INSERTION_SORT_MAX) order.subarray(start, end).sort(byDay);
    else {
      // Stable: the slice is in input order, and an element moves only past later days.
      for (let k = start + 1; k < end; k++) {
        const index = order[k] as number;
        const day = days[index] as number;
        let j = k - 1;
        while (j >= start && (days[order[j] as number] as number) > day) {
          order[j + 1] = order[j] as number;
          j--;
        }
        order[j + 1] = index;
      }
    }
    // `previous` is the last referral of the latest run of dates before the current one: referrals of the same
    // child on the same date are not repeats of each other.
    let previous = -1;
    for (let k = start + 1; k < end; k++) {
      const before = order[k - 1] as number;
      const current = order[k] as number;
      if (days[before] !== days[current]) previous = before;
      earlier[current] = previous;
    }
  }
  return earlier;
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
  const slices = groupByChild(records);
  const days = slices.days;
  const earlier = latestEarlierReferral(slices);
  const periodStart = toDayNumber(period.start);
  const periodEnd = toDayNumber(period.end);
  // Outcomes are built only when asked for: at 10^6 records they are most of the time and memory.
  const outcomes: RecordOutcome[] | undefined = options.outcomes ? new Array(records.length) : undefined;
  const tally = createOutcomeTally();
  for (let index = 0; index < records.length; index++) {
    const record = records[index] as ReferralRecord;
    const day = days[index] as number;
    const previousIndex = earlier[index] as number;
    let bucket: OutcomeBucket;
    if (day < periodStart || day > periodEnd) bucket = 'not-in-period';
    else if (previousIndex < 0) bucket = 'not-counted';
    else {
      const inLookBack = (days[previousIndex] as number) >= lookBackStartDay(record.referralDate);
      bucket = inLookBack ? 'counted' : 'not-counted';
    }
    tally.add(bucket);
    if (outcomes !== undefined) {
      const previous = previousIndex < 0 ? undefined : records[previousIndex];
      const elapsed = previousIndex < 0 ? 0 : day - (days[previousIndex] as number);
      outcomes[index] = referralOutcome(record, bucket, options.rows?.[index], previous, elapsed);
    }
  }
  return summariseCounts(
    tally.counts(records.length, options.rowsRejected),
    {
      definition: repeatReferralsDefinition,
      period,
      rule: {
        event: 'referralDate',
        lookBack: 'one year: the same date a year before (29 Feb: 28 Feb) to the day before',
        lookBackReads: 'all records given',
      },
      calendar: { id: calendar.id, fingerprint: calendar.fingerprint },
      options,
    },
    outcomes,
  );
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
