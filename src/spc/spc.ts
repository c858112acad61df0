/**
 * Statistical process control (SPEC 14): the XmR chart of a monthly series, read with the rules of NHS England's
 * "Making Data Count" programme as its reference R package, NHSRplotthedots, applies them.
 * @module
 */

/** Which way is better: `increase` (higher is better), `decrease` (lower is better) or `neutral` (neither). */
export type SpcImprovement = 'increase' | 'decrease' | 'neutral';

/**
 * Every improvement direction, in the order the docs list them.
 * @example spcImprovements.includes('neutral') //=> true
 */
export const spcImprovements: readonly SpcImprovement[] = ['increase', 'decrease', 'neutral'];

/**
 * What a point shows: `common-cause` (noise), a special cause that points the improving way or the other
 * (`special-cause-improvement`, `special-cause-concern`), or, with no direction of improvement, above or below
 * (`special-cause-neutral-high`, `special-cause-neutral-low`).
 */
export type SpcPointType =
  | 'common-cause'
  | 'special-cause-improvement'
  | 'special-cause-concern'
  | 'special-cause-neutral-high'
  | 'special-cause-neutral-low';

/**
 * Every point type, in the order the docs list them.
 * @example spcPointTypes[0] //=> 'common-cause'
 */
export const spcPointTypes: readonly SpcPointType[] = [
  'common-cause',
  'special-cause-improvement',
  'special-cause-concern',
  'special-cause-neutral-high',
  'special-cause-neutral-low',
];

/**
 * The rule a special-cause point broke, by priority: beyond a process limit, part of a trend of 7 points, 2 of 3
 * points beyond a near limit, part of a shift of 7 points on one side of the mean.
 */
export type SpcSpecialCause =
  | 'above-upper-limit'
  | 'below-lower-limit'
  | 'trend-increasing'
  | 'trend-decreasing'
  | 'two-of-three-above'
  | 'two-of-three-below'
  | 'shift-above'
  | 'shift-below';

/**
 * Every special cause, in priority order (highest first).
 * @example spcSpecialCauses.indexOf('trend-increasing') < spcSpecialCauses.indexOf('shift-above') //=> true
 */
export const spcSpecialCauses: readonly SpcSpecialCause[] = [
  'above-upper-limit',
  'below-lower-limit',
  'trend-increasing',
  'trend-decreasing',
  'two-of-three-above',
  'two-of-three-below',
  'shift-above',
  'shift-below',
];

/**
 * Whether the process, as its last phase's limits stand, will meet a target: `consistent-pass` (every point to come
 * is expected on the right side of it), `consistent-fail` (every point on the wrong side), `inconsistent` (the
 * target lies between the limits: it will be hit and missed at random).
 */
export type SpcAssurance = 'consistent-pass' | 'consistent-fail' | 'inconsistent';

/** One value of a series, in time order: a label (a month, `2010-04`) and the value, or null for no data. */
export interface SpcInput {
  /** The point's label, unique in the series (the report uses the month, `2010-04`). */
  readonly label: string;
  /** The value, or `null` for a month with no data (no point: left out of every calculation). */
  readonly value: number | null;
}

/** Options of {@link spc}. */
export interface SpcOptions {
  /** Which way is better. Default `increase`. */
  readonly improvement?: SpcImprovement;
  /** The target, in the values' unit, for `assurance`. Default: none (`assurance` is then null). */
  readonly target?: number;
  /**
   * Fix each phase's mean and limits on its first `fixAfter` points (a whole number, at least 2); later points are
   * judged against them. Default: all the phase's points.
   */
  readonly fixAfter?: number;
  /** Labels at which a new phase starts (a change to the process, e.g. a new way of working). Default: none. */
  readonly rebase?: readonly string[];
  /**
   * Screen out moving ranges at or above 3.267 times their mean before the mean moving range is taken again
   * (Nelson 1982), so that one outlier does not widen the limits. Default `true`.
   */
  readonly screenOutliers?: boolean;
}

