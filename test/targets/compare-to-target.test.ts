import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeIndicator } from '../../src/indicators/index.js';
import type { CafRecord, ReferralRecord } from '../../src/records/schemas.js';
import { compareToTarget, getTargetSet, type Target } from '../../src/targets/index.js';
import { isoFromYmd } from '../../src/util/dates.js';
import { assessments, resultOf } from './results.js';

const notice = getTargetSet('leeds-2010-notice');
const plan = getTargetSet('leeds-2010-plan');

/** The target of a built-in set for an indicator and period. */
function targetOf(set: typeof plan, indicator: string, period: string): Target {
  const found = set.targets.find((target) => target.indicator === indicator && target.period === period);
  if (!found) throw new Error(`no target ${indicator} ${period} in ${set.id}`);
  return found;
}

// The notice: NI59 72% for June 2010, 80% for October 2010, 80% for October 2010 to March 2011.
const ni59June = targetOf(notice, 'NI59', '2010-06');
const ni59October = targetOf(notice, 'NI59', '2010-10');
const ni59Cumulative = targetOf(notice, 'NI59', '2010-10..2011-03');

/** NI59 over October 2010 with `onTime` of `onTime + late` assessments on time. */
const ni59Oct = (onTime: number, late: number) =>
  computeIndicator('NI59', assessments(2010, 10, onTime, late), '2010-10');

/** `count` referrals on the 15th of successive months from April of the financial year `year`, without a CAF. */
function referralsWithoutCaf(prefix: string, year: number, count: number): ReferralRecord[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `${prefix}-${i + 1}`,
    childId: `${prefix}-C${i + 1}`,
    referralDate: isoFromYmd(year + Math.floor((3 + (i % 12)) / 12), ((3 + (i % 12)) % 12) + 1, 15),
    cafCompleted: false,
  }));
}

/** `count` CAFs closed (needs met) on the 15th of successive months from April of the financial year `year`. */
function cafsClosed(prefix: string, year: number, count: number): CafRecord[] {
  return referralsWithoutCaf(prefix, year, count).map((referral) => ({
    id: referral.id,
    designatedDate: referral.referralDate,
    closedDate: referral.referralDate,
    closureReason: 'needs-met' as const,
  }));
}

