import type { Decimal } from 'decimal.js';
import {
  displayValue,
  exactDecimal,
  type ResolvedRounding,
  type RoundingOptions,
  resolveRounding,
} from '../indicators/index.js';
import type { Target } from './types.js';

/** What {@link rateNeeded} is given: the target, the figures so far, and the volume still expected. */
export interface RateNeededInput {
  /** A `percent` target whose (cumulative) period is still running. */
  readonly target: Target;
  /**
   * The figures of the period so far: the on-time count and the population (an `IndicatorResult` over the
   * months so far has both, so it can be passed as it is).
   */
  readonly soFar: { readonly numerator: number; readonly denominator: number };
  /**
   * The denominator expected over the rest of the period, e.g. {@link expectedRemainingVolume}: the mean monthly
   * denominator so far × the months remaining. A number, a decimal string or a Decimal, >= 0.
   */
  readonly expectedRemaining: Decimal.Value;
}

/** Options of {@link rateNeeded}. */
export interface RateNeededOptions {
  /** Rounding of `neededDisplay`. Default 1 decimal place, half-up. */
  readonly rounding?: RoundingOptions;
  /** Significant digits of the exact figures. Default 20. */
  readonly precision?: number;
}

/** The rate the rest of a running period needs for a cumulative percent target. */
export interface RateNeeded {
  /** The target. */
  readonly target: Target;
  /**
   * `at-least` when higher is better (`needed` is the minimum rate the remaining cases need), `at-most` when lower is
   * better (`needed` is the maximum rate they may have).
   */
  readonly bound: 'at-least' | 'at-most';
  /**
   * The rate, in per cent, exact: `(T × (D + R) − 100 × N) / R`. Null when no volume remains (`R = 0`). It may lie
   * outside 0-100: above 100 the target cannot be reached (higher is better), below 0 it is already secured.
   */
  readonly needed: Decimal | null;
  /** `needed` rounded: `90.0%`, `200.0%`, `n/a`. */
  readonly neededDisplay: string;
  /** Whether the target can still be met with a rate between 0% and 100% in the remaining cases. */
  readonly achievable: boolean;
  /** Whether the target is met whatever the remaining cases' rate (0% for higher is better, 100% for lower). */
  readonly alreadySecured: boolean;
  /** The rate so far, `100 × N / D`, or null when `D = 0`. */
  readonly soFarValue: Decimal | null;
  /** The expected remaining volume `R`. */
  readonly expectedRemaining: Decimal;
  /** The expected volume of the whole period, `D + R`. */
  readonly expectedTotal: Decimal;
  /** The rounding of `neededDisplay` and the precision of the exact figures. */
  readonly rounding: ResolvedRounding;
}

function checkCount(value: number, name: string): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new RangeError(`${name}: expected a finite number >= 0, got ${String(value)}`);
  }
}

/** A Decimal from a number, string or Decimal, refusing what is not a finite number >= 0. */
function volumeOf(value: Decimal.Value, name: string, Exact: typeof Decimal): Decimal {
  let volume: Decimal;
  try {
    volume = new Exact(value);
  } catch {
    throw new RangeError(`${name}: expected a finite number >= 0, got ${JSON.stringify(String(value))}`);
  }
  if (!volume.isFinite() || volume.isNegative()) {
    throw new RangeError(`${name}: expected a finite number >= 0, got ${volume.toString()}`);
  }
  return volume;
}

/**
 * The on-time rate the rest of a running period needs to reach a cumulative percent target, given the volume so far
 * and the volume still expected.
 *
 * With the target `T` (per cent), `N` of `D` so far, and `R` cases expected in the remaining months, the period ends
 * at `(N + x × R / 100) / (D + R)`; setting that to `T / 100` gives the rate
 *
 *     needed = (T × (D + R) − 100 × N) / R   (per cent, exact)
 *
 * e.g. 80% with 300 of 400 so far and 200 more expected: (80 × 600 − 30000) / 200 = 90%.
 *
 * Higher is better (`bound: 'at-least'`): the remaining cases need at least `needed`. `achievable: false` when
 * `needed > 100` (even every remaining case on time falls short); `alreadySecured: true` when `needed <= 0` (the
 * target is met even if no remaining case is on time). Lower is better (`bound: 'at-most'`, e.g. repeat referrals):
 * `needed` is the highest rate the remaining cases may have; `achievable: false` when `needed < 0`,
 * `alreadySecured: true` when `needed >= 100`.
 *
 * When no volume remains (`R = 0`) there is no rate to find: `needed` is null, and `achievable` and `alreadySecured`
 * both say whether the figure so far meets the target (both false when `D = 0` too, there being no figure).
 *
 * The estimate is only as good as `expectedRemaining`; the caller decides that the period is still running (there is
 * no clock in the core).
 *
 * @param input - `{ target, soFar: { numerator, denominator }, expectedRemaining }`.
 * @param options - rounding of `neededDisplay` (default 1 decimal place, half-up) and precision (default 20).
 * @returns the {@link RateNeeded}.
 * @throws {RangeError} when the target is not a percent target, or a figure is negative, not finite, or the
 *   numerator exceeds the denominator.
 * @example
 * const target = getTargetSet('leeds-2010-notice').targets[2]; // NI59 80% for October 2010 to March 2011
 * const needed = rateNeeded({ target, soFar: { numerator: 300, denominator: 400 }, expectedRemaining: 200 });
 * [needed.neededDisplay, needed.achievable, needed.alreadySecured]; //=> ['90.0%', true, false]
 */
