import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCalendar } from '../../src/calendar/index.js';
import { computeIndicator, type IndicatorResult } from '../../src/indicators/index.js';
import { parsePeriod, splitIntoMonths } from '../../src/periods/index.js';
import { fromDayNumber, toDayNumber } from '../../src/util/dates.js';

const calendar = createCalendar();
const first = toDayNumber('2009-01-01');
const last = toDayNumber('2012-12-31');
const day = fc.integer({ min: first, max: last }).map(fromDayNumber);
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const team = maybe(fc.constantFrom('East', 'West', 'South'));

const initialAssessment = fc.record({
  id: fc.uuid(),
  childId: fc.string({ minLength: 1, maxLength: 4 }),
  referralDate: day,
  completedDate: maybe(day),
  team,
});
const conference = fc.record({
  id: fc.uuid(),
  childId: fc.constant('C'),
  conferenceDate: day,
  type: fc.constantFrom('initial' as const, 'review' as const),
  strategyDiscussionDate: maybe(day),
  s47StartDate: maybe(day),
  referralDate: maybe(day),
});
const caf = fc.record({ id: fc.uuid(), designatedDate: day, meetingDate: maybe(day) });
const period = fc.constantFrom('FY2010', '2010-10..2011-03', '2010-Q4', '2011-02-10..2011-05-20', 'AY2011');

/** Every record is in exactly one bucket, and the buckets add up. */
function checkBuckets(result: IndicatorResult, recordCount: number): void {
  const { counts } = result;
  const excluded = Object.values(counts.excluded).reduce((a, b) => a + b, 0);
  expect(counts.recordsRead).toBe(recordCount);
  expect(counts.inPopulation + counts.notInPeriod + excluded).toBe(recordCount);
  expect(counts.counted + counts.notCounted).toBe(counts.inPopulation);
  expect(result.outcomes).toHaveLength(recordCount);
  expect([result.numerator, result.denominator]).toEqual([counts.counted, counts.inPopulation]);
}

/**
 * The rule's two tallies agree: counting alone (no outcome per record) gives the counts, figure and warnings that
 * tallying the outcomes gives, for the same records, period and options.
 */
function checkTalliesAgree(compute: (outcomes: boolean) => IndicatorResult): void {
  const counted = compute(false);
  const withOutcomes = compute(true);
  expect(counted.outcomes).toBeUndefined();
  expect(counted.counts).toEqual(withOutcomes.counts);
  expect([counted.numerator, counted.denominator, counted.display]).toEqual([
    withOutcomes.numerator,
    withOutcomes.denominator,
    withOutcomes.display,
  ]);
  expect(counted.value?.toString()).toBe(withOutcomes.value?.toString());
  expect(counted.warnings).toEqual(withOutcomes.warnings);
}

/** The monthly numerators and denominators add up to the cumulative ones. */
function checkMonthsAddUp(
  compute: (p: ReturnType<typeof parsePeriod>) => IndicatorResult,
  spec: string,
): void {
  const whole = parsePeriod(spec);
  const total = compute(whole);
  const months = splitIntoMonths(whole).map(compute);
  expect(months.reduce((sum, r) => sum + r.numerator, 0)).toBe(total.numerator);
  expect(months.reduce((sum, r) => sum + r.denominator, 0)).toBe(total.denominator);
}

