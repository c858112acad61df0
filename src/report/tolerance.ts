import Decimal from 'decimal.js';
import type { Target } from '../targets/index.js';

/**
 * How far short of a target is still amber (SPEC 15): a number, in the gap's unit (percentage points, or cases per
 * FTE for CASELOAD: what `5` has always meant); `{ points: n }`, the same said in words; or `{ percentOfTarget: n }`,
 * n% of the target's absolute value. Absent: 5% of the target's absolute value.
 */
export type Tolerance = number | { readonly points: number } | { readonly percentOfTarget: number };

/** A tolerance worked out for one target. */
export interface ResolvedTolerance {
  /** The amber band's width in the gap's unit: not met with a gap of at least −value is amber. */
  readonly value: number;
  /** How it was given: a width in points (or cases), or a percentage of the target's absolute value. */
  readonly basis: 'points' | 'percent-of-target';
  /** The percentage, for `percent-of-target`; null otherwise. */
  readonly percentOfTarget: number | null;
  /** Whether no tolerance was given and the default (5% of the target) applies. */
  readonly isDefault: boolean;
}

/**
 * The default tolerance: 5% of the target's absolute value (80% → 4 points, 6.8% → 0.34, 22 cases → 1.1, a −10%
 * change → 0.5).
 * @example DEFAULT_TOLERANCE //=> { percentOfTarget: 5 }
 */
export const DEFAULT_TOLERANCE: { readonly percentOfTarget: number } = { percentOfTarget: 5 };

function checked(value: unknown, what: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new RangeError(`tolerance: ${what} must be a finite number >= 0, got ${String(value)}`);
  }
  return value;
}

/**
 * Works out a tolerance for one target: a number or `{ points }` as it is, `{ percentOfTarget }` (and the default,
 * 5%) as that share of the target's absolute value, exactly (6.8 × 5% is 0.34, not 0.34000000000000002).
 *
 * @param tolerance - the tolerance as configured, or undefined for the default.
 * @param target - the target (its value).
 * @returns the {@link ResolvedTolerance}.
 * @throws {RangeError} for a negative or non-finite width or percentage, or an object of neither form.
 * @example resolveTolerance(undefined, { value: 6.8 }).value //=> 0.34
 * @example resolveTolerance(5, { value: 22 }) //=> { value: 5, basis: 'points', percentOfTarget: null, isDefault: false }
 * @example resolveTolerance({ percentOfTarget: 10 }, { value: -10 }).value //=> 1
 */
export function resolveTolerance(
  tolerance: Tolerance | undefined,
  target: Pick<Target, 'value'>,
): ResolvedTolerance {
  const given = tolerance ?? DEFAULT_TOLERANCE;
  if (typeof given === 'number') {
    return { value: checked(given, 'a width'), basis: 'points', percentOfTarget: null, isDefault: false };
  }
  if (given !== null && typeof given === 'object' && 'points' in given) {
    return {
      value: checked(given.points, 'points'),
      basis: 'points',
      percentOfTarget: null,
      isDefault: false,
    };
  }
  if (given !== null && typeof given === 'object' && 'percentOfTarget' in given) {
    const percent = checked(given.percentOfTarget, 'percentOfTarget');
    const value = new Decimal(Math.abs(target.value)).times(percent).div(100).toNumber();
    return {
      value,
      basis: 'percent-of-target',
      percentOfTarget: percent,
      isDefault: tolerance === undefined,
    };
  }
  throw new RangeError(
    `tolerance: expected a number, { "points": n } or { "percentOfTarget": n }, got ${JSON.stringify(given)}`,
  );
}
