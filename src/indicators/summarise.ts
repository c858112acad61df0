import { createCalendar } from '../calendar/index.js';
import type { Period } from '../periods/index.js';
import { displayValue, exactRatio, resolveRounding } from './exact.js';
import type {
  CommonIndicatorOptions,
  IndicatorCounts,
  IndicatorResult,
  IndicatorUnit,
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
  readonly calendar: { readonly id: string; readonly fingerprint: string };
  readonly options: CommonIndicatorOptions;
}

/**
 * Counts outcomes into buckets: every outcome is in exactly one of counted, not-counted, not-in-period, excluded.
 * @example tallyOutcomes([{ id: 'a', bucket: 'counted' }]).counted //=> 1
 */
export function tallyOutcomes(outcomes: readonly RecordOutcome[], rowsRejected?: number): IndicatorCounts {
  let counted = 0;
  let notCounted = 0;
  let notInPeriod = 0;
  const excluded: Record<string, number> = {};
  for (const outcome of outcomes) {
    switch (outcome.bucket) {
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
        const reason = outcome.reason ?? 'excluded';
        excluded[reason] = (excluded[reason] ?? 0) + 1;
        break;
      }
    }
  }
  return {
    recordsRead: outcomes.length,
    inPopulation: counted + notCounted,
    counted,
    notCounted,
    notInPeriod,
    excluded,
    ...(rowsRejected === undefined ? {} : { rowsRejected }),
  };
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
  const { definition, period, options } = context;
  const rounding = resolveRounding(options.rounding, options.precision);
  const counts = tallyOutcomes(outcomes, options.rowsRejected);
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
    ...(options.outcomes ? { outcomes } : {}),
  };
}

/** The calendar in force: the caller's, or England and Wales. */
export function calendarOf(options: CommonIndicatorOptions) {
  return options.calendar ?? createCalendar();
}
