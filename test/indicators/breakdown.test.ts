import { describe, expect, it } from 'vitest';
import {
  computeBreakdown,
  computeIndicator,
  getIndicator,
  type IndicatorId,
  indicatorIds,
  NO_GROUP,
  type RecordOutcome,
  summariseOutcomes,
} from '../../src/indicators/index.js';
import { parsePeriod } from '../../src/periods/index.js';

// A small hand-made set of records of every kind an indicator groups by team, over October to December 2010.
// England and Wales holidays near it: none from October to 24 December; Christmas 2010 is Mon 27 and Tue 28 Dec
// (the substitute days), so they do not matter to the dates below. Teams East, West and none.
const period = parsePeriod('2010-10..2010-12');

const initialAssessments = [
  // Fri 1 Oct to Tue 5 Oct: 2 working days, on time (7).
  { id: 'IA1', childId: 'C1', referralDate: '2010-10-01', completedDate: '2010-10-05', team: 'East' },
  // Fri 1 Oct to Wed 20 Oct: 13 working days, late.
  { id: 'IA2', childId: 'C2', referralDate: '2010-10-01', completedDate: '2010-10-20', team: 'East' },
  // Not completed: excluded (not-completed).
  { id: 'IA3', childId: 'C3', referralDate: '2010-11-01', team: 'West' },
  // Completed in September: not in the period.
  { id: 'IA4', childId: 'C4', referralDate: '2010-09-01', completedDate: '2010-09-03', team: 'West' },
  // Completed before its referral: excluded (end-before-start).
  { id: 'IA5', childId: 'C5', referralDate: '2010-11-10', completedDate: '2010-11-08' },
  // Mon 6 Dec to Tue 14 Dec: 6 working days, on time.
  { id: 'IA6', childId: 'C6', referralDate: '2010-12-06', completedDate: '2010-12-14', team: 'West' },
  // Mon 1 Nov to Fri 12 Nov: 9 working days, late.
  { id: 'IA7', childId: 'C7', referralDate: '2010-11-01', completedDate: '2010-11-12' },
];

const coreAssessments = [
  { id: 'CA1', childId: 'C1', startDate: '2010-09-01', completedDate: '2010-10-05', team: 'East' },
  { id: 'CA2', childId: 'C2', startDate: '2010-08-01', completedDate: '2010-11-20', team: 'East' },
  { id: 'CA3', childId: 'C3', startDate: '2010-10-01', team: 'West' },
  { id: 'CA4', childId: 'C4', startDate: '2010-11-01', completedDate: '2010-11-30' },
  { id: 'CA5', childId: 'C5', startDate: '2010-12-01', completedDate: '2011-01-30', team: 'West' },
];

const conferences = [
  {
    id: 'CP1',
    childId: 'C1',
    conferenceDate: '2010-10-15',
    type: 'initial',
    strategyDiscussionDate: '2010-10-01',
    team: 'East',
  },
  {
    id: 'CP2',
    childId: 'C2',
    conferenceDate: '2010-11-30',
    type: 'initial',
    strategyDiscussionDate: '2010-10-01',
    team: 'West',
  },
  { id: 'CP3', childId: 'C3', conferenceDate: '2010-11-30', type: 'review', team: 'West' },
  { id: 'CP4', childId: 'C4', conferenceDate: '2010-12-01', type: 'initial' },
  {
    id: 'CP5',
    childId: 'C5',
    conferenceDate: '2010-12-10',
    type: 'initial',
    strategyDiscussionDate: '2010-12-01',
  },
];

const cafs = [
  {
    id: 'F1',
    designatedDate: '2010-10-01',
    meetingDate: '2010-10-10',
    closedDate: '2010-11-01',
    closureReason: 'needs-met',
  },
  {
    id: 'F2',
    designatedDate: '2010-10-01',
    meetingDate: '2010-10-30',
    closedDate: '2010-12-01',
    closureReason: 'escalated',
  },
  { id: 'F3', designatedDate: '2010-11-01' },
  {
    id: 'F4',
    designatedDate: '2010-09-01',
    meetingDate: '2010-09-05',
    closedDate: '2010-09-30',
    closureReason: 'needs-met',
  },
];

