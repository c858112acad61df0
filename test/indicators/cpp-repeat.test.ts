import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCalendar } from '../../src/calendar/index.js';
import { computeBreakdown, computeIndicator, cppRepeat } from '../../src/indicators/index.js';
import { parsePeriod, splitIntoMonths } from '../../src/periods/index.js';
import type { CpPlanRecord } from '../../src/records/schemas.js';
import { fromDayNumber, toDayNumber } from '../../src/util/dates.js';

// FY2012 = 2012-04-01..2013-03-31. Records are given out of date order on purpose.
const plans: CpPlanRecord[] = [
  // Child A: A2 (June 2012) follows A1 (May 2010, before the period): a second plan, found in the records.
  { id: 'A2', childId: 'A', startDate: '2012-06-01', team: 'East' },
  { id: 'A1', childId: 'A', startDate: '2010-05-01', endDate: '2011-01-10', team: 'East' },
  // Child B: the export says 2 plans before (in another authority, or before the records kept).
  { id: 'B1', childId: 'B', startDate: '2012-07-02', previousPlans: 2, team: 'West' },
  // Child C: a first plan.
  { id: 'C1', childId: 'C', startDate: '2012-08-01', previousPlans: 0, team: 'West' },
  // Child D: two plans starting the same day are not earlier than each other; previousPlans blank.
  { id: 'D1', childId: 'D', startDate: '2012-09-03' },
  { id: 'D2', childId: 'D', startDate: '2012-09-03' },
  // Child E: E2 starts after the period, and a later plan never makes an earlier one a repeat.
  { id: 'E1', childId: 'E', startDate: '2012-12-03' },
  { id: 'E2', childId: 'E', startDate: '2013-04-02' },
  // Child F: F1 from the leap day 2012-02-29 (before the period); F2 on the period's last day, with previousPlans
  // 1 as well: both reasons.
  { id: 'F1', childId: 'F', startDate: '2012-02-29', endDate: '2012-10-31' },
  { id: 'F2', childId: 'F', startDate: '2013-03-31', previousPlans: 1 },
  // Child G: previousPlans 0, but the records hold an earlier plan (G0, 2009): counted, the records win.
  { id: 'G1', childId: 'G', startDate: '2012-04-01', previousPlans: 0 },
  { id: 'G0', childId: 'G', startDate: '2009-11-16', endDate: '2010-03-01' },
];

const fy2012 = parsePeriod('FY2012');

