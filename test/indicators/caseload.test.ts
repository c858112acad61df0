import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCalendar } from '../../src/calendar/index.js';
import {
  caseload,
  computeBreakdown,
  computeIndicator,
  getIndicator,
  type IndicatorResult,
  NO_GROUP,
} from '../../src/indicators/index.js';
import { type Period, parsePeriod, splitIntoMonths } from '../../src/periods/index.js';
import type { AllocationRecord, WorkerRecord, WorkerRole } from '../../src/records/schemas.js';
import { fromDayNumber, type IsoDate, toDayNumber } from '../../src/util/dates.js';

const calendar = createCalendar();

/** A result as JSON gives it (exact values as strings), so that two results compare by their figures. */
const plain = (result: unknown): unknown => JSON.parse(JSON.stringify(result));

/** `n` allocations of one worker, the cases named `${label}-1` … `${label}-n`. */
function held(
  workerId: string,
  label: string,
  n: number,
  allocatedFrom: IsoDate,
  allocatedTo?: IsoDate,
): AllocationRecord[] {
  return Array.from({ length: n }, (_, i) => ({
    caseId: `${label}-${i + 1}`,
    workerId,
    allocatedFrom,
    ...(allocatedTo === undefined ? {} : { allocatedTo }),
  }));
}

// FY2010 = 2010-04-01..2011-03-31: the default snapshot is Thu 31 March 2011.
const workers: WorkerRecord[] = [
  { workerId: 'SW1', fte: 1, role: 'social-worker', team: 'East' },
  { workerId: 'SW2', fte: 0.8, role: 'social-worker', team: 'East' },
  { workerId: 'NQ1', fte: 1, role: 'newly-qualified', team: 'West' },
  { workerId: 'NQ2', fte: 0.5, role: 'newly-qualified', team: 'West' },
  { workerId: 'AP1', fte: 1, role: 'advanced-practitioner', team: 'West' },
  // An agency social worker without a team, starting on the snapshot date itself: in post.
  { workerId: 'AGY1', fte: 1, role: 'social-worker', startDate: '2011-03-31' },
  { workerId: 'TM1', fte: 1, role: 'team-manager', team: 'East' },
  { workerId: 'OT1', fte: 1, role: 'other', team: 'East' },
  // Left the day before the snapshot, still holding cases: not in post on 31 March.
  {
    workerId: 'LEFT',
    fte: 1,
    role: 'social-worker',
    team: 'East',
    startDate: '2008-09-01',
    endDate: '2011-03-30',
  },
  // Starts the day after the snapshot: not in post on 31 March.
  { workerId: 'NEW', fte: 1, role: 'social-worker', team: 'West', startDate: '2011-04-01' },
  // In post with a counted role but no open case on 31 March: outside the population.
  { workerId: 'IDLE', fte: 1, role: 'social-worker', team: 'West' },
];

const allocations: AllocationRecord[] = [
  // SW1: 23 open, 1 ending on the snapshot date (open: 24), 1 ending the day before (closed).
  ...held('SW1', 'SW1-A', 23, '2010-09-01'),
  ...held('SW1', 'SW1-B', 1, '2010-05-10', '2011-03-31'),
  ...held('SW1', 'SW1-C', 1, '2010-06-01', '2011-03-30'),
  ...held('SW2', 'SW2-A', 18, '2010-11-15'),
  ...held('NQ1', 'NQ1-A', 15, '2011-01-04'),
  ...held('NQ2', 'NQ2-A', 8, '2011-02-01'),
  // AP1: 19, and 1 allocated on the snapshot date itself (open): 20.
  ...held('AP1', 'AP1-A', 19, '2010-10-01'),
  ...held('AP1', 'AP1-B', 1, '2011-03-31'),
  ...held('AGY1', 'AGY1-A', 22, '2011-03-31'),
  ...held('TM1', 'TM1-A', 3, '2010-04-01'),
  ...held('OT1', 'OT1-A', 2, '2010-12-01'),
  ...held('LEFT', 'LEFT-A', 5, '2010-08-01'),
  // NEW: 1 allocated before the start date (open, worker not in post), 2 from the start date (not yet open).
  ...held('NEW', 'NEW-A', 1, '2011-03-28'),
  ...held('NEW', 'NEW-B', 2, '2011-04-01'),
  ...held('IDLE', 'IDLE-A', 1, '2010-10-01', '2011-03-30'),
  // A worker missing from the worker records: 1 open (unknown-worker), 1 closed in January (not open).
  ...held('GHOST', 'GHOST-A', 1, '2011-02-14'),
  ...held('GHOST', 'GHOST-B', 1, '2010-12-01', '2011-01-31'),
];
// 25 + 18 + 15 + 8 + 20 + 22 + 3 + 2 + 5 + 3 + 1 + 2 = 124 allocations.

const fy2010 = parsePeriod('FY2010');
const options = { workers, calendar };

