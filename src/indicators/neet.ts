import { calendarRef } from '../calendar/index.js';
import { contains, type Period, splitIntoMonths } from '../periods/index.js';
import type { ResultWarning } from '../records/issues.js';
import { hashOf } from '../records/keys.js';
import type { NeetRecord, NeetStatus } from '../records/schemas.js';
import { type IsoDate, isIsoDate, isoFromYmd, ymdOf } from '../util/dates.js';
import { listed } from '../util/plural.js';
import { dateOption, optionValue, wholeNumberOption } from './options.js';
import {
  calendarOf,
  createOutcomeTally,
  type OutcomeTally,
  outcomeStore,
  summariseCounts,
} from './summarise.js';
import type {
  CommonIndicatorOptions,
  IndicatorResult,
  IndicatorUnit,
  OutcomeBucket,
  OutcomeDraft,
  Polarity,
  RecordOutcome,
  SnapshotCounts,
} from './types.js';

/**
 * The months (1-12) whose counts make the NI 117 average: November, December and January.
 * @example NEET_COUNT_MONTHS //=> [11, 12, 1]
 */
export const NEET_COUNT_MONTHS: readonly number[] = [11, 12, 1];

/** Options shared by the NEET indicators (NI117, NEET_NOT_KNOWN). */
export interface NeetCountOptions extends CommonIndicatorOptions {
  /**
   * One count date instead of the November, December and January counts of the period. Records of the period at any
   * other date are excluded (`not-the-selected-count`); a count date outside the period leaves no count. Any date may
   * be selected, also outside November to January (a council's monthly tracking count). Default: none.
   */
  readonly countDate?: IsoDate;
  /** The youngest academic age in the cohort. Default 16. */
  readonly minAge?: number;
  /** The oldest academic age in the cohort. Default 18. */
  readonly maxAge?: number;
}

/**
 * The options of the NEET indicators (NI117, NEET_NOT_KNOWN), declared once.
 * @example neetOptions.map((o) => o.name) //=> ['countDate', 'minAge', 'maxAge']
 */
export const neetOptions = [
  dateOption({
    name: 'countDate',
    defaultText: 'none: the November, December and January counts',
    flag: 'count-date',
    placeholder: 'DATE',
    doc: 'one count date instead of November to January (any date, also a monthly tracking count)',
  }),
  wholeNumberOption({
    name: 'minAge',
    unit: 'years',
    default: 16,
    doc: 'the youngest academic age in the cohort',
  }),
  wholeNumberOption({
    name: 'maxAge',
    unit: 'years',
    default: 18,
    doc: 'the oldest academic age in the cohort',
  }),
] as const;

/** One count date's figures: the cohort, the known cohort, NEET, not known and EET. */
export interface NeetSnapshot extends SnapshotCounts {
  /** The count date. */
  readonly date: IsoDate;
  /** Young people of academic age 16-18 at the count, not `EXCLUDED`. */
  readonly cohort: number;
  /** The cohort minus `NOT_KNOWN`. */
  readonly known: number;
  /** `NEET` at the count. */
  readonly neet: number;
  /** `NOT_KNOWN` at the count. */
  readonly notKnown: number;
  /** `EET` at the count. */
  readonly eet: number;
}

/** What a NEET indicator counts: NEET over the known cohort (NI117), or not known over the cohort. */
export type NeetMeasure = 'neet' | 'not-known';

/**
 * A young person's academic age: the age on 31 August before the academic year (September to August) in which the
 * count date falls.
 *
 * @param dateOfBirth - the date of birth.
 * @param countDate - the count date.
 * @returns the age in whole years on that 31 August (negative when born after it).
 * @throws {RangeError} when either date is not a real `YYYY-MM-DD` date.
 * @example
 * academicAge('1992-08-31', '2010-11-30'); //=> 18 (18 on 2010-08-31)
 * academicAge('1991-09-01', '2011-01-31'); //=> 18 (turned 19 on 2010-09-01, after the 31 August)
 * academicAge('1991-08-31', '2010-11-30'); //=> 19
 */
export function academicAge(dateOfBirth: IsoDate, countDate: IsoDate): number {
  const count = ymdOf(countDate);
  const birth = ymdOf(dateOfBirth);
  const academicYearStart = count.month >= 9 ? count.year : count.year - 1;
  // The reference day is 31 August: a birthday in September to December has not yet come round that year; any
  // birthday from 1 January to 31 August (29 February included) has.
  return academicYearStart - birth.year - (birth.month >= 9 ? 1 : 0);
}

