import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCalendar } from '../../src/calendar/index.js';
import { computeIndicator } from '../../src/indicators/index.js';
import { parsePeriod } from '../../src/periods/index.js';
import { fromDayNumber, isIsoDate, toDayNumber } from '../../src/util/dates.js';

// The timeliness rule places a record in the period by its event date's day number when the date is real, and by
// comparing its text (as it always did) when it is not. These properties hold it to the text rule on records given
// directly (unchecked): real dates at and around the period's edges, dates that are not real whose text sorts inside
// or outside the period, and missing ones.
const calendar = createCalendar();
const periods = ['FY2010', '2010-10..2011-03', '2011-02-10..2011-05-20', '2010-12'];

/** A completedDate for a period: a real day within three of either edge, any real day nearby, a date that is not real, or none. */
function completedDate(spec: string): fc.Arbitrary<string | undefined> {
  const period = parsePeriod(spec);
  const start = toDayNumber(period.start);
  const end = toDayNumber(period.end);
  const near = (edge: number) => fc.integer({ min: edge - 3, max: edge + 3 }).map(fromDayNumber);
  return fc.oneof(
    near(start),
    near(end),
    fc.integer({ min: start - 400, max: end + 400 }).map(fromDayNumber),
    // Not real: some sort inside FY2010 as text (2010-13-01, 2010-06-31, 2011-02-29), some outside.
    fc.constantFrom(
      '2010-13-01',
      '2010-06-31',
      '2011-02-29',
      '2010-1-01',
      '2012-99-99',
      '2009-02-30',
      '29/04/2010',
    ),
    fc.constant(undefined),
  );
}

const initialAssessments = (spec: string) =>
  fc.array(
    fc.record({
      id: fc.uuid(),
      childId: fc.constantFrom('C1', 'C2'),
      referralDate: fc.option(fc.integer({ min: 14_600, max: 15_400 }).map(fromDayNumber), {
        nil: undefined,
      }),
      completedDate: completedDate(spec),
    }),
    { maxLength: 40 },
  );

describe('computeIndicator', () => {
  it('places each record in the period or out of it as comparing its event date’s text with the period’s does', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...periods).chain((spec) => fc.tuple(fc.constant(spec), initialAssessments(spec))),
        ([spec, records]) => {
          const period = parsePeriod(spec);
          const inByText = (date: string) => date >= period.start && date <= period.end;
          // A date that is not real, in the period by its text, of a record with a start: refused, naming it.
          const refused = records.find(
            (r) =>
              r.completedDate !== undefined &&
              !isIsoDate(r.completedDate) &&
              inByText(r.completedDate) &&
              r.referralDate !== undefined,
          );
          // Records given directly, unchecked: a referralDate may be missing, a completedDate not a real date.
          const compute = () =>
            computeIndicator('NI59', records as never, period, { calendar, outcomes: true });
          if (refused !== undefined) {
            expect(compute).toThrow(RangeError);
            return;
          }
          const result = compute();
          // Out of the period exactly when its text sorts outside; every other record is placed by the rest of the rule.
          const out = result.outcomes?.map((o) => o.bucket === 'not-in-period');
          expect(out).toEqual(
            records.map((r) => r.completedDate !== undefined && !inByText(r.completedDate)),
          );
          // Counting alone (no outcomes) takes the same path to the same counts.
          expect(computeIndicator('NI59', records as never, period, { calendar }).counts).toEqual(
            result.counts,
          );
        },
      ),
      { numRuns: 400 },
    );
  });

  it('counts a record completed on the period’s first or last day, and leaves out the days either side', () => {
    // FY2010 runs 2010-04-01 to 2011-03-31. Referred the day before each completion: one working day, on time.
    const records = [
      { id: 'A', childId: 'C1', referralDate: '2010-03-30', completedDate: '2010-03-31' },
      { id: 'B', childId: 'C1', referralDate: '2010-03-31', completedDate: '2010-04-01' },
      { id: 'C', childId: 'C1', referralDate: '2011-03-30', completedDate: '2011-03-31' },
      { id: 'D', childId: 'C1', referralDate: '2011-03-31', completedDate: '2011-04-01' },
    ];
    const result = computeIndicator('NI59', records, parsePeriod('FY2010'), { calendar, outcomes: true });
    expect(result.outcomes?.map((o) => `${o.id} ${o.bucket}`)).toEqual([
      'A not-in-period',
      'B counted',
      'C counted',
      'D not-in-period',
    ]);
    expect([result.numerator, result.denominator]).toEqual([2, 2]);
  });

  it('refuses a completedDate that is not a real date but sorts inside the period, naming it', () => {
    // '2010-06-31' sorts between 2010-04-01 and 2011-03-31 as text; June has 30 days.
    const records = [{ id: 'A', childId: 'C1', referralDate: '2010-06-01', completedDate: '2010-06-31' }];
    expect(() => computeIndicator('NI59', records, parsePeriod('FY2010'), { calendar })).toThrow(
      /2010-06-31/,
    );
  });
});