describe('cppRepeat', () => {
  it('counts 4 of 8 plans starting in FY2012 as second or subsequent (50.0%): A2, B1, F2, G1', () => {
    // Starting in the period: A2, B1, C1, D1, D2, E1, F2, G1 (8).
    const result = cppRepeat(plans, fy2012);
    expect([result.numerator, result.denominator, result.display]).toEqual([4, 8, '50.0%']);
    expect(result.polarity).toBe('lower-is-better');
    expect(result.unit).toBe('percent');
  });

  it('accounts for every plan', () => {
    expect(cppRepeat(plans, fy2012).counts).toEqual({
      recordsRead: 12,
      inPopulation: 8,
      counted: 4,
      notCounted: 4, // C1, D1, D2, E1
      notInPeriod: 4, // A1, E2, F1, G0
      excluded: {},
    });
  });

  it('says why each plan counts: previousPlans, the earlier plan, or both', () => {
    const result = cppRepeat(plans, fy2012, { outcomes: true, rows: plans.map((_, i) => i + 2) });
    const byId = new Map(result.outcomes?.map((o) => [o.id, o]));
    // A1 to A2: 2010-05-01 to 2011-05-01 (365), to 2012-05-01 (366: 29 Feb 2012), to 2012-06-01 (31) = 762 days.
    expect(byId.get('A2')).toEqual({
      id: 'A2',
      row: 2,
      team: 'East',
      bucket: 'counted',
      eventDate: '2012-06-01',
      startDate: '2010-05-01',
      days: 762,
      reason: 'earlier plan A1 from 2010-05-01',
    });
    expect(byId.get('B1')).toEqual({
      id: 'B1',
      row: 4,
      team: 'West',
      bucket: 'counted',
      eventDate: '2012-07-02',
      reason: 'previousPlans 2',
    });
    // F1 to F2: 2012-02-29 to 2013-02-28 (365), to 2013-03-31 (31) = 396 days.
    expect(byId.get('F2')).toMatchObject({
      bucket: 'counted',
      startDate: '2012-02-29',
      days: 396,
      reason: 'previousPlans 1; earlier plan F1 from 2012-02-29',
    });
    expect(byId.get('G1')).toMatchObject({ bucket: 'counted', reason: 'earlier plan G0 from 2009-11-16' });
    expect(byId.get('C1')).toMatchObject({
      bucket: 'not-counted',
      reason: 'no earlier plan; previousPlans 0',
    });
    expect(byId.get('D1')).toMatchObject({
      bucket: 'not-counted',
      reason: 'no earlier plan; previousPlans not given',
    });
    expect(byId.get('D2')).toMatchObject({ bucket: 'not-counted' });
    expect(byId.get('E1')).toMatchObject({ bucket: 'not-counted' });
    expect(byId.get('E2')).toEqual({ id: 'E2', row: 9, bucket: 'not-in-period', eventDate: '2013-04-02' });
    expect(result.outcomes).toHaveLength(plans.length);
  });

  it('looks back before the period: A2 counts only because A1 (2010) was given', () => {
    const withoutA1 = plans.filter((p) => p.id !== 'A1');
    // 4 - 1 = 3, the population unchanged.
    const result = cppRepeat(withoutA1, fy2012);
    expect([result.numerator, result.denominator]).toEqual([3, 8]);
  });

  it('excludes a plan given directly that ends before it starts, and does not count it as an earlier plan', () => {
    const records: CpPlanRecord[] = [
      { id: 'X1', childId: 'X', startDate: '2012-05-01', endDate: '2012-04-01' },
      { id: 'X2', childId: 'X', startDate: '2012-06-01' },
    ];
    const result = cppRepeat(records, fy2012);
    expect(result.counts.excluded).toEqual({ 'end-before-start': 1 });
    expect([result.numerator, result.denominator]).toEqual([0, 1]);
  });

  it('is found in the registry and breaks down by team', () => {
    expect(computeIndicator('CPP_REPEAT', plans, 'FY2012').display).toBe('50.0%');
    const byTeam = computeBreakdown('CPP_REPEAT', plans, 'FY2012', 'team');
    // East: A2 (counted). West: B1 (counted), C1. None: D1, D2, E1, F2 (counted), G1 (counted).
    expect(byTeam.groups.map((g) => [g.key, g.result.numerator, g.result.denominator])).toEqual([
      ['East', 1, 1],
      ['West', 1, 2],
      ['(none)', 2, 5],
    ]);
  });

  it('throws a RangeError naming a date that is not real', () => {
    expect(() => cppRepeat([{ id: 'Y', childId: 'Y', startDate: '2012-13-01' }], fy2012)).toThrow(RangeError);
  });
});

describe('CPP_REPEAT on random plans', () => {
  const calendar = createCalendar();
  const plan = fc
    .record({
      id: fc.uuid(),
      childId: fc.constantFrom('A', 'B', 'C', 'D'),
      start: fc.integer({ min: toDayNumber('2010-01-01'), max: toDayNumber('2014-06-30') }),
      previousPlans: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
    })
    .map(({ id, childId, start, previousPlans }): CpPlanRecord => {
      const startDate = fromDayNumber(start);
      return previousPlans === undefined
        ? { id, childId, startDate }
        : { id, childId, startDate, previousPlans };
    });
  const spec = fc.constantFrom('FY2012', 'FY2013', '2013-10..2014-03', '2012-02-10..2012-06-20', 'AY2012');

  it('puts every plan in one bucket, the months add up, and counts as a scan of all plans does', () => {
    fc.assert(
      fc.property(fc.array(plan, { maxLength: 60 }), spec, (records, periodSpec) => {
        const whole = parsePeriod(periodSpec);
        const total = cppRepeat(records, whole, { calendar, outcomes: true });
        const { counts } = total;
        const excluded = Object.values(counts.excluded).reduce((a, b) => a + b, 0);
        expect(counts.inPopulation + counts.notInPeriod + excluded).toBe(records.length);
        expect(counts.counted + counts.notCounted).toBe(counts.inPopulation);
        const months = splitIntoMonths(whole).map((month) => cppRepeat(records, month, { calendar }));
        expect(months.reduce((sum, r) => sum + r.numerator, 0)).toBe(total.numerator);
        expect(months.reduce((sum, r) => sum + r.denominator, 0)).toBe(total.denominator);
        // The brute force: previousPlans 1 or more, or any plan of the child starting strictly earlier.
        total.outcomes?.forEach((outcome, index) => {
          const record = records[index] as CpPlanRecord;
          if (outcome.bucket === 'not-in-period') return;
          const repeat =
            (record.previousPlans ?? 0) >= 1 ||
            records.some((r) => r.childId === record.childId && r.startDate < record.startDate);
          expect(outcome.bucket).toBe(repeat ? 'counted' : 'not-counted');
        });
      }),
      { numRuns: 100 },
    );
  });
});
