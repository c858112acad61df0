import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCalendar } from '../../src/calendar/index.js';
import {
  computeBreakdown,
  computeIndicator,
  oneYearBefore,
  repeatReferrals,
} from '../../src/indicators/index.js';
import { contains, parsePeriod, splitIntoMonths } from '../../src/periods/index.js';
import type { ReferralRecord } from '../../src/records/schemas.js';
import { addDays, fromDayNumber, toDayNumber } from '../../src/util/dates.js';

// FY2010 = 2010-04-01..2011-03-31. Records are given out of date order on purpose.
const records: ReferralRecord[] = [
  // Child A: 2011-03-31 looks back to 2010-03-31; A1 (2010-04-01) is inside: A2 repeats A1.
  { id: 'A2', childId: 'A', referralDate: '2011-03-31', team: 'East' },
  { id: 'A1', childId: 'A', referralDate: '2010-04-01', team: 'East' },
  // A3 is after the period: not in it, and a later referral never makes an earlier one a repeat.
  { id: 'A3', childId: 'A', referralDate: '2011-04-01', team: 'East' },
  // Child B: B1 on 2010-03-31, exactly one year before B2 (2011-03-31): on the boundary, so a repeat.
  { id: 'B1', childId: 'B', referralDate: '2010-03-31', team: 'West' },
  { id: 'B2', childId: 'B', referralDate: '2011-03-31', team: 'West' },
  // Child C: C1 on 2010-03-30, one day outside B's look-back: C2 is not a repeat.
  { id: 'C2', childId: 'C', referralDate: '2011-03-31' },
  { id: 'C1', childId: 'C', referralDate: '2010-03-30' },
  // Child D: D1 before the period start, D2 inside: the look-back crosses the period start. 47 days apart
  // (15 Mar to 1 Apr is 17 days, to 1 May another 30).
  { id: 'D1', childId: 'D', referralDate: '2010-03-15' },
  { id: 'D2', childId: 'D', referralDate: '2010-05-01' },
  // Child E: two referrals on 1 June 2010 are not repeats of each other; E3 (1 Sep) repeats the later-listed, E2.
  { id: 'E1', childId: 'E', referralDate: '2010-06-01' },
  { id: 'E2', childId: 'E', referralDate: '2010-06-01' },
  { id: 'E3', childId: 'E', referralDate: '2010-09-01' },
  // Child X: one referral, on Christmas Eve 2010.
  { id: 'X1', childId: 'X', referralDate: '2010-12-24' },
];

const fy2010 = parsePeriod('FY2010');

describe('oneYearBefore', () => {
  it('gives the same day and month a year before, and 28 Feb for 29 Feb', () => {
    expect(oneYearBefore('2011-03-31')).toBe('2010-03-31');
    expect(oneYearBefore('2011-03-15')).toBe('2010-03-15');
    // 2011 has no 29 February.
    expect(oneYearBefore('2012-02-29')).toBe('2011-02-28');
    // 2012-02-28 and 2013-03-01 have namesakes.
    expect(oneYearBefore('2013-02-28')).toBe('2012-02-28');
    expect(oneYearBefore('2013-03-01')).toBe('2012-03-01');
  });

  it('is always 365 or 366 days before', () => {
    const day = fc.integer({ min: toDayNumber('1990-01-01'), max: toDayNumber('2100-12-31') });
    fc.assert(
      fc.property(day, (n) => {
        const gap = n - toDayNumber(oneYearBefore(fromDayNumber(n)));
        expect([365, 366]).toContain(gap);
      }),
    );
  });
});