/** The counts, the outcomes (when asked for) and the per-count figures of a NEET indicator. */
export interface NeetOutcomes {
  /** Every record's bucket, counted. */
  readonly tally: OutcomeTally;
  /** One outcome per record, in order, when `options.outcomes` asks for them. */
  readonly outcomes: RecordOutcome[] | undefined;
  readonly snapshots: NeetSnapshot[];
}

function ageRange(options: NeetCountOptions): { minAge: number; maxAge: number } {
  const [, minAgeOption, maxAgeOption] = neetOptions;
  const minAge = optionValue(minAgeOption, options.minAge);
  const maxAge = optionValue(maxAgeOption, options.maxAge);
  if (minAge > maxAge) {
    throw new RangeError(`minAge: expected at most maxAge (${maxAge}), got ${minAge}`);
  }
  return { minAge, maxAge };
}

/**
 * The count date of each November, December and January in the records: the latest `snapshotDate` of the month,
 * read from every record (the count is a fact of the data, not of the period), keyed by `YYYY-MM`.
 */
function latestSnapshotByMonth(records: readonly NeetRecord[]): Map<string, IsoDate> {
  const latest = new Map<string, IsoDate>();
  // Each distinct date is looked at once: dates are few, records many.
  const seen = new Set<IsoDate>();
  for (const record of records) {
    const date = record.snapshotDate;
    if (seen.has(date)) continue;
    seen.add(date);
    if (!NEET_COUNT_MONTHS.includes(ymdOf(date).month)) continue;
    const month = date.slice(0, 7);
    const known = latest.get(month);
    if (known === undefined || date > known) latest.set(month, date);
  }
  return latest;
}

/** The birth dates of a cohort at one count: from 1 September (Y - maxAge - 1) to 31 August (Y - minAge). */
function birthRangeOf(countDate: IsoDate, minAge: number, maxAge: number): { from: IsoDate; to: IsoDate } {
  const count = ymdOf(countDate);
  const academicYearStart = count.month >= 9 ? count.year : count.year - 1;
  return {
    from: isoFromYmd(academicYearStart - maxAge - 1, 9, 1),
    to: isoFromYmd(academicYearStart - minAge, 8, 31),
  };
}

interface MutableSnapshot {
  /** The count's number, in the order of the count dates. */
  readonly number: number;
  cohort: number;
  neet: number;
  notKnown: number;
  eet: number;
}

/** The records are grouped by the top bits of their hash: 2^8 groups. */
const GROUP_BITS = 8;

/**
 * Marks each record that gives the same person (`String(personId)`) at the same count as an earlier record; the
 * first one is the one counted. `countOf[i]` is record i's count, -1 for a record at no count (never marked).
 *
 * One table over all the records took a cache miss per record at 10^6 of them (the indicator's largest cost). Here
 * the records are hashed in one pass, placed in groups by the top bits of the hash (in record order within each
 * group), and each group is checked with a table small enough to stay in the cache. Two records are the same person
 * only when their hash, count and person id are all equal: the hash only narrows the comparison.
 */
