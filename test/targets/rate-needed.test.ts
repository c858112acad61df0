import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeBreakdown, computeIndicator } from '../../src/indicators/index.js';
import { expectedRemainingVolume, getTargetSet, rateNeeded, type Target } from '../../src/targets/index.js';
import { assessments } from './results.js';

// The notice: NI59 80% for the cumulative period October 2010 to March 2011.
const cumulative = getTargetSet('leeds-2010-notice').targets[2] as Target;
// The plan: repeat referrals 20% for 2009/10, lower is better.
const repeats = getTargetSet('leeds-2010-plan').targets.find(
  (target) => target.indicator === 'REPEAT_REFERRALS',
) as Target;

describe('rateNeeded', () => {
  it('needs 90% when 300 of 400 are on time (75%) and 200 more are expected', () => {
    // (0.8 × 600 − 300) / 200 = (480 − 300) / 200 = 0.9.
    const needed = rateNeeded({
      target: cumulative,
      soFar: { numerator: 300, denominator: 400 },
      expectedRemaining: 200,
    });
    expect(needed.needed?.toString()).toBe('90');
    expect(needed.neededDisplay).toBe('90.0%');
    expect(needed.bound).toBe('at-least');
    expect(needed.achievable).toBe(true);
    expect(needed.alreadySecured).toBe(false);
    expect(needed.soFarValue?.toString()).toBe('75');
    expect(needed.expectedRemaining.toString()).toBe('200');
    expect(needed.expectedTotal.toString()).toBe('600');
    expect(needed.target).toBe(cumulative);
  });

  it('needs 75% when 330 of 400 are on time and 200 more are expected', () => {
    // (480 − 330) / 200 = 0.75: below the target itself, since the months so far are ahead (82.5%).
    const needed = rateNeeded({
      target: cumulative,
      soFar: { numerator: 330, denominator: 400 },
      expectedRemaining: 200,
    });
    expect([needed.neededDisplay, needed.achievable, needed.alreadySecured]).toEqual(['75.0%', true, false]);
  });

  it('is not achievable when the rate needed is above 100%', () => {
    // 200 of 400 with 100 more: (0.8 × 500 − 200) / 100 = (400 − 200) / 100 = 200%.
    const needed = rateNeeded({
      target: cumulative,
      soFar: { numerator: 200, denominator: 400 },
      expectedRemaining: 100,
    });
    expect(needed.needed?.toString()).toBe('200');
    expect(needed.neededDisplay).toBe('200.0%');
    expect([needed.achievable, needed.alreadySecured]).toEqual([false, false]);
  });

  it('is achievable at exactly 100%', () => {
    // 300 of 400 with 100 more: (400 − 300) / 100 = 100%: every remaining case on time just reaches 80%.
    const needed = rateNeeded({
      target: cumulative,
      soFar: { numerator: 300, denominator: 400 },
      expectedRemaining: 100,
    });
    expect([needed.neededDisplay, needed.achievable]).toEqual(['100.0%', true]);
  });

  it('is already secured when the rate needed is 0% or less', () => {
    // 480 of 500 with 100 more: (0.8 × 600 − 480) / 100 = 0%.
    const zero = rateNeeded({
      target: cumulative,
      soFar: { numerator: 480, denominator: 500 },
      expectedRemaining: 100,
    });
    expect(zero.needed?.toString()).toBe('0');
    expect([zero.neededDisplay, zero.achievable, zero.alreadySecured]).toEqual(['0.0%', true, true]);
    // 500 of 500 with 100 more: (480 − 500) / 100 = −20%: secured with room to spare.
    const negative = rateNeeded({
      target: cumulative,
      soFar: { numerator: 500, denominator: 500 },
      expectedRemaining: 100,
    });
    expect([negative.neededDisplay, negative.alreadySecured]).toEqual(['-20.0%', true]);
  });

  it('keeps the rate exact and rounds only its display', () => {
    // 290 of 400 with 300 more: (0.8 × 700 − 290) / 300 = 270 / 300 = 90%; with 301 more:
    // (0.8 × 701 − 290) / 301 = 270.8 / 301 = 89.966777408637873754% (20 significant digits).
    const needed = rateNeeded({
      target: cumulative,
      soFar: { numerator: 290, denominator: 400 },
      expectedRemaining: 301,
    });
    expect(needed.needed?.toString()).toBe('89.966777408637873754');
    expect(needed.neededDisplay).toBe('90.0%');
    const twoPlaces = rateNeeded(
      { target: cumulative, soFar: { numerator: 290, denominator: 400 }, expectedRemaining: 301 },
      { rounding: { decimalPlaces: 2, mode: 'down' } },
    );
    expect(twoPlaces.neededDisplay).toBe('89.96%');
    expect(twoPlaces.rounding).toEqual({ decimalPlaces: 2, mode: 'down', precision: 20 });
  });

  it('gives a lower-is-better target the highest rate the remaining cases may have', () => {
    // Repeat referrals 20%: 90 of 400 so far (22.5%), 200 more: (0.2 × 600 − 90) / 200 = 30 / 200 = 15% at most.
    const needed = rateNeeded({
      target: repeats,
      soFar: { numerator: 90, denominator: 400 },
      expectedRemaining: 200,
    });
    expect([needed.bound, needed.neededDisplay, needed.achievable, needed.alreadySecured]).toEqual([
      'at-most',
      '15.0%',
      true,
      false,
    ]);
    // 130 of 400 with 200 more: (120 − 130) / 200 = −5%: even no repeat at all leaves it above 20%.
    const lost = rateNeeded({
      target: repeats,
      soFar: { numerator: 130, denominator: 400 },
      expectedRemaining: 200,
    });
    expect([lost.neededDisplay, lost.achievable, lost.alreadySecured]).toEqual(['-5.0%', false, false]);
    // 0 of 400 with 100 more: (0.2 × 500 − 0) / 100 = 100%: even all repeats keep it at 20%, so secured.
    const secured = rateNeeded({
      target: repeats,
      soFar: { numerator: 0, denominator: 400 },
      expectedRemaining: 100,
    });
    expect([secured.neededDisplay, secured.achievable, secured.alreadySecured]).toEqual([
      '100.0%',
      true,
      true,
    ]);
  });

  it('has no rate when nothing more is expected: the figure so far decides', () => {
    // 330 of 400 = 82.5% with nothing to come: met, so achievable and secured; needed is null.
    const met = rateNeeded({
      target: cumulative,
      soFar: { numerator: 330, denominator: 400 },
      expectedRemaining: 0,
    });
    expect([met.needed, met.neededDisplay, met.achievable, met.alreadySecured]).toEqual([
      null,
      'n/a',
      true,
      true,
    ]);
    // 300 of 400 = 75%: not met, and nothing left to change it.
    const missed = rateNeeded({
      target: cumulative,
      soFar: { numerator: 300, denominator: 400 },
      expectedRemaining: 0,
    });
    expect([missed.achievable, missed.alreadySecured]).toEqual([false, false]);
    // Nothing so far and nothing to come: no figure at all.
    const empty = rateNeeded({
      target: cumulative,
      soFar: { numerator: 0, denominator: 0 },
      expectedRemaining: 0,
    });
    expect([empty.soFarValue, empty.needed, empty.achievable, empty.alreadySecured]).toEqual([
      null,
      null,
      false,
      false,
    ]);
  });

  it('needs the target itself when nothing has been counted yet', () => {
    // 0 of 0 with 600 expected: (0.8 × 600 − 0) / 600 = 80%.
    const needed = rateNeeded({
      target: cumulative,
      soFar: { numerator: 0, denominator: 0 },
      expectedRemaining: 600,
    });
    expect(needed.neededDisplay).toBe('80.0%');
    expect(needed.soFarValue).toBeNull();
  });

  it('takes the months so far from real results and the expected volume from their mean', () => {
    // October to December 2010: 25/30, 34/40, 41/50 on time = 100 of 120 (83.3%); three months remain.
    const records = [
      ...assessments(2010, 10, 25, 5),
      ...assessments(2010, 11, 34, 6),
      ...assessments(2010, 12, 41, 9),
    ];
    const soFar = computeIndicator('NI59', records, '2010-10..2010-12');
    const months = computeBreakdown('NI59', records, '2010-10..2010-12', 'month').groups;
    // Mean monthly denominator (30 + 40 + 50) / 3 = 40, × 3 months = 120.
    const expectedRemaining = expectedRemainingVolume(
      months.map((month) => month.result.denominator),
      3,
    );
    expect(expectedRemaining.toString()).toBe('120');
    // The result itself serves as soFar: (0.8 × 240 − 100) / 120 = 92 / 120 = 76.666666666666666667%.
    const needed = rateNeeded({ target: cumulative, soFar, expectedRemaining });
    expect(needed.needed?.toString()).toBe('76.666666666666666667');
    expect(needed.neededDisplay).toBe('76.7%');
  });

  it('refuses a target that is not a percentage, and impossible figures', () => {
    const caseload = getTargetSet('leeds-2010-plan').targets.find(
      (target) => target.unit === 'cases-per-fte',
    );
    expect(() =>
      rateNeeded({
        target: caseload as Target,
        soFar: { numerator: 1, denominator: 1 },
        expectedRemaining: 1,
      }),
    ).toThrow('rateNeeded: expected a percent target, got CASELOAD FY2010 in cases-per-fte');
    expect(() =>
      rateNeeded({ target: cumulative, soFar: { numerator: 5, denominator: 4 }, expectedRemaining: 1 }),
    ).toThrow('soFar: expected numerator <= denominator, got 5 of 4');
    expect(() =>
      rateNeeded({ target: cumulative, soFar: { numerator: -1, denominator: 4 }, expectedRemaining: 1 }),
    ).toThrow('soFar.numerator: expected a finite number >= 0, got -1');
    expect(() =>
      rateNeeded({ target: cumulative, soFar: { numerator: 1, denominator: 4 }, expectedRemaining: -2 }),
    ).toThrow('expectedRemaining: expected a finite number >= 0, got -2');
    expect(() =>
      rateNeeded({ target: cumulative, soFar: { numerator: 1, denominator: 4 }, expectedRemaining: 'lots' }),
    ).toThrow(RangeError);
    expect(() =>
      rateNeeded({
        target: cumulative,
        soFar: { numerator: 1, denominator: 4 },
        expectedRemaining: Infinity,
      }),
    ).toThrow(RangeError);
  });

  it('law: the remaining cases at the rate needed bring the period exactly to the target', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2000 }),
        fc.integer({ min: 0, max: 2000 }),
        fc.integer({ min: 1, max: 2000 }),
        (denominator, seed, remaining) => {
          const numerator = seed % (denominator + 1);
          const needed = rateNeeded({
            target: cumulative,
            soFar: { numerator, denominator },
            expectedRemaining: remaining,
          }).needed;
          if (needed === null) return false;
          // (N + needed% × R) / (D + R) = 80%, to the precision of the arithmetic.
          const total = new Decimal(numerator).plus(needed.times(remaining).div(100));
          const rate = total.times(100).div(denominator + remaining);
          return rate.minus(80).abs().lt('1e-15');
        },
      ),
    );
  });
});

