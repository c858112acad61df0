import type { Decimal } from 'decimal.js';
import {
  changeDisplayOf,
  displayValue,
  exactDecimal,
  type IndicatorResult,
  type ResolvedRounding,
  type RoundingOptions,
  resolveRounding,
} from '../indicators/index.js';
import { parsePeriod } from '../periods/index.js';
import type { IsoDate } from '../util/dates.js';
import type { Target, TargetUnit } from './types.js';

/** Whether a target is met: `no-data` when there is no figure to compare. */
export type TargetStatus = 'met' | 'not-met' | 'no-data';

/** The RAG rating of a comparison: `green` met, `amber` not met but within the tolerance, `red`, `grey` no data. */
export type RagStatus = 'green' | 'amber' | 'red' | 'grey';

/** What a gap is measured in: percentage points (percent and percent-change targets), cases per FTE, or a count. */
export type GapUnit = 'percentage-points' | 'cases-per-fte' | 'count';

/** Options of {@link compareToTarget}. */
export interface CompareOptions {
  /**
   * How far short of the target is still `amber`, in the gap's unit (percentage points for percent and
   * percent-change targets, cases per FTE for CASELOAD, a count for a count target): not met with
   * `gap >= -tolerance` is amber. Default `5` (SPEC 8: "within a tolerance, default 5 points"). For a caseload target
   * 5 cases per FTE is a wide band; pass a smaller one (e.g. `1`) there.
   */
  readonly tolerance?: number;
  /**
   * Accept a result over the first part of the target's period (the same start, an earlier end): a year-to-date
   * figure against a cumulative target. Such a comparison is marked `provisional: true`. For a percent-change target
   * the result's baseline must then start where the target's baseline starts and end within it (like-for-like
   * months are the caller's choice). Default `false`: the result's period must be the target's.
   */
  readonly toDate?: boolean;
  /** The rounding of `gapDisplay`. Default: the result's own (`result.rounding`: 1 decimal place, half-up). */
  readonly rounding?: RoundingOptions;
}

/** A result compared with a target. */
export interface TargetComparison {
  /** The target. */
  readonly target: Target;
  /** The indicator, e.g. `NI59`. */
  readonly indicator: string;
  /** The result's period. */
  readonly period: { readonly start: IsoDate; readonly end: IsoDate; readonly label: string };
  /** `met`, `not-met`, or `no-data` (no value; for a percent-change target, no baseline comparison or change). */
  readonly status: TargetStatus;
  /** Which figure was compared: the result's `value`, or its `baseline.change` (percent-change targets). */
  readonly compared: 'value' | 'change';
  /** The figure compared, exact, or null when there is none. */
  readonly actual: Decimal | null;
  /**
   * The figure compared as the result displays it (`82.4%`, `+12.5%`, `n/a`); for a figure short of its target
   * that would show as the target (79.95% as `80.0%` against 80%), at the places of `rounding` that show the
   * shortfall (`79.95%`).
   */
  readonly actualDisplay: string;
  /**
   * The distance from the target, exact, or null for no data. Signed so that a positive gap is always better than the
   * target, whatever the polarity: `actual − target` when higher is better, `target − actual` when lower is better.
   * Met exactly when `gap >= 0`.
   */
  readonly gap: Decimal | null;
  /** What the gap is measured in. */
  readonly gapUnit: GapUnit;
  /**
   * The gap rounded, with its sign: `+2.4 pts`, `-0.8 pts`, `+1.5 cases per FTE`; `0.0 pts` when a target met rounds
   * to 0. A target not met never shows a gap of 0: more places are shown (`-0.05 pts`), see `rounding`.
   */
  readonly gapDisplay: string;
  /** `green` met, `amber` not met within the tolerance, `red` otherwise, `grey` no data. */
  readonly rag: RagStatus;
  /** The tolerance used, in the gap's unit. */
  readonly tolerance: number;
  /** Whether the result covers only the first part of the target's period (`options.toDate`). */
  readonly provisional: boolean;
  /**
   * The rounding of `gapDisplay` (and of `actualDisplay` when it differs from the result's): the result's, or
   * `options.rounding`; for a target not met whose figure rounds to the target, or whose gap rounds to 0, the fewest
   * more places, in the same mode, that show the shortfall (323 of 404, 79.9505%, against 80%: 2 places, `79.95%`
   * and `-0.05 pts`, not `80.0%` and `0.0 pts`).
   */
  readonly rounding: ResolvedRounding;
}