function repeatedPeople(records: readonly NeetRecord[], countOf: Int32Array): Uint8Array {
  const total = records.length;
  const repeated = new Uint8Array(total);
  const groups = 1 << GROUP_BITS;
  const hashes = new Int32Array(total);
  // starts[g + 1] counts group g's records, then starts[g] is where group g begins.
  const starts = new Int32Array(groups + 1);
  for (let index = 0; index < total; index++) {
    const count = countOf[index] as number;
    if (count < 0) continue;
    let hash = Math.imul(hashOf(String((records[index] as NeetRecord).personId)) ^ count, 0x9e3779b1);
    hash ^= hash >>> 15;
    hashes[index] = hash;
    const group = hash >>> (32 - GROUP_BITS);
    starts[group + 1] = (starts[group + 1] as number) + 1;
  }
  for (let group = 0; group < groups; group++) {
    starts[group + 1] = (starts[group + 1] as number) + (starts[group] as number);
  }
  const placed = starts[groups] as number;
  const order = new Int32Array(placed);
  const orderedHashes = new Int32Array(placed);
  const next = starts.slice(0, groups);
  let largest = 0;
  for (let index = 0; index < total; index++) {
    if ((countOf[index] as number) < 0) continue;
    const hash = hashes[index] as number;
    const group = hash >>> (32 - GROUP_BITS);
    const at = next[group] as number;
    order[at] = index;
    orderedHashes[at] = hash;
    next[group] = at + 1;
  }
  for (let group = 0; group < groups; group++) {
    largest = Math.max(largest, (starts[group + 1] as number) - (starts[group] as number));
  }
  let capacity = 16;
  while (capacity < largest * 2) capacity *= 2;
  const mask = capacity - 1;
  // Slot s is table[2s] (1 + the index of its record, 0 when empty) and table[2s + 1] (that record's hash).
  const table = new Int32Array(capacity * 2);
  for (let group = 0; group < groups; group++) {
    const from = starts[group] as number;
    const to = starts[group + 1] as number;
    if (from === to) continue;
    for (let at = from; at < to; at++) {
      const index = order[at] as number;
      const hash = orderedHashes[at] as number;
      let slot = hash & mask;
      for (;;) {
        const entry = table[slot * 2] as number;
        if (entry === 0) {
          table[slot * 2] = index + 1;
          table[slot * 2 + 1] = hash;
          break;
        }
        const other = entry - 1;
        if (
          table[slot * 2 + 1] === hash &&
          countOf[other] === countOf[index] &&
          String((records[other] as NeetRecord).personId) === String((records[index] as NeetRecord).personId)
        ) {
          repeated[index] = 1;
          break;
        }
        slot = (slot + 1) & mask;
      }
    }
    table.fill(0);
  }
  return repeated;
}

/**
 * The outcome of every NEET record and the figures of every count in the period.
 *
 * A record is, in this order: `not-in-period` (snapshot date outside the period); excluded `not-a-count-month`
 * (not November, December or January), `superseded-snapshot` (a later snapshot date of the same month is the count)
 * or, with `countDate`, `not-the-selected-count`; excluded `duplicate-person` (the same person again at the same
 * count: the first record is used); excluded `outside-age-16-18` (academic age); excluded `excluded-status`
 * (custody, asylum); and then in the cohort. For NI117 (`neet`) a `NOT_KNOWN` record is excluded `not-known` and a
 * `NEET` one is counted; for NEET_NOT_KNOWN (`not-known`) a `NOT_KNOWN` record is counted.
 *
 * @param records - NEET records.
 * @param period - the reporting period.
 * @param options - countDate, minAge, maxAge, rows, outcomes.
 * @param measure - `neet` (NI117) or `not-known` (NEET_NOT_KNOWN).
 * @returns the records counted by bucket, the outcomes (one per record, in order, when `options.outcomes` asks for
 *   them) and one snapshot per count date, by date.
 * @example
 * neetOutcomes(
 *   [{ personId: 'P1', snapshotDate: '2010-11-30', dateOfBirth: '1993-05-01', status: 'NEET' }],
 *   parsePeriod('AY2010'),
 *   {},
 *   'neet',
 * ).snapshots;
 * //=> [{ date: '2010-11-30', cohort: 1, known: 1, neet: 1, notKnown: 0, eet: 0 }]
 */