describe('caseload', () => {
  it('counts open cases per FTE on 31 March 2011 (FY2010) by hand', () => {
    // Counted workers on 31 March: SW1 24 (1.0), SW2 18 (0.8), NQ1 15 (1.0), NQ2 8 (0.5), AP1 20 (1.0),
    // AGY1 22 (1.0). 107 cases over 5.3 FTE = 20.188679245283018868 (20 significant digits).
    const result = caseload(allocations, fy2010, options);
    expect(result.indicator).toBe('CASELOAD');
    expect(result.unit).toBe('cases-per-fte');
    expect(result.polarity).toBe('lower-is-better');
    expect(result.numerator).toBe(107);
    expect(result.denominator).toBe(5.3);
    expect(result.value?.toString()).toBe('20.188679245283018868');
    expect(result.display).toBe('20.2');
    expect(result.rule).toMatchObject({
      mode: 'snapshot',
      snapshots: '2011-03-31',
      roles: 'social-worker, newly-qualified, advanced-practitioner',
      threshold: 22,
    });
  });

  it('finds a worker by its workerId as given: a number matches the same number only, never its text', () => {
    // Records given directly are not checked: worker 7 (a number) holds the allocation whose workerId is 7, not the
    // one whose workerId is '7' (unknown-worker); 'W1' is found by its text, a second 'W1' being its first record's.
    const workers = [
      { workerId: 7, fte: 1, role: 'social-worker', team: 'East' },
      { workerId: 'W1', fte: 0.5, role: 'social-worker', team: 'East' },
      { workerId: 'W1', fte: 1, role: 'social-worker', team: 'West' },
    ];
    const given = [
      { caseId: 'C1', workerId: 7, allocatedFrom: '2011-01-10' },
      { caseId: 'C2', workerId: '7', allocatedFrom: '2011-01-10' },
      { caseId: 'C3', workerId: 'W1', allocatedFrom: '2011-01-10' },
      { caseId: 'C4', workerId: 'W1', allocatedFrom: '2011-01-10' },
    ];
    const result = caseload(given as never, fy2010, { calendar, workers: workers as never, outcomes: true });
    expect(result.outcomes?.map((o) => o.bucket)).toEqual(['counted', 'excluded', 'counted', 'counted']);
    expect(result.counts.excluded).toEqual({ 'unknown-worker': 1 });
    // 3 cases over worker 7's 1 FTE and W1's first record's 0.5.
    expect([result.numerator, result.denominator, result.display]).toEqual([3, 1.5, '2.0']);
  });

  it('tells apart two workers whose ids have one length and one hash', () => {
    // W1022789 and W1239192 hash alike (test/records/keys.test.ts): the workers' table finds each by its characters.
    // W1022789 (1 FTE) holds 3 open cases, W1239192 (0.5 FTE) 1; W1022783 (same length, not a worker) is unknown.
    const workers: WorkerRecord[] = [
      { workerId: 'W1022789', fte: 1, role: 'social-worker', team: 'East' },
      { workerId: 'W1239192', fte: 0.5, role: 'social-worker', team: 'East' },
    ];
    const given = [
      ...held('W1022789', 'A', 3, '2011-01-10'),
      ...held('W1239192', 'B', 1, '2011-01-10'),
      ...held('W1022783', 'C', 1, '2011-01-10'),
    ];
    const result = caseload(given, fy2010, { calendar, workers });
    expect(result.counts.excluded).toEqual({ 'unknown-worker': 1 });
    // 4 cases over 1.5 FTE; per worker 3/1 = 3 and 1/0.5 = 2, W1022789 heaviest.
    expect([result.numerator, result.denominator]).toEqual([4, 1.5]);
    expect(result.details.distribution.map((w) => [w.workerId, w.cases, w.perFte])).toEqual([
      ['W1022789', 3, '3'],
      ['W1239192', 1, '2'],
    ]);
  });

  it('puts every allocation in exactly one bucket, with its reason', () => {
    // Not open on 31 March: SW1-C (ended 30 March), NEW-B ×2 (from 1 April), IDLE-A (ended 30 March), GHOST-B: 5.
    // Role not counted: TM1 ×3, OT1 ×2 = 5. Worker not in post: LEFT ×5 (left 30 March), NEW-A (starts 1 April) = 6.
    // Unknown worker: GHOST-A. 107 + 5 + 5 + 6 + 1 = 124.
    const { counts } = caseload(allocations, fy2010, options);
    expect(counts).toMatchObject({
      recordsRead: 124,
      inPopulation: 107,
      counted: 107,
      notCounted: 0,
      notInPeriod: 5,
      excluded: { 'role-not-counted': 5, 'worker-not-in-post': 6, 'unknown-worker': 1 },
    });
    expect(counts.snapshots).toEqual([
      { date: '2011-03-31', allocations: 107, fte: 5.3, workers: 6, workersWithoutCases: 1 },
    ]);
  });

  it('gives each outcome its id, team, worker and source row', () => {
    const rows = allocations.map((_, i) => i + 2);
    const { outcomes = [] } = caseload(allocations, fy2010, { ...options, outcomes: true, rows });
    expect(outcomes).toHaveLength(124);
    const byId = new Map(outcomes.map((o) => [o.id, o]));
    expect(byId.get('SW1-B-1/SW1/2010-05-10')).toEqual({
      id: 'SW1-B-1/SW1/2010-05-10',
      row: 2 + 23,
      eventDate: '2010-05-10',
      team: 'East',
      workerId: 'SW1',
      bucket: 'counted',
    });
    expect(byId.get('SW1-C-1/SW1/2010-06-01')?.bucket).toBe('not-in-period');
    expect(byId.get('AP1-B-1/AP1/2011-03-31')?.bucket).toBe('counted');
    expect(byId.get('NEW-A-1/NEW/2011-03-28')).toMatchObject({
      bucket: 'excluded',
      reason: 'worker-not-in-post',
    });
    expect(byId.get('LEFT-A-5/LEFT/2010-08-01')).toMatchObject({
      bucket: 'excluded',
      reason: 'worker-not-in-post',
    });
    expect(byId.get('TM1-A-1/TM1/2010-04-01')).toMatchObject({
      bucket: 'excluded',
      reason: 'role-not-counted',
    });
    // An unknown worker has no team: the outcome carries the workerId alone.
    const ghost = byId.get('GHOST-A-1/GHOST/2011-02-14');
    expect(ghost).toMatchObject({ bucket: 'excluded', reason: 'unknown-worker', workerId: 'GHOST' });
    expect(ghost?.team).toBeUndefined();
    // A closed allocation of an unknown worker is not open: not in period comes first.
    expect(byId.get('GHOST-B-1/GHOST/2010-12-01')?.bucket).toBe('not-in-period');
  });

  it('takes the period end as the default snapshot', () => {
    const byDefault = caseload(allocations, fy2010, options);
    const explicit = caseload(allocations, fy2010, { ...options, snapshot: '2011-03-31' });
    expect(byDefault.details.snapshots).toEqual(['2011-03-31']);
    expect(plain(byDefault)).toEqual(plain(explicit));
  });

  it('takes another snapshot date of the period when asked', () => {
    // On Wed 30 March: LEFT is in post (endDate inclusive, 5 cases), SW1-C and IDLE-A are still open (SW1 25, IDLE 1);
    // AP1-B and AGY1's cases start on 31 March (AP1 19), and AGY1 is not yet in post. Counted: SW1 25 (1.0),
    // SW2 18 (0.8), NQ1 15 (1.0), NQ2 8 (0.5), AP1 19 (1.0), LEFT 5 (1.0), IDLE 1 (1.0): 91 over 6.3 FTE.
    const result = caseload(allocations, fy2010, { ...options, snapshot: '2011-03-30' });
    expect([result.numerator, result.denominator]).toEqual([91, 6.3]);
    expect(result.value?.toString()).toBe('14.444444444444444444');
    expect(result.display).toBe('14.4');
    expect(result.details.workersWithoutCases).toBe(0);
    expect(result.counts.excluded).toEqual({
      'role-not-counted': 5,
      'worker-not-in-post': 1,
      'unknown-worker': 1,
    });
  });

  it('gives the per-head figure: cases per worker, not per FTE', () => {
    // 107 cases over 6 workers = 17.833333333333333333.
    const { details } = caseload(allocations, fy2010, options);
    expect(details.perHead).toBe('17.833333333333333333');
    expect(details.perHeadDisplay).toBe('17.8');
  });

  it('gives the figures of each team, the team without a name last', () => {
    // East: SW1 24 + SW2 18 = 42 over 1.8 = 23.3…; West: NQ1 15 + NQ2 8 + AP1 20 = 43 over 2.5 = 17.2;
    // no team: AGY1 22 over 1.0. LEFT, TM1 and OT1 of East are not counted.
    const { details } = caseload(allocations, fy2010, options);
    expect(Object.keys(details.byTeam)).toEqual(['East', 'West', NO_GROUP]);
    expect(details.byTeam).toEqual({
      East: { allocations: 42, fte: 1.8, workers: 2, value: '23.333333333333333333', display: '23.3' },
      West: { allocations: 43, fte: 2.5, workers: 3, value: '17.2', display: '17.2' },
      '(none)': { allocations: 22, fte: 1, workers: 1, value: '22', display: '22.0' },
    });
  });

  it('lists the distribution heaviest first and the workers above the threshold', () => {
    // Per FTE: SW1 24, SW2 18 / 0.8 = 22.5, AGY1 22, AP1 20, NQ2 8 / 0.5 = 16, NQ1 15. Above 22 (strictly): SW1,
    // SW2; AGY1 at exactly 22 is not above.
    const { details } = caseload(allocations, fy2010, options);
    expect(details.distribution).toEqual([
      { workerId: 'SW1', team: 'East', role: 'social-worker', fte: 1, cases: 24, perFte: '24', snapshots: 1 },
      {
        workerId: 'SW2',
        team: 'East',
        role: 'social-worker',
        fte: 0.8,
        cases: 18,
        perFte: '22.5',
        snapshots: 1,
      },
      {
        workerId: 'AGY1',
        team: '(none)',
        role: 'social-worker',
        fte: 1,
        cases: 22,
        perFte: '22',
        snapshots: 1,
      },
      {
        workerId: 'AP1',
        team: 'West',
        role: 'advanced-practitioner',
        fte: 1,
        cases: 20,
        perFte: '20',
        snapshots: 1,
      },
      {
        workerId: 'NQ2',
        team: 'West',
        role: 'newly-qualified',
        fte: 0.5,
        cases: 8,
        perFte: '16',
        snapshots: 1,
      },
      {
        workerId: 'NQ1',
        team: 'West',
        role: 'newly-qualified',
        fte: 1,
        cases: 15,
        perFte: '15',
        snapshots: 1,
      },
    ]);
    expect(details.aboveThreshold).toEqual({ threshold: 22, workers: ['SW1', 'SW2'] });
    // Threshold 20 (the plan's 2011/12 target): AGY1 joins; AP1 at exactly 20 does not.
    expect(caseload(allocations, fy2010, { ...options, threshold: 20 }).details.aboveThreshold).toEqual({
      threshold: 20,
      workers: ['SW1', 'SW2', 'AGY1'],
    });
  });

  it('gives the newly qualified workers’ caseload on its own', () => {
    // NQ1 15 (1.0) + NQ2 8 (0.5) = 23 over 1.5 = 15.333333333333333333.
    const { details } = caseload(allocations, fy2010, options);
    expect(details.newlyQualified).toEqual({
      allocations: 23,
      fte: 1.5,
      workers: 2,
      value: '15.333333333333333333',
      display: '15.3',
    });
  });

  it('reports counted workers in post without a case, outside the population', () => {
    // IDLE's one case ended on 30 March; NEW and LEFT are not in post; TM1 and OT1 are not counted roles.
    const result = caseload(allocations, fy2010, options);
    expect(result.details.workersWithoutCases).toBe(1);
    expect(result.details.distribution.map((w) => w.workerId)).not.toContain('IDLE');
  });

  it('counts only the roles asked for', () => {
    // Social workers only: SW1 24, SW2 18, AGY1 22 = 64 over 2.8 = 22.857142857142857143. NQ1, NQ2 and AP1's 43 cases
    // join TM1's and OT1's 5 as role-not-counted.
    const result = caseload(allocations, fy2010, { ...options, roles: ['social-worker'] });
    expect([result.numerator, result.denominator]).toEqual([64, 2.8]);
    expect(result.value?.toString()).toBe('22.857142857142857143');
    expect(result.display).toBe('22.9');
    expect(result.counts.excluded['role-not-counted']).toBe(48);
    expect(result.details.newlyQualified).toEqual({
      allocations: 0,
      fte: 0,
      workers: 0,
      value: null,
      display: 'n/a',
    });
  });

  it('rounds the display under the named mode and keeps the value exact', () => {
    // 20.1886…: 2 places half-up 20.19; 1 place down 20.1; 0 places 20.
    expect(caseload(allocations, fy2010, { ...options, rounding: { decimalPlaces: 2 } }).display).toBe(
      '20.19',
    );
    const down = caseload(allocations, fy2010, { ...options, rounding: { mode: 'down' } });
    expect(down.display).toBe('20.1');
    expect(down.rounding).toEqual({ decimalPlaces: 1, mode: 'down', precision: 20 });
    expect(caseload(allocations, fy2010, { ...options, rounding: { decimalPlaces: 0 } }).display).toBe('20');
    expect(caseload(allocations, fy2010, { ...options, precision: 5 }).value?.toString()).toBe('20.189');
  });

  it('sums part-time FTE exactly (0.1 + 0.2 is 0.3)', () => {
    const few: WorkerRecord[] = [
      { workerId: 'A', fte: 0.1, role: 'social-worker' },
      { workerId: 'B', fte: 0.2, role: 'social-worker' },
    ];
    const cases = [...held('A', 'A', 1, '2011-01-01'), ...held('B', 'B', 2, '2011-01-01')];
    const result = caseload(cases, parsePeriod('2011-03'), { workers: few, calendar });
    // 3 cases over 0.3 FTE = 10 exactly.
    expect(result.denominator).toBe(0.3);
    expect(result.value?.toString()).toBe('10');
  });

  it('has no value when no one is counted', () => {
    const result = caseload([], fy2010, options);
    expect([result.numerator, result.denominator, result.value, result.display]).toEqual([0, 0, null, 'n/a']);
    expect(result.details.perHead).toBeNull();
    expect(result.details.perHeadDisplay).toBe('n/a');
    // SW1 … AGY1 and IDLE are in post with counted roles: 7 workers without a case.
    expect(result.details.workersWithoutCases).toBe(7);
  });

  it('is found in the registry and by computeIndicator with a period string', () => {
    expect(getIndicator('caseload').id).toBe('CASELOAD');
    const viaRegistry = computeIndicator('CASELOAD', allocations, 'FY2010', options);
    expect(plain(viaRegistry)).toEqual(plain(caseload(allocations, fy2010, options)));
  });

  it('refuses options it cannot use, naming them', () => {
    expect(() => caseload(allocations, fy2010)).toThrow(TypeError);
    expect(() => caseload(allocations, fy2010)).toThrow(/workers/);
    expect(() => caseload(allocations, fy2010, { ...options, snapshot: '2011-04-01' })).toThrow(
      /snapshot: expected a date .* from 2010-04-01 to 2011-03-31/,
    );
    expect(() => caseload(allocations, fy2010, { ...options, snapshot: '31/03/2011' })).toThrow(RangeError);
    expect(() =>
      caseload(allocations, fy2010, { ...options, mode: 'month-end-mean', snapshot: '2011-03-31' }),
    ).toThrow(/snapshot: .*mode 'snapshot' only/);
    expect(() => caseload(allocations, fy2010, { ...options, mode: 'mean' as 'snapshot' })).toThrow(
      /mode: expected one of snapshot, month-end-mean/,
    );
    expect(() => caseload(allocations, fy2010, { ...options, roles: [] })).toThrow(/roles/);
    expect(() => caseload(allocations, fy2010, { ...options, roles: ['manager' as WorkerRole] })).toThrow(
      /roles: expected each of/,
    );
    expect(() => caseload(allocations, fy2010, { ...options, threshold: -1 })).toThrow(/threshold/);
    expect(() =>
      caseload(allocations, fy2010, { workers: [{ workerId: 'Z', fte: -1, role: 'social-worker' }] }),
    ).toThrow(/fte/);
  });
});

