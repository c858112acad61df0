import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCalendar } from '../../src/calendar/index.js';
import {
  computeBreakdown,
  computeIndicator,
  cpp2Years,
  type IndicatorResult,
  twoYearsAfter,
} from '../../src/indicators/index.js';
import { parsePeriod, splitIntoMonths } from '../../src/periods/index.js';
import type { CpPlanRecord } from '../../src/records/schemas.js';
import { fromDayNumber, toDayNumber } from '../../src/util/dates.js';

// FY2013 = 2013-04-01..2014-03-31.
const plans: CpPlanRecord[] = [
  // From the leap day 2012-02-29, 2 years are reached on 2014-02-28 (2014 has no 29 February): 730 days, counted.
  { id: 'P1', childId: 'C1', startDate: '2012-02-29', endDate: '2014-02-28', team: 'East' },
  // A day short: 729 days, not counted.
  { id: 'P2', childId: 'C2', startDate: '2012-02-29', endDate: '2014-02-27', team: 'East' },
  // 2011-06-01 to 2013-06-01: exactly 2 years, counted (731 days: 29 Feb 2012 is between).
  { id: 'P3', childId: 'C3', startDate: '2011-06-01', endDate: '2013-06-01', team: 'West' },
  // 2011-06-01 to 2013-05-31: 730 days, yet a day short of 2 years: not counted.
  { id: 'P4', childId: 'C4', startDate: '2011-06-01', endDate: '2013-05-31', team: 'West' },
  // Six months: not counted.
  { id: 'P5', childId: 'C5', startDate: '2013-01-10', endDate: '2013-07-15' },
  // Ended on 2013-03-31, the day before the period: not in it.
  { id: 'P6', childId: 'C6', startDate: '2011-03-01', endDate: '2013-03-31' },
  // Open, from 2012-03-31: 2 years on 2014-03-31, the period's last day: open and lasted 2 years at the end.
  { id: 'P7', childId: 'C7', startDate: '2012-03-31' },
  // Open, from 2012-04-01: 2 years on 2014-04-01, a day after the period: open, not yet 2 years.
  { id: 'P8', childId: 'C8', startDate: '2012-04-01' },
  // Ends 2014-05-01, after the period: not in it, but open at its end, for over 3 years.
  { id: 'P9', childId: 'C9', startDate: '2011-01-01', endDate: '2014-05-01' },
  // Starts 2014-04-10, after the period: not open at its end.
  { id: 'P10', childId: 'C10', startDate: '2014-04-10' },
];

const fy2013 = parsePeriod('FY2013');

describe('twoYearsAfter', () => {
  it('gives the same day and month two years on, and 28 Feb for 29 Feb', () => {
    expect(twoYearsAfter('2011-06-01')).toBe('2013-06-01');
    // 2014 has no 29 February.
    expect(twoYearsAfter('2012-02-29')).toBe('2014-02-28');
    expect(twoYearsAfter('2012-02-28')).toBe('2014-02-28');
    // Two years from 1 March 2010 end on 1 March 2012, not on the leap day before it.
    expect(twoYearsAfter('2010-03-01')).toBe('2012-03-01');
    expect(twoYearsAfter('2010-02-28')).toBe('2012-02-28');
  });

  it('is always 730 or 731 days on', () => {
    const day = fc.integer({ min: toDayNumber('1990-01-01'), max: toDayNumber('2098-12-31') });
    fc.assert(
      fc.property(day, (n) => {
        expect([730, 731]).toContain(toDayNumber(twoYearsAfter(fromDayNumber(n))) - n);
      }),
    );
  });
});