/** The options a chart was drawn with, every default filled in. */
export interface ResolvedSpcOptions {
  readonly improvement: SpcImprovement;
  /** The target, or null when none was given. */
  readonly target: number | null;
  /** The points each phase's limits are fixed on, or null for all of them. */
  readonly fixAfter: number | null;
  readonly rebase: readonly string[];
  readonly screenOutliers: boolean;
}

/** One point of the chart: the input, its phase's mean and limits, and what it shows. */
export interface SpcPoint {
  readonly label: string;
  /** The value, or null (no data: no point, its type null). */
  readonly value: number | null;
  /** The mean of the point's phase, or null when the phase has no value. */
  readonly mean: number | null;
  /** The lower process limit of its phase (mean − 2.66 × mean moving range), or null below 2 values. */
  readonly lowerLimit: number | null;
  /** The upper process limit of its phase (mean + 2.66 × mean moving range), or null below 2 values. */
  readonly upperLimit: number | null;
  /** What the point shows, or null for a value of null. */
  readonly type: SpcPointType | null;
  /** The rule it broke (the highest in priority), or null (common cause, or no value). */
  readonly specialCause: SpcSpecialCause | null;
  /** The index of its phase in `phases`. */
  readonly phase: number;
}

/** One phase of the chart: from the first point, or from a `rebase` label, to the next. */
export interface SpcPhase {
  /** The label the phase starts at. */
  readonly start: string;
  /** The label of its last point (with or without a value). */
  readonly end: string;
  /** Points in the phase with a value. */
  readonly points: number;
  /** Points the mean and limits were taken from: the first `fixAfter` with a value, or all. */
  readonly baselinePoints: number;
  /** The mean, or null when the phase has no value. */
  readonly mean: number | null;
  /** The mean moving range after screening, or null below 2 values. */
  readonly meanMovingRange: number | null;
  readonly lowerLimit: number | null;
  readonly upperLimit: number | null;
  /** The near limits, two thirds of the way from the mean to the limits (for the two-of-three rule). */
  readonly nearLowerLimit: number | null;
  readonly nearUpperLimit: number | null;
}

/** An XmR chart: the points, the phases, and what the chart says (SPEC 14). */
export interface SpcChart {
  /** The options used, every default filled in. */
  readonly options: ResolvedSpcOptions;
  /** One per input, in order. */
  readonly points: readonly SpcPoint[];
  /** The phases, in order. */
  readonly phases: readonly SpcPhase[];
  /** The type of the last point with a value: what the latest month shows. Null when no point has a value. */
  readonly variation: SpcPointType | null;
  /** Whether the last phase will meet the target; null without a target, with `neutral`, or without limits. */
  readonly assurance: SpcAssurance | null;
  /** Whether any phase's limits rest on fewer than 12 points: they are not yet reliable. */
  readonly tooFewPoints: boolean;
}

/** The process limits are the mean ± 2.66 mean moving ranges (3 sigma for individuals: 3 / d2, d2 = 1.128). */
const LIMIT = 2.66;
/** Near limits, two thirds of the way out, computed as NHSRplotthedots does so that ties fall the same way. */
const NEAR_LIMIT = 2 * (LIMIT / 3);
/** A moving range at or above 3.267 mean moving ranges (D4 × the mean) is screened out. */
const SCREEN = 3.267;
/** Points a phase's limits should rest on (NHSRplotthedots' short-group warning). */
const ENOUGH_POINTS = 12;
/** Points a trend or a shift needs. */
const RUN = 7;

/** The sum in series order divided by the count, in double precision (SPEC 14), or null for none. */
function meanOf(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  let sum = 0;
  for (const value of values) sum += value;
  return sum / values.length;
}

/** -1, 0 or 1. */
function sign(value: number): -1 | 0 | 1 {
  return value > 0 ? 1 : value < 0 ? -1 : 0;
}

