import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCalendar } from '../../src/calendar/index.js';
import {
  assess45,
  computeBreakdown,
  type IndicatorResult,
  ni59,
  type RecordOutcome,
} from '../../src/indicators/index.js';
import {
  NO_START,
  type StartLookup,
  type TimelinessSpec,
  timelinessCounts,
} from '../../src/indicators/timeliness.js';
import { parsePeriod } from '../../src/periods/index.js';
import { createKeyNumbering, numberChildIds } from '../../src/records/keys.js';
import type { AssessmentRecord, ReferralRecord } from '../../src/records/schemas.js';
import { fromDayNumber, toDayNumber } from '../../src/util/dates.js';

// Counting without outcomes, a spec with a start look-up (ASSESS45's) is counted in three passes (the records read,
// every start found in one loop, the rule applied in order) instead of the one pass of the rule with outcomes. These
// tests hold the three passes to the one pass: the same counts, the excluded reasons in the same order (an object's
// key order: the order each reason is first met), the same error at the same record.

const calendar = createCalendar();

/** The day of a date, NaN when it is missing or not a real date. */
function dayOf(text: string | undefined): number {
  try {
    return toDayNumber(text as string);
  } catch {
    return Number.NaN;
  }
}

/** The counts, or the message of what was thrown: two ways of counting agree on either. */
function outcomeOf(count: () => IndicatorResult | ReturnType<typeof timelinessCounts>): unknown {
  try {
    const result = count();
    const counts = 'counts' in result ? result.counts : result;
    return { counts, order: Object.keys(counts.excluded) };
  } catch (error) {
    return { threw: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
}

describe('timelinessCounts', () => {
  // A record of a made-up indicator: its event, an exclusion of its own, the key and day its start is found by, and
  // its own timescale (so that the reason of a late record changes from record to record).
  interface Made {
    readonly id: string;
    readonly event: string | undefined;
    readonly excludedAs: string | undefined;
    readonly key: number;
    readonly start: string | undefined;
    readonly timescale: number;
  }
  // The start a key and day give: the day itself less key % 7 days, none for keys that are multiples of 5 or -1.
  const startOf = (key: number, day: number): number | undefined =>
    key < 0 || key % 5 === 0 ? undefined : day - (key % 7);
  // Days around the period's edges (September to November 2010, the period being October), near the calendar's end
  // (deadlines past 2100-12-31 are outside its range), and dates that are not real, some of which sort inside the
  // period as text ('2010-10-32', '2010-10-1x').
  const realDay = fc.oneof(
    fc.integer({ min: toDayNumber('2010-09-20'), max: toDayNumber('2010-11-10') }).map(fromDayNumber),
    fc.constantFrom('2010-10-01', '2010-10-31', '2010-09-30', '2010-11-01'),
    fc.integer({ min: toDayNumber('2100-12-01'), max: toDayNumber('2100-12-31') }).map(fromDayNumber),
  );
  const notReal = fc.constantFrom(
    '2010-10-32',
    '2010-10-1x',
    '2010-02-30',
    '2010-13-01',
    'soon',
    '',
    '2010-10-5',
  );
  const date = fc.oneof(
    { weight: 8, arbitrary: realDay },
    { weight: 1, arbitrary: notReal },
    { weight: 1, arbitrary: fc.constant(undefined) },
  );
  const made = fc.record({
    id: fc.uuid(),
    event: date,
    excludedAs: fc.option(fc.constantFrom('review', 'transfer', '7'), { nil: undefined, freq: 8 }),
    key: fc.integer({ min: -1, max: 30 }),
    start: date,
    timescale: fc.integer({ min: 0, max: 60 }),
  });

  function specOf(days: 'working' | 'calendar', earlyIsOnTime: boolean): TimelinessSpec<Made> {
    const startDay = (record: Made): number | undefined => {
      const day = dayOf(record.start);
      return Number.isNaN(day) ? undefined : startOf(record.key, day);
    };
    return {
      id: (r) => r.id,
      eventDate: (r) => r.event,
      exclude: (r) => r.excludedAs,
      missingEventReason: 'no-event',
      startDate: (r) => {
        const day = startDay(r);
        return day === undefined ? undefined : fromDayNumber(day);
      },
      startDay,
      missingStartReason: 'no-start',
      timescale: (r) => r.timescale,
      days,
      earlyIsOnTime,
    };
  }
  const lookup: StartLookup<Made> = {
    day: (r) => dayOf(r.start),
    key: (r) => r.key,
    find(keys, days, count, starts) {
      for (let j = 0; j < count; j++) starts[j] = startOf(keys[j] as number, days[j] as number) ?? NO_START;
    },
  };

  it('counts with a start look-up as the one pass does: the same buckets, reasons in the same order, the same error', () => {
    fc.assert(
      fc.property(
        fc.array(made, { maxLength: 60 }),
        fc.constantFrom('working' as const, 'calendar' as const),
        fc.boolean(),
        fc.constantFrom('after-start' as const, 'inclusive' as const, 'end-exclusive' as const),
        (records, days, earlyIsOnTime, convention) => {
          const spec = specOf(days, earlyIsOnTime);
          const period = parsePeriod('2010-10');
          const onePass = outcomeOf(() => timelinessCounts(records, period, spec, calendar, convention));
          const byLookup = outcomeOf(() =>
            timelinessCounts(records, period, { ...spec, startLookup: lookup }, calendar, convention),
          );
          expect(byLookup).toEqual(onePass);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('names the same date that is not real, at the first record that reaches it', () => {
    // The first record's event sorts inside October as text but is not a date; it has a start (key 1, 1 October
    // less one day), so the rule reads its event date and throws, naming it, before the second is tallied.
    const records: Made[] = [
      { id: 'A', event: '2010-10-1x', excludedAs: undefined, key: 1, start: '2010-10-01', timescale: 5 },
      { id: 'B', event: '2010-10-32', excludedAs: undefined, key: 2, start: '2010-10-01', timescale: 5 },
    ];
    const spec = { ...specOf('working', false), startLookup: lookup };
    expect(() => timelinessCounts(records, parsePeriod('2010-10'), spec, calendar, 'after-start')).toThrow(
      'Expected a date written YYYY-MM-DD, got "2010-10-1x"',
    );
  });
});

describe('assess45', () => {
  // Children A to F have referrals; G and H only assessments. Referral days run from before the assessments'
  // starts to after them, several a child, some on the same day, some at the period's edges (FY2012: 1 April 2012
  // to 31 March 2013).
  const day = fc.oneof(
    fc.integer({ min: toDayNumber('2011-10-01'), max: toDayNumber('2013-06-30') }).map(fromDayNumber),
    fc.constantFrom('2012-04-01', '2013-03-31', '2012-03-31', '2013-04-01'),
  );
  const referral = fc.record({
    id: fc.uuid(),
    childId: fc.constantFrom('A', 'B', 'C', 'D', 'E', 'F'),
    referralDate: day,
  });
  // A start that is missing or not a date, for records given directly (the readers refuse them).
  const start = fc.oneof(
    { weight: 9, arbitrary: day },
    { weight: 1, arbitrary: fc.constantFrom('', '2012-02-30') },
  );
  const assessmentStarting = (startDate: fc.Arbitrary<string>) =>
    fc
      .record({
        id: fc.uuid(),
        childId: fc.constantFrom('A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'),
        startDate,
        completed: fc.option(fc.oneof(fc.integer({ min: 0, max: 120 }), fc.constantFrom(-3, -1)), {
          nil: undefined,
          freq: 6,
        }),
        completedAtEdge: fc.option(fc.constantFrom('2012-04-01', '2013-03-31', '2012-03-31', '2013-04-01'), {
          nil: undefined,
          freq: 5,
        }),
        team: fc.option(fc.constantFrom('East', 'West'), { nil: undefined }),
        workerId: fc.option(fc.constantFrom('W1', 'W2', 'W3'), { nil: undefined }),
      })
      .map(({ id, childId, startDate, completed, completedAtEdge, team, workerId }): AssessmentRecord => {
        const record: { -readonly [K in keyof AssessmentRecord]: AssessmentRecord[K] } = {
          id,
          childId,
          startDate,
        };
        const startDay = dayOf(startDate);
        if (completedAtEdge !== undefined) record.completedDate = completedAtEdge;
        else if (completed !== undefined && !Number.isNaN(startDay)) {
          record.completedDate = fromDayNumber(startDay + completed);
        }
        if (team !== undefined) record.team = team;
        if (workerId !== undefined) record.workerId = workerId;
        return record;
      });
  const assessment = assessmentStarting(start);
  const from = fc.constantFrom('referral' as const, 'assessment-start' as const);
  // Numbered in one table (the referrals first, or the assessments first), or not at all.
  const numbering = fc.constantFrom(
    'none' as const,
    'referrals-first' as const,
    'assessments-first' as const,
  );

  function inputs(
    records: AssessmentRecord[],
    refs: ReferralRecord[],
    how: 'none' | 'referrals-first' | 'assessments-first',
  ): { records: readonly AssessmentRecord[]; referrals: readonly ReferralRecord[] } {
    if (how === 'none') return { records, referrals: refs };
    const children = createKeyNumbering();
    if (how === 'referrals-first') {
      const referrals = numberChildIds(refs, children);
      return { records: numberChildIds(records, children), referrals };
    }
    const numbered = numberChildIds(records, children);
    return { records: numbered, referrals: numberChildIds(refs, children) };
  }

  /** The counts the outcomes give, tallied from them as a reader of the outcomes would. */
  function countsOfOutcomes(outcomes: readonly RecordOutcome[]): unknown {
    const excluded: Record<string, number> = {};
    let counted = 0;
    let notCounted = 0;
    let notInPeriod = 0;
    for (const outcome of outcomes) {
      if (outcome.bucket === 'counted') counted++;
      else if (outcome.bucket === 'not-counted') notCounted++;
      else if (outcome.bucket === 'not-in-period') notInPeriod++;
      else excluded[outcome.reason ?? 'excluded'] = (excluded[outcome.reason ?? 'excluded'] ?? 0) + 1;
    }
    return { counted, notCounted, notInPeriod, excluded, order: Object.keys(excluded) };
  }

  it('counts alone as it counts with outcomes, numbered or not, from either start, and by month', () => {
    fc.assert(
      fc.property(
        fc.array(assessment, { maxLength: 50 }),
        fc.array(referral, { maxLength: 40 }),
        from,
        numbering,
        fc.constantFrom('FY2012', '2012-10', '2013-Q1'),
        (records, refs, start, how, spec) => {
          const given = inputs(records, refs, how);
          const options = { calendar, referrals: given.referrals, from: start };
          const period = parsePeriod(spec);
          const alone = outcomeOf(() => assess45(given.records, period, options));
          const withOutcomes = outcomeOf(() =>
            assess45(given.records, period, { ...options, outcomes: true }),
          );
          expect(alone).toEqual(withOutcomes);
          // A start that is not a date, counting from the assessment's start, throws (records given directly).
          if ('threw' in (alone as object)) return;
          // The outcomes are the one pass's, record by record: their tally is the counts the three passes give.
          const outcomes = assess45(given.records, period, { ...options, outcomes: true }).outcomes ?? [];
          const counts = assess45(given.records, period, options).counts;
          expect(countsOfOutcomes(outcomes)).toEqual({
            counted: counts.counted,
            notCounted: counts.notCounted,
            notInPeriod: counts.notInPeriod,
            excluded: counts.excluded,
            order: Object.keys(counts.excluded),
          });
          // By month, each month is counted alone (the three passes); with outcomes, by the one pass.
          const byMonth = computeBreakdown('ASSESS45', given.records, period, 'month', options);
          const byMonthWithOutcomes = computeBreakdown('ASSESS45', given.records, period, 'month', {
            ...options,
            outcomes: true,
          });
          expect(byMonth.groups.map((g) => g.result.counts)).toEqual(
            byMonthWithOutcomes.groups.map((g) => g.result.counts),
          );
          expect(byMonth.total.counts).toEqual(byMonthWithOutcomes.total.counts);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('counts as unnumbered records when referrals or assessments were given another child after numbering', () => {
    // The referral index takes the referrals' numbers only when every referral's childId is still the one numbered
    // (checked in its pass over the referral dates); one changed, every child is numbered afresh.
    const change = fc.array(fc.tuple(fc.boolean(), fc.nat(), fc.constantFrom('A', 'G', 'Z')), {
      minLength: 1,
      maxLength: 3,
    });
    fc.assert(
      fc.property(
        fc.array(assessmentStarting(day), { maxLength: 50 }),
        fc.array(referral, { minLength: 1, maxLength: 40 }),
        fc.constantFrom('referrals-first' as const, 'assessments-first' as const),
        change,
        fc.boolean(),
        (records, refs, how, changes, outcomes) => {
          const given = inputs(records, refs, how);
          // Changed in place, after numbering: the numbered and plain arrays hold the same record objects.
          for (const [ofReferral, at, childId] of changes) {
            const list: { childId: string }[] = ofReferral ? refs : records;
            const record = list[at % Math.max(1, list.length)];
            if (record !== undefined) record.childId = childId;
          }
          const period = parsePeriod('FY2012');
          const numbered = assess45(given.records, period, {
            calendar,
            referrals: given.referrals,
            outcomes,
          });
          const plain = assess45([...records], period, { calendar, referrals: [...refs], outcomes });
          expect(numbered.counts).toEqual(plain.counts);
          expect(numbered.outcomes).toEqual(plain.outcomes);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('breaks down by team and worker to the groups the whole counted alone adds up to', () => {
    fc.assert(
      fc.property(
        fc.array(assessmentStarting(day), { maxLength: 50 }),
        fc.array(referral, { maxLength: 40 }),
        from,
        numbering,
        fc.constantFrom('team' as const, 'workerId' as const),
        (records, refs, start, how, by) => {
          const given = inputs(records, refs, how);
          const options = { calendar, referrals: given.referrals, from: start };
          const period = parsePeriod('FY2012');
          // The breakdown tallies each group from the outcomes (the one pass); the whole counted alone is the
          // three passes: the groups add up to it.
          const whole = assess45(given.records, period, options);
          const groups = computeBreakdown('ASSESS45', given.records, period, by, options).groups;
          const sum = (pick: (r: IndicatorResult) => number) =>
            groups.reduce((s, g) => s + pick(g.result), 0);
          expect([sum((r) => r.numerator), sum((r) => r.denominator)]).toEqual([
            whole.numerator,
            whole.denominator,
          ]);
          expect(sum((r) => r.counts.notInPeriod)).toBe(whole.counts.notInPeriod);
          for (const [reason, n] of Object.entries(whole.counts.excluded)) {
            expect(sum((r) => r.counts.excluded[reason] ?? 0)).toBe(n);
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('summariseTimeliness', () => {
  it('gives each late record the reason of its own timescale, as it changes from record to record', () => {
    // NI59 under wt2010: 10 working days for referrals from 1 April 2010, 7 before. The reason of a late record is
    // written once for each timescale in turn (not once per record), so it must follow the timescale's changes.
    // England and Wales 2010: Good Friday 2 Apr, Easter Monday 5 Apr, Early May bank holiday Mon 3 May.
    const records = [
      // From Tue 6 Apr: 7-9 (3), 12-16 (8), 19-23 (13), 26-30 Apr (18), 4-6 May (21): over 10.
      { id: 'IA1', childId: 'C1', referralDate: '2010-04-06', completedDate: '2010-05-06' },
      // From Mon 29 Mar: 30 Mar-1 Apr (3), 6-9 (7), 12-16 (12), 19-23 (17), 26-30 Apr (22): over 7.
      { id: 'IA2', childId: 'C2', referralDate: '2010-03-29', completedDate: '2010-04-30' },
      // From Wed 7 Apr: 8-9 (2), 12-16 (7), 19-23 (12), 26-30 Apr (17), 4-7 May (21): over 10.
      { id: 'IA3', childId: 'C3', referralDate: '2010-04-07', completedDate: '2010-05-07' },
    ];
    const result = ni59(records, parsePeriod('2010-04..2010-05'), {
      calendar,
      rules: 'wt2010',
      outcomes: true,
    });
    expect(result.outcomes?.map((o) => [o.id, o.days, o.reason])).toEqual([
      ['IA1', 21, 'over 10 working days'],
      ['IA2', 22, 'over 7 working days'],
      ['IA3', 21, 'over 10 working days'],
    ]);
  });
});
