import type { Decimal } from 'decimal.js';
import { type Period, parsePeriod } from '../periods/index.js';
import { displayValue, exactDecimal, type ResolvedRounding } from './exact.js';
import { optionValue, periodOption } from './options.js';
import type { BaselineComparison, IndicatorResult } from './types.js';

/** The option of indicators compared with a baseline period (CAF_CLOSED, REF_NO_CAF). */
export interface BaselineOptions {
  /**
   * The period to compare with: a {@link Period} or a period string (`FY2009`, `2009-04..2010-03`…). The same
   * indicator, with the same options, is computed over it and reported as `result.baseline`. Default: none.
   */
  readonly baseline?: Period | string;
}

/**
 * The declaration of the `baseline` option, shared by the indicators compared with a baseline period.
 * @example baselineOption.flag //=> 'baseline'
 */
export const baselineOption = periodOption({
  name: 'baseline',
  flag: 'baseline',
  placeholder: 'P',
  doc: 'a period to compare with: `result.baseline`, with the % change',
});

/**
 * The % change from `baseline` to `current`, exact at `precision` significant digits: (current − baseline) /
 * baseline × 100, or null when the baseline is 0 or either figure is missing.
 * @example percentChange(11, 10, 20)?.toString() //=> '10'
 */
export function percentChange(
  current: Decimal.Value | null,
  baseline: Decimal.Value | null,
  precision: number,
): Decimal | null {
  if (current === null || baseline === null) return null;
  const Exact = exactDecimal(precision);
  const base = new Exact(baseline);
  if (base.isZero()) return null;
  return new Exact(current).minus(base).times(100).div(base);
}

/**
 * A change rounded for people, with its sign: `+12.5%`, `-10.0%`; `0.0%` (no sign) when it rounds to zero;
 * `n/a` when there is no change (a zero baseline).
 * @example changeDisplayOf(new Decimal(10), { decimalPlaces: 1, mode: 'half-up', precision: 20 }) //=> '+10.0%'
 */
export function changeDisplayOf(change: Decimal | null, rounding: ResolvedRounding): string {
  if (change === null) return 'n/a';
  const magnitude = displayValue(change.abs(), rounding, '%');
  // The sign follows the rounded figure, so that -0.04 shows as 0.0%, never -0.0%.
  const roundedZero = /^[0.]+%$/.test(magnitude);
  if (roundedZero) return magnitude;
  return `${change.isNegative() ? '-' : '+'}${magnitude}`;
}

/**
 * Compares a result with the same indicator's result over a baseline period.
 *
 * `compares: 'numerator'` compares the counts (the Leeds plan's "10% increase in the number of CAFs successfully
 * closed", "10% reduction in referrals … where no CAF is completed"); `compares: 'value'` compares the values.
 * The change is rounded for display as the current result is.
 *
 * @param current - the result over the period.
 * @param baseline - the same indicator's result over the baseline period.
 * @param compares - which figure is compared. Default `numerator`.
 * @returns the {@link BaselineComparison}.
 * @example
 * // 11 CAFs closed successfully in 2010/11 against 10 in 2009/10.
 * compareWithBaseline(result2010, result2009).changeDisplay; //=> '+10.0%'
 */
export function compareWithBaseline(
  current: IndicatorResult,
  baseline: IndicatorResult,
  compares: 'numerator' | 'value' = 'numerator',
): BaselineComparison {
  const change =
    compares === 'numerator'
      ? percentChange(current.numerator, baseline.numerator, current.rounding.precision)
      : percentChange(current.value, baseline.value, current.rounding.precision);
  return {
    period: { start: baseline.period.start, end: baseline.period.end, label: baseline.period.label },
    numerator: baseline.numerator,
    denominator: baseline.denominator,
    value: baseline.value,
    change,
    changeDisplay: changeDisplayOf(change, current.rounding),
    compares,
  };
}

/**
 * Adds `baseline` to a result when a baseline period is asked for: computes the same indicator over it (through
 * `computeOver`, which receives the parsed baseline period) and compares. Returns the result unchanged otherwise.
 *
 * @param result - the result over the period.
 * @param baseline - the baseline period (a {@link Period} or a period string), or undefined.
 * @param computeOver - computes the indicator, with the same options, over a period.
 * @param compares - which figure is compared. Default `numerator`.
 * @returns the result, with `baseline` when one was asked for.
 * @throws {RangeError} when the baseline period string cannot be read.
 * @example
 * withBaseline(result, 'FY2009', (p) => cafClosed(records, p)).baseline?.changeDisplay; //=> '+10.0%'
 */
export function withBaseline(
  result: IndicatorResult,
  baseline: Period | string | undefined,
  computeOver: (period: Period) => IndicatorResult,
  compares: 'numerator' | 'value' = 'numerator',
): IndicatorResult {
  const given = optionValue(baselineOption, baseline);
  if (given === undefined) return result;
  const period = parsePeriod(given);
  return {
    ...result,
    rule: { ...result.rule, baseline: period.spec },
    baseline: compareWithBaseline(result, computeOver(period), compares),
  };
}