export function rateNeeded(input: RateNeededInput, options: RateNeededOptions = {}): RateNeeded {
  const { target, soFar } = input;
  if (target.unit !== 'percent') {
    throw new RangeError(
      `rateNeeded: expected a percent target, got ${target.indicator} ${target.period} in ${target.unit}`,
    );
  }
  checkCount(soFar.numerator, 'soFar.numerator');
  checkCount(soFar.denominator, 'soFar.denominator');
  if (soFar.numerator > soFar.denominator) {
    throw new RangeError(
      `soFar: expected numerator <= denominator, got ${soFar.numerator} of ${soFar.denominator}`,
    );
  }
  const rounding = resolveRounding(options.rounding, options.precision);
  const Exact = exactDecimal(rounding.precision);
  const remaining = volumeOf(input.expectedRemaining, 'expectedRemaining', Exact);
  const targetValue = new Exact(target.value);
  const total = remaining.plus(soFar.denominator);
  const soFarValue =
    soFar.denominator === 0 ? null : new Exact(soFar.numerator).times(100).div(soFar.denominator);
  const higherIsBetter = target.polarity === 'higher-is-better';
  const bound = higherIsBetter ? 'at-least' : 'at-most';

  if (remaining.isZero()) {
    const met =
      soFarValue !== null && (higherIsBetter ? soFarValue.gte(targetValue) : soFarValue.lte(targetValue));
    return {
      target,
      bound,
      needed: null,
      neededDisplay: 'n/a',
      achievable: met,
      alreadySecured: met,
      soFarValue,
      expectedRemaining: remaining,
      expectedTotal: total,
      rounding,
    };
  }
  const computed = targetValue.times(total).minus(new Exact(soFar.numerator).times(100)).div(remaining);
  // An exact zero reads as 0, never -0.
  const needed = computed.isZero() ? new Exact(0) : computed;
  return {
    target,
    bound,
    needed,
    neededDisplay: displayValue(needed, rounding, '%'),
    achievable: higherIsBetter ? needed.lte(100) : needed.gte(0),
    alreadySecured: higherIsBetter ? needed.lte(0) : needed.gte(100),
    soFarValue,
    expectedRemaining: remaining,
    expectedTotal: total,
    rounding,
  };
}

/**
 * The volume expected over the remaining months of a period: the mean monthly denominator so far × the months
 * remaining, computed as `sum × monthsRemaining / months` so that it stays exact where it can.
 * @param monthlyDenominators - the denominators of the months so far (at least one), each >= 0.
 * @param monthsRemaining - the months still to come, >= 0 (a fraction for a part month).
 * @returns the expected remaining volume, exact to 20 significant digits.
 * @throws {RangeError} when there is no month so far, or a figure is negative or not finite.
 * @example expectedRemainingVolume([90, 110, 100], 3).toString() //=> '300'
 * @example expectedRemainingVolume([100, 101], 1).toString() //=> '100.5'
 */
export function expectedRemainingVolume(
  monthlyDenominators: readonly number[],
  monthsRemaining: number,
): Decimal {
  if (monthlyDenominators.length === 0) {
    throw new RangeError(
      'monthlyDenominators: expected the denominators of at least one month so far, got none',
    );
  }
  monthlyDenominators.forEach((denominator, index) => {
    checkCount(denominator, `monthlyDenominators[${index}]`);
  });
  checkCount(monthsRemaining, 'monthsRemaining');
  const Exact = exactDecimal();
  const sum = monthlyDenominators.reduce((total, denominator) => total.plus(denominator), new Exact(0));
  return sum.times(monthsRemaining).div(monthlyDenominators.length);
}