const GAP_UNITS: Readonly<Record<TargetUnit, GapUnit>> = {
  percent: 'percentage-points',
  'percent-change': 'percentage-points',
  'cases-per-fte': 'cases-per-fte',
  count: 'count',
};

const GAP_SUFFIXES: Readonly<Record<GapUnit, string>> = {
  'percentage-points': ' pts',
  'cases-per-fte': ' cases per FTE',
  count: '',
};

/** `label (start to end)`, for error messages. */
function describePeriod(period: {
  readonly start: string;
  readonly end: string;
  readonly label: string;
}): string {
  return `${period.label} (${period.start} to ${period.end})`;
}

/** Whether `part` is `whole`, or with `toDate` its first part. Returns 'exact', 'partial' or false. */
function coverage(
  part: { readonly start: string; readonly end: string },
  whole: { readonly start: string; readonly end: string },
  toDate: boolean,
): 'exact' | 'partial' | false {
  if (part.start !== whole.start) return false;
  if (part.end === whole.end) return 'exact';
  return toDate && part.end < whole.end ? 'partial' : false;
}

/** The most places a figure is shown at (as {@link resolveRounding} allows). */
const MOST_PLACES = 20;

/**
 * The rounding to show a comparison in: the given one; or, for a figure short of its target that rounds to it or to
 * a gap of zero (323 of 404 is 79.9505%: `80.0%` against 80%, gap `0.0 pts`, not met), the fewest more places, in
 * the same mode, at which the figure differs from the target and the gap from zero (`79.95%`, `-0.05 pts`). The
 * exact figure and gap are unchanged; only what is shown is.
 */
function roundingShowingShortfall(
  actual: Decimal,
  gap: Decimal,
  target: number,
  rounding: ResolvedRounding,
  Exact: Decimal.Constructor,
): ResolvedRounding {
  let shown = rounding;
  while (shown.decimalPlaces < MOST_PLACES) {
    const figureIsTarget = new Exact(displayValue(actual, shown)).eq(target);
    const gapIsZero = /^[0.]+$/.test(displayValue(gap.abs(), shown));
    if (!figureIsTarget && !gapIsZero) break;
    shown = { ...shown, decimalPlaces: shown.decimalPlaces + 1 };
  }
  return shown;
}

/** A signed gap for people: `+2.4 pts`; no sign when it rounds to zero (`0.0 pts`, never `-0.0 pts`). */
function gapDisplayOf(gap: Decimal | null, rounding: ResolvedRounding, suffix: string): string {
  if (gap === null) return 'n/a';
  const magnitude = displayValue(gap.abs(), rounding);
  if (/^[0.]+$/.test(magnitude)) return `${magnitude}${suffix}`;
  return `${gap.isNegative() ? '-' : '+'}${magnitude}${suffix}`;
}

/**
 * Compares an indicator's result with a target: met or not, the gap, and a RAG rating.
 *
 * Meeting: `actual >= target` when higher is better, `actual <= target` when lower is better (the target's
 * polarity, which is its indicator's). For a `percent` or `cases-per-fte` target `actual` is the result's `value`; for
 * a `percent-change` target it is `result.baseline.change`, the exact % change from the baseline period (so CAF_CLOSED
 * +10 is met when the change is +10 or more, REF_NO_CAF -10 when it is -10 or less).
 *
 * The gap is signed so that positive is always better than the target: `actual − target` when higher is better,
 * `target − actual` when lower is better; it is in percentage points for percent targets, percentage points of change
 * for percent-change targets, cases per FTE for CASELOAD. RAG: `green` met (gap >= 0), `amber` not met but
 * `gap >= -tolerance`, `red` further off, `grey` no data. `no-data` when the result's value is null (an empty
 * denominator) or, for a percent-change target, the result has no baseline comparison or its change is null (a
 * baseline of 0).
 *
 * The result must be the target's indicator over the target's period (or, with `toDate`, over its first part), and a
 * percent-change result's baseline the target's baseline: comparing anything else is a programmer error.
 *
 * @param result - the indicator's result (for a percent-change target, computed with the `baseline` option).
 * @param target - the target.
 * @param options - tolerance (default 5), toDate (default false), rounding of `gapDisplay` (default the result's).
 * @returns the {@link TargetComparison}.
 * @throws {RangeError} naming both when the result's indicator, period or baseline period is not the target's, when
 *   a unit differs, or when the tolerance is not a finite number >= 0.
 * @example
 * // NI59 in October 2010: 151 of 200 on time (75.5%) against the notice's 80%.
 * const result = computeIndicator('NI59', records, '2010-10');
 * const target = getTargetSet('leeds-2010-notice').targets[1];
 * const comparison = compareToTarget(result, target);
 * [comparison.status, comparison.gap?.toString(), comparison.gapDisplay, comparison.rag];
 * //=> ['not-met', '-4.5', '-4.5 pts', 'amber']
 */