export function neetOutcomes(
  records: readonly NeetRecord[],
  period: Period,
  options: NeetCountOptions,
  measure: NeetMeasure,
): NeetOutcomes {
  const { minAge, maxAge } = ageRange(options);
  const ageReason = `outside-age-${minAge}-${maxAge}`;
  const selected = optionValue(neetOptions[0], options.countDate);
  const latest = selected === undefined ? latestSnapshotByMonth(records) : undefined;
  const countDates =
    selected === undefined
      ? [...(latest?.values() ?? [])].filter((date) => contains(period, date)).sort()
      : contains(period, selected)
        ? [selected]
        : [];
  const figures = new Map<IsoDate, MutableSnapshot>(
    countDates.map((date, number) => [date, { number, cohort: 0, neet: 0, notKnown: 0, eet: 0 }]),
  );
  // What each distinct snapshot date means, worked out once: dates are few, records many. `figure` is set for a
  // count date, `reason` for any other date of the period.
  interface DateInfo {
    readonly inPeriod: boolean;
    readonly figure?: MutableSnapshot;
    readonly reason?: string;
    readonly birthRange?: { readonly from: IsoDate; readonly to: IsoDate };
  }
  const dateInfo = new Map<IsoDate, DateInfo>();
  const infoOf = (date: IsoDate): DateInfo => {
    const known = dateInfo.get(date);
    if (known !== undefined) return known;
    const figure = figures.get(date);
    let info: DateInfo;
    if (!contains(period, date)) info = { inPeriod: false };
    else if (figure !== undefined)
      info = { inPeriod: true, figure, birthRange: birthRangeOf(date, minAge, maxAge) };
    else if (selected !== undefined) info = { inPeriod: true, reason: 'not-the-selected-count' };
    else if (!NEET_COUNT_MONTHS.includes(ymdOf(date).month))
      info = { inPeriod: true, reason: 'not-a-count-month' };
    else info = { inPeriod: true, reason: 'superseded-snapshot' };
    dateInfo.set(date, info);
    return info;
  };

  // The count each record is checked at for a person given twice (-1 for a record at no count), then which of
  // them repeat a person already given at their count.
  const countOf = new Int32Array(records.length);
  for (let index = 0; index < records.length; index++) {
    const figure = infoOf((records[index] as NeetRecord).snapshotDate).figure;
    countOf[index] = figure === undefined ? -1 : figure.number;
  }
  const repeated = repeatedPeople(records, countOf);

  // A plain loop that decides each record's bucket and reason, and builds its outcome only when asked for one:
  // national cohorts run to millions of rows.
  const store = outcomeStore(options, records.length);
  const tally = createOutcomeTally();
  const counted = measure === 'neet' ? 'NEET' : 'NOT_KNOWN';
  for (let index = 0; index < records.length; index++) {
    const record = records[index] as NeetRecord;
    const eventDate = record.snapshotDate;
    const { inPeriod, figure, reason: dateReason, birthRange } = infoOf(eventDate);
    let bucket: OutcomeBucket = 'excluded';
    let reason: string | undefined;
    if (!inPeriod) bucket = 'not-in-period';
    else if (figure === undefined || birthRange === undefined) reason = dateReason ?? 'not-a-count';
    else {
      // Validation rejects a person twice at one count; should it happen, the first record is the one counted.
      if (repeated[index] === 1) reason = 'duplicate-person';
      // Academic age minAge to maxAge, as a range of birth dates (ISO dates compare as strings).
      else if (!isIsoDate(record.dateOfBirth)) {
        throw new RangeError(
          `dateOfBirth: expected a date written YYYY-MM-DD, got ${JSON.stringify(record.dateOfBirth)}`,
        );
      } else if (record.dateOfBirth < birthRange.from || record.dateOfBirth > birthRange.to) {
        reason = ageReason;
      } else {
        const status: NeetStatus = record.status;
        if (status === 'EXCLUDED') reason = 'excluded-status';
        else {
          figure.cohort++;
          if (status === 'NOT_KNOWN') figure.notKnown++;
          else if (status === 'NEET') figure.neet++;
          else figure.eet++;
          if (status === counted) bucket = 'counted';
          else if (status === 'NOT_KNOWN') reason = 'not-known';
          else {
            bucket = 'not-counted';
            reason = status === 'NEET' ? 'status NEET' : 'status EET';
          }
        }
      }
    }
    tally.add(bucket, reason);
    if (store !== undefined) {
      const outcome: OutcomeDraft = { id: `${record.personId}@${eventDate}`, bucket, eventDate };
      const row = options.rows?.[index];
      if (row !== undefined) outcome.row = row;
      if (reason !== undefined) outcome.reason = reason;
      store.put(index, outcome);
    }
  }

  const snapshots = countDates.map((date): NeetSnapshot => {
    const { cohort, neet, notKnown, eet } = figures.get(date) ?? { cohort: 0, neet: 0, notKnown: 0, eet: 0 };
    return { date, cohort, known: cohort - notKnown, neet, notKnown, eet };
  });
  return { tally, outcomes: store?.kept, snapshots };
}