describe('compareToTarget', () => {
  describe('a higher-is-better percent target (NI59, the notice)', () => {
    it('is met, green, when October 2010 is above 80%', () => {
      // 41 of 50 on time = 82%: 2 points above 80.
      const comparison = compareToTarget(ni59Oct(41, 9), ni59October);
      expect(comparison.status).toBe('met');
      expect(comparison.compared).toBe('value');
      expect(comparison.actual?.toString()).toBe('82');
      expect(comparison.actualDisplay).toBe('82.0%');
      expect(comparison.gap?.toString()).toBe('2');
      expect(comparison.gapUnit).toBe('percentage-points');
      expect(comparison.gapDisplay).toBe('+2.0 pts');
      expect(comparison.rag).toBe('green');
      expect(comparison.tolerance).toBe(5);
      expect(comparison.provisional).toBe(false);
      expect(comparison.period).toEqual({ start: '2010-10-01', end: '2010-10-31', label: 'October 2010' });
      expect(comparison.target).toBe(ni59October);
    });

    it('is met when exactly on the target, with a gap of 0 shown unsigned', () => {
      // 40 of 50 = 80% exactly: value >= target.
      const comparison = compareToTarget(ni59Oct(40, 10), ni59October);
      expect([comparison.status, comparison.gap?.toString(), comparison.gapDisplay, comparison.rag]).toEqual([
        'met',
        '0',
        '0.0 pts',
        'green',
      ]);
    });

    it('is amber when short by less than the tolerance', () => {
      // 39 of 50 = 78%: 2 points short, within 5.
      const comparison = compareToTarget(ni59Oct(39, 11), ni59October);
      expect([comparison.status, comparison.gap?.toString(), comparison.gapDisplay, comparison.rag]).toEqual([
        'not-met',
        '-2',
        '-2.0 pts',
        'amber',
      ]);
    });

    it('is amber when short by exactly the tolerance (the band includes its edge)', () => {
      // 3 of 4 = 75%: 5 points short, and gap >= -5.
      const comparison = compareToTarget(ni59Oct(3, 1), ni59October);
      expect([comparison.gap?.toString(), comparison.rag]).toEqual(['-5', 'amber']);
    });

    it('is red beyond the tolerance, and the tolerance is an option', () => {
      // 37 of 50 = 74%: 6 points short.
      const result = ni59Oct(37, 13);
      expect(compareToTarget(result, ni59October).rag).toBe('red');
      // Within a 10-point band: amber. With no band: anything short is red.
      expect(compareToTarget(result, ni59October, { tolerance: 10 }).rag).toBe('amber');
      expect(compareToTarget(result, ni59October, { tolerance: 0 }).rag).toBe('red');
      expect(compareToTarget(result, ni59October, { tolerance: 10 }).tolerance).toBe(10);
    });

    it('keeps the gap exact and rounds only its display', () => {
      // June 2010: 2 of 3 = 66.666666666666666667% (20 significant digits) against 72%.
      // gap = 66.666666666666666667 - 72 = -5.333333333333333333: 5.3 points short, beyond 5, red.
      const result = computeIndicator('NI59', assessments(2010, 6, 2, 1), '2010-06');
      const comparison = compareToTarget(result, ni59June);
      expect(comparison.gap?.toString()).toBe('-5.333333333333333333');
      expect(comparison.gapDisplay).toBe('-5.3 pts');
      expect(comparison.rag).toBe('red');
      // The display follows the result's rounding unless the options say otherwise.
      expect(compareToTarget(result, ni59June, { rounding: { decimalPlaces: 2 } }).gapDisplay).toBe(
        '-5.33 pts',
      );
      expect(compareToTarget(result, ni59June, { rounding: { mode: 'up' } }).gapDisplay).toBe('-5.4 pts');
      expect(compareToTarget(result, ni59June, { rounding: { decimalPlaces: 2 } }).rounding).toEqual({
        decimalPlaces: 2,
        mode: 'half-up',
        precision: 20,
      });
    });

    it('shows a target not met by less than the rounding at the places that show the shortfall', () => {
      // 323 of 404 = 79.950495049504950495%: at 1 place 80.0%, the target, with a gap of 0.0 pts, and "not met"
      // beside it reads as a mistake. At 2 places, half-up: 79.95% and a gap of -0.05 pts (-0.0495… rounds to
      // -0.05). The figure and the gap stay exact.
      const comparison = compareToTarget(ni59Oct(323, 81), ni59October);
      expect(comparison.status).toBe('not-met');
      expect(comparison.actual?.toString()).toBe('79.950495049504950495');
      expect(comparison.gap?.toString()).toBe('-0.049504950495049505');
      expect(comparison.actualDisplay).toBe('79.95%');
      expect(comparison.gapDisplay).toBe('-0.05 pts');
      expect(comparison.rag).toBe('amber');
      expect(comparison.rounding).toEqual({ decimalPlaces: 2, mode: 'half-up', precision: 20 });
      // 1999 of 2499 = 79.991996…%: 80.0% at 1 place, and 80.0 at 1 place is the target; at 2, 79.99% and
      // -0.008… shows as -0.01 pts (it showed as 0.0 pts).
      const near = compareToTarget(ni59Oct(1999, 500), ni59October);
      expect([near.actualDisplay, near.gapDisplay]).toEqual(['79.99%', '-0.01 pts']);
      // 15999 of 20000 = 79.995% exactly: at 2 places, half-up, 80.00%, the target again; at 3, 79.995% and
      // -0.005 pts.
      const nearer = compareToTarget(ni59Oct(15999, 4001), ni59October);
      expect([nearer.actualDisplay, nearer.gapDisplay, nearer.rounding.decimalPlaces]).toEqual([
        '79.995%',
        '-0.005 pts',
        3,
      ]);
      // Rounded down (mode down), 79.95…% shows as 79.9%, short of 80, but the gap's magnitude 0.0495… shows as
      // 0.0: 2 places, 79.95% and -0.04 pts (0.0495… rounded down), in the mode asked for.
      const down = compareToTarget(ni59Oct(323, 81), ni59October, { rounding: { mode: 'down' } });
      expect([down.actualDisplay, down.gapDisplay]).toEqual(['79.95%', '-0.04 pts']);
    });

    it('keeps the given places when the figure shows as short of the target', () => {
      // 39 of 50 = 78%: 78.0% and -2.0 pts at 1 place, as the result displays it.
      const comparison = compareToTarget(ni59Oct(39, 11), ni59October);
      expect([comparison.actualDisplay, comparison.gapDisplay, comparison.rounding.decimalPlaces]).toEqual([
        '78.0%',
        '-2.0 pts',
        1,
      ]);
    });

    it('shows a gap of exactly 0 unsigned, the target met', () => {
      // 40 of 50 = 80%: met, 80.0% and 0.0 pts (never -0.0).
      const comparison = compareToTarget(ni59Oct(40, 10), ni59October);
      expect([comparison.actualDisplay, comparison.gapDisplay, comparison.status]).toEqual([
        '80.0%',
        '0.0 pts',
        'met',
      ]);
    });

    it('has no data, grey, when the result has no value', () => {
      // No assessment completed in October 2010: 0 of 0, value null.
      const comparison = compareToTarget(ni59Oct(0, 0), ni59October);
      expect(comparison.status).toBe('no-data');
      expect(comparison.actual).toBeNull();
      expect(comparison.actualDisplay).toBe('n/a');
      expect(comparison.gap).toBeNull();
      expect(comparison.gapDisplay).toBe('n/a');
      expect(comparison.rag).toBe('grey');
    });
  });

  describe('lower-is-better targets', () => {
    it('meets REPEAT_REFERRALS 20% for 2009/10 at exactly 20%, and misses it above', () => {
      const repeatTarget = targetOf(plan, 'REPEAT_REFERRALS', 'FY2009');
      // Ten referrals in FY2009: C1 and C2 are referred again within 12 months (2 repeats); C3-C8 once. 2/10 = 20%.
      const referrals: ReferralRecord[] = [
        { id: 'R1a', childId: 'C1', referralDate: '2009-05-01' },
        { id: 'R1b', childId: 'C1', referralDate: '2009-08-03' },
        { id: 'R2a', childId: 'C2', referralDate: '2009-06-01' },
        { id: 'R2b', childId: 'C2', referralDate: '2009-09-01' },
        ...['C3', 'C4', 'C5', 'C6'].map((childId) => ({
          id: `R-${childId}`,
          childId,
          referralDate: '2009-07-01',
        })),
        ...['C7', 'C8'].map((childId) => ({ id: `R-${childId}`, childId, referralDate: '2010-01-04' })),
      ];
      const atTarget = compareToTarget(
        computeIndicator('REPEAT_REFERRALS', referrals, 'FY2009'),
        repeatTarget,
      );
      expect([atTarget.status, atTarget.gap?.toString(), atTarget.gapDisplay, atTarget.rag]).toEqual([
        'met',
        '0',
        '0.0 pts',
        'green',
      ]);
      // C1 referred a third time on 2 November 2009: 3 repeats of 11 = 27.272727272727272727%.
      // gap = 20 - 27.272727272727272727 = -7.272727272727272727 (positive is better, so the sign is turned): red.
      const more = [...referrals, { id: 'R1c', childId: 'C1', referralDate: '2009-11-02' }];
      const above = compareToTarget(computeIndicator('REPEAT_REFERRALS', more, 'FY2009'), repeatTarget);
      expect(above.actual?.toString()).toBe('27.272727272727272727');
      expect([above.status, above.gap?.toString(), above.gapDisplay, above.rag]).toEqual([
        'not-met',
        '-7.272727272727272727',
        '-7.3 pts',
        'red',
      ]);
    });

    it('measures a caseload gap in cases per FTE, positive when below the target', () => {
      const caseloadTarget = targetOf(plan, 'CASELOAD', 'FY2010');
      // 107 cases over 5.3 FTE = 20.188679245283018868 against 22: 1.811320754716981132 below, so +1.8, met.
      const below = resultOf({
        indicator: 'CASELOAD',
        period: 'FY2010',
        numerator: 107,
        denominator: 5.3,
        value: '20.188679245283018868',
      });
      const met = compareToTarget(below, caseloadTarget);
      expect([met.status, met.gap?.toString(), met.gapUnit, met.gapDisplay, met.rag]).toEqual([
        'met',
        '1.811320754716981132',
        'cases-per-fte',
        '+1.8 cases per FTE',
        'green',
      ]);
      // 23.5 against 22: 1.5 above, so -1.5; within the default 5, amber; with a tolerance of 1 case, red.
      const above = resultOf({
        indicator: 'CASELOAD',
        period: 'FY2010',
        numerator: 47,
        denominator: 2,
        value: '23.5',
      });
      expect(compareToTarget(above, caseloadTarget).gapDisplay).toBe('-1.5 cases per FTE');
      expect(compareToTarget(above, caseloadTarget).rag).toBe('amber');
      expect(compareToTarget(above, caseloadTarget, { tolerance: 1 }).rag).toBe('red');
    });

    it('compares NI117 for the academic year 2010/11 with the 6.8% target', () => {
      // 7.1% NEET against 6.8: 0.3 points above, so -0.3, amber.
      const result = resultOf({
        indicator: 'NI117',
        period: 'AY2010',
        numerator: 71,
        denominator: 1000,
        value: '7.1',
      });
      const comparison = compareToTarget(result, targetOf(plan, 'NI117', 'AY2010'));
      expect([comparison.status, comparison.gap?.toString(), comparison.gapDisplay, comparison.rag]).toEqual([
        'not-met',
        '-0.3',
        '-0.3 pts',
        'amber',
      ]);
    });
  });

  describe('a lower-is-better target not met by less than the rounding', () => {
    it('shows NI117 at 6.84% against 6.8% at 2 places', () => {
      // 684 of 10000 = 6.84% NEET against 6.8: 6.8% at 1 place, the target, gap 0.0; not met (above the target).
      // At 2 places: 6.84% and -0.04 pts.
      const result = resultOf({
        indicator: 'NI117',
        period: 'AY2010',
        numerator: 684,
        denominator: 10000,
        value: '6.84',
      });
      const comparison = compareToTarget(result, targetOf(plan, 'NI117', 'AY2010'));
      expect([comparison.status, comparison.actualDisplay, comparison.gapDisplay]).toEqual([
        'not-met',
        '6.84%',
        '-0.04 pts',
      ]);
    });
  });

  describe('percent-change targets (the plan, baseline FY2009)', () => {
    const cafTarget = targetOf(plan, 'CAF_CLOSED', 'FY2010');
    const refTarget = targetOf(plan, 'REF_NO_CAF', 'FY2010');

    /** CAF_CLOSED over FY2010 against FY2009: `current` closures against `baseline`. */
    const cafClosedChange = (current: number, baseline: number) =>
      computeIndicator(
        'CAF_CLOSED',
        [...cafsClosed('B', 2009, baseline), ...cafsClosed('C', 2010, current)],
        'FY2010',
        {
          baseline: 'FY2009',
        },
      );

    /** REF_NO_CAF over FY2010 against FY2009: `current` referrals without a CAF against `baseline`. */
    const refNoCafChange = (current: number, baseline: number) =>
      computeIndicator(
        'REF_NO_CAF',
        [...referralsWithoutCaf('B', 2009, baseline), ...referralsWithoutCaf('C', 2010, current)],
        'FY2010',
        { baseline: 'FY2009' },
      );

    it('meets +10% for CAFs closed when the change is +10% or more', () => {
      // 11 against 10: +10% exactly, met with a gap of 0.
      const exact = compareToTarget(cafClosedChange(11, 10), cafTarget);
      expect(exact.compared).toBe('change');
      expect([
        exact.status,
        exact.actual?.toString(),
        exact.actualDisplay,
        exact.gapDisplay,
        exact.rag,
      ]).toEqual(['met', '10', '+10.0%', '0.0 pts', 'green']);
      // 12 against 10: +20%, 10 points of change better.
      expect(compareToTarget(cafClosedChange(12, 10), cafTarget).gapDisplay).toBe('+10.0 pts');
      // 10 against 10: 0%, 10 points short: red.
      const flat = compareToTarget(cafClosedChange(10, 10), cafTarget);
      expect([flat.status, flat.gap?.toString(), flat.rag]).toEqual(['not-met', '-10', 'red']);
      // 21 against 20: +5%, 5 points short: amber.
      expect(compareToTarget(cafClosedChange(21, 20), cafTarget).rag).toBe('amber');
    });

    it('meets -10% for referrals without a CAF when the change is -10% or less', () => {
      // 18 against 20: -10% exactly: met.
      expect(compareToTarget(refNoCafChange(18, 20), refTarget).status).toBe('met');
      // 17 against 20: -15%, 5 points of change better than -10: +5.0 pts.
      const better = compareToTarget(refNoCafChange(17, 20), refTarget);
      expect([better.status, better.gap?.toString(), better.gapDisplay]).toEqual(['met', '5', '+5.0 pts']);
      // 19 against 20: -5%, 5 points short of -10: amber. 22 against 20: +10%, 20 points short: red.
      const short = compareToTarget(refNoCafChange(19, 20), refTarget);
      expect([short.status, short.gap?.toString(), short.gapDisplay, short.rag]).toEqual([
        'not-met',
        '-5',
        '-5.0 pts',
        'amber',
      ]);
      expect(compareToTarget(refNoCafChange(22, 20), refTarget).rag).toBe('red');
    });

    it('has no data without a baseline comparison, or with a zero baseline', () => {
      // Computed without the baseline option: the result has no change to compare.
      const noBaseline = computeIndicator('CAF_CLOSED', cafsClosed('C', 2010, 11), 'FY2010');
      const comparison = compareToTarget(noBaseline, cafTarget);
      expect([comparison.status, comparison.rag, comparison.gapDisplay, comparison.actualDisplay]).toEqual([
        'no-data',
        'grey',
        'n/a',
        'n/a',
      ]);
      // No CAF closed in FY2009: a change from 0 is not a percentage.
      expect(compareToTarget(cafClosedChange(11, 0), cafTarget).status).toBe('no-data');
    });

    it("refuses a result whose baseline is not the target's", () => {
      const againstFy2008 = computeIndicator('CAF_CLOSED', cafsClosed('C', 2010, 11), 'FY2010', {
        baseline: 'FY2008',
      });
      expect(() => compareToTarget(againstFy2008, cafTarget)).toThrow(RangeError);
      expect(() => compareToTarget(againstFy2008, cafTarget)).toThrow(
        "the result's baseline is 2008/09 (2008-04-01 to 2009-03-31) but the target CAF_CLOSED FY2010 is a change from FY2009",
      );
    });
  });

  describe('the result must be the target’s indicator and period', () => {
    it('refuses another indicator, naming both', () => {
      const ni60 = computeIndicator('NI60', [], '2010-10');
      expect(() => compareToTarget(ni60, ni59October)).toThrow(RangeError);
      expect(() => compareToTarget(ni60, ni59October)).toThrow(
        'compareToTarget: the result is NI60 over October 2010 (2010-10-01 to 2010-10-31) but the target is NI59 over 2010-10, October 2010 (2010-10-01 to 2010-10-31)',
      );
    });

    it('refuses another period, naming both', () => {
      // October 2010 alone is not the cumulative October 2010 to March 2011.
      expect(() => compareToTarget(ni59Oct(41, 9), ni59Cumulative)).toThrow(
        'the result is NI59 over October 2010 (2010-10-01 to 2010-10-31) but the target is NI59 over 2010-10..2011-03, October 2010 to March 2011 (2010-10-01 to 2011-03-31); expected a result over the target period (pass toDate: true to compare a figure to date)',
      );
      // The same dates written another way are the same period: FY2010 is 2010-04..2011-03.
      const fy = computeIndicator('NI59', assessments(2010, 10, 4, 1), '2010-04..2011-03');
      expect(compareToTarget(fy, targetOf(plan, 'NI59', 'FY2010')).status).toBe('met');
    });

    it('refuses a result in another unit than the target', () => {
      // A hand-made target for NI59 in cases per FTE: NI59 is a percentage.
      const wrongUnit: Target = { ...ni59October, unit: 'cases-per-fte' };
      expect(() => compareToTarget(ni59Oct(41, 9), wrongUnit)).toThrow(
        'compareToTarget: the result is in percent but the target NI59 2010-10 is in cases-per-fte',
      );
    });

    it('refuses a tolerance that is negative or not finite', () => {
      expect(() => compareToTarget(ni59Oct(41, 9), ni59October, { tolerance: -1 })).toThrow(
        'tolerance: expected a finite number >= 0, got -1',
      );
      expect(() => compareToTarget(ni59Oct(41, 9), ni59October, { tolerance: Number.NaN })).toThrow(
        RangeError,
      );
    });
  });

  describe('toDate: a figure to date against a cumulative target', () => {
    // October to December 2010: 30+40+50 assessments, 25+34+41 on time = 100 of 120 = 83.333…%.
    const records = [
      ...assessments(2010, 10, 25, 5),
      ...assessments(2010, 11, 34, 6),
      ...assessments(2010, 12, 41, 9),
    ];
    const toDecember = computeIndicator('NI59', records, '2010-10..2010-12');

    it('compares the first months of the period, marked provisional', () => {
      const comparison = compareToTarget(toDecember, ni59Cumulative, { toDate: true });
      // 83.333333333333333333 - 80 = 3.333333333333333333.
      expect(comparison.provisional).toBe(true);
      expect([comparison.status, comparison.gapDisplay, comparison.rag]).toEqual([
        'met',
        '+3.3 pts',
        'green',
      ]);
    });

    it('is not provisional over the whole period, and refuses a part that starts later', () => {
      const whole = computeIndicator('NI59', records, '2010-10..2011-03');
      expect(compareToTarget(whole, ni59Cumulative, { toDate: true }).provisional).toBe(false);
      const fromNovember = computeIndicator('NI59', records, '2010-11..2010-12');
      expect(() => compareToTarget(fromNovember, ni59Cumulative, { toDate: true })).toThrow(
        'expected a result over the target period or its first part',
      );
    });

    it('accepts for a percent-change target a baseline over the first part of the target baseline', () => {
      // April to September 2010: 6 closures; April to September 2009: 5. +20% against +10: met, provisional.
      const records = [...cafsClosed('B', 2009, 5), ...cafsClosed('C', 2010, 6)];
      const result = computeIndicator('CAF_CLOSED', records, '2010-04..2010-09', {
        baseline: '2009-04..2009-09',
      });
      const comparison = compareToTarget(result, targetOf(plan, 'CAF_CLOSED', 'FY2010'), { toDate: true });
      expect([comparison.status, comparison.gapDisplay, comparison.provisional]).toEqual([
        'met',
        '+10.0 pts',
        true,
      ]);
    });
  });

  it('law: met exactly when the gap is >= 0, and the RAG follows the gap and the tolerance', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 500 }),
        fc.integer({ min: 0, max: 500 }),
        fc.integer({ min: 0, max: 1000 }),
        fc.integer({ min: 0, max: 10 }),
        fc.boolean(),
        (denominator, onTimeSeed, targetTenths, tolerance, higher) => {
          const numerator = onTimeSeed % (denominator + 1);
          const value = ((numerator * 100) / denominator).toString();
          const indicator = higher ? 'NI59' : 'REPEAT_REFERRALS';
          const result = resultOf({ indicator, period: 'FY2010', numerator, denominator, value });
          const target: Target = {
            ...ni59October,
            indicator,
            period: 'FY2010',
            value: targetTenths / 10,
            polarity: higher ? 'higher-is-better' : 'lower-is-better',
          };
          const comparison = compareToTarget(result, target, { tolerance });
          const gap = comparison.gap;
          if (gap === null) return false;
          // The gap turns the difference so that positive is better.
          const difference = Number(value) - targetTenths / 10;
          const expectedGap = higher ? difference : -difference;
          const met = comparison.status === 'met';
          const rag = met ? 'green' : gap.gte(-tolerance) ? 'amber' : 'red';
          return (
            met === gap.gte(0) &&
            comparison.rag === rag &&
            Math.abs(gap.toNumber() - expectedGap) < 1e-9 &&
            (higher ? met === Number(value) >= targetTenths / 10 : met === Number(value) <= targetTenths / 10)
          );
        },
      ),
    );
  });
});
