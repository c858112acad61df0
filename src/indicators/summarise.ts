import { type CalendarRef, createCalendar } from '../calendar/index.js';
import type { Period } from '../periods/index.js';
import type { ResultWarning } from '../records/issues.js';
import { displayValue, exactRatio, resolveRounding } from './exact.js';
import type {
  CommonIndicatorOptions,
  IndicatorCounts,
  IndicatorResult,
  IndicatorUnit,
  OutcomeBucket,
  Polarity,
  RecordOutcome,
} from './types.js';

/** What {@link summariseOutcomes} needs besides the outcomes. */
export interface SummaryContext {
  readonly definition: {
    readonly id: string;
    readonly title: string;
    readonly unit: IndicatorUnit;
    readonly polarity: Polarity;
  };
  readonly period: Period;
  readonly rule: IndicatorResult['rule'];
  readonly calendar: CalendarRef;
  readonly options: CommonIndicatorOptions;
}

/**
 * A running count of outcomes by bucket, for an indicator that counts its records without building an outcome for
 * each (outcomes are built only when the caller asks for them: at 10^6 records they are most of the memory).
 */
export interface OutcomeTally {
  /** Counts one record: its bucket, and for `excluded` its reason (default `excluded`). */
  add(bucket: OutcomeBucket, reason?: string): void;
  /** The counts of the records added, `recordsRead` of them, with `rowsRejected` when the caller gives it. */
  counts(recordsRead: number, rowsRejected?: number): IndicatorCounts;
}

/**
 * A new, empty {@link OutcomeTally}.
 * @example
 * const tally = createOutcomeTally();
 * tally.add('counted');
 * tally.add('excluded', 'duplicate-person');
 * tally.counts(2).excluded; //=> { 'duplicate-person': 1 }
 */
export function createOutcomeTally(): OutcomeTally {
  let counted = 0;
  let notCounted = 0;
  let notInPeriod = 0;
  const excluded: Record<string, number> = {};
  return {
    add(bucket, reason) {
      switch (bucket) {
        case 'counted':
          counted++;
          break;
        case 'not-counted':
          notCounted++;
          break;
        case 'not-in-period':
          notInPeriod++;
          break;
        case 'excluded': {
          const key = reason ?? 'excluded';
          excluded[key] = (excluded[key] ?? 0) + 1;
          break;
        }
      }
    },
    counts(recordsRead, rowsRejected) {
      return {
        recordsRead,
        inPopulation: counted + notCounted,
        counted,
        notCounted,
        notInPeriod,
        excluded: { ...excluded },
        ...(rowsRejected === undefined ? {} : { rowsRejected }),
      };
    },
  };
}

/**
 * Where an indicator puts each record's outcome: kept for the result when `outcomes` asks for them, handed to
 * `onOutcome` as it is made, or both. An indicator puts the outcomes in record order, each one complete (a sink may
 * write it at once, or tally it and drop it).
 */
export interface OutcomeStore {
  /** Puts the complete outcome of the record at `index` (its place among the outcomes kept). */
  put(index: number, outcome: RecordOutcome): void;
  /** The outcomes kept for the result, when `outcomes` asks for them; otherwise undefined. */
  readonly kept: RecordOutcome[] | undefined;
}

/**
 * The {@link OutcomeStore} the options ask for, or undefined when they ask for no outcome at all (then an indicator
 * builds none: at 10^6 records they are most of the time and memory).
 *
 * @param options - `outcomes` (keep them in the result) and `onOutcome` (hand each to a sink); both default off.
 * @param length - how many outcomes there will be.
 * @returns the store, or undefined.
 * @example
 * const seen: string[] = [];
 * const store = outcomeStore({ onOutcome: (o) => seen.push(o.id) }, 1);
 * store?.put(0, { id: 'IA1', bucket: 'counted' });
 * [seen, store?.kept]; //=> [['IA1'], undefined]
 */