export function compareToTarget(
  result: IndicatorResult,
  target: Target,
  options: CompareOptions = {},
): TargetComparison {
  const tolerance = options.tolerance ?? 5;
  if (typeof tolerance !== 'number' || !Number.isFinite(tolerance) || tolerance < 0) {
    throw new RangeError(`tolerance: expected a finite number >= 0, got ${String(tolerance)}`);
  }
  const targetPeriod = parsePeriod(target.period);
  const described = `the target is ${target.indicator} over ${target.period}, ${describePeriod(targetPeriod)}`;
  if (result.indicator !== target.indicator) {
    throw new RangeError(
      `compareToTarget: the result is ${result.indicator} over ${describePeriod(result.period)} but ${described}`,
    );
  }
  const covers = coverage(result.period, targetPeriod, options.toDate === true);
  if (covers === false) {
    throw new RangeError(
      `compareToTarget: the result is ${result.indicator} over ${describePeriod(result.period)} but ${described}; ` +
        (options.toDate === true
          ? 'expected a result over the target period or its first part'
          : 'expected a result over the target period (pass toDate: true to compare a figure to date)'),
    );
  }
  const changeTarget = target.unit === 'percent-change';
  if (!changeTarget && result.unit !== target.unit) {
    throw new RangeError(
      `compareToTarget: the result is in ${result.unit} but the target ${target.indicator} ${target.period} is in ${target.unit}`,
    );
  }
  if (changeTarget && result.baseline !== undefined && target.baseline !== undefined) {
    const baselinePeriod = parsePeriod(target.baseline);
    if (coverage(result.baseline.period, baselinePeriod, covers === 'partial') === false) {
      throw new RangeError(
        `compareToTarget: the result's baseline is ${describePeriod(result.baseline.period)} but the target ` +
          `${target.indicator} ${target.period} is a change from ${target.baseline}, ${describePeriod(baselinePeriod)}`,
      );
    }
  }

  const rounding = resolveRounding(
    {
      decimalPlaces: options.rounding?.decimalPlaces ?? result.rounding.decimalPlaces,
      mode: options.rounding?.mode ?? result.rounding.mode,
    },
    result.rounding.precision,
  );
  const actual = changeTarget ? (result.baseline?.change ?? null) : result.value;
  const gapUnit = GAP_UNITS[target.unit];
  const Exact = exactDecimal(rounding.precision);
  const difference = actual === null ? null : new Exact(actual).minus(target.value);
  const gap =
    difference === null ? null : target.polarity === 'higher-is-better' ? difference : difference.negated();
  const status: TargetStatus = gap === null ? 'no-data' : gap.gte(0) ? 'met' : 'not-met';
  const rag: RagStatus = gap === null ? 'grey' : gap.gte(0) ? 'green' : gap.gte(-tolerance) ? 'amber' : 'red';
  // A figure short of its target never shows as the target with a gap of 0.0: more places, until it does not.
  const shown =
    status === 'not-met' && actual !== null && gap !== null
      ? roundingShowingShortfall(actual, gap, target.value, rounding, Exact)
      : rounding;
  const widened = shown.decimalPlaces !== rounding.decimalPlaces && actual !== null;
  const actualDisplay = widened
    ? changeTarget
      ? changeDisplayOf(actual, shown)
      : displayValue(actual, shown, result.unit === 'percent' ? '%' : '')
    : changeTarget
      ? (result.baseline?.changeDisplay ?? 'n/a')
      : result.display;
  return {
    target,
    indicator: result.indicator,
    period: { start: result.period.start, end: result.period.end, label: result.period.label },
    status,
    compared: changeTarget ? 'change' : 'value',
    actual,
    actualDisplay,
    // -0 (an exact hit when lower is better) reads as 0.
    gap: gap?.isZero() ? new Exact(0) : gap,
    gapUnit,
    gapDisplay: gapDisplayOf(gap, shown, GAP_SUFFIXES[gapUnit]),
    rag,
    tolerance,
    provisional: covers === 'partial',
    rounding: shown,
  };
}