describe('cpp2Years', () => {
  it('counts 2 of 5 plans ending in FY2013 as lasting 2 years (40.0%): P1 and P3', () => {
    // Ending in the period: P1, P2, P3, P4, P5 (5). Lasting 2 years: P1 (leap day to 28 Feb), P3 (exactly) = 2.
    const result = cpp2Years(plans, fy2013);
    expect([result.numerator, result.denominator, result.display]).toEqual([2, 5, '40.0%']);
    expect(result.value?.toString()).toBe('40');
    expect(result.polarity).toBe('lower-is-better');
    expect(result.unit).toBe('percent');
  });

  it('accounts for every plan', () => {
    expect(cpp2Years(plans, fy2013).counts).toEqual({
      recordsRead: 10,
      inPopulation: 5,
      counted: 2,
      notCounted: 3, // P2, P4, P5
      notInPeriod: 2, // P6 (ended March 2013), P9 (ends May 2014)
      excluded: { 'not-ended': 3 }, // P7, P8, P10
    });
  });

  it('reports the plans open at the period end, and those that had lasted 2 years by then', () => {
    // Open on 2014-03-31: P7 (2 years that very day), P8 (2 years on 1 April), P9 (ends in May, from 2011) = 3;
    // lasted 2 years: P7, P9 = 2. P10 starts after the end; P1-P6 ended by then.
    expect(cpp2Years(plans, fy2013).details.openAtPeriodEnd).toEqual({ open: 3, lastedTwoYears: 2 });
    // At the end of February 2014: P7 (2 years on 31 March: not yet), P8 (not yet), P9 (yes) = 3 open, 1 lasted.
    // P1 ended on the 28th itself, so it is not open at the end of that day.
    expect(cpp2Years(plans, parsePeriod('2014-02')).details.openAtPeriodEnd).toEqual({
      open: 3,
      lastedTwoYears: 1,
    });
  });

  it('names the day 2 years were reached in each outcome', () => {
    const result = cpp2Years(plans, fy2013, { outcomes: true, rows: plans.map((_, i) => i + 2) });
    const byId = new Map(result.outcomes?.map((o) => [o.id, o]));
    expect(byId.get('P1')).toEqual({
      id: 'P1',
      row: 2,
      team: 'East',
      bucket: 'counted',
      eventDate: '2014-02-28',
      startDate: '2012-02-29',
      days: 730,
      reason: 'lasted 2 years or more: 2 years on 2014-02-28',
    });
    expect(byId.get('P2')).toMatchObject({
      bucket: 'not-counted',
      days: 729,
      reason: 'under 2 years: 2 years would be 2014-02-28',
    });
    expect(byId.get('P3')).toMatchObject({ bucket: 'counted', days: 731 });
    expect(byId.get('P4')).toMatchObject({
      bucket: 'not-counted',
      days: 730,
      reason: 'under 2 years: 2 years would be 2013-06-01',
    });
    expect(byId.get('P6')).toEqual({ id: 'P6', row: 7, bucket: 'not-in-period', eventDate: '2013-03-31' });
    expect(byId.get('P7')).toEqual({ id: 'P7', row: 8, bucket: 'excluded', reason: 'not-ended' });
    expect(result.outcomes).toHaveLength(plans.length);
  });

  it('excludes a plan given directly that ends before it starts, from every figure', () => {
    const backwards = [{ id: 'X', childId: 'X', startDate: '2013-06-01', endDate: '2013-05-01' }];
    const result = cpp2Years(backwards, fy2013);
    expect(result.counts.excluded).toEqual({ 'end-before-start': 1 });
    expect(result.details.openAtPeriodEnd).toEqual({ open: 0, lastedTwoYears: 0 });
  });

  it('is found in the registry, and a month breakdown pools to the whole', () => {
    expect(computeIndicator('CPP_2YEARS', plans, 'FY2013').display).toBe('40.0%');
    const byMonth = computeBreakdown('CPP_2YEARS', plans, 'FY2013', 'month');
    // February 2014: P1 (counted) and P2; May 2013: P4; June 2013: P3 (counted); July 2013: P5.
    const feb = byMonth.groups.find((g) => g.key === '2014-02')?.result;
    expect([feb?.numerator, feb?.denominator]).toEqual([1, 2]);
    expect(byMonth.groups.reduce((sum, g) => sum + g.result.denominator, 0)).toBe(5);
  });

  it('throws a RangeError naming a date that is not real', () => {
    expect(() => cpp2Years([{ id: 'Y', childId: 'Y', startDate: '2013-02-29' }], fy2013)).toThrow(
      /startDate: .*2013-02-29.*plan "Y"/,
    );
  });
});

describe('CPP_2YEARS on random plans', () => {
  // One calendar for every run: the default one is built afresh by each call that is given none.
  const calendar = createCalendar();
  const plan = fc
    .record({
      id: fc.uuid(),
      childId: fc.constantFrom('A', 'B', 'C'),
      start: fc.integer({ min: toDayNumber('2010-01-01'), max: toDayNumber('2014-06-30') }),
      length: fc.option(fc.integer({ min: 0, max: 1200 }), { nil: undefined }),
    })
    .map(({ id, childId, start, length }): CpPlanRecord => {
      const startDate = fromDayNumber(start);
      return length === undefined
        ? { id, childId, startDate }
        : { id, childId, startDate, endDate: fromDayNumber(start + length) };
    });
  const spec = fc.constantFrom('FY2012', 'FY2013', '2013-10..2014-03', '2012-02-10..2012-06-20', 'AY2013');

  function checkBuckets(result: IndicatorResult, recordCount: number): void {
    const { counts } = result;
    const excluded = Object.values(counts.excluded).reduce((a, b) => a + b, 0);
    expect(counts.inPopulation + counts.notInPeriod + excluded).toBe(recordCount);
    expect(counts.counted + counts.notCounted).toBe(counts.inPopulation);
    expect(result.outcomes).toHaveLength(recordCount);
    expect(result.outcomes?.filter((o) => o.bucket === 'counted')).toHaveLength(counts.counted);
  }

  it('puts every plan in one bucket, the months add up, and counts exactly the plans of 2 years or more', () => {
    fc.assert(
      fc.property(fc.array(plan, { maxLength: 60 }), spec, (records, periodSpec) => {
        const whole = parsePeriod(periodSpec);
        const total = cpp2Years(records, whole, { calendar, outcomes: true });
        checkBuckets(total, records.length);
        const months = splitIntoMonths(whole).map((month) => cpp2Years(records, month, { calendar }));
        expect(months.reduce((sum, r) => sum + r.numerator, 0)).toBe(total.numerator);
        expect(months.reduce((sum, r) => sum + r.denominator, 0)).toBe(total.denominator);
        // The last month's open plans are the whole period's.
        expect(months.at(-1)?.details.openAtPeriodEnd).toEqual(total.details.openAtPeriodEnd);
        total.outcomes?.forEach((outcome, index) => {
          const record = records[index] as CpPlanRecord;
          if (outcome.bucket !== 'counted' && outcome.bucket !== 'not-counted') return;
          expect(outcome.bucket === 'counted').toBe(
            (record.endDate as string) >= twoYearsAfter(record.startDate),
          );
        });
      }),
      { numRuns: 100 },
    );
  });
});