// Month-end mean over January to March 2011: snapshots Mon 31 Jan, Mon 28 Feb, Thu 31 Mar.
const meanWorkers: WorkerRecord[] = [
  { workerId: 'A', fte: 1, role: 'social-worker', team: 'East' },
  // Joins on 1 February: not in post on 31 January.
  { workerId: 'B', fte: 0.5, role: 'newly-qualified', team: 'West', startDate: '2011-02-01' },
  // Leaves on 28 February: in post on 28 February, not on 31 March.
  { workerId: 'C', fte: 0.8, role: 'social-worker', team: 'East', endDate: '2011-02-28' },
  { workerId: 'D', fte: 1, role: 'social-worker', team: 'West' },
  { workerId: 'M', fte: 1, role: 'team-manager', team: 'East' },
];
const meanAllocations: AllocationRecord[] = [
  { caseId: 'a1', workerId: 'A', allocatedFrom: '2010-12-01' }, // open at all three
  { caseId: 'a2', workerId: 'A', allocatedFrom: '2011-01-15', allocatedTo: '2011-02-27' }, // 31 Jan only
  { caseId: 'a3', workerId: 'A', allocatedFrom: '2011-02-28', allocatedTo: '2011-03-31' }, // 28 Feb, 31 Mar
  { caseId: 'a4', workerId: 'A', allocatedFrom: '2011-03-01' }, // 31 Mar
  { caseId: 'b1', workerId: 'B', allocatedFrom: '2011-01-20' }, // B not in post on 31 Jan; counted 28 Feb, 31 Mar
  { caseId: 'b2', workerId: 'B', allocatedFrom: '2011-03-10' }, // 31 Mar
  { caseId: 'c1', workerId: 'C', allocatedFrom: '2010-11-01' }, // counted 31 Jan, 28 Feb; C gone by 31 Mar
  { caseId: 'c2', workerId: 'C', allocatedFrom: '2011-03-05' }, // open 31 Mar only, C not in post
  { caseId: 'c3', workerId: 'C', allocatedFrom: '2011-01-01', allocatedTo: '2011-01-31' }, // 31 Jan
  { caseId: 'm1', workerId: 'M', allocatedFrom: '2011-01-01' }, // a team manager's
  { caseId: 'g1', workerId: 'G', allocatedFrom: '2011-02-01', allocatedTo: '2011-02-28' }, // unknown worker
  { caseId: 'x1', workerId: 'A', allocatedFrom: '2011-04-02' }, // after the period
  { caseId: 'x2', workerId: 'A', allocatedFrom: '2010-06-01', allocatedTo: '2010-12-31' }, // before it
];
const q1 = parsePeriod('2011-01..2011-03');
const meanOptions = { workers: meanWorkers, calendar, mode: 'month-end-mean' as const };