/**
 * The warning a NEET figure calls for when a count month of the period has no count: the measure is the average of
 * the November, December and January counts, and a figure pooled over fewer of them is not that average. The count
 * months expected are those November, December and January months that lie wholly in the period (a month cut by the
 * period's start or end is not expected); a month is missing when no `snapshotDate` of the records falls in it. The
 * figure is still the pool of the counts present (SPEC 9: the sums over the counts in the period); the warning
 * (`missing_count_month`) names the months missing and the counts used. None when `countDate` selects one count.
 *
 * @param indicator - the indicator's id, for the message.
 * @param period - the reporting period.
 * @param snapshots - the counts found in the period.
 * @returns the warning, or none when every count month expected has its count.
 * @example
 * missingCountMonthWarnings('NI117', parsePeriod('AY2010'), [{ date: '2010-11-30' }, { date: '2010-12-31' }])[0]?.message
 * //=> 'NI117 has no count for January 2011 (no snapshotDate in that month): the figure pools the counts of 2010-11-30 and 2010-12-31 only, not the average of the November, December and January counts'
 */
export function missingCountMonthWarnings(
  indicator: string,
  period: Period,
  snapshots: readonly { readonly date: IsoDate }[],
): ResultWarning[] {
  const present = new Set(snapshots.map((snapshot) => snapshot.date.slice(0, 7)));
  const missing = splitIntoMonths(period).filter(
    (month) =>
      /^\d{4}-\d{2}$/.test(month.spec) &&
      NEET_COUNT_MONTHS.includes(ymdOf(month.start).month) &&
      !present.has(month.spec),
  );
  if (missing.length === 0) return [];
  const months = listed(missing.map((month) => month.label));
  const used =
    snapshots.length === 0
      ? 'there is no count in the period, so no figure'
      : `the figure pools the ${snapshots.length === 1 ? 'count' : 'counts'} of ${listed(snapshots.map((snapshot) => snapshot.date))} only, not the average of the November, December and January counts`;
  return [
    {
      code: 'missing_count_month',
      message: `${indicator} has no count for ${months} (no snapshotDate in ${missing.length === 1 ? 'that month' : 'those months'}): ${used}`,
    },
  ];
}

/** What {@link neetResult} needs to know of the indicator. */
export interface NeetDefinition {
  readonly id: string;
  readonly title: string;
  readonly unit: IndicatorUnit;
  readonly polarity: Polarity;
}

/**
 * The result of a NEET indicator: numerator and denominator pooled (summed) over the counts of the period, so the
 * value is the mean of the numerators over the mean of the denominators, and `counts.snapshots` lists each count.
 *
 * @param definition - the indicator's id, title, unit and polarity.
 * @param records - NEET records.
 * @param period - the reporting period.
 * @param options - the indicator's options.
 * @param measure - `neet` (NI117) or `not-known` (NEET_NOT_KNOWN).
 * @returns the {@link IndicatorResult}.
 * @example
 * neetResult(ni117Definition, records, parsePeriod('AY2010'), {}, 'neet').display; //=> '7.5%'
 */
export function neetResult(
  definition: NeetDefinition,
  records: readonly NeetRecord[],
  period: Period,
  options: NeetCountOptions,
  measure: NeetMeasure,
): IndicatorResult {
  const calendar = calendarOf(options);
  const { minAge, maxAge } = ageRange(options);
  const { tally, outcomes, snapshots } = neetOutcomes(records, period, options, measure);
  const counts = { ...tally.counts(records.length, options.rowsRejected), snapshots };
  const result = summariseCounts(
    counts,
    {
      definition,
      period,
      rule: {
        counts:
          options.countDate === undefined
            ? 'the latest snapshotDate of each November, December and January in the period'
            : options.countDate,
        pooling: 'sums over the counts (mean numerator / mean denominator)',
        academicAge: 'age on 31 August before the academic year of the count',
        ages: `${minAge}-${maxAge}`,
        numerator: measure === 'neet' ? 'NEET' : 'NOT_KNOWN',
        denominator:
          measure === 'neet'
            ? 'known cohort (cohort minus NOT_KNOWN), EXCLUDED left out'
            : 'cohort, EXCLUDED left out',
      },
      calendar: calendarRef(calendar),
      options,
    },
    outcomes,
  );
  // One count chosen is not a three-count average: nothing is missing from it.
  const missing =
    options.countDate === undefined ? missingCountMonthWarnings(definition.id, period, snapshots) : [];
  return missing.length === 0 ? result : { ...result, warnings: [...result.warnings, ...missing] };
}
