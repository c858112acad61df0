import { describe, expect, it } from 'vitest';
import { type SpcInput, spc } from '../../src/spc/spc.js';

/** A series labelled m1, m2, … from its values. */
function series(values: readonly (number | null)[]): SpcInput[] {
  return values.map((value, i) => ({ label: `m${i + 1}`, value }));
}

/** 10, 12, 10, 12 … : mean 11, every moving range 2, so limits 11 ± 2.66 × 2 = 5.68 and 16.32. */
const ALTERNATING = [10, 12, 10, 12, 10, 12, 10, 12, 10, 12, 10, 12];

const causes = (values: readonly (number | null)[], options = {}) =>
  spc(series(values), options).points.map((point) => point.specialCause);

describe('spc', () => {
  it('takes the mean, the mean moving range and the limits at 2.66 mean moving ranges', () => {
    const chart = spc(series(ALTERNATING));
    // Mean (6 × 10 + 6 × 12) / 12 = 11; the 11 moving ranges are all 2, their mean 2. Limits 11 ± 5.32; near limits
    // two thirds of the way, 11 ± 2 × (2.66 / 3) × 2 = 11 ± 3.5466….
    expect(chart.phases).toEqual([
      {
        start: 'm1',
        end: 'm12',
        points: 12,
        baselinePoints: 12,
        mean: 11,
        meanMovingRange: 2,
        lowerLimit: 11 - 2.66 * 2,
        upperLimit: 11 + 2.66 * 2,
        nearLowerLimit: 11 - 2 * (2.66 / 3) * 2,
        nearUpperLimit: 11 + 2 * (2.66 / 3) * 2,
      },
    ]);
    expect(chart.phases[0]?.lowerLimit).toBeCloseTo(5.68, 12);
    expect(chart.phases[0]?.upperLimit).toBeCloseTo(16.32, 12);
    expect(chart.points[0]).toEqual({
      label: 'm1',
      value: 10,
      mean: 11,
      lowerLimit: 11 - 5.32,
      upperLimit: 11 + 5.32,
      type: 'common-cause',
      specialCause: null,
      phase: 0,
    });
    // Noise only: every point common cause; 12 points are enough.
    expect(chart.points.every((point) => point.type === 'common-cause')).toBe(true);
    expect(chart.variation).toBe('common-cause');
    expect(chart.tooFewPoints).toBe(false);
    expect(chart.options).toEqual({
      improvement: 'increase',
      target: null,
      fixAfter: null,
      rebase: [],
      screenOutliers: true,
    });
  });

  it('screens out moving ranges at or above 3.267 times their mean, once', () => {
    // The alternating series of 16 points with a 30 in place of the 8th (a 12), between two 10s. Moving ranges: 13 of
    // 2 and two of 20 (10 → 30 → 10), so 13 × 2 + 20 + 20 = 66 over 15 = 4.4.
    // 3.267 × 4.4 = 14.3748: both 20s are screened out and the mean moving range is 26 / 13 = 2.
    // Sum: eight 10s, seven 12s and the 30: 80 + 84 + 30 = 194, mean 12.125.
    const values = [10, 12, 10, 12, 10, 12, 10, 30, 10, 12, 10, 12, 10, 12, 10, 12];
    const screened = spc(series(values)).phases[0];
    expect(screened?.mean).toBe(12.125);
    expect(screened?.meanMovingRange).toBe(2);
    expect(screened?.upperLimit).toBe(12.125 + 2.66 * 2);
    // Unscreened the limits are 12.125 ± 2.66 × 4.4 = 12.125 ± 11.704: 0.421 to 23.829.
    const unscreened = spc(series(values), { screenOutliers: false }).phases[0];
    expect(unscreened?.meanMovingRange).toBe(66 / 15);
    expect(unscreened?.upperLimit).toBeCloseTo(23.829, 10);
    // 30 is beyond the upper limit either way; the 8th point is the special cause.
    expect(causes(values)[7]).toBe('above-upper-limit');
    // Screening happens once: after it, the 2s would not be screened again anyway (2 < 3.267 × 2).
  });

  it('keeps a mean moving range of 0 when every moving range is 0: the limits are the mean', () => {
    const chart = spc(series([5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5]));
    // Every range 0: none is below 3.267 × 0, so nothing is left to screen with; the mean range stays 0. Every point
    // is on the mean, which breaks any shift, and on the limits, which are inside: all common cause.
    expect(chart.phases[0]).toMatchObject({ mean: 5, meanMovingRange: 0, lowerLimit: 5, upperLimit: 5 });
    expect(chart.points.every((point) => point.type === 'common-cause')).toBe(true);
  });

  it('flags a point strictly beyond a limit, and not one on the limit', () => {
    // Limits fixed on the 12 alternating points: 5.68 to 16.32. Then a point exactly on the upper limit (the same
    // double, 11 + 2.66 × 2) and one just above it.
    const onLimit = 11 + 2.66 * 2;
    const values = [...ALTERNATING, onLimit, onLimit + 0.001, 5.68 - 0.001];
    const found = causes(values, { fixAfter: 12 });
    // The point on the limit is inside (and the only point beyond a near limit in its windows: common cause).
    expect(found.slice(12)).toEqual([null, 'above-upper-limit', 'below-lower-limit']);
  });

  it('flags every point of a trend of 7 rising points, and none when an equal neighbour breaks it', () => {
    // Points 2 to 8 (9, 9.5, 10, 10.5, 11, 11.5, 12) each strictly above the one before: 6 steps up.
    // Sum 125.5 over 12: mean 10.4583…; moving ranges 1, 0.5 × 6, 2, 1, 1, 1 = 9 over 11 = 0.818…, none screened
    // (3.267 × 0.818 = 2.67); limits 10.458 ± 2.176 = 8.28 to 12.63: every point inside. Near limits 9.007 and
    // 11.909: 9 (below the mean) and 12 (above) are each alone beyond a near limit in their windows. Sides:
    // − − − − + + + + − + − +: no 7 on one side. So the trend is the only special cause.
    const rising = [10, 9, 9.5, 10, 10.5, 11, 11.5, 12, 10, 11, 10, 11];
    expect(causes(rising)).toEqual([null, ...Array(7).fill('trend-increasing'), null, null, null, null]);
    // 10.5 replaced by a second 10: 9, 9.5, 10, 10, 11, 11.5, 12 has an equal step, so the run is 3 + 3 steps.
    // (Sum 125, mean 10.4167; the same ranges but one of 0 and one of 1 for two of 0.5: still 9 / 11; limits 8.24 to
    // 12.59: all inside; 12 alone beyond the near upper limit 11.868.)
    const broken = [10, 9, 9.5, 10, 10, 11, 11.5, 12, 10, 11, 10, 11];
    expect(causes(broken).every((cause) => cause === null)).toBe(true);
  });

  it('gives a point shared by a falling and a rising trend the direction of its next step', () => {
    // A noisy head (16, 22, 12, 22, 12, 16), then 20 down to 14 and back up to 20: two runs of 6 steps sharing 14.
    // Sum 100 + 224 = 324 over 19: mean 17.0526. Moving ranges 6, 10, 10, 10, 4, 4 and twelve of 1: 56 over 18 =
    // 3.111 (3.267 × 3.111 = 10.16: the 10s stay). Limits 17.05 ± 8.28 = 8.78 to 25.33 and near limits 11.54 to
    // 22.57: no point beyond either. The 7 points 17 … 14 … 17 are below the mean (a shift), but trends come first.
    const values = [16, 22, 12, 22, 12, 16, 20, 19, 18, 17, 16, 15, 14, 15, 16, 17, 18, 19, 20];
    const chart = spc(series(values));
    expect(chart.points.map((point) => point.specialCause)).toEqual([
      ...Array(6).fill(null),
      ...Array(6).fill('trend-decreasing'),
      // 14 ends the fall and starts the rise: the step to its next point is up.
      ...Array(7).fill('trend-increasing'),
    ]);
    // Higher is better: the rise is an improvement, even where it is below the mean; the fall a concern.
    expect(chart.points[12]?.type).toBe('special-cause-improvement');
    expect(chart.points[13]?.value).toBeLessThan(chart.points[13]?.mean ?? 0);
    expect(chart.points[13]?.type).toBe('special-cause-improvement');
    expect(chart.points[8]?.type).toBe('special-cause-concern');
  });

  it('flags 2 of 3 points beyond a near limit, all 3 on that side of the mean', () => {
    // Fixed on the alternating 12: mean 11, near upper limit 14.5467, upper limit 16.32.
    // 15, 11.5, 15: all above 11, two beyond 14.5467 and inside 16.32: the two 15s are flagged, 11.5 is not.
    expect(causes([...ALTERNATING, 15, 11.5, 15], { fixAfter: 12 }).slice(12)).toEqual([
      'two-of-three-above',
      null,
      'two-of-three-above',
    ]);
    // 15, 10.5, 15: the middle point is below the mean: no 3 on one side.
    expect(causes([...ALTERNATING, 15, 10.5, 15], { fixAfter: 12 }).slice(12)).toEqual([null, null, null]);
    // 15, 11.5, 17: 17 is beyond the limit, not between the near limit and the limit: 15 is alone.
    expect(causes([...ALTERNATING, 15, 11.5, 17], { fixAfter: 12 }).slice(12)).toEqual([
      null,
      null,
      'above-upper-limit',
    ]);
    // Below: 7, 10.5, 7 (near lower limit 7.4533).
    expect(causes([...ALTERNATING, 7, 10.5, 7], { fixAfter: 12 }).slice(12)).toEqual([
      'two-of-three-below',
      null,
      'two-of-three-below',
    ]);
  });

  it('flags a shift of 7 points on one side of the mean, and none when a point on the mean breaks it', () => {
    // 12, 13, 12, 11, 12, 13, 12, then 8, 7, 8, 9, 8, 7, 8: sum 85 + 55 = 140 over 14, mean exactly 10. Without
    // screening: moving ranges twelve of 1 and one of 4, 16 / 13 = 1.2308; limits 10 ± 3.274 (6.73 to 13.27), near
    // limits 10 ± 2.18 (7.82 to 12.18): the 13s and 7s are beyond a near limit but never 2 in 3 points. Steps never run
    // 6 one way. The first 7 are above the mean, the last 7 below: two shifts.
    const shifted = [12, 13, 12, 11, 12, 13, 12, 8, 7, 8, 9, 8, 7, 8];
    expect(causes(shifted, { screenOutliers: false })).toEqual([
      ...Array(7).fill('shift-above'),
      ...Array(7).fill('shift-below'),
    ]);
    // The 11 and the 9 replaced by 10, on the mean (sum 84 + 56 = 140, mean 10 again; ranges 1, 1, 2, 2, 1, 1, 4, 1,
    // 1, 2, 2, 1, 1 = 20 / 13; limits 10 ± 4.09): runs of 3 either side of each 10, no shift.
    const broken = [12, 13, 12, 10, 12, 13, 12, 8, 7, 8, 10, 8, 7, 8];
    expect(causes(broken, { screenOutliers: false }).every((cause) => cause === null)).toBe(true);
  });

  it('compares with the mean in double precision: the sum in series order over the count', () => {
    // The same nine values in two orders. 0.3 + 0.1 + 0.2 × 7, summed in order, is 1.7999999999999998 in doubles:
    // the mean 0.19999999999999998 is below 0.2, so the seven 0.2s are a shift above it. 0.2 × 7 + 0.1 + 0.3 sums to
    // exactly 1.8: the mean is 0.2 and the 0.2s are on it, no shift. (Moving ranges 0.2, 0.1 and zeros: 0.2 is
    // screened, limits 0.2 ± 2.66 × 0.1 / 7 = 0.162 to 0.238: the 0.3 and the 0.1 are beyond them.)
    const first = spc(series([0.3, 0.1, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2]));
    expect(first.phases[0]?.mean).toBe(0.19999999999999998);
    expect(first.points.map((point) => point.specialCause)).toEqual([
      'above-upper-limit',
      'below-lower-limit',
      ...Array(7).fill('shift-above'),
    ]);
    const second = spc(series([0.2, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2, 0.1, 0.3]));
    expect(second.phases[0]?.mean).toBe(0.2);
    expect(second.points.map((point) => point.specialCause)).toEqual([
      ...Array(7).fill(null),
      'below-lower-limit',
      'above-upper-limit',
    ]);
  });

  it('applies the rules by priority: limits, then trends, then two of three, then shifts', () => {
    // Limit over trend: 9 to 15 rises 6 steps, but 15 is beyond the upper limit. Sum 136 / 12 = 11.333; moving ranges
    // six 1s for the rise, 1 (10 → 9), 4 (15 → 11) and three 1s: 14 / 11 = 1.273 (3.267 × 1.273 = 4.16: 4 stays);
    // limits 11.333 ± 3.385 = 7.95 to 14.72.
    expect(causes([10, 9, 10, 11, 12, 13, 14, 15, 11, 10, 11, 10])).toEqual([
      null,
      ...Array(6).fill('trend-increasing'),
      'above-upper-limit',
      null,
      null,
      null,
      null,
    ]);
    // Two of three over shift: after the fixed alternating 12 (mean 11, near upper 14.5467), 12, 12, 15, 12, 15, 12, 12
    // are 7 above the mean; the 15s are also 2 of 3 beyond the near limit.
    expect(causes([...ALTERNATING, 12, 12, 15, 12, 15, 12, 12], { fixAfter: 12 }).slice(12)).toEqual([
      'shift-above',
      'shift-above',
      'two-of-three-above',
      'shift-above',
      'two-of-three-above',
      'shift-above',
      'shift-above',
    ]);
  });

  it('types a special cause by the direction of improvement: increase, decrease or neutral', () => {
    // Fixed on the alternating 12 (limits 5.68 to 16.32): 17 is above, 5 below.
    const values = [...ALTERNATING, 17, 5];
    const typesOf = (improvement: 'increase' | 'decrease' | 'neutral') =>
      spc(series(values), { fixAfter: 12, improvement })
        .points.slice(12)
        .map((point) => point.type);
    expect(typesOf('increase')).toEqual(['special-cause-improvement', 'special-cause-concern']);
    expect(typesOf('decrease')).toEqual(['special-cause-concern', 'special-cause-improvement']);
    expect(typesOf('neutral')).toEqual(['special-cause-neutral-high', 'special-cause-neutral-low']);
    // The variation is the last point's type.
    expect(spc(series(values), { fixAfter: 12, improvement: 'decrease' }).variation).toBe(
      'special-cause-improvement',
    );
  });

  it('gives the assurance against a target from the last phase’s limits', () => {
    // Limits 5.68 to 16.32.
    const assurance = (target: number, improvement: 'increase' | 'decrease' | 'neutral' = 'increase') =>
      spc(series(ALTERNATING), { target, improvement }).assurance;
    // 20 above the upper limit: never reached when higher is better; always met when lower is better.
    expect(assurance(20)).toBe('consistent-fail');
    expect(assurance(20, 'decrease')).toBe('consistent-pass');
    // 5 below the lower limit: the other way round.
    expect(assurance(5)).toBe('consistent-pass');
    expect(assurance(5, 'decrease')).toBe('consistent-fail');
    // Between the limits, and on a limit (not strictly beyond it): hit and miss.
    expect(assurance(11)).toBe('inconsistent');
    expect(assurance(11 + 2.66 * 2)).toBe('inconsistent');
    // No direction, or no target: no assurance.
    expect(assurance(20, 'neutral')).toBeNull();
    expect(spc(series(ALTERNATING)).assurance).toBeNull();
    // The last phase counts: after a rebase at m13 to 20, 22 … (limits 15.68 to 26.32), 20 is within reach.
    const rebased = [...ALTERNATING, ...ALTERNATING.map((value) => value + 10)];
    expect(spc(series(rebased), { target: 20, rebase: ['m13'] }).assurance).toBe('inconsistent');
  });

  it('starts a phase at each rebase label, each with its own mean, moving ranges and limits', () => {
    const values = [...ALTERNATING, ...ALTERNATING.map((value) => value + 10)];
    const chart = spc(series(values), { rebase: ['m13'] });
    // Phase 1: mean 11, limits 5.68 to 16.32. Phase 2: 20, 22 …: mean 21, and its moving ranges start at its own
    // first point (the jump 12 → 20 is no range of either phase): all 2, limits 15.68 to 26.32. No special cause.
    expect(chart.phases.map((phase) => [phase.start, phase.end, phase.mean, phase.meanMovingRange])).toEqual([
      ['m1', 'm12', 11, 2],
      ['m13', 'm24', 21, 2],
    ]);
    expect(chart.points[12]).toMatchObject({ mean: 21, phase: 1, type: 'common-cause' });
    expect(chart.points.every((point) => point.specialCause === null)).toBe(true);
    // Without the rebase: mean 16; moving ranges 22 of 2 and one of 8 (mean 52 / 23 = 2.26; 8 is screened at
    // 7.39): limits 16 ± 5.32 = 10.68 to 21.32. The 10s are below it, the 22s above.
    const whole = spc(series(values));
    expect(whole.phases[0]).toMatchObject({ mean: 16, meanMovingRange: 2 });
    expect(whole.points[0]?.specialCause).toBe('below-lower-limit');
    expect(whole.points[13]?.specialCause).toBe('above-upper-limit');
  });

  it('fixes the mean and limits on the first fixAfter points of each phase', () => {
    // All 14 points: (132 + 15 + 15) / 14 = 11.571…; fixed on the first 12: 132 / 12 = 11, and the later points are
    // judged by it.
    const values = [...ALTERNATING, 15, 15];
    expect(spc(series(values)).phases[0]?.mean).toBe(162 / 14);
    const fixed = spc(series(values), { fixAfter: 12 });
    expect(fixed.phases[0]).toMatchObject({ mean: 11, meanMovingRange: 2, points: 14, baselinePoints: 12 });
    expect(fixed.options.fixAfter).toBe(12);
  });

  it('leaves a null value out of every calculation and gives it no type', () => {
    // The alternating series with a month of no data between the 2nd and 3rd values: the same mean, ranges and
    // limits as without it (12 and 10 either side of the gap are neighbours: a range of 2).
    const values = [10, 12, null, 10, 12, 10, 12, 10, 12, 10, 12, 10, 12];
    const chart = spc(series(values));
    expect(chart.phases[0]).toMatchObject({ mean: 11, meanMovingRange: 2, points: 12 });
    expect(chart.points[2]).toMatchObject({
      label: 'm3',
      value: null,
      type: null,
      specialCause: null,
      mean: 11,
    });
    // A last month with no data: the variation is the last point with a value.
    const ending = spc(series([...ALTERNATING, null]));
    expect(ending.points.at(-1)?.type).toBeNull();
    expect(ending.variation).toBe('common-cause');
    // No value at all: no mean, no limits, no variation.
    const empty = spc(series([null, null]), { target: 80 });
    expect(empty.phases[0]).toMatchObject({ mean: null, lowerLimit: null, upperLimit: null });
    expect([empty.variation, empty.assurance]).toEqual([null, null]);
  });

  it('flags limits that rest on fewer than 12 points, in any phase', () => {
    expect(spc(series(ALTERNATING.slice(0, 11))).tooFewPoints).toBe(true);
    expect(spc(series(ALTERNATING)).tooFewPoints).toBe(false);
    // A null is no point: 12 entries, 11 values.
    expect(spc(series([...ALTERNATING.slice(0, 11), null])).tooFewPoints).toBe(true);
    // A second phase of 5 points.
    const values = [...ALTERNATING, 20, 22, 20, 22, 20];
    expect(spc(series(values), { rebase: ['m13'] }).tooFewPoints).toBe(true);
    // Limits fixed on 6 points.
    expect(spc(series(ALTERNATING), { fixAfter: 6 }).tooFewPoints).toBe(true);
    // Still computed: a point beyond the limits of 11 points is flagged all the same.
    expect(causes([...ALTERNATING.slice(0, 10), 30]).at(-1)).toBe('above-upper-limit');
  });

  it('refuses a rebase label that is not in the series (RangeError)', () => {
    expect(() => spc(series(ALTERNATING), { rebase: ['2010-10'] })).toThrow(RangeError);
    expect(() => spc(series(ALTERNATING), { rebase: ['2010-10'] })).toThrow(
      'the rebase label "2010-10" is not in the series (labels "m1" to "m12")',
    );
  });

  it('refuses options and values that cannot be charted', () => {
    expect(() => spc(series(ALTERNATING), { fixAfter: 1 })).toThrow(RangeError);
    expect(() => spc(series(ALTERNATING), { fixAfter: 12.5 })).toThrow(RangeError);
    expect(() => spc(series(ALTERNATING), { improvement: 'up' as 'increase' })).toThrow(RangeError);
    expect(() => spc(series(ALTERNATING), { target: Number.NaN })).toThrow(RangeError);
    expect(() => spc(series([1, Number.POSITIVE_INFINITY]))).toThrow(TypeError);
    expect(() => spc([{ label: 'a', value: '1' as unknown as number }])).toThrow(TypeError);
    expect(() =>
      spc([
        { label: 'a', value: 1 },
        { label: 'a', value: 2 },
      ]),
    ).toThrow('the label "a" appears twice');
  });

  it('gives the same chart for the same series, and an empty chart for an empty series', () => {
    expect(spc(series(ALTERNATING), { target: 11 })).toEqual(spc(series(ALTERNATING), { target: 11 }));
    expect(spc([])).toMatchObject({
      points: [],
      phases: [],
      variation: null,
      assurance: null,
      tooFewPoints: false,
    });
  });
});