describe('caseload in month-end-mean mode', () => {
  it('pools the month-end snapshots: the ratio of the sums', () => {
    // 31 Jan: A 2 (a1, a2; 1.0), C 2 (c1, c3; 0.8): 4 cases, 1.8 FTE, 2 workers; D has none.
    // 28 Feb: A 2 (a1, a3), B 1 (b1; 0.5), C 1 (c1; 0.8): 4 cases, 2.3 FTE, 3 workers.
    // 31 Mar: A 3 (a1, a3, a4), B 2 (b1, b2): 5 cases, 1.5 FTE, 2 workers.
    // Pooled: 13 over 5.6 = 2.3214285714285714286. (The mean of the three ratios, 2.2222, 1.7391 and 3.3333, would be
    // 2.4316: not this.)
    const result = caseload(meanAllocations, q1, meanOptions);
    expect(result.counts.snapshots).toEqual([
      { date: '2011-01-31', allocations: 4, fte: 1.8, workers: 2, workersWithoutCases: 1 },
      { date: '2011-02-28', allocations: 4, fte: 2.3, workers: 3, workersWithoutCases: 1 },
      { date: '2011-03-31', allocations: 5, fte: 1.5, workers: 2, workersWithoutCases: 1 },
    ]);
    expect([result.numerator, result.denominator]).toEqual([13, 5.6]);
    expect(result.value?.toString()).toBe('2.3214285714285714286');
    expect(result.display).toBe('2.3');
    expect(result.rule).toMatchObject({
      mode: 'month-end-mean',
      snapshots: '2011-01-31, 2011-02-28, 2011-03-31',
    });
    expect(result.details.workersWithoutCases).toBe(3);
  });

  it('counts an allocation counted at any snapshot, else the first exclusion met', () => {
    // Counted: a1-a4, b1 (excluded on 31 Jan, counted later), b2, c1, c3: 8 allocations, though the numerator counts
    // 13 allocation-snapshots. c2: worker-not-in-post; m1: role-not-counted; g1: unknown-worker; x1, x2: never open.
    const result = caseload(meanAllocations, q1, { ...meanOptions, outcomes: true });
    expect(result.counts).toMatchObject({
      recordsRead: 13,
      counted: 8,
      notInPeriod: 2,
      excluded: { 'worker-not-in-post': 1, 'role-not-counted': 1, 'unknown-worker': 1 },
    });
    const bucketOf = Object.fromEntries((result.outcomes ?? []).map((o) => [o.id.split('/')[0], o.bucket]));
    expect(bucketOf).toMatchObject({ b1: 'counted', c1: 'counted', c2: 'excluded', x1: 'not-in-period' });
  });

  it('pools the details the same way', () => {
    // A: 2 + 2 + 3 = 7 cases over 3 × 1.0; B: 1 + 2 = 3 over 2 × 0.5 = 1.0; C: 2 + 1 = 3 over 2 × 0.8 = 1.6.
    // East: A and C, 10 over 4.6 = 2.1739130434782608696, 5 worker-snapshots; West: B, 3 over 1.0.
    // Per head: 13 over 7 worker-snapshots = 1.8571428571428571429.
    const { details } = caseload(meanAllocations, q1, meanOptions);
    expect(details.snapshots).toEqual(['2011-01-31', '2011-02-28', '2011-03-31']);
    expect(details.distribution).toEqual([
      { workerId: 'B', team: 'West', role: 'newly-qualified', fte: 1, cases: 3, perFte: '3', snapshots: 2 },
      {
        workerId: 'A',
        team: 'East',
        role: 'social-worker',
        fte: 3,
        cases: 7,
        perFte: '2.3333333333333333333',
        snapshots: 3,
      },
      {
        workerId: 'C',
        team: 'East',
        role: 'social-worker',
        fte: 1.6,
        cases: 3,
        perFte: '1.875',
        snapshots: 2,
      },
    ]);
    expect(details.byTeam).toEqual({
      East: { allocations: 10, fte: 4.6, workers: 5, value: '2.1739130434782608696', display: '2.2' },
      West: { allocations: 3, fte: 1, workers: 2, value: '3', display: '3.0' },
    });
    expect(details.perHead).toBe('1.8571428571428571429');
    expect(details.newlyQualified).toMatchObject({ allocations: 3, fte: 1, workers: 2, value: '3' });
  });

  it('is the sum of the monthly snapshots, as the breakdown by month gives them', () => {
    // Each month's result in snapshot mode takes that month's end: 4, 4 and 5 cases; 1.8, 2.3 and 1.5 FTE.
    const { groups } = computeBreakdown('CASELOAD', meanAllocations, q1, 'month', {
      workers: meanWorkers,
      calendar,
    });
    expect(groups.map((g) => [g.key, g.result.numerator, g.result.denominator])).toEqual([
      ['2011-01', 4, 1.8],
      ['2011-02', 4, 2.3],
      ['2011-03', 5, 1.5],
    ]);
  });

  it('takes the period end as the last snapshot of a period ending mid-month', () => {
    const result = caseload(meanAllocations, parsePeriod('2011-01-15..2011-03-15'), meanOptions);
    expect(result.details.snapshots).toEqual(['2011-01-31', '2011-02-28', '2011-03-15']);
  });
});