const referrals = [
  // C1 referred in March 2010 (before the period, the look-back's) and again in October: a repeat.
  { id: 'R0', childId: 'C1', referralDate: '2010-03-01', cafCompleted: true, team: 'West' },
  { id: 'R1', childId: 'C1', referralDate: '2010-10-04', cafCompleted: false, team: 'East' },
  { id: 'R2', childId: 'C2', referralDate: '2010-10-05', cafCompleted: true, team: 'East' },
  { id: 'R3', childId: 'C3', referralDate: '2010-11-01', team: 'West' },
  { id: 'R4', childId: 'C3', referralDate: '2010-12-01', cafCompleted: false },
  { id: 'R5', childId: 'C4', referralDate: '2010-12-02', cafCompleted: false, team: 'West' },
];

const assessments = [
  { id: 'A1', childId: 'C1', startDate: '2010-10-05', completedDate: '2010-11-01', team: 'East' },
  { id: 'A2', childId: 'C2', startDate: '2010-10-06', completedDate: '2010-12-31', team: 'East' },
  { id: 'A3', childId: 'C3', startDate: '2010-11-02', completedDate: '2010-11-20', team: 'West' },
  { id: 'A4', childId: 'C9', startDate: '2010-11-02', completedDate: '2010-11-20' },
  { id: 'A5', childId: 'C4', startDate: '2010-12-03' },
];

const plans = [
  { id: 'P0', childId: 'C1', startDate: '2008-01-01', endDate: '2008-06-01', team: 'East' },
  { id: 'P1', childId: 'C1', startDate: '2010-10-01', endDate: '2010-12-01', team: 'East' },
  { id: 'P2', childId: 'C2', startDate: '2008-10-01', endDate: '2010-11-01', team: 'West', previousPlans: 0 },
  { id: 'P3', childId: 'C3', startDate: '2010-11-01', team: 'West', previousPlans: 2 },
  { id: 'P4', childId: 'C4', startDate: '2010-12-01', endDate: '2010-11-01' },
];

const neet = [
  { personId: 'Y1', snapshotDate: '2010-11-30', dateOfBirth: '1993-05-01', status: 'NEET' },
  { personId: 'Y2', snapshotDate: '2010-11-30', dateOfBirth: '1993-05-01', status: 'EET' },
  { personId: 'Y3', snapshotDate: '2010-11-30', dateOfBirth: '1992-05-01', status: 'NOT_KNOWN' },
  { personId: 'Y4', snapshotDate: '2010-10-31', dateOfBirth: '1993-05-01', status: 'NEET' },
];

/** The records and options of each indicator that groups by summarising outcomes. */
const cases: Record<string, { records: readonly object[]; options?: object; lookBack?: true }> = {
  NI59: { records: initialAssessments },
  NI60: { records: coreAssessments },
  CPC15: { records: conferences },
  CAF2W: { records: cafs },
  CAF_CLOSED: { records: cafs },
  REF_NO_CAF: { records: referrals },
  REPEAT_REFERRALS: { records: referrals, lookBack: true },
  ASSESS45: { records: assessments, options: { referrals }, lookBack: true },
  CPP_2YEARS: { records: plans },
  CPP_REPEAT: { records: plans, lookBack: true },
  NI117: { records: neet },
  NEET_NOT_KNOWN: { records: neet },
};

/** The breakdown as it was made before outcomes were tallied as they came: every outcome kept, grouped, summarised. */
function keptOutcomesBreakdown(id: IndicatorId, records: readonly object[], options: object) {
  const total = computeIndicator(id, records as never, period, { ...options, outcomes: true } as never);
  const byTeam = new Map<string, RecordOutcome[]>();
  for (const outcome of total.outcomes ?? []) {
    const key = outcome.team ?? NO_GROUP;
    byTeam.set(key, [...(byTeam.get(key) ?? []), outcome]);
  }
  const definition = getIndicator(id);
  return [...byTeam.keys()]
    .sort((a, b) => (a === NO_GROUP ? 1 : b === NO_GROUP ? -1 : a.localeCompare(b, 'en')))
    .map((key) => ({
      key,
      result: summariseOutcomes(byTeam.get(key) ?? [], {
        definition,
        period,
        rule: total.rule,
        calendar: total.calendar,
        options: options as never,
      }),
    }));
}

