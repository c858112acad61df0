import { calendarRef } from '../calendar/index.js';
import type { Period } from '../periods/index.js';
import {
  childNumberFinder,
  childNumbersOf,
  type KeyNumbering,
  uncheckedChildNumbers,
} from '../records/keys.js';
import type { AssessmentRecord, ReferralRecord } from '../records/schemas.js';
import { fromDayNumber, parseIsoDay } from '../util/dates.js';
import { countOf } from '../util/plural.js';
import { choiceOption, defaultsOf, optionValue, recordsOption, workingDaysTimescale } from './options.js';
import { calendarOf } from './summarise.js';
import { NO_START, type StartLookup, summariseTimeliness } from './timeliness.js';
import type { CommonIndicatorOptions, IndicatorDefinition, IndicatorResult } from './types.js';

/**
 * Where the 45 working days of ASSESS45 run from: the child's latest referral on or before the assessment's start
 * (`referral`, the default: Working Together 2013's "from the point of referral", as the DfE children in need census
 * counts it), or the assessment's own `startDate` (`assessment-start`).
 */
export type Assess45From = 'referral' | 'assessment-start';

/**
 * Every start of ASSESS45's timescale, the default first.
 * @example assess45Froms //=> ['referral', 'assessment-start']
 */
export const assess45Froms: readonly Assess45From[] = ['referral', 'assessment-start'];

/** ASSESS45's options, declared once. */
const assess45Options = {
  from: choiceOption({
    name: 'from',
    values: assess45Froms,
    default: 'referral',
    flag: 'from',
    placeholder: 'S',
    doc: 'where the 45 working days run from: the child’s latest `referral`, or the `assessment-start`',
  }),
  referrals: recordsOption({
    name: 'referrals',
    kind: 'referral',
    flag: 'referrals',
    defaultText: 'required from the referral',
    unless: { option: 'from', value: 'assessment-start' },
    doc: 'the referral records each assessment counts from (give the referrals before the period too)',
  }),
  timescale: workingDaysTimescale(45),
};

/** Options of ASSESS45. */
export interface Assess45Options extends CommonIndicatorOptions {
  /** Where the timescale runs from. Default `referral`. */
  readonly from?: Assess45From;
  /**
   * The referral records the timescale runs from (`from: 'referral'`, the default): each assessment counts from its
   * child's latest `referralDate` on or before its `startDate`, however long before. Required in that mode; give the
   * referrals before the period too. Not read with `from: 'assessment-start'`.
   */
  readonly referrals?: readonly ReferralRecord[];
  /** The timescale in working days. Default 45. */
  readonly timescale?: number;
}

/** The latest day kept for a child with no referral: after every day, so that a look-up finds none. */
const NO_REFERRAL = 0x7fffffff;

/** Slices up to this long are sorted by insertion (most children have one to three referrals). */
const INSERTION_SORT_MAX = 24;

/**
 * Each child's referral days, sorted, for the lookup of the latest one on or before a day: O(n log n) to build
 * (the days gathered child by child with a counting sort, each child's slice sorted once), O(log k) per lookup.
 * Children are known by their number in `table`: the referrals' own numbering when they were numbered at read
 * time, so that assessments numbered in the same table are found with an array read.
 */
interface ReferralIndex {
  /** The numbering of the referrals' children. */
  readonly table: KeyNumbering;
  /** The day of child number `child`'s latest referral on or before `day`, or {@link NO_START} when there is none. */
  latestDayOnOrBefore(child: number, day: number): number;
  /**
   * {@link ReferralIndex.latestDayOnOrBefore} of `children[j]` and `days[j]` into `into[j]`, for each j below
   * `count`: the look-ups of a whole population in one loop (see {@link StartLookup}).
   */
  latestDaysOnOrBefore(children: Int32Array, days: Int32Array, count: number, into: Int32Array): void;
}

/**
 * The latest referral day of child `child` on or before `day` in an index's two arrays (see {@link indexReferrals}),
 * or {@link NO_START}: one cache line when the day is on or after the child's latest referral, else a binary search
 * of the child's earlier days.
 */
function latestInSlice(
  slots: Int32Array,
  days: Int32Array,
  children: number,
  child: number,
  day: number,
): number {
  // A child numbered after the index was built (not among the referrals), or none at all (-1), has none.
  if (child < 0 || child >= children) return NO_START;
  const latest = slots[child * 2 + 1] as number;
  if (latest <= day) return latest;
  // The latest is after the day: the answer, if any, is among the earlier ones (the slice less its last day).
  const first = child === 0 ? 0 : (slots[child * 2 - 2] as number);
  let low = first;
  let high = (slots[child * 2] as number) - 1;
  // The first slot whose day is after the target; the one before it is the latest on or before.
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((days[middle] as number) <= day) low = middle + 1;
    else high = middle;
  }
  return low === first ? NO_START : (days[low - 1] as number);
}