/** The workers of a team (or without one, for `(none)`), and the allocations they hold (and unknown workers'). */
function teamAlone(team: string): [AllocationRecord[], WorkerRecord[]] {
  const ofTeam = (w: WorkerRecord | undefined) => (w?.team ?? NO_GROUP) === team;
  const teamWorkers = workers.filter(ofTeam);
  const teamAllocations = allocations.filter((a) => ofTeam(workers.find((w) => w.workerId === a.workerId)));
  return [teamAllocations, teamWorkers];
}

describe('computeBreakdown of CASELOAD', () => {
  it('by team: each team’s result is the indicator computed on that team’s workers alone', () => {
    const { total, groups } = computeBreakdown('CASELOAD', allocations, fy2010, 'team', options);
    expect(groups.map((g) => g.key)).toEqual(['East', 'West', NO_GROUP]);
    for (const { key, result } of groups) {
      const [teamAllocations, teamWorkers] = teamAlone(key);
      const alone = caseload(teamAllocations, fy2010, { workers: teamWorkers, calendar });
      const { rule, ...rest } = result;
      const { rule: aloneRule, ...aloneRest } = alone;
      expect(plain(rest)).toEqual(plain(aloneRest));
      expect(rule).toEqual({ ...aloneRule, team: key === NO_GROUP ? null : key });
    }
    // East 42 over 1.8; West 43 over 2.5; no team: AGY1 22 over 1.0 (and GHOST's two allocations).
    expect(groups.map((g) => [g.result.numerator, g.result.denominator, g.result.display])).toEqual([
      [42, 1.8, '23.3'],
      [43, 2.5, '17.2'],
      [22, 1, '22.0'],
    ]);
    expect(groups.reduce((sum, g) => sum + g.result.numerator, 0)).toBe(total.numerator);
    expect(groups.reduce((sum, g) => sum + g.result.counts.recordsRead, 0)).toBe(total.counts.recordsRead);
    expect(groups[2]?.result.counts.excluded).toEqual({ 'unknown-worker': 1 });
    expect(total.outcomes).toBeUndefined();
  });

  it('by worker: each worker’s own caseload', () => {
    const { groups } = computeBreakdown('CASELOAD', allocations, fy2010, 'workerId', options);
    const byKey = Object.fromEntries(groups.map((g) => [g.key, g.result]));
    expect(Object.keys(byKey)).toEqual([
      'AGY1',
      'AP1',
      'GHOST',
      'IDLE',
      'LEFT',
      'NEW',
      'NQ1',
      'NQ2',
      'OT1',
      'SW1',
      'SW2',
      'TM1',
    ]);
    // SW2: 18 over 0.8 = 22.5. IDLE: no open case, so no one in the population.
    expect([byKey.SW2?.numerator, byKey.SW2?.denominator, byKey.SW2?.display]).toEqual([18, 0.8, '22.5']);
    expect(byKey.SW2?.rule.workerId).toBe('SW2');
    expect([byKey.IDLE?.numerator, byKey.IDLE?.display, byKey.IDLE?.counts.notInPeriod]).toEqual([
      0,
      'n/a',
      1,
    ]);
    expect(byKey.IDLE?.details?.workersWithoutCases).toBe(1);
    expect(byKey.GHOST?.counts.excluded).toEqual({ 'unknown-worker': 1 });
  });

  it('keeps the outcomes of each group when asked', () => {
    const { total, groups } = computeBreakdown('CASELOAD', allocations, fy2010, 'team', {
      ...options,
      outcomes: true,
    });
    expect(total.outcomes).toHaveLength(124);
    expect(groups.reduce((sum, g) => sum + (g.result.outcomes?.length ?? 0), 0)).toBe(124);
  });
});

