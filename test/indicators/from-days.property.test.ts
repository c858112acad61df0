import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCalendar } from '../../src/calendar/index.js';
import { caf2wRule } from '../../src/indicators/caf2w.js';
import { dayCountOf } from '../../src/indicators/from-days.js';
import { type BreakdownKey, computeBreakdown, computeIndicator } from '../../src/indicators/index.js';
import { ni59Rule } from '../../src/indicators/ni59.js';
import { ni60Rule } from '../../src/indicators/ni60.js';
import { summariseTimelinessDays } from '../../src/indicators/timeliness.js';
import { parsePeriod } from '../../src/periods/index.js';
import { DayColumnStore } from '../../src/records/day-columns.js';
import { fromDayNumber, toDayNumber } from '../../src/util/dates.js';

// Dates from 2008 to 2013 (the calendar's bank holidays run 1990 to 2100), with the edges of the wt2010 rule
// (referrals from 2010-04-01 have 10 working days) and of the periods drawn.
const first = toDayNumber('2008-01-01');
const last = toDayNumber('2013-12-31');
const day = fc.oneof(
  fc.integer({ min: first, max: last }).map(fromDayNumber),
  fc.constantFrom('2010-03-31', '2010-04-01', '2011-03-31', '2011-04-01', '2010-12-24', '2010-12-29'),
);
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
/** An option mostly not given, so that the rule set's own timescale is what is tried most. */
const seldom = <T>(arb: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 3, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: arb });
/**
 * A start and its end: the end mostly a few days after the start (so near the timescale: 7 and 10 working days
 * are 9 to 16 calendar days), now and then before it or anywhere, now and then missing.
 */
const startAndEnd = fc
  .tuple(
    day,
    maybe(
      fc.oneof(
        { weight: 4, arbitrary: fc.integer({ min: -3, max: 20 }) },
        { weight: 1, arbitrary: fc.constant(Number.NaN) },
      ),
    ),
    day,
  )
  .map(([start, offset, anywhere]) => ({
    start,
    end:
      offset === undefined
        ? undefined
        : Number.isNaN(offset)
          ? anywhere
          : fromDayNumber(toDayNumber(start) + offset),
  }));
const period = fc.constantFrom(
  'FY2010',
  '2010-10',
  '2010-Q4',
  '2011-02-10..2011-05-20',
  'AY2011',
  '2010-04-01..2010-04-01',
);
const convention = fc.constantFrom('after-start' as const, 'inclusive' as const, 'end-exclusive' as const);
// A calendar of its own now and then (a day off on 2010-12-29), whose name and fingerprint the result carries.
const calendar = fc.constantFrom(
  createCalendar(),
  createCalendar({ closures: ['2010-12-29'], id: 'council' }),
);

/**
 * A record's team and worker: a few of each, now and then none, and now and then `(none)`, the label a breakdown
 * gives records without one (grouped with them).
 */
const who = fc.record({
  team: maybe(fc.constantFrom('East', 'West', 'east', 'Ösby', '(none)')),
  workerId: maybe(fc.constantFrom('W1', 'W2', 'W10', '(none)')),
});

/** Assessments (an id, a child, the start in `startField`, maybe a completion, a team, a worker) to draw. */
const assessments = (id: string, startField: string) =>
  fc.array(
    fc.tuple(startAndEnd, who).map(([{ start, end }, { team, workerId }]) => ({
      id,
      childId: 'C',
      [startField]: start,
      ...(end === undefined ? {} : { completedDate: end }),
      ...(team === undefined ? {} : { team }),
      ...(workerId === undefined ? {} : { workerId }),
    })),
    { maxLength: 60 },
  );

/** Each indicator's records (any mix of dates, the start missing now and then) and its options to draw from. */
const cases = {
  NI59: {
    records: assessments('IA', 'referralDate'),
    options: fc.record({
      rules: maybe(fc.constantFrom('ni2008' as const, 'wt2010' as const)),
      timescale: seldom(fc.integer({ min: 0, max: 20 })),
    }),
  },
  NI60: {
    records: assessments('CA', 'startDate'),
    options: fc.record({ timescale: seldom(fc.integer({ min: 0, max: 40 })) }),
  },
  CAF2W: {
    records: fc.array(
      startAndEnd.map(({ start, end }) => ({
        id: 'CAF',
        designatedDate: start,
        ...(end === undefined ? {} : { meetingDate: end }),
      })),
      { maxLength: 60 },
    ),
    options: fc.record({
      days: maybe(fc.constantFrom('calendar' as const, 'working' as const)),
      timescale: seldom(fc.integer({ min: 0, max: 20 })),
    }),
  },
} as const;

/** The options with the drawn ones left out where undefined (an option given as undefined is not given). */
function given(options: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined));
}