/** The breakdown by team, as it is made now. */
const byTeam = (id: string, records: readonly object[], options: object) =>
  computeBreakdown(id as IndicatorId, records as never, period, 'team', options as never);

describe('computeBreakdown', () => {
  it('covers every indicator that groups by its outcomes', () => {
    const outcomeGrouped = indicatorIds.filter((id) => getIndicator(id).groupsBy !== 'recompute');
    expect(Object.keys(cases).sort()).toEqual([...outcomeGrouped].sort());
  });

  it('orders teams the collation holds equal by the names alone, not by the record first met', () => {
    // 'Ea\x7fst' and 'East' compare equal in English collation (a control character is ignored). Their order must
    // not follow the records' order: a breakdown from day columns meets its groups in another order (a team is
    // numbered as the CSV lane reads its row, even when the row is then rejected), and must give the same groups.
    const ia = (id: string, team: string) => ({
      id,
      childId: id,
      referralDate: '2010-10-01',
      completedDate: '2010-10-05',
      team,
    });
    const keysOf = (records: object[]) =>
      computeBreakdown('NI59', records as never, period, 'team').groups.map((group) => group.key);
    const expected = ['East', 'Ea\x7fst'];
    expect(keysOf([ia('A', 'East'), ia('B', 'Ea\x7fst')])).toEqual(expected);
    expect(keysOf([ia('A', 'Ea\x7fst'), ia('B', 'East')])).toEqual(expected);
  });

  it('gives NI59 by team the figures worked by hand', () => {
    const { groups } = computeBreakdown('NI59', initialAssessments as never, period, 'team');
    // East: IA1 on time (2 days), IA2 late (13): 1 of 2. West: IA6 on time (6 days), IA3 not completed, IA4 in
    // September: 1 of 1. None: IA7 late (9 days), IA5 completed before its referral: 0 of 1.
    expect(
      groups.map((g) => [g.key, g.result.numerator, g.result.denominator, g.result.counts.excluded]),
    ).toEqual([
      ['East', 1, 2, {}],
      ['West', 1, 1, { 'not-completed': 1 }],
      [NO_GROUP, 0, 1, { 'end-before-start': 1 }],
    ]);
  });

  it('refuses, naming the record and value, a team or worker that is not text, rather than grouping it', () => {
    // Records given directly are not checked by a reader: IA2's team written as the number 7 would have been sorted
    // and shown as a team called 7 (or failed deep in the sort); the breakdown refuses it by name instead.
    const numbered = initialAssessments.map((r) => (r.id === 'IA2' ? { ...r, team: 7 } : r));
    expect(() => computeBreakdown('NI59', numbered as never, period, 'team')).toThrow(
      new TypeError(
        'team: a breakdown groups records by their team written as text, but record "IA2" has 7 (a number); read the records with a reader, or give team as text',
      ),
    );
    // By worker, an object is shown as written. Blank (undefined or null) is the (none) group, as before.
    const objects = initialAssessments.map((r) => (r.id === 'IA1' ? { ...r, workerId: { w: 1 } } : r));
    expect(() => computeBreakdown('NI59', objects as never, period, 'workerId')).toThrow(
      /record "IA1" has \{"w":1\} \(a object\)/,
    );
    const blank = initialAssessments.map((r) => (r.id === 'IA1' ? { ...r, team: null } : r));
    expect(computeBreakdown('NI59', blank as never, period, 'team').groups.map((g) => g.key)).toEqual([
      'East',
      'West',
      NO_GROUP,
    ]);
  });

  for (const [id, { records, options = {}, lookBack }] of Object.entries(cases)) {
    it(`gives ${id} by team the groups that keeping every outcome gave, exactly`, () => {
      const { groups } = byTeam(id, records, options);
      expect(groups).toEqual(keptOutcomesBreakdown(id as IndicatorId, records, options));
      // The groups add up to the whole: every record in one group.
      const total = computeIndicator(id as IndicatorId, records as never, period, options as never);
      const sum = (pick: (counts: typeof total.counts) => number) =>
        groups.reduce((n, g) => n + pick(g.result.counts), 0);
      expect(sum((c) => c.recordsRead)).toBe(total.counts.recordsRead);
      expect(sum((c) => c.counted)).toBe(total.counts.counted);
      expect(sum((c) => c.inPopulation)).toBe(total.counts.inPopulation);
    });
    if (lookBack) continue;
    it(`gives ${id} by team what computing each team's records alone gives`, () => {
      const { groups } = byTeam(id, records, options);
      for (const group of groups) {
        const own = records.filter((r) => ((r as { team?: string }).team ?? NO_GROUP) === group.key);
        const alone = computeIndicator(id as IndicatorId, own as never, period, options as never);
        expect([group.key, group.result.numerator, group.result.denominator, group.result.display]).toEqual([
          group.key,
          alone.numerator,
          alone.denominator,
          alone.display,
        ]);
        // A group's counts have no per-count figures (NI117's snapshots): those belong to the whole, as before.
        const { snapshots: _snapshots, ...aloneCounts } = alone.counts;
        expect(group.result.counts).toEqual(aloneCounts);
      }
    });
  }

  it('hands each outcome to the caller once, in record order, and keeps none in the result', () => {
    const seen: string[] = [];
    const breakdown = computeBreakdown('NI59', initialAssessments as never, period, 'team', {
      onOutcome: (outcome) => seen.push(outcome.id),
    });
    expect(seen).toEqual(['IA1', 'IA2', 'IA3', 'IA4', 'IA5', 'IA6', 'IA7']);
    expect(breakdown.total.outcomes).toBeUndefined();
    expect(breakdown.groups.every((g) => g.result.outcomes === undefined)).toBe(true);
  });

  it("hands the caller the total's outcomes once by month too, not each month's again", () => {
    const seen: string[] = [];
    const { groups } = computeBreakdown('NI59', initialAssessments as never, period, 'month', {
      onOutcome: (outcome) => seen.push(outcome.id),
    });
    // Three months, and seven records each handed over once (in record order), by the total.
    expect(groups.map((g) => g.key)).toEqual(['2010-10', '2010-11', '2010-12']);
    expect(seen).toEqual(['IA1', 'IA2', 'IA3', 'IA4', 'IA5', 'IA6', 'IA7']);
  });

  it("keeps each group's outcomes when outcomes are asked for", () => {
    const { groups } = computeBreakdown('NI59', initialAssessments as never, period, 'team', {
      outcomes: true,
    });
    expect(groups.map((g) => [g.key, (g.result.outcomes ?? []).map((o) => o.id)])).toEqual([
      ['East', ['IA1', 'IA2']],
      ['West', ['IA3', 'IA4', 'IA6']],
      [NO_GROUP, ['IA5', 'IA7']],
    ]);
  });
});

describe('onOutcome', () => {
  for (const [id, { records, options = {} }] of Object.entries(cases)) {
    it(`gives ${id}'s outcomes to the sink, in record order, as outcomes: true keeps them`, () => {
      const seen: RecordOutcome[] = [];
      const streamed = computeIndicator(id as IndicatorId, records as never, period, {
        ...options,
        onOutcome: (outcome: RecordOutcome) => seen.push(outcome),
      } as never);
      const kept = computeIndicator(id as IndicatorId, records as never, period, {
        ...options,
        outcomes: true,
      } as never);
      expect(seen).toEqual(kept.outcomes);
      expect(seen).toHaveLength(records.length);
      // The same figure, and no outcomes held in the result.
      const { outcomes: _kept, ...figure } = kept;
      expect(streamed).toEqual(figure);
    });
  }
});