function resolveOptions(options: SpcOptions): ResolvedSpcOptions {
  const improvement = options.improvement ?? 'increase';
  if (!spcImprovements.includes(improvement)) {
    throw new RangeError(
      `spc: improvement must be one of ${spcImprovements.join(', ')}, got ${JSON.stringify(improvement)}`,
    );
  }
  const target = options.target ?? null;
  if (target !== null && (typeof target !== 'number' || !Number.isFinite(target))) {
    throw new RangeError(`spc: target must be a finite number, got ${String(target)}`);
  }
  const fixAfter = options.fixAfter ?? null;
  if (fixAfter !== null && !(Number.isInteger(fixAfter) && fixAfter >= 2)) {
    throw new RangeError(
      `spc: fixAfter must be a whole number of points, at least 2, got ${String(fixAfter)}`,
    );
  }
  const rebase = options.rebase ?? [];
  if (!Array.isArray(rebase) || rebase.some((label) => typeof label !== 'string')) {
    throw new TypeError('spc: rebase must be a list of labels');
  }
  return {
    improvement,
    target,
    fixAfter,
    rebase: [...rebase],
    screenOutliers: options.screenOutliers ?? true,
  };
}

/** The phase's mean, mean moving range and limits from its baseline values. */
function limitsOf(
  baseline: readonly number[],
  screenOutliers: boolean,
): Pick<
  SpcPhase,
  'mean' | 'meanMovingRange' | 'lowerLimit' | 'upperLimit' | 'nearLowerLimit' | 'nearUpperLimit'
> {
  const mean = meanOf(baseline);
  const ranges: number[] = [];
  for (let i = 1; i < baseline.length; i++) {
    ranges.push(Math.abs((baseline[i] as number) - (baseline[i - 1] as number)));
  }
  let meanRange = meanOf(ranges);
  if (meanRange !== null && screenOutliers) {
    const threshold = SCREEN * meanRange;
    const kept = ranges.filter((range) => range < threshold);
    // Only when every range is 0 can none be below the threshold: the mean range then stays 0.
    if (kept.length > 0) meanRange = meanOf(kept);
  }
  if (mean === null || meanRange === null) {
    return {
      mean,
      meanMovingRange: null,
      lowerLimit: null,
      upperLimit: null,
      nearLowerLimit: null,
      nearUpperLimit: null,
    };
  }
  return {
    mean,
    meanMovingRange: meanRange,
    lowerLimit: mean - LIMIT * meanRange,
    upperLimit: mean + LIMIT * meanRange,
    nearLowerLimit: mean - NEAR_LIMIT * meanRange,
    nearUpperLimit: mean + NEAR_LIMIT * meanRange,
  };
}

/**
 * The special cause of each value of one phase (all values, in order), by priority: limits, trends, two of three,
 * shifts. Returns one entry per value.
 */
function specialCausesOf(values: readonly number[], phase: SpcPhase): (SpcSpecialCause | null)[] {
  const n = values.length;
  const { mean, lowerLimit, upperLimit, nearLowerLimit, nearUpperLimit } = phase;
  const causes: (SpcSpecialCause | null)[] = new Array(n).fill(null);
  if (mean === null) return causes;
  const side = values.map((value) => sign(value - mean));
  const outside = values.map(
    (value) => upperLimit !== null && lowerLimit !== null && (value > upperLimit || value < lowerLimit),
  );
  const close = values.map(
    (value, i) =>
      nearUpperLimit !== null &&
      nearLowerLimit !== null &&
      !outside[i] &&
      (value > nearUpperLimit || value < nearLowerLimit),
  );

  // Trends: maximal runs of steps all strictly up (or all strictly down); an equal neighbour ends a run. A point
  // ending one run and starting the next takes the later run's direction (the step to its next point).
  const trend: (1 | -1 | 0)[] = new Array(n).fill(0);
  const step = (i: number) => sign((values[i + 1] as number) - (values[i] as number));
  for (let first = 0; first < n - 1; ) {
    const direction = step(first);
    let last = first;
    while (direction !== 0 && last + 1 < n - 1 && step(last + 1) === direction) last += 1;
    // Steps first..last join points first..last + 1.
    if (direction !== 0 && last - first + 1 >= RUN - 1) {
      for (let j = first; j <= last + 1; j++) trend[j] = direction;
    }
    first = last + 1;
  }

  // Two of three: in any 3 consecutive points all on one side of the mean, 2 or more between a near limit and its
  // limit: those are flagged.
  const twoOfThree = new Array<boolean>(n).fill(false);
  for (let i = 0; i + 2 < n; i++) {
    const sides = (side[i] as number) + (side[i + 1] as number) + (side[i + 2] as number);
    const closeCount = Number(close[i]) + Number(close[i + 1]) + Number(close[i + 2]);
    if (Math.abs(sides) === 3 && closeCount >= 2) {
      for (let j = i; j <= i + 2; j++) if (close[j]) twoOfThree[j] = true;
    }
  }

  // Shifts: maximal runs of 7 or more points on one side of the mean; a point on the mean ends a run.
  const shift = new Array<boolean>(n).fill(false);
  for (let first = 0; first < n; ) {
    let last = first;
    while (side[first] !== 0 && last + 1 < n && side[last + 1] === side[first]) last += 1;
    if (side[first] !== 0 && last - first + 1 >= RUN) shift.fill(true, first, last + 1);
    first = last + 1;
  }

  for (let i = 0; i < n; i++) {
    const above = side[i] === 1;
    if (outside[i]) causes[i] = above ? 'above-upper-limit' : 'below-lower-limit';
    else if (trend[i] !== 0) causes[i] = trend[i] === 1 ? 'trend-increasing' : 'trend-decreasing';
    else if (twoOfThree[i]) causes[i] = above ? 'two-of-three-above' : 'two-of-three-below';
    else if (shift[i]) causes[i] = above ? 'shift-above' : 'shift-below';
  }
  return causes;
}

