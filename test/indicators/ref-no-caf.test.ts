import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCalendar } from '../../src/calendar/index.js';
import {
  compareWithBaseline,
  computeBreakdown,
  computeIndicator,
  refNoCaf,
} from '../../src/indicators/index.js';
import { parsePeriod, splitIntoMonths } from '../../src/periods/index.js';
import type { ReferralRecord } from '../../src/records/schemas.js';
import { fromDayNumber, toDayNumber } from '../../src/util/dates.js';

// FY2010 = 2010-04-01..2011-03-31; FY2009 = 2009-04-01..2010-03-31.
const records: ReferralRecord[] = [
  // FY2010, no CAF: counted.
  { id: 'R01', childId: 'C01', referralDate: '2010-04-01', cafCompleted: false, team: 'East' },
  // FY2010, no CAF (Christmas Eve): counted.
  { id: 'R02', childId: 'C02', referralDate: '2010-12-24', cafCompleted: false, team: 'West' },
  // FY2010, a CAF was completed: in the population, not counted.
  { id: 'R03', childId: 'C03', referralDate: '2010-10-11', cafCompleted: true, team: 'East' },
  // FY2010, CAF not recorded either way: excluded caf-unknown.
  { id: 'R04', childId: 'C04', referralDate: '2010-10-12', team: 'West' },
  // Last day of FY2010, no CAF: counted.
  { id: 'R05', childId: 'C05', referralDate: '2011-03-31', cafCompleted: false },
  // First day of FY2010 again, with a CAF: not counted.
  { id: 'R06', childId: 'C06', referralDate: '2010-04-01', cafCompleted: true },
  // FY2009 (its last day), no CAF.
  { id: 'R07', childId: 'C07', referralDate: '2010-03-31', cafCompleted: false },
  // FY2009, no CAF.
  { id: 'R08', childId: 'C08', referralDate: '2009-06-01', cafCompleted: false },
  // FY2009, with a CAF.
  { id: 'R09', childId: 'C09', referralDate: '2009-07-01', cafCompleted: true },
  // FY2011, no CAF: outside both.
  { id: 'R10', childId: 'C10', referralDate: '2011-04-01', cafCompleted: false },
];

const fy2010 = parsePeriod('FY2010');