describe('timeliness indicators on random records', () => {
  const convention = fc.constantFrom('after-start' as const, 'inclusive' as const, 'end-exclusive' as const);

  it('NI59: months add up to the whole, and every record is in one bucket', () => {
    fc.assert(
      fc.property(
        fc.array(initialAssessment, { maxLength: 60 }),
        period,
        convention,
        (records, spec, conv) => {
          const options = { calendar, convention: conv, outcomes: true, rules: 'wt2010' as const };
          checkBuckets(computeIndicator('NI59', records, spec, options), records.length);
          checkMonthsAddUp((p) => computeIndicator('NI59', records, p, options), spec);
          checkTalliesAgree((outcomes) => computeIndicator('NI59', records, spec, { ...options, outcomes }));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('NI59: on time exactly when the days elapsed are within the timescale, never after the deadline on a working day', () => {
    fc.assert(
      fc.property(fc.array(initialAssessment, { maxLength: 40 }), convention, (records, conv) => {
        const result = computeIndicator('NI59', records, 'FY2010', {
          calendar,
          convention: conv,
          outcomes: true,
        });
        for (const outcome of result.outcomes ?? []) {
          if (outcome.bucket !== 'counted' && outcome.bucket !== 'not-counted') continue;
          const { startDate = '', eventDate = '', deadline = '' } = outcome;
          expect(outcome.days).toBe(calendar.workingDaysBetween(startDate, eventDate, conv));
          expect(outcome.onTime).toBe((outcome.days ?? Infinity) <= 7);
          if (calendar.isWorkingDay(eventDate)) expect(outcome.onTime).toBe(eventDate <= deadline);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('CPC15: months add up for every start event, and every record is in one bucket', () => {
    const startEvent = fc.constantFrom(
      'strategy-discussion' as const,
      's47-start' as const,
      'referral' as const,
    );
    fc.assert(
      fc.property(fc.array(conference, { maxLength: 60 }), period, startEvent, (records, spec, start) => {
        const options = { calendar, startEvent: start, outcomes: true };
        checkBuckets(computeIndicator('CPC15', records, spec, options), records.length);
        checkMonthsAddUp((p) => computeIndicator('CPC15', records, p, options), spec);
        checkTalliesAgree((outcomes) => computeIndicator('CPC15', records, spec, { ...options, outcomes }));
      }),
      { numRuns: 60 },
    );
  });

  it('CAF2W: months add up in calendar and working days, and every record is in one bucket', () => {
    const days = fc.constantFrom('calendar' as const, 'working' as const);
    fc.assert(
      fc.property(fc.array(caf, { maxLength: 60 }), period, days, (records, spec, d) => {
        const options = { calendar, days: d, outcomes: true };
        checkBuckets(computeIndicator('CAF2W', records, spec, options), records.length);
        checkMonthsAddUp((p) => computeIndicator('CAF2W', records, p, options), spec);
        checkTalliesAgree((outcomes) => computeIndicator('CAF2W', records, spec, { ...options, outcomes }));
      }),
      { numRuns: 60 },
    );
  });

  it('NI60: months add up, and every record is in one bucket', () => {
    const core = fc.record({
      id: fc.uuid(),
      childId: fc.constant('C'),
      startDate: day,
      completedDate: maybe(day),
    });
    fc.assert(
      fc.property(fc.array(core, { maxLength: 60 }), period, (records, spec) => {
        checkBuckets(computeIndicator('NI60', records, spec, { calendar, outcomes: true }), records.length);
        checkMonthsAddUp((p) => computeIndicator('NI60', records, p, { calendar }), spec);
        checkTalliesAgree((outcomes) => computeIndicator('NI60', records, spec, { calendar, outcomes }));
      }),
      { numRuns: 60 },
    );
  });

  it('ASSESS45: both tallies agree from the referral and from the assessment start', () => {
    const child = fc.constantFrom('A', 'B', 'C');
    const assessment = fc.record({
      id: fc.uuid(),
      childId: child,
      startDate: day,
      completedDate: maybe(day),
    });
    const referral = fc.record({ id: fc.uuid(), childId: child, referralDate: day });
    const from = fc.constantFrom('referral' as const, 'assessment-start' as const);
    fc.assert(
      fc.property(
        fc.array(assessment, { maxLength: 40 }),
        fc.array(referral, { maxLength: 40 }),
        period,
        from,
        (records, referrals, spec, start) => {
          const options = { calendar, from: start, referrals };
          checkBuckets(
            computeIndicator('ASSESS45', records, spec, { ...options, outcomes: true }),
            records.length,
          );
          checkTalliesAgree((outcomes) =>
            computeIndicator('ASSESS45', records, spec, { ...options, outcomes }),
          );
        },
      ),
      { numRuns: 60 },
    );
  });
});