describe('repeatReferrals', () => {
  it('gives 4 repeats of 9 referrals in FY2010: A2, B2, D2, E3 (44.4%)', () => {
    // In FY2010: A1, A2, B2, C2, D2, E1, E2, E3, X1 = 9. Repeats: A2, B2, D2, E3 = 4.
    const result = repeatReferrals(records, fy2010);
    expect([result.numerator, result.denominator]).toEqual([4, 9]);
    // 400 / 9 = 44.444…, 20 significant digits, the 21st (4) rounding down.
    expect(result.value?.toString()).toBe('44.444444444444444444');
    expect(result.display).toBe('44.4%');
    expect(result.polarity).toBe('lower-is-better');
  });

  it('accounts for every record', () => {
    expect(repeatReferrals(records, fy2010).counts).toEqual({
      recordsRead: 13,
      inPopulation: 9,
      counted: 4,
      notCounted: 5, // A1, C2, E1, E2, X1
      notInPeriod: 4, // A3 (April 2011), B1, C1, D1 (March 2010)
      excluded: {},
    });
  });

  it('names the earlier referral and its date in each repeat’s outcome', () => {
    const result = repeatReferrals(records, fy2010, { outcomes: true, rows: records.map((_, i) => i + 2) });
    const byId = new Map(result.outcomes?.map((o) => [o.id, o]));
    // A2: 2010-04-01 to 2011-03-31 is 364 days.
    expect(byId.get('A2')).toEqual({
      id: 'A2',
      row: 2,
      team: 'East',
      bucket: 'counted',
      reason: 'repeat of A1 on 2010-04-01',
      eventDate: '2011-03-31',
      startDate: '2010-04-01',
      days: 364,
    });
    // B2: exactly a year, 365 days (no 29 February between).
    expect(byId.get('B2')).toMatchObject({
      bucket: 'counted',
      reason: 'repeat of B1 on 2010-03-31',
      days: 365,
    });
    // C2: 366 days, one too many.
    expect(byId.get('C2')).toMatchObject({
      bucket: 'not-counted',
      reason: 'latest earlier referral C1 on 2010-03-30 is more than a year before',
      days: 366,
    });
    expect(byId.get('D2')).toMatchObject({
      bucket: 'counted',
      reason: 'repeat of D1 on 2010-03-15',
      days: 47,
    });
    // E1 and E2 share a date; E3 repeats E2, 92 days on (30 June, 31 July, 31 August).
    expect(byId.get('E1')).toMatchObject({ bucket: 'not-counted', reason: 'no earlier referral' });
    expect(byId.get('E2')).toMatchObject({ bucket: 'not-counted', reason: 'no earlier referral' });
    expect(byId.get('E3')).toMatchObject({
      bucket: 'counted',
      reason: 'repeat of E2 on 2010-06-01',
      days: 92,
    });
    expect(byId.get('A3')).toEqual({
      id: 'A3',
      row: 4,
      team: 'East',
      bucket: 'not-in-period',
      eventDate: '2011-04-01',
    });
    expect(result.outcomes).toHaveLength(records.length);
  });

  it('looks back before the period: D2 is a repeat only because D1 (March 2010) was given', () => {
    const withoutD1 = records.filter((r) => r.id !== 'D1');
    // 4 - 1 = 3 repeats, the population unchanged.
    expect(repeatReferrals(withoutD1, fy2010).numerator).toBe(3);
    expect(repeatReferrals(withoutD1, fy2010).denominator).toBe(9);
  });

  it('handles the leap day: 29 Feb 2012 looks back to 28 Feb 2011; 28 Feb 2013 to 28 Feb 2012', () => {
    const leap: ReferralRecord[] = [
      // 2011-02-28 to 2012-02-29: on the look-back's first day (2011-02-28), a repeat.
      { id: 'F1', childId: 'F', referralDate: '2011-02-28' },
      { id: 'F2', childId: 'F', referralDate: '2012-02-29' },
      // 2011-02-28 to 2012-03-01: the look-back starts 2011-03-01, not a repeat.
      { id: 'G1', childId: 'G', referralDate: '2011-02-28' },
      { id: 'G2', childId: 'G', referralDate: '2012-03-01' },
      // 2012-02-29 to 2013-02-28: the look-back starts 2012-02-28, a repeat (365 days).
      { id: 'H1', childId: 'H', referralDate: '2012-02-29' },
      { id: 'H2', childId: 'H', referralDate: '2013-02-28' },
      // 2012-02-29 to 2013-03-01: the look-back starts 2012-03-01, not a repeat (366 days).
      { id: 'J1', childId: 'J', referralDate: '2012-02-29' },
      { id: 'J2', childId: 'J', referralDate: '2013-03-01' },
    ];
    // February to March 2012: F2 (repeat), G2 (not), H1, J1 (first referrals): 1 of 4.
    const early = repeatReferrals(leap, parsePeriod('2012-02..2012-03'));
    expect([early.numerator, early.denominator]).toEqual([1, 4]);
    // February to March 2013: H2 (repeat), J2 (not): 1 of 2.
    const late = repeatReferrals(leap, parsePeriod('2013-02..2013-03'), { outcomes: true });
    expect([late.numerator, late.denominator]).toEqual([1, 2]);
    expect(late.outcomes?.find((o) => o.id === 'H2')).toMatchObject({ bucket: 'counted', days: 365 });
    expect(late.outcomes?.find((o) => o.id === 'J2')).toMatchObject({ bucket: 'not-counted', days: 366 });
  });

  it('is found in the registry and breaks down by month', () => {
    expect(computeIndicator('REPEAT_REFERRALS', records, 'FY2010').numerator).toBe(4);
    const { groups } = computeBreakdown('REPEAT_REFERRALS', records, 'FY2010', 'month');
    // April A1; May D2 (repeat); June E1, E2; September E3 (repeat); December X1; March A2, B2 (repeats), C2.
    expect(groups.map((g) => [g.key, g.result.numerator, g.result.denominator])).toEqual([
      ['2010-04', 0, 1],
      ['2010-05', 1, 1],
      ['2010-06', 0, 2],
      ['2010-07', 0, 0],
      ['2010-08', 0, 0],
      ['2010-09', 1, 1],
      ['2010-10', 0, 0],
      ['2010-11', 0, 0],
      ['2010-12', 0, 1],
      ['2011-01', 0, 0],
      ['2011-02', 0, 0],
      ['2011-03', 2, 3],
    ]);
  });

  it('runs in O(n log n): 100,000 referrals of one child, a day apart, each but the first a repeat', () => {
    // A pairwise scan would make 5 × 10^9 comparisons here; grouping and sorting takes well under a second.
    const many: ReferralRecord[] = Array.from({ length: 100_000 }, (_, i) => ({
      id: `M${i}`,
      childId: 'M',
      referralDate: addDays('2000-01-01', 99_999 - i), // newest first, so the sort matters
    }));
    const result = repeatReferrals(many, parsePeriod('2000-01-01..2299-12-31'));
    expect([result.numerator, result.denominator]).toEqual([99_999, 100_000]);
  });
});

