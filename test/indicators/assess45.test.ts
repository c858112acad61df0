import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCalendar } from '../../src/calendar/index.js';
import {
  assess45,
  computeBreakdown,
  computeIndicator,
  type IndicatorResult,
} from '../../src/indicators/index.js';
import { parsePeriod, splitIntoMonths } from '../../src/periods/index.js';
import { createKeyNumbering, numberChildIds } from '../../src/records/keys.js';
import type { AssessmentRecord, ReferralRecord } from '../../src/records/schemas.js';
import { fromDayNumber, toDayNumber } from '../../src/util/dates.js';

// England and Wales bank holidays met below: Christmas 2012 (Tue 25, Wed 26 Dec), New Year 2013 (Tue 1 Jan),
// Easter 2013 (Good Friday 29 Mar, Easter Monday 1 Apr), Early May 2013 (Mon 6 May); Easter 2012 (Good Friday
// 6 Apr, Easter Monday 9 Apr), Early May 2012 (Mon 7 May), the Diamond Jubilee (the Spring bank holiday moved to
// Mon 4 June, and Tue 5 June 2012). Counting `after-start`: the referral day is day 0.
const referrals: ReferralRecord[] = [
  // Child A: three referrals; the latest on or before A's start (Fri 21 Dec 2012) is R-A2 (Thu 20 Dec).
  { id: 'R-A3', childId: 'A', referralDate: '2013-01-10' },
  { id: 'R-A1', childId: 'A', referralDate: '2012-11-01' },
  { id: 'R-A2', childId: 'A', referralDate: '2012-12-20' },
  { id: 'R-B1', childId: 'B', referralDate: '2012-12-20' },
  { id: 'R-C1', childId: 'C', referralDate: '2013-02-28' },
  { id: 'R-D1', childId: 'D', referralDate: '2012-04-20' },
  { id: 'R-E1', childId: 'E', referralDate: '2012-02-29' },
  // Child G's only referral is the day after its assessment started.
  { id: 'R-G1', childId: 'G', referralDate: '2013-01-15' },
  // Child H's referral is on the assessment's start day: on or before, so it counts.
  { id: 'R-H1', childId: 'H', referralDate: '2013-01-07' },
  { id: 'R-J1', childId: 'J', referralDate: '2013-04-01' },
  { id: 'R-K1', childId: 'K', referralDate: '2012-09-03' },
];

const assessments: AssessmentRecord[] = [
  // From Thu 20 Dec 2012: 21 Dec (1), 24 (2), 27, 28, 31 Dec (5), 2-4 Jan (8), then five-day weeks 7 Jan to
  // 22 Feb (43), Mon 25 (44), Tue 26 Feb (45). On time at exactly 45; the deadline is 26 Feb.
  {
    id: 'AS-A',
    childId: 'A',
    startDate: '2012-12-21',
    completedDate: '2013-02-26',
    team: 'East',
    workerId: 'W1',
  },
  // The same referral day, completed a day later, Wed 27 Feb: 46, late.
  { id: 'AS-B', childId: 'B', startDate: '2012-12-21', completedDate: '2013-02-27', team: 'West' },
  // From Thu 28 Feb 2013: 1 Mar (1), 4-8 (6), 11-15 (11), 18-22 (16), 25-28 Mar (20), Good Friday, Easter Monday,
  // 2-5 Apr (24), 8-12 (29), 15-19 (34), 22-26 (39), 29 Apr-3 May (44), Early May bank holiday, Tue 7 May (45).
  { id: 'AS-C', childId: 'C', startDate: '2013-03-01', completedDate: '2013-05-07', team: 'East' },
  // From Fri 20 Apr 2012: 23-27 (5), 30 Apr-4 May (10), Early May bank holiday, 8-11 (14), 14-18 (19), 21-25 (24),
  // 28 May-1 Jun (29: Mon 28 May is a working day in 2012), Jubilee 4 and 5 Jun, 6-8 (32), 11-15 (37), 18-22 (42),
  // 25-27 (45): the deadline is Wed 27 Jun, and Thu 28 Jun is 46, late.
  { id: 'AS-D', childId: 'D', startDate: '2012-04-23', completedDate: '2012-06-28', team: 'West' },
  // From Wed 29 Feb 2012 (a leap day): 1-2 Mar (2), 5-9 (7), 12-16 (12), 19-23 (17), 26-30 (22), 2-5 Apr (26),
  // Good Friday and Easter Monday, 10-13 (30), 16-20 (35), 23-27 (40), 30 Apr-4 May (45): Fri 4 May, on time.
  { id: 'AS-E', childId: 'E', startDate: '2012-03-01', completedDate: '2012-05-04' },
  // Child F has no referral at all.
  { id: 'AS-F', childId: 'F', startDate: '2012-10-01', completedDate: '2012-10-12' },
  // Child G's referral (15 Jan) is after the start (14 Jan): none on or before it.
  { id: 'AS-G', childId: 'G', startDate: '2013-01-14', completedDate: '2013-01-25' },
  // From Mon 7 Jan 2013 to Thu 31 Jan: 8-11 (4), 14-18 (9), 21-25 (14), 28-31 (18).
  { id: 'AS-H', childId: 'H', startDate: '2013-01-07', completedDate: '2013-01-31' },
  // Still open.
  { id: 'AS-I', childId: 'A', startDate: '2013-04-02' },
  // Completed in June 2013, after the period.
  { id: 'AS-J', childId: 'J', startDate: '2013-04-02', completedDate: '2013-06-03' },
  // From Mon 3 Sep 2012 to Fri 30 Nov: 4-7 Sep (4), then 12 five-day weeks (60), no bank holiday: 64, late.
  { id: 'AS-K', childId: 'K', startDate: '2012-09-03', completedDate: '2012-11-30' },
];

