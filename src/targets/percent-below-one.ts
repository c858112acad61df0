import Decimal from 'decimal.js';

/**
 * Whether a percentage, written in percentage points as the library writes every percentage (`80` for 80%), lies
 * strictly between 0 and 1: most likely a fraction (`0.8`) written where a percentage (`80`) was meant. It is read
 * as written, under 1%; the callers warn (`percent_below_one`).
 *
 * @param value - the percentage as written.
 * @returns true for 0 < value < 1.
 * @example isPercentBelowOne(0.8) //=> true
 * @example isPercentBelowOne(80) //=> false
 */
export function isPercentBelowOne(value: number): boolean {
  return value > 0 && value < 1;
}

/**
 * The percentage a fraction stands for, exactly, as text: what the writer of `0.8` likely meant.
 *
 * @param value - the fraction as written.
 * @returns its value times 100, without binary noise.
 * @example percentMeant(0.07) //=> '7'
 * @example percentMeant(0.8) //=> '80'
 */
export function percentMeant(value: number): string {
  return new Decimal(value).times(100).toString();
}