describe('dayCountOf', () => {
  for (const id of ['NI59', 'NI60', 'CAF2W'] as const) {
    it(`${id}: counted from its records' days gives exactly what computing it from the records gives`, () => {
      // The whole result (figure, value, display, counts with the excluded reasons in their order, rule, calendar,
      // warnings) must be the same, for any records, period, convention, calendar and options of the indicator.
      const count = dayCountOf(id);
      if (count === undefined) throw new Error(`${id} has no day count`);
      const { records, options } = cases[id];
      fc.assert(
        fc.property(
          records,
          options,
          period,
          convention,
          calendar,
          fc.nat({ max: 3 }),
          (drawn, own, spec, conv, cal, rowsRejected) => {
            const p = parsePeriod(spec);
            const computeOptions = { ...given(own), convention: conv, calendar: cal, rowsRejected };
            const store = new DayColumnStore(count.fields);
            drawn.forEach((record, index) => {
              store.pushRecord(record, index + 2);
            });
            const expected = computeIndicator(id, drawn as never, p, computeOptions as never);
            expect(count.compute(store, p, computeOptions)).toStrictEqual(expected);
          },
        ),
        { numRuns: 400 },
      );
    });
  }

  for (const id of ['NI59', 'NI60', 'CAF2W'] as const) {
    it(`${id}: broken down from its records' days gives exactly computeBreakdown's groups`, () => {
      // By month always; by team and by worker where the records have them (NI59, NI60). Every group's result,
      // their order, and the total must be those computeBreakdown gives from the records.
      const count = dayCountOf(id);
      if (count === undefined) throw new Error(`${id} has no day count`);
      const { records, options } = cases[id];
      const keys = ['month', ...count.groups] as BreakdownKey[];
      fc.assert(
        fc.property(
          records,
          options,
          period,
          convention,
          fc.constantFrom(...keys),
          fc.nat({ max: 3 }),
          (drawn, own, spec, conv, by, rowsRejected) => {
            const p = parsePeriod(spec);
            const computeOptions = { ...given(own), convention: conv, rowsRejected };
            const store = new DayColumnStore(count.fields, by === 'month' ? undefined : by);
            drawn.forEach((record, index) => {
              store.pushRecord(record, index + 2);
            });
            const expected = computeBreakdown(id, drawn as never, p, by, computeOptions as never);
            expect(count.breakdown(store, p, by, computeOptions)).toStrictEqual(expected);
          },
        ),
        { numRuns: 150 },
      );
    });
  }

  it('NI59 wt2010: gives a referral of 1 April 2010 ten working days and one of 31 March seven, from days', () => {
    // Referred Thu 2010-04-01, completed Fri 2010-04-16: Good Friday (2 April) and Easter Monday (5 April) are bank
    // holidays, so 6-9 and 12-16 April are 9 working days after the start: within 10, counted. Referred Wed
    // 2010-03-31, completed Thu 2010-04-15: 1, 6-9 and 12-15 April, 9 working days, over the 7 of a referral
    // before 2010-04-01: not counted. So 1 of 2 under wt2010; 0 of 2 under ni2008 (7 for both).
    const count = dayCountOf('NI59');
    const store = new DayColumnStore(['completedDate', 'referralDate']);
    store.pushRecord({ referralDate: '2010-04-01', completedDate: '2010-04-16' }, 2);
    store.pushRecord({ referralDate: '2010-03-31', completedDate: '2010-04-15' }, 2);
    const april = parsePeriod('2010-04');
    expect(count?.compute(store, april, { rules: 'wt2010' })).toMatchObject({ numerator: 1, denominator: 2 });
    expect(count?.compute(store, april, { rules: 'ni2008' })).toMatchObject({ numerator: 0, denominator: 2 });
  });

  it('keeps the fields its rule reads, whatever the options', () => {
    // Each count's fields are its rule's fromDays fields, the event date's then the start date's, under any
    // options (a count from a column not kept throws; one from a wrong column would be a wrong figure).
    const rules = { NI59: ni59Rule, NI60: ni60Rule, CAF2W: caf2wRule } as const;
    const optionSets = [{}, { rules: 'wt2010', timescale: 3 }, { days: 'working', timescale: 10 }];
    for (const [id, ruleOf] of Object.entries(rules)) {
      for (const options of optionSets) {
        const { fromDays } = ruleOf(parsePeriod('FY2010'), options as never);
        expect(dayCountOf(id)?.fields).toEqual([fromDays.eventField, fromDays.startField]);
      }
    }
  });

  it('is given only for indicators that read two dates of a record and nothing else', () => {
    expect(dayCountOf('NI59')?.fields).toEqual(['completedDate', 'referralDate']);
    // CPC15 leaves review conferences out (a field that is not a date); ASSESS45 looks up each child's referral.
    expect(dayCountOf('CPC15')).toBeUndefined();
    expect(dayCountOf('ASSESS45')).toBeUndefined();
    expect(dayCountOf('toString')).toBeUndefined();
  });

  it('refuses to make outcomes, which are made from records', () => {
    const count = dayCountOf('NI59');
    const store = new DayColumnStore(['completedDate', 'referralDate']);
    expect(() => count?.compute(store, parsePeriod('FY2010'), { outcomes: true })).toThrow(
      'day columns give counts only: outcomes are made from records',
    );
    expect(() =>
      summariseTimelinessDays(store, parsePeriod('FY2010'), {
        spec: {
          id: () => '',
          eventDate: () => undefined,
          startDate: () => undefined,
          exclude: () => 'review',
          missingEventReason: 'x',
          missingStartReason: 'y',
          timescale: () => 1,
          days: 'working',
          earlyIsOnTime: false,
        },
        fromDays: { eventField: 'completedDate', startField: 'referralDate', timescaleOfDay: () => 1 },
        calendar: createCalendar(),
        convention: 'after-start',
        context: {
          definition: { id: 'X', title: 'X', unit: 'percent', polarity: 'higher-is-better' },
          period: parsePeriod('FY2010'),
          rule: { timescale: '1', convention: 'after-start', from: 'a', to: 'b' },
          calendar: { id: 'c', fingerprint: 'f' },
          options: {},
        },
      }),
    ).toThrow('day columns hold dates only: this rule reads more of each record');
  });
});