// May 2012 to May 2013: every completion above but AS-J's.
const period = parsePeriod('2012-05..2013-05');

describe('assess45', () => {
  it('counts from the latest referral on or before the start: 4 of 7 (57.1%)', () => {
    // In the population: A, B, C, D, E, H, K (7). On time: A (45), C (45), E (45), H (18) = 4.
    const result = assess45(assessments, period, { referrals });
    expect([result.numerator, result.denominator]).toEqual([4, 7]);
    // 400 / 7 = 57.142857142857142857|1…, 20 significant digits.
    expect(result.value?.toString()).toBe('57.142857142857142857');
    expect(result.display).toBe('57.1%');
    expect(result.polarity).toBe('higher-is-better');
    expect(result.rule).toEqual({
      timescale: '45 working days',
      convention: 'after-start',
      from: 'referral',
      start: "the child's latest referralDate on or before the assessment's startDate",
      to: 'completedDate',
    });
  });

  it('accounts for every record: F and G have no referral, I is open, J is after the period', () => {
    expect(assess45(assessments, period, { referrals }).counts).toEqual({
      recordsRead: 11,
      inPopulation: 7,
      counted: 4,
      notCounted: 3, // B (46), D (46), K (64)
      notInPeriod: 1, // J
      excluded: { 'no-referral-found': 2, 'not-completed': 1 },
    });
  });

  it('gives each outcome the referral date it counted from, the days and the deadline', () => {
    const result = assess45(assessments, period, {
      referrals,
      outcomes: true,
      rows: assessments.map((_, i) => i + 2),
    });
    const byId = new Map(result.outcomes?.map((o) => [o.id, o]));
    // A counts from R-A2 (20 Dec), not R-A1 (1 Nov, earlier) nor R-A3 (10 Jan, after the start).
    expect(byId.get('AS-A')).toEqual({
      id: 'AS-A',
      row: 2,
      team: 'East',
      workerId: 'W1',
      bucket: 'counted',
      eventDate: '2013-02-26',
      startDate: '2012-12-20',
      days: 45,
      deadline: '2013-02-26',
      onTime: true,
    });
    expect(byId.get('AS-B')).toMatchObject({
      bucket: 'not-counted',
      reason: 'over 45 working days',
      startDate: '2012-12-20',
      days: 46,
      deadline: '2013-02-26',
      onTime: false,
    });
    expect(byId.get('AS-C')).toMatchObject({ bucket: 'counted', days: 45, deadline: '2013-05-07' });
    expect(byId.get('AS-D')).toMatchObject({ bucket: 'not-counted', days: 46, deadline: '2012-06-27' });
    expect(byId.get('AS-E')).toMatchObject({ bucket: 'counted', startDate: '2012-02-29', days: 45 });
    // H's referral is on its start day.
    expect(byId.get('AS-H')).toMatchObject({ bucket: 'counted', startDate: '2013-01-07', days: 18 });
    expect(byId.get('AS-F')).toMatchObject({ bucket: 'excluded', reason: 'no-referral-found' });
    expect(byId.get('AS-G')).toMatchObject({ bucket: 'excluded', reason: 'no-referral-found' });
    expect(byId.get('AS-I')).toEqual({ id: 'AS-I', row: 10, bucket: 'excluded', reason: 'not-completed' });
    expect(byId.get('AS-J')).toEqual({
      id: 'AS-J',
      row: 11,
      bucket: 'not-in-period',
      eventDate: '2013-06-03',
    });
    expect(result.outcomes).toHaveLength(assessments.length);
  });

  it('counts from the assessment start when asked: 8 of 9 (88.9%), no referrals needed', () => {
    // A: Fri 21 Dec to 26 Feb, 44. B: 45 (late from the referral, on time from the start). C: Fri 1 Mar to
    // 7 May, 44. D: Mon 23 Apr to Thu 28 Jun, 45. E: Thu 1 Mar to 4 May, 44. F: 1 to 12 Oct, 9. G: 14 to 25 Jan,
    // 9. H: 18. K: 64, late. F and G are in the population now.
    const result = assess45(assessments, period, { from: 'assessment-start', outcomes: true });
    expect([result.numerator, result.denominator, result.display]).toEqual([8, 9, '88.9%']);
    expect(result.rule.from).toBe('assessment-start');
    expect(result.rule.start).toBe('startDate');
    const byId = new Map(result.outcomes?.map((o) => [o.id, o]));
    expect(byId.get('AS-A')).toMatchObject({ startDate: '2012-12-21', days: 44 });
    expect(byId.get('AS-B')).toMatchObject({ bucket: 'counted', days: 45 });
    expect(byId.get('AS-D')).toMatchObject({ bucket: 'counted', days: 45, deadline: '2012-06-28' });
  });

  it('counts under another convention: NETWORKDAYS makes A 46, late', () => {
    // Inclusive: Thu 20 Dec is day 1, so A's 45 working days after it are 46.
    const result = assess45(assessments, period, { referrals, convention: 'inclusive', outcomes: true });
    expect(result.outcomes?.find((o) => o.id === 'AS-A')).toMatchObject({ days: 46, onTime: false });
  });

  it('takes another timescale', () => {
    // 18 working days: only H (18) is on time.
    expect(assess45(assessments, period, { referrals, timescale: 18 }).numerator).toBe(1);
  });

  it('throws a TypeError naming referrals when they are missing in referral mode', () => {
    expect(() => assess45(assessments, period)).toThrow(TypeError);
    expect(() => assess45(assessments, period)).toThrow(/^referrals: /);
    expect(() => assess45(assessments, period, { from: 'referral' })).toThrow(/from: 'assessment-start'/);
  });

  it('throws a RangeError for an unknown start, a bad timescale or a bad referral date', () => {
    expect(() => assess45(assessments, period, { from: 'start' as never })).toThrow(RangeError);
    expect(() => assess45(assessments, period, { referrals, timescale: 4.5 })).toThrow(/timescale/);
    const bad = [{ id: 'R', childId: 'A', referralDate: '2013-02-30' }];
    expect(() => assess45(assessments, period, { referrals: bad })).toThrow(/2013-02-30/);
  });

  it('is found in the registry and breaks down by team, the groups adding up', () => {
    const whole = computeIndicator('ASSESS45', assessments, period, { referrals });
    expect(whole.display).toBe('57.1%');
    const byTeam = computeBreakdown('ASSESS45', assessments, period, 'team', { referrals });
    // East: A (on time), C (on time). West: B, D (late). None: E, H on time, K late.
    expect(byTeam.groups.map((g) => [g.key, g.result.numerator, g.result.denominator])).toEqual([
      ['East', 2, 2],
      ['West', 0, 2],
      ['(none)', 2, 3],
    ]);
  });
});