describe('refNoCaf', () => {
  it('gives 3 of 5 referrals with no CAF in FY2010 (R04, unknown, left out): 60.0%', () => {
    // Population R01, R02, R03, R05, R06; no CAF: R01, R02, R05.
    const result = refNoCaf(records, fy2010);
    expect([result.numerator, result.denominator]).toEqual([3, 5]);
    expect(result.value?.toString()).toBe('60');
    expect(result.display).toBe('60.0%');
    expect(result.polarity).toBe('lower-is-better');
  });

  it('accounts for every record, unknown CAFs reported as caf-unknown', () => {
    expect(refNoCaf(records, fy2010).counts).toEqual({
      recordsRead: 10,
      inPopulation: 5,
      counted: 3,
      notCounted: 2, // R03, R06
      notInPeriod: 4, // R07, R08, R09 (FY2009), R10 (FY2011)
      excluded: { 'caf-unknown': 1 }, // R04
    });
  });

  it('counts an unknown CAF neither way: adding unknowns changes neither figure', () => {
    const more: ReferralRecord[] = [
      ...records,
      { id: 'R11', childId: 'C11', referralDate: '2010-05-05' },
      { id: 'R12', childId: 'C12', referralDate: '2010-05-06' },
    ];
    const result = refNoCaf(more, fy2010);
    expect([result.numerator, result.denominator]).toEqual([3, 5]);
    expect(result.counts.excluded).toEqual({ 'caf-unknown': 3 });
  });

  it('compares the number with no CAF with a baseline: 3 in FY2010 against 2 in FY2009 is +50.0%', () => {
    // FY2009: R07 and R08 without a CAF, R09 with one: 2 of 3 = 66.666…7%.
    const result = refNoCaf(records, fy2010, { baseline: 'FY2009' });
    expect(result.baseline?.numerator).toBe(2);
    expect(result.baseline?.denominator).toBe(3);
    expect(result.baseline?.value?.toString()).toBe('66.666666666666666667');
    // (3 - 2) / 2 × 100 = 50: the count rose although the share fell.
    expect(result.baseline?.change?.toString()).toBe('50');
    expect(result.baseline?.changeDisplay).toBe('+50.0%');
    expect(result.baseline?.compares).toBe('numerator');
    // The shares: (60 - 66.67) / 66.67 = -10%, which is why the comparison names what it compares.
    expect(compareWithBaseline(result, refNoCaf(records, parsePeriod('FY2009')), 'value').changeDisplay).toBe(
      '-10.0%',
    );
  });

  it('shows the plan’s -10%: 9 referrals without a CAF against 10 the year before', () => {
    // 10 in April 2009 (1st to 10th), 9 in April 2010 (1st to 9th), all without a CAF.
    const data: ReferralRecord[] = [
      ...Array.from({ length: 10 }, (_, i) => ({
        id: `OLD-${i}`,
        childId: `O${i}`,
        referralDate: `2009-04-${String(i + 1).padStart(2, '0')}`,
        cafCompleted: false,
      })),
      ...Array.from({ length: 9 }, (_, i) => ({
        id: `NEW-${i}`,
        childId: `N${i}`,
        referralDate: `2010-04-${String(i + 1).padStart(2, '0')}`,
        cafCompleted: false,
      })),
    ];
    const result = refNoCaf(data, fy2010, { baseline: 'FY2009' });
    // (9 - 10) / 10 × 100 = -10 exactly.
    expect(result.baseline?.change?.toString()).toBe('-10');
    expect(result.baseline?.changeDisplay).toBe('-10.0%');
  });

  it('gives change n/a against a baseline with no referrals without a CAF', () => {
    // FY2008 has no referrals at all: baseline 0 of 0, value null, change null.
    const result = refNoCaf(records, fy2010, { baseline: 'FY2008' });
    expect(result.baseline).toMatchObject({ numerator: 0, denominator: 0, value: null, change: null });
    expect(result.baseline?.changeDisplay).toBe('n/a');
  });

  it('explains each record with outcomes, with rows and teams', () => {
    const result = refNoCaf(records, fy2010, { outcomes: true, rows: records.map((_, i) => i + 2) });
    const byId = new Map(result.outcomes?.map((o) => [o.id, o]));
    expect(byId.get('R01')).toEqual({
      id: 'R01',
      row: 2,
      team: 'East',
      bucket: 'counted',
      eventDate: '2010-04-01',
    });
    expect(byId.get('R03')).toEqual({
      id: 'R03',
      row: 4,
      team: 'East',
      bucket: 'not-counted',
      reason: 'caf-completed',
      eventDate: '2010-10-11',
    });
    expect(byId.get('R04')).toMatchObject({ bucket: 'excluded', reason: 'caf-unknown', row: 5 });
    expect(byId.get('R10')).toMatchObject({ bucket: 'not-in-period', eventDate: '2011-04-01' });
  });

  it('counts the same with and without outcomes, fields in their order', () => {
    // Without outcomes the referrals are tallied as they are read, with no object per record: the counts, and the
    // order of the excluded reasons, must be those of the outcomes.
    const counted = refNoCaf(records, fy2010);
    const withOutcomes = refNoCaf(records, fy2010, { outcomes: true, rows: records.map((_, i) => i + 2) });
    expect(counted.counts).toEqual(withOutcomes.counts);
    expect([counted.numerator, counted.denominator]).toEqual([3, 5]);
    expect(counted.outcomes).toBeUndefined();
    // JSON output shows an outcome's fields in this order.
    const r03 = withOutcomes.outcomes?.find((o) => o.id === 'R03');
    expect(Object.keys(r03 ?? {})).toEqual(['id', 'bucket', 'eventDate', 'row', 'team', 'reason']);
  });

  it('is found in the registry and breaks down by team', () => {
    expect(computeIndicator('REF_NO_CAF', records, 'FY2010').display).toBe('60.0%');
    const { groups } = computeBreakdown('REF_NO_CAF', records, 'FY2010', 'team');
    // East: R01 counted, R03 not. West: R02 counted (R04 unknown). None: R05 counted, R06 not, and the rest out.
    expect(groups.map((g) => [g.key, g.result.numerator, g.result.denominator])).toEqual([
      ['East', 1, 2],
      ['West', 1, 1],
      ['(none)', 1, 2],
    ]);
  });
});

// Random referrals over 2009-2011: CAF true, false or unknown.
const day = fc.integer({ min: toDayNumber('2009-01-01'), max: toDayNumber('2011-12-31') });
const referralArb = fc.array(fc.record({ date: day, caf: fc.constantFrom(true, false, undefined) }), {
  maxLength: 60,
});
const toReferrals = (raw: { date: number; caf: boolean | undefined }[]) =>
  raw.map(
    (r, i): ReferralRecord => ({
      id: `R-${i}`,
      childId: `C-${i % 7}`,
      referralDate: fromDayNumber(r.date),
      ...(r.caf === undefined ? {} : { cafCompleted: r.caf }),
    }),
  );
const periodArb = fc
  .tuple(day, fc.integer({ min: 0, max: 500 }))
  .map(([start, length]) => parsePeriod(`${fromDayNumber(start)}..${fromDayNumber(start + length)}`));

describe('refNoCaf (properties)', () => {
  it('adds up over the months of any period, and puts every record in exactly one bucket', () => {
    const calendar = createCalendar();
    fc.assert(
      fc.property(referralArb, periodArb, (raw, period) => {
        const referrals = toReferrals(raw);
        const whole = refNoCaf(referrals, period, { calendar, outcomes: true });
        const months = splitIntoMonths(period).map((month) => refNoCaf(referrals, month, { calendar }));
        expect(months.reduce((sum, m) => sum + m.numerator, 0)).toBe(whole.numerator);
        expect(months.reduce((sum, m) => sum + m.denominator, 0)).toBe(whole.denominator);
        const { counts } = whole;
        const excluded = Object.values(counts.excluded).reduce((sum, n) => sum + n, 0);
        expect(counts.recordsRead).toBe(referrals.length);
        expect(counts.inPopulation + counts.notInPeriod + excluded).toBe(referrals.length);
        expect(whole.outcomes?.map((o) => o.id)).toEqual(referrals.map((r) => r.id));
      }),
    );
  });
});
