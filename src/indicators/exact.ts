import { Decimal } from 'decimal.js';
import type { RoundingMode, RoundingOptions } from './types.js';

const MODES: Readonly<Record<RoundingMode, Decimal.Rounding>> = {
  'half-up': Decimal.ROUND_HALF_UP,
  'half-even': Decimal.ROUND_HALF_EVEN,
  'half-down': Decimal.ROUND_HALF_DOWN,
  up: Decimal.ROUND_UP,
  down: Decimal.ROUND_DOWN,
};

/**
 * The default number of significant digits of an exact value.
 * @example DEFAULT_PRECISION //=> 20
 */
export const DEFAULT_PRECISION = 20;

/**
 * How an exact value's last significant digit is rounded when a division does not end (2/3 at 20 digits is
 * `0.66666666666666666667`): half-up, named here once for every division of the library. Display rounding is the
 * caller's choice (`rounding.mode`); this is not.
 * @example DIVISION_ROUNDING === Decimal.ROUND_HALF_UP //=> true
 */
export const DIVISION_ROUNDING = Decimal.ROUND_HALF_UP;

/** A Decimal constructor at the default precision, made once (decimal.js clones are immutable configurations). */
const Exact20 = Decimal.clone({ precision: DEFAULT_PRECISION, rounding: DIVISION_ROUNDING });

/**
 * The Decimal constructor of exact values at `precision` significant digits, dividing under
 * {@link DIVISION_ROUNDING}: every exact figure of the library (ratios, changes, gaps, rates needed) is made with it.
 *
 * @param precision - significant digits. Default 20.
 * @returns the constructor.
 * @example exactDecimal(5).div(2, 3).toString() //=> '0.66667'
 */
export function exactDecimal(precision: number = DEFAULT_PRECISION): Decimal.Constructor {
  return precision === DEFAULT_PRECISION
    ? Exact20
    : Decimal.clone({ precision, rounding: DIVISION_ROUNDING });
}

/**
 * Every rounding mode's name.
 * @example roundingModes //=> ['half-up', 'half-even', 'half-down', 'up', 'down']
 */
export const roundingModes = Object.keys(MODES) as RoundingMode[];

/** The rounding and precision in force, with the defaults filled in. */
export interface ResolvedRounding {
  readonly decimalPlaces: number;
  readonly mode: RoundingMode;
  readonly precision: number;
}

/**
 * Fills in the defaults (1 decimal place, half-up, 20 significant digits) and checks the values.
 * @throws {RangeError} for a negative or fractional number of places, an unknown mode or a precision below 1.
 * @example resolveRounding({ decimalPlaces: 2 }) //=> { decimalPlaces: 2, mode: 'half-up', precision: 20 }
 */
export function resolveRounding(
  rounding: RoundingOptions = {},
  precision = DEFAULT_PRECISION,
): ResolvedRounding {
  const decimalPlaces = rounding.decimalPlaces ?? 1;
  const mode = rounding.mode ?? 'half-up';
  if (!Number.isInteger(decimalPlaces) || decimalPlaces < 0 || decimalPlaces > 20) {
    throw new RangeError(
      `rounding.decimalPlaces: expected a whole number from 0 to 20, got ${String(decimalPlaces)}`,
    );
  }
  if (!(mode in MODES)) {
    throw new RangeError(
      `rounding.mode: expected one of ${roundingModes.join(', ')}, got ${JSON.stringify(mode)}`,
    );
  }
  if (!Number.isInteger(precision) || precision < 1 || precision > 1000) {
    throw new RangeError(
      `precision: expected a whole number of significant digits from 1 to 1000, got ${String(precision)}`,
    );
  }
  return { decimalPlaces, mode, precision };
}

/**
 * `numerator / denominator × scale` as an exact decimal at the given precision, or null when the denominator is 0.
 * @example exactRatio(2, 3, 100, 20)?.toString() //=> '66.666666666666666667'
 */
export function exactRatio(
  numerator: number,
  denominator: number,
  scale: number,
  precision: number,
): Decimal | null {
  if (denominator === 0) return null;
  const Exact = exactDecimal(precision);
  return new Exact(numerator).times(scale).div(denominator);
}

/**
 * A value rounded for display under a named mode, with a suffix (`%` for percentages).
 * @example displayValue(new Decimal('82.45'), { decimalPlaces: 1, mode: 'half-up', precision: 20 }, '%') //=> '82.5%'
 */
export function displayValue(value: Decimal | null, rounding: ResolvedRounding, suffix = ''): string {
  if (value === null) return 'n/a';
  const rounded = value.toDecimalPlaces(rounding.decimalPlaces, MODES[rounding.mode]);
  return `${rounded.toFixed(rounding.decimalPlaces)}${suffix}`;
}