/**
 * Builds the {@link ReferralIndex} of the referrals given. Two typed arrays: the days, child by child, and each
 * child's slice end and latest day side by side (the slice of child c is from the end of c - 1's to its own end), so
 * that a look-up reads one cache line, and the slice only when the child's latest referral is after the day.
 * @throws {RangeError} naming the first `referralDate` in input order that is not a real `YYYY-MM-DD` date.
 */
function indexReferrals(referrals: readonly ReferralRecord[]): ReferralIndex {
  const count = referrals.length;
  // Each referral's day, read in input order (so the first bad date in input order is named), in a pass of its own:
  // placing each day in its child's slice writes all over an array of megabytes, which in the same loop as the
  // record reads cost about twice as much as the two loops apart. The same pass checks that each referral's childId
  // is still the one numbered at read time (else every child is numbered afresh, by childNumbersOf).
  const attached = uncheckedChildNumbers(referrals);
  const ids = attached?.ids;
  let stillNumbered = attached !== undefined;
  const dayOf = new Int32Array(count);
  for (let index = 0; index < count; index++) {
    const referral = referrals[index] as ReferralRecord;
    if (
      stillNumbered &&
      (typeof referral !== 'object' || referral === null || referral.childId !== ids?.[index])
    ) {
      stillNumbered = false;
    }
    const date = referral.referralDate;
    const day = typeof date === 'string' ? parseIsoDay(date) : Number.NaN;
    if (Number.isNaN(day)) {
      throw new RangeError(
        `referrals: expected each referralDate to be a date written YYYY-MM-DD, got ${JSON.stringify(date)}`,
      );
    }
    dayOf[index] = day;
  }
  const { table, numbers: childOf } =
    stillNumbered && attached !== undefined ? attached : childNumbersOf(referrals);
  const children = table.size;
  // ends[c + 1] counts child c's referrals, then (summed) is where its slice starts, then where its next day goes;
  // once every day is placed, ends[c + 1] is where its slice ends and ends[c] where it starts.
  const ends = new Int32Array(children + 1);
  for (let index = 0; index < count; index++) {
    const child = childOf[index] as number;
    ends[child + 1] = (ends[child + 1] as number) + 1;
  }
  for (let child = 1; child <= children; child++) {
    ends[child] = (ends[child] as number) + (ends[child - 1] as number);
  }
  const days = new Int32Array(count);
  for (let index = 0; index < count; index++) {
    const child = childOf[index] as number;
    const at = ends[child] as number;
    days[at] = dayOf[index] as number;
    ends[child] = at + 1;
  }
  // ends[c] is now where child c's slice ends (and c + 1's starts). Each slice is sorted, and child c's end and
  // latest day are kept side by side in `slots` (2c and 2c + 1), beside the end of c - 1 (2c - 2): one cache line
  // answers a look-up whose day is on or after the child's latest referral, or whose child has one referral only.
  const slots = new Int32Array(children * 2);
  let start = 0;
  for (let child = 0; child < children; child++) {
    const end = ends[child] as number;
    if (end - start > INSERTION_SORT_MAX) days.subarray(start, end).sort();
    else {
      for (let k = start + 1; k < end; k++) {
        const day = days[k] as number;
        let j = k - 1;
        while (j >= start && (days[j] as number) > day) {
          days[j + 1] = days[j] as number;
          j--;
        }
        days[j + 1] = day;
      }
    }
    slots[child * 2] = end;
    // A child with no referral (numbered by the assessments, in the same table) has none on or before any day.
    slots[child * 2 + 1] = end > start ? (days[end - 1] as number) : NO_REFERRAL;
    start = end;
  }
  return {
    table,
    latestDayOnOrBefore: (child, day) => latestInSlice(slots, days, children, child, day),
    latestDaysOnOrBefore(keys, on, found, into) {
      for (let j = 0; j < found; j++) {
        into[j] = latestInSlice(slots, days, children, keys[j] as number, on[j] as number);
      }
    },
  };
}

/**
 * The start of each assessment's timescale in the default mode, found in the referral index: the day of its child's
 * latest referral on or before its `startDate`, record by record (`startDay`, for the outcomes) and for the whole
 * population at once (`lookup`, for counting alone: see {@link StartLookup}); both read the child's number (an array
 * read when the assessments were numbered in the index's table, else a hash) and the start date (no start when it
 * is not a real date), so they agree.
 */
function referralStarts(
  records: readonly AssessmentRecord[],
  index: ReferralIndex,
): {
  startDay(record: AssessmentRecord, at: number): number | undefined;
  lookup: StartLookup<AssessmentRecord>;
} {
  const childNumberOf = childNumberFinder(records, index.table);
  const startOf = (record: AssessmentRecord): number =>
    typeof record.startDate === 'string' ? parseIsoDay(record.startDate) : Number.NaN;
  return {
    startDay(record, at) {
      const day = startOf(record);
      if (Number.isNaN(day)) return undefined;
      const found = index.latestDayOnOrBefore(childNumberOf(at), day);
      return found === NO_START ? undefined : found;
    },
    lookup: {
      day: startOf,
      key: (_record, at) => childNumberOf(at),
      find: (keys, days, count, starts) => index.latestDaysOnOrBefore(keys, days, count, starts),
    },
  };
}