describe('caseload on random workers and allocations', () => {
  const first = toDayNumber('2010-01-01');
  const last = toDayNumber('2011-12-31');
  const day = fc.integer({ min: first, max: last }).map(fromDayNumber);
  const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
  const ids = ['W0', 'W1', 'W2', 'W3', 'W4', 'W5'];
  const role = fc.constantFrom<WorkerRole>(
    'social-worker',
    'newly-qualified',
    'advanced-practitioner',
    'team-manager',
    'other',
  );
  const worker = fc
    .record({
      workerId: fc.constantFrom(...ids),
      fte: fc.constantFrom(0.1, 0.2, 0.5, 0.6, 0.8, 1),
      role,
      team: maybe(fc.constantFrom('East', 'West')),
      startDate: maybe(day),
      endDate: maybe(day),
    })
    .map((w) => Object.fromEntries(Object.entries(w).filter(([, v]) => v !== undefined)) as WorkerRecord);
  const allocation = fc
    .record({
      caseId: fc.constantFrom('C1', 'C2', 'C3', 'C4'),
      // W6 and W7 are never among the workers: unknown.
      workerId: fc.constantFrom(...ids, 'W6', 'W7'),
      allocatedFrom: day,
      allocatedTo: maybe(day),
    })
    .map((a) => Object.fromEntries(Object.entries(a).filter(([, v]) => v !== undefined)) as AllocationRecord);
  const someWorkers = fc.uniqueArray(worker, { selector: (w) => w.workerId, maxLength: 6 });
  const someAllocations = fc.array(allocation, { maxLength: 40 });
  const period = fc.constantFrom('FY2010', '2010-10..2011-03', '2011-02', '2010-11-10..2011-02-20');
  const reasons = ['unknown-worker', 'worker-not-in-post', 'role-not-counted'];

  /** Every allocation is in exactly one bucket, and the buckets add up. */
  function checkBuckets(result: IndicatorResult, count: number): void {
    const { counts } = result;
    const excluded = Object.values(counts.excluded).reduce((a, b) => a + b, 0);
    expect(counts.recordsRead).toBe(count);
    expect(counts.counted + counts.notInPeriod + excluded).toBe(count);
    expect([counts.notCounted, counts.inPopulation]).toEqual([0, counts.counted]);
    expect(result.outcomes).toHaveLength(count);
    for (const reason of Object.keys(counts.excluded)) expect(reasons).toContain(reason);
  }

  const fteSum = (values: readonly number[]) =>
    values.reduce((sum, v) => sum.plus(v), new Decimal(0)).toNumber();

  it('snapshot: one bucket each; the distribution adds up to the figure', () => {
    fc.assert(
      fc.property(someWorkers, someAllocations, period, (ws, as, spec) => {
        const result = caseload(as, parsePeriod(spec), { workers: ws, calendar, outcomes: true });
        checkBuckets(result, as.length);
        const { distribution, perHead } = result.details;
        expect(result.numerator).toBe(result.counts.counted);
        expect(distribution.reduce((sum, w) => sum + w.cases, 0)).toBe(result.numerator);
        expect(fteSum(distribution.map((w) => w.fte))).toBe(result.denominator);
        for (const w of distribution) expect(w.cases).toBeGreaterThanOrEqual(1);
        expect(perHead === null).toBe(distribution.length === 0);
      }),
      { numRuns: 150 },
    );
  });

  it('month-end-mean: one bucket each; the numerator and denominator are the snapshots’ sums', () => {
    fc.assert(
      fc.property(someWorkers, someAllocations, period, (ws, as, spec) => {
        const whole: Period = parsePeriod(spec);
        const result = caseload(as, whole, { workers: ws, calendar, outcomes: true, mode: 'month-end-mean' });
        checkBuckets(result, as.length);
        const snapshots = result.counts.snapshots ?? [];
        expect(snapshots.map((s) => s.date)).toEqual(splitIntoMonths(whole).map((m) => m.end));
        expect(snapshots.reduce((sum, s) => sum + Number(s.allocations), 0)).toBe(result.numerator);
        expect(fteSum(snapshots.map((s) => Number(s.fte)))).toBe(result.denominator);
        expect(result.counts.counted).toBeLessThanOrEqual(result.numerator);
        // Each snapshot is the snapshot-mode figure on its date.
        for (const s of snapshots) {
          const one = caseload(as, whole, { workers: ws, calendar, snapshot: s.date });
          expect([one.numerator, one.denominator]).toEqual([s.allocations, s.fte]);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('by team: the groups partition the whole', () => {
    fc.assert(
      fc.property(someWorkers, someAllocations, (ws, as) => {
        const { total, groups } = computeBreakdown('CASELOAD', as, fy2010, 'team', { workers: ws, calendar });
        expect(groups.reduce((sum, g) => sum + g.result.numerator, 0)).toBe(total.numerator);
        expect(fteSum(groups.map((g) => g.result.denominator))).toBe(total.denominator);
        expect(groups.reduce((sum, g) => sum + g.result.counts.recordsRead, 0)).toBe(as.length);
      }),
      { numRuns: 60 },
    );
  });
});

describe('computeBreakdown of CASELOAD by worker', () => {
  it('gives each worker the figures of CASELOAD computed for that worker over every allocation, rows included', () => {
    // Each group is now computed over its own allocations only: the same as over every allocation with the
    // workerId option set (the allocations of other workers are outside the group either way), outcomes and rows too.
    const rows = allocations.map((_, i) => i + 2);
    const breakdownOptions = { ...options, outcomes: true, rows };
    const { groups } = computeBreakdown('CASELOAD', allocations, fy2010, 'workerId', breakdownOptions);
    expect(groups.length).toBe(12);
    for (const { key, result } of groups) {
      const alone = caseload(allocations, fy2010, { ...breakdownOptions, workerId: key });
      expect(result).toEqual(alone);
    }
  });
  it('keeps in the (none) group every allocation without a workerId, missing or null, so the groups add up', () => {
    // Records given directly (a reader refuses an allocation without a workerId). W1 holds C1, open on 31 Mar 2011;
    // C2 has no workerId and C3 a null one: neither worker is known, so both are excluded (unknown-worker) in the
    // whole and both fall in the (none) group, whose figures must count both (2), not only the null one.
    const given = [
      { caseId: 'C1', workerId: 'W1', allocatedFrom: '2011-01-10' },
      { caseId: 'C2', allocatedFrom: '2011-01-10' },
      { caseId: 'C3', workerId: null, allocatedFrom: '2011-01-10' },
    ] as unknown as AllocationRecord[];
    const workers: WorkerRecord[] = [{ workerId: 'W1', fte: 1, role: 'social-worker', team: 'East' }];
    const { total, groups } = computeBreakdown('CASELOAD', given, fy2010, 'workerId', { workers });
    expect(total.counts.excluded).toEqual({ 'unknown-worker': 2 });
    expect(groups.map((g) => [g.key, g.result.counts.recordsRead, g.result.counts.excluded])).toEqual([
      ['W1', 1, {}],
      ['(none)', 2, { 'unknown-worker': 2 }],
    ]);
    // The groups' records add up to the whole's 3.
    expect(groups.reduce((sum, g) => sum + g.result.counts.recordsRead, 0)).toBe(total.counts.recordsRead);
  });

  it('keeps in the (none) group the allocations of a worker or team written (none), as a file may have it', () => {
    // As read from a CSV: W1 (East) holds C1 and the worker '(none)' of the team '(none)' holds C2, both open on 31
    // Mar 2011 with an FTE of 1. The breakdown puts C2 in the (none) group by worker and by team; that group's
    // figure is then 1 case over 1 FTE, not 0 over 0 (n/a) with C2 lost while the whole counts it.
    const given: AllocationRecord[] = [
      { caseId: 'C1', workerId: 'W1', allocatedFrom: '2011-01-10' },
      { caseId: 'C2', workerId: '(none)', allocatedFrom: '2011-01-10' },
    ];
    const workers: WorkerRecord[] = [
      { workerId: 'W1', fte: 1, role: 'social-worker', team: 'East' },
      { workerId: '(none)', fte: 1, role: 'social-worker', team: '(none)' },
    ];
    for (const by of ['workerId', 'team'] as const) {
      const { total, groups } = computeBreakdown('CASELOAD', given, fy2010, by, { workers });
      expect([total.numerator, total.denominator]).toEqual([2, 2]);
      expect(
        groups.map((g) => [g.key, g.result.numerator, g.result.denominator, g.result.counts.recordsRead]),
      ).toEqual([
        [by === 'team' ? 'East' : 'W1', 1, 1, 1],
        ['(none)', 1, 1, 1],
      ]);
    }
  });
});