/** The definition read literally, pair by pair: O(n²), for checking on small inputs. */
function naiveRepeats(referrals: readonly ReferralRecord[], start: string, end: string): [number, number] {
  // One year before, written independently: only 29 February has no namesake the year before.
  const yearBefore = (date: string) => {
    const [y, m, d] = date.split('-');
    return `${String(Number(y) - 1).padStart(4, '0')}-${m}-${m === '02' && d === '29' ? '28' : d}`;
  };
  let counted = 0;
  let population = 0;
  for (const referral of referrals) {
    if (referral.referralDate < start || referral.referralDate > end) continue;
    population++;
    const from = yearBefore(referral.referralDate);
    const repeat = referrals.some(
      (other) =>
        other.childId === referral.childId &&
        other.referralDate < referral.referralDate &&
        other.referralDate >= from,
    );
    if (repeat) counted++;
  }
  return [counted, population];
}

// Random referrals of a few children over 2010-2013 (two leap days' worth of February), many on the same dates.
const day = fc.integer({ min: toDayNumber('2010-01-01'), max: toDayNumber('2013-12-31') });
const referralArb = fc.array(fc.record({ child: fc.integer({ min: 0, max: 4 }), date: day }), {
  maxLength: 60,
});
const toReferrals = (raw: { child: number; date: number }[]) =>
  raw.map(
    (r, i): ReferralRecord => ({
      id: `R-${i}`,
      childId: `C-${r.child}`,
      referralDate: fromDayNumber(r.date),
    }),
  );
const periodArb = fc
  .tuple(day, fc.integer({ min: 0, max: 700 }))
  .map(([start, length]) => parsePeriod(`${fromDayNumber(start)}..${fromDayNumber(start + length)}`));

describe('repeatReferrals (properties)', () => {
  const calendar = createCalendar();

  it('agrees with the pairwise definition on random small inputs', () => {
    fc.assert(
      fc.property(referralArb, periodArb, (raw, period) => {
        const referrals = toReferrals(raw);
        const result = repeatReferrals(referrals, period, { calendar });
        expect([result.numerator, result.denominator]).toEqual(
          naiveRepeats(referrals, period.start, period.end),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('finds repeats on and around 29 February as the pairwise definition does', () => {
    // Dates within a week of the end of February, 2011 to 2013, so the leap day is often hit.
    const nearLeap = fc
      .tuple(fc.constantFrom(2011, 2012, 2013), fc.integer({ min: -7, max: 7 }))
      .map(([year, offset]) => toDayNumber(addDays(`${year}-03-01`, offset)));
    const arb = fc.array(fc.record({ child: fc.integer({ min: 0, max: 2 }), date: nearLeap }), {
      maxLength: 30,
    });
    fc.assert(
      fc.property(arb, (raw) => {
        const referrals = toReferrals(raw);
        const period = parsePeriod('2011-01..2013-12');
        const result = repeatReferrals(referrals, period, { calendar });
        expect([result.numerator, result.denominator]).toEqual(
          naiveRepeats(referrals, period.start, period.end),
        );
      }),
    );
  });

  it('adds up over the months of any period, and puts every record in exactly one bucket', () => {
    fc.assert(
      fc.property(referralArb, periodArb, (raw, period) => {
        const referrals = toReferrals(raw);
        const whole = repeatReferrals(referrals, period, { calendar, outcomes: true });
        const months = splitIntoMonths(period).map((month) =>
          repeatReferrals(referrals, month, { calendar }),
        );
        expect(months.reduce((sum, m) => sum + m.numerator, 0)).toBe(whole.numerator);
        expect(months.reduce((sum, m) => sum + m.denominator, 0)).toBe(whole.denominator);
        const { counts } = whole;
        const excluded = Object.values(counts.excluded).reduce((sum, n) => sum + n, 0);
        expect(counts.recordsRead).toBe(referrals.length);
        expect(counts.inPopulation + counts.notInPeriod + excluded).toBe(referrals.length);
        // Exactly the referrals dated in the period are in the population.
        expect(counts.inPopulation).toBe(referrals.filter((r) => contains(period, r.referralDate)).length);
        expect(whole.outcomes?.map((o) => o.id)).toEqual(referrals.map((r) => r.id));
      }),
    );
  });
});