/** Which way a special cause points: +1 up (above, increasing), -1 down. */
function directionOf(cause: SpcSpecialCause): 1 | -1 {
  return cause === 'above-upper-limit' ||
    cause === 'trend-increasing' ||
    cause === 'two-of-three-above' ||
    cause === 'shift-above'
    ? 1
    : -1;
}

function typeOf(cause: SpcSpecialCause | null, improvement: SpcImprovement): SpcPointType {
  if (cause === null) return 'common-cause';
  const direction = directionOf(cause);
  if (improvement === 'neutral') {
    return direction === 1 ? 'special-cause-neutral-high' : 'special-cause-neutral-low';
  }
  const better = improvement === 'increase' ? 1 : -1;
  return direction === better ? 'special-cause-improvement' : 'special-cause-concern';
}

function assuranceOf(phase: SpcPhase | undefined, options: ResolvedSpcOptions): SpcAssurance | null {
  const { target, improvement } = options;
  if (target === null || improvement === 'neutral' || !phase) return null;
  if (phase.upperLimit === null || phase.lowerLimit === null) return null;
  const increasing = improvement === 'increase';
  if (target > phase.upperLimit) return increasing ? 'consistent-fail' : 'consistent-pass';
  if (target < phase.lowerLimit) return increasing ? 'consistent-pass' : 'consistent-fail';
  return 'inconsistent';
}

/**
 * Draws the XmR chart of a series (SPEC 14) and reads it the way NHS England's "Making Data Count" does, with the
 * rules of its reference implementation, NHSRplotthedots: phases (from the first point and each `rebase` label), in
 * each the mean and the mean moving range of its first `fixAfter` points (moving ranges at or above 3.267 times
 * their mean screened out once), process limits at the mean ± 2.66 mean moving ranges and near limits at two thirds
 * of that; then each point's special cause, by priority: beyond a limit (strictly: a point on a limit is inside); a
 * trend of 7 points each strictly above (or below) the one before (equal neighbours break it); 2 of 3 consecutive
 * points beyond a near limit but inside the limits, all 3 on that side of the mean; a shift of 7 or more points on one
 * side of the mean (a point on the mean breaks it). A special cause is an improvement when it points the improving
 * way (a trend by its direction, the others by their side of the mean), else a concern; `neutral` says high or low.
 * Means are sums in series order over counts, in double precision, and every comparison is on those doubles.
 *
 * A value of `null` is no point: left out of every calculation (the points either side of it are neighbours) and
 * returned with type null. Pure: the same series always gives the same chart.
 *
 * @param series - the values in time order, each with a unique label.
 * @param options - improvement (default `increase`), target, fixAfter, rebase labels, screenOutliers (default true).
 * @returns the {@link SpcChart}: each point with its phase's mean and limits, its type and special cause; the phases;
 *   the latest variation; the assurance against the target; and whether the limits rest on too few points.
 * @throws {RangeError} for a `rebase` label not in the series, a duplicate label, a `fixAfter` below 2 or not whole,
 *   an unknown improvement, or a target that is not a finite number.
 * @throws {TypeError} for a value that is neither a finite number nor null.
 * @example
 * const chart = spc(
 *   [61, 63, 60, 62, 64, 61, 63, 60, 62, 61, 63, 62, 70].map((value, i) => ({ label: `m${i + 1}`, value })),
 *   { improvement: 'increase', target: 80 },
 * );
 * chart.points[12].specialCause; //=> 'above-upper-limit'
 * chart.variation; //=> 'special-cause-improvement'
 * chart.assurance; //=> 'consistent-fail'
 */