export function outcomeStore(options: CommonIndicatorOptions, length: number): OutcomeStore | undefined {
  const sink = options.onOutcome;
  const kept: RecordOutcome[] | undefined = options.outcomes ? new Array(length) : undefined;
  if (kept === undefined)
    return sink === undefined ? undefined : { put: (_index, outcome) => sink(outcome), kept };
  if (sink === undefined) {
    return {
      put: (index, outcome) => {
        kept[index] = outcome;
      },
      kept,
    };
  }
  return {
    put: (index, outcome) => {
      kept[index] = outcome;
      sink(outcome);
    },
    kept,
  };
}

/**
 * Counts outcomes into buckets: every outcome is in exactly one of counted, not-counted, not-in-period, excluded.
 * @example tallyOutcomes([{ id: 'a', bucket: 'counted' }]).counted //=> 1
 */
export function tallyOutcomes(outcomes: readonly RecordOutcome[], rowsRejected?: number): IndicatorCounts {
  const tally = createOutcomeTally();
  for (const outcome of outcomes) tally.add(outcome.bucket, outcome.reason);
  return tally.counts(outcomes.length, rowsRejected);
}

/**
 * The warnings a result's counts call for: `all_excluded` when no record is in the population although records
 * were excluded (every one that could have been in it): the figure is n/a, and the reason (a column mapped wrongly,
 * a start event the data does not record) is what to look at, not the figure. When other records fall outside the
 * period, the message says so and points to the period rather than the column map.
 *
 * @param indicator - the indicator's id, for the message.
 * @param counts - the result's counts.
 * @returns the warnings, none when the population is not empty or nothing was excluded.
 * @example
 * resultWarnings('NI59', { recordsRead: 3, inPopulation: 0, counted: 0, notCounted: 0, notInPeriod: 0,
 *   excluded: { 'not-completed': 3 } })[0].message
 * //=> 'NI59 has no figure: all 3 records that could be in its population were excluded as not-completed; check the data and the column map for the field behind that reason'
 */
export function resultWarnings(indicator: string, counts: IndicatorCounts): ResultWarning[] {
  if (counts.inPopulation > 0) return [];
  const reasons = Object.entries(counts.excluded).filter(([, count]) => count > 0);
  if (reasons.length === 0) return [];
  const total = reasons.reduce((sum, [, count]) => sum + count, 0);
  const records = total === 1 ? 'the 1 record' : `all ${total} records`;
  const [only] = reasons;
  // Records of other periods besides: the period may be the cause (a figure asked of the wrong year), not the
  // column map; the reason is named, the column map not blamed.
  const outside = counts.notInPeriod;
  const elsewhere =
    outside === 0
      ? ''
      : `; the other ${outside === 1 ? 'record read falls' : `${outside} records read fall`} outside the period: check the period first`;
  const why =
    reasons.length === 1 && only !== undefined
      ? `were excluded as ${only[0]}${elsewhere || '; check the data and the column map for the field behind that reason'}`
      : `were excluded (${reasons.map(([reason, count]) => `${reason} ${count}`).join(', ')})${elsewhere}`;
  return [
    {
      code: 'all_excluded',
      message: `${indicator} has no figure: ${records} that could be in its population ${
        total === 1 ? why.replace(/^were/, 'was') : why
      }`,
    },
  ];
}

/**
 * The warning of a result whose records were excluded because their working days need days outside those the
 * calendar's whole holiday list covers (`outside_holiday_list`): the list is for other years, and the figure stands
 * on the records left, or is n/a. None for the bundled bank holidays (a count past 2100 is excluded without it).
 *
 * @param indicator - the indicator's id, for the message.
 * @param period - the result's period.
 * @param counts - the result's counts: `excluded['outside-calendar-range']` is read.
 * @param calendar - the calendar the result names: its `covers` and `holidayList`.
 * @returns the warning, or none.
 * @example
 * holidayListWarnings('NI59', parsePeriod('2011-01'), counts, { id: 'custom', fingerprint, covers: { start:
 *   '2012-01-01', end: '2028-12-31' }, holidayList: 'gov.json' })[0]?.message
 * //=> 'NI59 January 2011: 1 record was excluded as outside-calendar-range: the holiday list gov.json covers
 * //   2012-01-01 to 2028-12-31, and January 2011 starts on 2011-01-01, before it; …'
 */