describe('ASSESS45 on random records', () => {
  const calendar = createCalendar();
  const day = fc
    .integer({ min: toDayNumber('2011-10-01'), max: toDayNumber('2013-12-31') })
    .map(fromDayNumber);
  const child = fc.constantFrom('A', 'B', 'C', 'D', 'E', 'F');
  const referral = fc.record({ id: fc.uuid(), childId: child, referralDate: day });
  // The completion is the start plus 0 to 120 days, or open.
  const assessment = fc
    .record({
      id: fc.uuid(),
      childId: child,
      start: fc.integer({ min: toDayNumber('2011-10-01'), max: toDayNumber('2013-09-30') }),
      length: fc.option(fc.integer({ min: 0, max: 120 }), { nil: undefined }),
      team: fc.option(fc.constantFrom('East', 'West'), { nil: undefined }),
    })
    .map(({ id, childId, start, length, team }): AssessmentRecord => {
      const record: { -readonly [K in keyof AssessmentRecord]: AssessmentRecord[K] } = {
        id,
        childId,
        startDate: fromDayNumber(start),
      };
      if (length !== undefined) record.completedDate = fromDayNumber(start + length);
      if (team !== undefined) record.team = team;
      return record;
    });
  const spec = fc.constantFrom('FY2012', '2012-10..2013-03', '2013-Q1', '2012-02-10..2012-06-20', 'AY2012');
  const from = fc.constantFrom('referral' as const, 'assessment-start' as const);

  function checkBuckets(result: IndicatorResult, recordCount: number): void {
    const { counts } = result;
    const excluded = Object.values(counts.excluded).reduce((a, b) => a + b, 0);
    expect(counts.recordsRead).toBe(recordCount);
    expect(counts.inPopulation + counts.notInPeriod + excluded).toBe(recordCount);
    expect(counts.counted + counts.notCounted).toBe(counts.inPopulation);
    expect(result.outcomes).toHaveLength(recordCount);
  }

  it('puts every record in one bucket, and the months add up to the whole', () => {
    fc.assert(
      fc.property(
        fc.array(assessment, { maxLength: 50 }),
        fc.array(referral, { maxLength: 30 }),
        spec,
        from,
        (records, refs, periodSpec, start) => {
          const options = { calendar, referrals: refs, from: start };
          const whole = parsePeriod(periodSpec);
          const total = assess45(records, whole, { ...options, outcomes: true });
          checkBuckets(total, records.length);
          const months = splitIntoMonths(whole).map((month) => assess45(records, month, options));
          expect(months.reduce((sum, r) => sum + r.numerator, 0)).toBe(total.numerator);
          expect(months.reduce((sum, r) => sum + r.denominator, 0)).toBe(total.denominator);
        },
      ),
      { numRuns: 80 },
    );
  });

  it('counts from the latest referral of the child on or before the start, as a scan of all of them finds', () => {
    fc.assert(
      fc.property(
        fc.array(assessment, { maxLength: 40 }),
        fc.array(referral, { maxLength: 40 }),
        (records, refs) => {
          const result = assess45(records, parsePeriod('2011-10..2013-12'), {
            calendar,
            referrals: refs,
            outcomes: true,
          });
          records.forEach((record, index) => {
            const outcome = result.outcomes?.[index];
            if (record.completedDate === undefined || outcome?.bucket === 'not-in-period') return;
            // The brute force: every referral of the child on or before the start, the latest.
            const latest = refs
              .filter((r) => r.childId === record.childId && r.referralDate <= record.startDate)
              .map((r) => r.referralDate)
              .sort()
              .at(-1);
            if (latest === undefined) expect(outcome?.reason).toBe('no-referral-found');
            else {
              expect(outcome?.startDate).toBe(latest);
              expect(outcome?.days).toBe(calendar.workingDaysBetween(latest, record.completedDate));
              expect(outcome?.bucket).toBe((outcome?.days ?? 0) <= 45 ? 'counted' : 'not-counted');
            }
          });
        },
      ),
      { numRuns: 80 },
    );
  });

  it('gives the outcomes of unnumbered records when the child ids were numbered in one table, in either order, some changed after', () => {
    // Numbered at read time, the referral index keeps each child's slice end and latest day side by side, for every
    // child of the shared table: children only the assessments have (G, H) have an empty slice, placed between the
    // others when the assessments are numbered first. A burst of 25 to 30 referrals of one child takes the sort
    // used for long slices. A childId changed after numbering is found afresh.
    const assessmentOfAnyChild = fc
      .tuple(assessment, fc.constantFrom('A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'))
      .map(([record, childId]): AssessmentRecord => ({ ...record, childId }));
    const burst = fc.option(
      fc.array(fc.record({ id: fc.uuid(), childId: fc.constant('B'), referralDate: day }), {
        minLength: 25,
        maxLength: 30,
      }),
      { nil: undefined },
    );
    fc.assert(
      fc.property(
        fc.array(assessmentOfAnyChild, { maxLength: 50 }),
        fc.array(referral, { maxLength: 40 }),
        burst,
        fc.boolean(),
        fc.array(fc.tuple(fc.nat(), fc.constantFrom('A', 'G', 'Z')), { maxLength: 3 }),
        (records, someRefs, burstRefs, assessmentsFirst, changes) => {
          const refs = [...someRefs, ...(burstRefs ?? [])];
          const children = createKeyNumbering();
          let numberedRecords: readonly AssessmentRecord[];
          let numberedRefs: readonly ReferralRecord[];
          if (assessmentsFirst) {
            numberedRecords = numberChildIds(records, children);
            numberedRefs = numberChildIds(refs, children);
          } else {
            numberedRefs = numberChildIds(refs, children);
            numberedRecords = numberChildIds(records, children);
          }
          // Changed after numbering, in place (the numbered and plain arrays hold the same record objects).
          for (const [at, childId] of changes) {
            const record = records[at % Math.max(1, records.length)];
            if (record !== undefined) (record as { childId: string }).childId = childId;
          }
          const period = parsePeriod('2011-10..2013-12');
          const numbered = assess45(numberedRecords, period, {
            calendar,
            referrals: numberedRefs,
            outcomes: true,
          });
          const plain = assess45([...records], period, { calendar, referrals: [...refs], outcomes: true });
          expect(numbered.outcomes).toEqual(plain.outcomes);
          expect(numbered.counts).toEqual(plain.counts);
        },
      ),
      { numRuns: 150 },
    );
  });
});