export function spc(series: readonly SpcInput[], options: SpcOptions = {}): SpcChart {
  if (!Array.isArray(series)) throw new TypeError('spc: expected a list of { label, value } points');
  const resolved = resolveOptions(options);
  const indexOfLabel = new Map<string, number>();
  series.forEach((point, index) => {
    if (point === null || typeof point !== 'object' || typeof point.label !== 'string') {
      throw new TypeError(`spc: point ${index + 1} needs a label (a string) and a value`);
    }
    const { value } = point;
    if (value !== null && (typeof value !== 'number' || !Number.isFinite(value))) {
      throw new TypeError(
        `spc: the value of ${JSON.stringify(point.label)} must be a finite number or null, got ${String(value)}`,
      );
    }
    if (indexOfLabel.has(point.label)) {
      throw new RangeError(
        `spc: the label ${JSON.stringify(point.label)} appears twice: labels must be unique`,
      );
    }
    indexOfLabel.set(point.label, index);
  });
  const starts = new Set<number>([0]);
  for (const label of resolved.rebase) {
    const index = indexOfLabel.get(label);
    if (index === undefined) {
      throw new RangeError(
        `spc: the rebase label ${JSON.stringify(label)} is not in the series (${series.length > 0 ? `labels ${JSON.stringify(series[0]?.label)} to ${JSON.stringify(series.at(-1)?.label)}` : 'which is empty'})`,
      );
    }
    starts.add(index);
  }
  const boundaries = [...starts].filter((index) => index < series.length).sort((a, b) => a - b);

  const phases: SpcPhase[] = [];
  const points: SpcPoint[] = [];
  boundaries.forEach((start, phaseIndex) => {
    const end = (boundaries[phaseIndex + 1] ?? series.length) - 1;
    const members = series.slice(start, end + 1);
    const values: number[] = [];
    for (const member of members) if (member.value !== null) values.push(member.value);
    const baseline = resolved.fixAfter === null ? values : values.slice(0, resolved.fixAfter);
    const phase: SpcPhase = {
      start: members[0]?.label ?? '',
      end: members.at(-1)?.label ?? '',
      points: values.length,
      baselinePoints: baseline.length,
      ...limitsOf(baseline, resolved.screenOutliers),
    };
    phases.push(phase);
    const causes = specialCausesOf(values, phase);
    let valueIndex = 0;
    for (const member of members) {
      const cause = member.value === null ? null : (causes[valueIndex++] ?? null);
      points.push({
        label: member.label,
        value: member.value,
        mean: phase.mean,
        lowerLimit: phase.lowerLimit,
        upperLimit: phase.upperLimit,
        type: member.value === null ? null : typeOf(cause, resolved.improvement),
        specialCause: cause,
        phase: phaseIndex,
      });
    }
  });

  let last: SpcPoint | undefined;
  for (const point of points) if (point.value !== null) last = point;
  return {
    options: resolved,
    points,
    phases,
    variation: last?.type ?? null,
    assurance: assuranceOf(phases.at(-1), resolved),
    tooFewPoints: phases.some((phase) => phase.baselinePoints < ENOUGH_POINTS),
  };
}