export function holidayListWarnings(
  indicator: string,
  period: Pick<Period, 'start' | 'end' | 'label'>,
  counts: IndicatorCounts,
  calendar: CalendarRef,
): ResultWarning[] {
  const excluded = counts.excluded['outside-calendar-range'] ?? 0;
  const covers = calendar.covers;
  if (excluded === 0 || covers === undefined) return [];
  const records = excluded === 1 ? '1 record was' : `${excluded} records were`;
  const list =
    calendar.holidayList === undefined ? 'the holiday list' : `the holiday list ${calendar.holidayList}`;
  const where =
    period.start < covers.start
      ? `${period.label} starts on ${period.start}, before it`
      : period.end > covers.end
        ? `${period.label} ends on ${period.end}, after it`
        : `counting ${excluded === 1 ? "the record's" : 'their'} working days needs ${excluded === 1 ? 'a day' : 'days'} outside it (a start date before ${covers.start}, or a deadline after ${covers.end}: the audit names each record)`;
  return [
    {
      code: 'outside_holiday_list',
      message: `${indicator} ${period.label}: ${records} excluded as outside-calendar-range: ${list} covers ${covers.start} to ${covers.end}, and ${where}; give a holiday list that covers the years counted, or none for the bundled bank holidays`,
    },
  ];
}

/** What follows a displayed value: `%` for a percentage, nothing otherwise. */
export function suffixOf(unit: IndicatorUnit): string {
  return unit === 'percent' ? '%' : '';
}

/** The scale of a unit: a percentage is the ratio × 100; a count is the numerator itself. */
function scaleOf(unit: IndicatorUnit): number {
  return unit === 'percent' ? 100 : 1;
}

/**
 * Builds the result of a record-level indicator from its outcomes: numerator = records counted, denominator =
 * records in the population, value exact, display rounded under the named mode.
 * @example
 * summariseOutcomes(outcomes, context).display //=> '82.4%'
 */
export function summariseOutcomes(
  outcomes: readonly RecordOutcome[],
  context: SummaryContext,
): IndicatorResult {
  return summariseCounts(tallyOutcomes(outcomes, context.options.rowsRejected), context, outcomes);
}

/**
 * Builds the result of a record-level indicator from its counts (see {@link createOutcomeTally}), as
 * {@link summariseOutcomes} does from outcomes; `outcomes` are put in the result when `options.outcomes` asks.
 * @example
 * summariseCounts(tally.counts(records.length), context).display //=> '82.4%'
 */
export function summariseCounts(
  counts: IndicatorCounts,
  context: SummaryContext,
  outcomes?: readonly RecordOutcome[],
): IndicatorResult {
  const { definition, period, options } = context;
  const rounding = resolveRounding(options.rounding, options.precision);
  const numerator = counts.counted;
  const denominator = counts.inPopulation;
  // A count's value is the count itself; a percentage or ratio is numerator / denominator, scaled.
  const value =
    definition.unit === 'count'
      ? exactRatio(numerator, 1, 1, rounding.precision)
      : exactRatio(numerator, denominator, scaleOf(definition.unit), rounding.precision);
  return {
    indicator: definition.id,
    title: definition.title,
    unit: definition.unit,
    polarity: definition.polarity,
    period: { start: period.start, end: period.end, label: period.label },
    numerator,
    denominator,
    value,
    display:
      definition.unit === 'count'
        ? String(numerator)
        : displayValue(value, rounding, suffixOf(definition.unit)),
    rounding,
    rule: context.rule,
    calendar: context.calendar,
    counts,
    ...(options.outcomes ? { outcomes: outcomes ?? [] } : {}),
    warnings: [
      ...resultWarnings(definition.id, counts),
      ...holidayListWarnings(definition.id, period, counts, context.calendar),
    ],
  };
}

/** The calendar in force: the caller's, or England and Wales. */
export function calendarOf(options: CommonIndicatorOptions) {
  return options.calendar ?? createCalendar();
}