describe('expectedRemainingVolume', () => {
  it('is the mean monthly volume so far times the months remaining', () => {
    // (90 + 110 + 100) / 3 = 100 a month, × 3 = 300.
    expect(expectedRemainingVolume([90, 110, 100], 3).toString()).toBe('300');
    // (100 + 101) / 2 = 100.5 a month, × 1 = 100.5: kept exact, not rounded to a whole case.
    expect(expectedRemainingVolume([100, 101], 1).toString()).toBe('100.5');
    // 100 / 3 months × 2 = 66.666666666666666667 (20 significant digits; the sum is multiplied before dividing).
    expect(expectedRemainingVolume([40, 30, 30], 2).toString()).toBe('66.666666666666666667');
    // No month remaining: nothing more expected.
    expect(expectedRemainingVolume([40, 30, 30], 0).toString()).toBe('0');
  });

  it('refuses no months so far and impossible figures', () => {
    expect(() => expectedRemainingVolume([], 3)).toThrow(
      'monthlyDenominators: expected the denominators of at least one month so far, got none',
    );
    expect(() => expectedRemainingVolume([10, -1], 3)).toThrow(
      'monthlyDenominators[1]: expected a finite number >= 0, got -1',
    );
    expect(() => expectedRemainingVolume([10], Number.NaN)).toThrow(
      'monthsRemaining: expected a finite number >= 0, got NaN',
    );
  });
});