/**
 * ASSESS45: the percentage of assessments completed within 45 working days of the referral (Working Together 2013).
 *
 * Population: assessments whose `completedDate` is in the period. Counted: the working days from the start to
 * `completedDate` are at most 45. The start is, by default, the child's latest referral on or before the
 * assessment's `startDate` (a referral on the start day itself counts), found among `options.referrals`; an
 * assessment of a child with no such referral is excluded as `no-referral-found`. With `from: 'assessment-start'`
 * the start is the assessment's own `startDate` and no referrals are needed. Each outcome's `startDate` is the date
 * the days ran from (the referral's date in the default mode).
 *
 * @param records - assessment records.
 * @param period - the reporting period.
 * @param options - from, referrals (required when counting from the referral), timescale, calendar, convention,
 *   rounding, outcomes.
 * @returns the {@link IndicatorResult}.
 * @throws {TypeError} when counting from the referral and `referrals` is missing; {@link RangeError} for an unknown
 *   `from`, a timescale that is not a whole number of days, or a referral date that is not a real date.
 * @example
 * // Referral Thu 20 Dec 2012; 45 working days skip 25 and 26 Dec and 1 Jan, and end on Tue 26 Feb 2013.
 * assess45(
 *   [{ id: 'A1', childId: 'C1', startDate: '2012-12-21', completedDate: '2013-02-26' }],
 *   parsePeriod('2013-02'),
 *   { referrals: [{ id: 'R1', childId: 'C1', referralDate: '2012-12-20' }] },
 * ).display; //=> '100.0%'
 */
export function assess45(
  records: readonly AssessmentRecord[],
  period: Period,
  options: Assess45Options = {},
): IndicatorResult {
  const from: Assess45From = optionValue(assess45Options.from, options.from);
  if (from === 'referral' && !Array.isArray(options.referrals)) {
    throw new TypeError(
      `referrals: ASSESS45 counts from the child's latest referral on or before the assessment's start, so it needs the referral records (or from: 'assessment-start'), got ${options.referrals === undefined ? 'undefined' : JSON.stringify(options.referrals)}`,
    );
  }
  const timescale = optionValue(assess45Options.timescale, options.timescale);
  const calendar = calendarOf(options);
  const convention = options.convention ?? 'after-start';
  const index = from === 'referral' ? indexReferrals(options.referrals ?? []) : undefined;
  const referral = index === undefined ? undefined : referralStarts(records, index);
  return summariseTimeliness(
    records,
    period,
    {
      id: (r) => r.id,
      eventDate: (r) => r.completedDate,
      missingEventReason: 'not-completed',
      // The referral's date is the one of its day: a referralDate is a real YYYY-MM-DD date, its day's only writing.
      startDate:
        referral === undefined
          ? (r) => r.startDate
          : (r, at) => {
              const day = referral.startDay(r, at);
              return day === undefined ? undefined : fromDayNumber(day);
            },
      ...(referral === undefined ? {} : { startDay: referral.startDay, startLookup: referral.lookup }),
      missingStartReason: index === undefined ? 'missing-start-date' : 'no-referral-found',
      timescale: () => timescale,
      days: 'working',
      earlyIsOnTime: false,
      team: (r) => r.team,
      workerId: (r) => r.workerId,
    },
    calendar,
    convention,
    {
      definition: assess45Definition,
      period,
      rule: {
        timescale: countOf(timescale, 'working day'),
        convention,
        from,
        start:
          from === 'referral'
            ? "the child's latest referralDate on or before the assessment's startDate"
            : 'startDate',
        to: 'completedDate',
      },
      calendar: calendarRef(calendar),
      options,
    },
  );
}

/**
 * ASSESS45's definition.
 * @example assess45Definition.id //=> 'ASSESS45'
 */
export const assess45Definition: IndicatorDefinition<'assessment', Assess45Options> = {
  id: 'ASSESS45',
  title: 'Assessments completed within 45 working days of referral',
  unit: 'percent',
  polarity: 'higher-is-better',
  recordKind: 'assessment',
  eventDate: 'completedDate',
  needs: [
    { field: 'completedDate', role: 'event date' },
    { field: 'startDate', role: 'start date' },
    { field: 'referralDate', role: 'start date', records: 'referrals' },
  ],
  options: Object.values(assess45Options),
  joinsByChild: true,
  defaultOptions: defaultsOf(Object.values(assess45Options)),
  source:
    'Working Together to Safeguard Children (2013) 1.2.13: the assessment should conclude no longer than 45 working days from the point of referral; DfE children in need census: assessments completed within 45 working days of the referral',
  compute: assess45,
};
