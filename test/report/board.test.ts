import { describe, expect, it } from 'vitest';
import { createCalendar } from '../../src/calendar/index.js';
import { parsePeriod, splitIntoMonths } from '../../src/periods/index.js';
import type {
  AllocationRecord,
  CpConferenceRecord,
  InitialAssessmentRecord,
  NeetRecord,
  WorkerRecord,
} from '../../src/records/schemas.js';
import { headlineTarget } from '../../src/report/headline.js';
import { buildReport } from '../../src/report/model.js';
import { resolveTolerance } from '../../src/report/tolerance.js';
import { getTargetSet, type Target, type TargetSet } from '../../src/targets/index.js';

const calendar = createCalendar();

/**
 * Two initial assessments completed in each month of a period: referred on the first working day from the 10th, one
 * completed 1 working day later (on time), the other `late` working days later (10: late under NI59's 7) or also 1.
 */
function pairs(period: string, late: (month: string) => number): InitialAssessmentRecord[] {
  return splitIntoMonths(parsePeriod(period)).flatMap((month) => {
    let referral = `${month.spec}-10`;
    while (!calendar.isWorkingDay(referral)) referral = calendar.nextWorkingDay(referral);
    return [
      {
        id: `${month.spec}-a`,
        childId: 'C1',
        referralDate: referral,
        completedDate: calendar.addWorkingDays(referral, 1),
      },
      {
        id: `${month.spec}-b`,
        childId: 'C2',
        referralDate: referral,
        completedDate: calendar.addWorkingDays(referral, late(month.spec)),
      },
    ];
  });
}

const percent = (period: string, value: number, document = 'Notice'): Target => ({
  indicator: 'NI59',
  period,
  value,
  unit: 'percent',
  polarity: 'higher-is-better',
  source: { document, sourceFile: 'x.txt', quote: `${value}% for ${period}` },
});

const set = (id: string, targets: Target[]): TargetSet => ({ id, title: id, sourceFile: 'x.txt', targets });

const notice = set('notice', [
  percent('2010-06', 72),
  percent('2010-10', 80),
  percent('2010-10..2011-03', 80),
]);
const plan = set('plan', [percent('2010-10', 80), percent('FY2010', 80)]);
// 50% every month of 2010/11 (one of two late by 10 working days).
const halves = pairs('FY2010', () => 10);

const headlineOf = (asAt: string, targetSets: TargetSet[], headline?: { set: string; period: string }) => {
  const model = buildReport([{ id: 'NI59', records: halves, ...(headline ? { headline } : {}) }], {
    financialYear: 'FY2010',
    asAt,
    targetSets,
  });
  const target = model.indicators[0] ? headlineTarget(model.indicators[0]) : undefined;
  return target ? `${target.set.id} ${target.period.spec}` : undefined;
};

describe('buildReport: the headline target', () => {
  it('takes, in the first set with a target, the one whose period contains asAt', () => {
    // 30 November: of the notice's targets only October to March contains it.
    expect(headlineOf('2010-11-30', [notice, plan])).toBe('notice 2010-10..2011-03');
    // The last day of a period still contains it.
    expect(headlineOf('2011-03-31', [notice, plan])).toBe('notice 2010-10..2011-03');
    // The plan listed first: its 2010/11 contains 30 November.
    expect(headlineOf('2010-11-30', [plan, notice])).toBe('plan FY2010');
  });

  it('else the one ending soonest after asAt, else the one that ended last', () => {
    // 31 August: June has ended; October (ending 31 October) ends before October to March.
    expect(headlineOf('2010-08-31', [notice])).toBe('notice 2010-10');
    // A set of June and October only, at 31 January: both ended, October the last.
    expect(headlineOf('2011-01-31', [set('months', [percent('2010-06', 72), percent('2010-10', 80)])])).toBe(
      'months 2010-10',
    );
  });

  it('takes the one the config names, by set and period however the period is written', () => {
    expect(headlineOf('2010-11-30', [notice, plan], { set: 'plan', period: '2010-10' })).toBe('plan 2010-10');
    expect(
      headlineOf('2010-11-30', [notice, plan], { set: 'notice', period: '2010-10-01..2011-03-31' }),
    ).toBe('notice 2010-10..2011-03');
  });

  it('refuses a named headline that is no target of the indicator in the year (RangeError)', () => {
    expect(() => headlineOf('2010-11-30', [notice], { set: 'plan', period: 'FY2010' })).toThrow(
      'NI59: headline: no target of set "plan" over FY2010 in the year (its targets: notice 2010-06; notice 2010-10; notice 2010-10..2011-03)',
    );
  });

  it('groups targets given without a set by their document, in the order first seen', () => {
    const model = buildReport([{ id: 'NI59', records: halves }], {
      financialYear: 'FY2010',
      asAt: '2010-11-30',
      targets: [percent('FY2010', 80, 'Plan'), percent('2010-10..2011-03', 80, 'Notice')],
    });
    const target = model.indicators[0] ? headlineTarget(model.indicators[0]) : undefined;
    // The first document seen is the plan: its 2010/11.
    expect(target?.set).toEqual({ id: null, title: 'Plan' });
    expect(target?.period.spec).toBe('FY2010');
  });
});

describe('buildReport: tolerance', () => {
  // October 2010: 1 of 2, 50% against 80%: 30 points short. A 47% target: 3 short.
  const standing = (tolerance: Parameters<typeof buildReport>[1]['tolerance'], own?: number) => {
    const model = buildReport(
      [{ id: 'NI59', records: halves, ...(own === undefined ? {} : { tolerance: own }) }],
      {
        financialYear: 'FY2010',
        asAt: '2011-01-31',
        targetSets: [set('s', [percent('2010-10', 53)])],
        ...(tolerance === undefined ? {} : { tolerance }),
      },
    );
    const target = model.indicators[0]?.targets[0];
    return [target?.rag, target?.tolerance.value];
  };

  it('defaults to 5% of the target: 53% gives 2.65 points, so 3 short is red', () => {
    expect(standing(undefined)).toEqual(['red', 2.65]);
  });

  it('reads a bare number as points, as 5 always meant, and { points } the same', () => {
    expect(standing(5)).toEqual(['amber', 5]);
    expect(standing({ points: 3 })).toEqual(['amber', 3]);
    expect(standing({ points: 2 })).toEqual(['red', 2]);
  });

  it('reads { percentOfTarget } as that share of the target, and an indicator’s own over the report’s', () => {
    // 10% of 53 = 5.3 points.
    expect(standing({ percentOfTarget: 10 })).toEqual(['amber', 5.3]);
    expect(standing({ percentOfTarget: 10 }, 1)).toEqual(['red', 1]);
  });
});

describe('resolveTolerance', () => {
  it('gives 5% of the target’s absolute value by default, exactly', () => {
    // SPEC 15: 80% → 4 points, 6.8% → 0.34, 22 cases → 1.1, a −10% change → 0.5.
    expect([80, 6.8, 22, -10].map((value) => resolveTolerance(undefined, { value }).value)).toEqual([
      4, 0.34, 1.1, 0.5,
    ]);
    expect(resolveTolerance(undefined, { value: 80 })).toMatchObject({
      basis: 'percent-of-target',
      isDefault: true,
    });
  });

  it('refuses a negative or non-finite tolerance, and an object of neither form (RangeError)', () => {
    expect(() => resolveTolerance(-1, { value: 80 })).toThrow(RangeError);
    expect(() => resolveTolerance({ points: Number.NaN }, { value: 80 })).toThrow(RangeError);
    expect(() => resolveTolerance({ percent: 5 } as never, { value: 80 })).toThrow(
      'tolerance: expected a number, { "points": n } or { "percentOfTarget": n }, got {"percent":5}',
    );
  });
});

describe('buildReport: option_contradicts_target', () => {
  // October 2010 has no bank holiday. C1: referred Fri 1, strategy discussion Mon 4, conference Fri 22: 14 working
  // days from the discussion (on time), 15 from the referral (on time). C2: referred Fri 1, discussion Fri 8,
  // conference Fri 29: 15 from the discussion (on time), 20 from the referral (late). From the discussion 2 of 2,
  // 100%; from the referral 1 of 2, 50%.
  const conferences: CpConferenceRecord[] = [
    {
      id: 'C1',
      childId: 'K1',
      conferenceDate: '2010-10-22',
      type: 'initial',
      strategyDiscussionDate: '2010-10-04',
      referralDate: '2010-10-01',
    },
    {
      id: 'C2',
      childId: 'K2',
      conferenceDate: '2010-10-29',
      type: 'initial',
      strategyDiscussionDate: '2010-10-08',
      referralDate: '2010-10-01',
    },
  ];
  const planSets = [getTargetSet('leeds-2010-plan')];

  it('warns when the indicator counts from another start event than its target’s words, with both figures', () => {
    const model = buildReport([{ id: 'CPC15', records: conferences }], {
      financialYear: 'FY2010',
      asAt: '2010-10-31',
      targetSets: planSets,
    });
    expect(model.indicators[0]?.warnings.filter((w) => w.code === 'option_contradicts_target')).toEqual([
      {
        code: 'option_contradicts_target',
        message:
          "CPC15 is computed with startEvent strategy-discussion, but the target 85% for March 2011 (leeds-2010-plan) assumes startEvent referral: 100.0% year to date as computed, 50.0% on the target's definition, on the same records",
      },
    ]);
  });

  it('names an option not given by what it comes to, not as undefined', () => {
    // NI59 under ni2008 with no timescale given: its timescale is the rule set's (7 working days), and has no value
    // of its own to name. A target that assumes a timescale of 10 contradicts it: the warning says the option was
    // not given and what it comes to, where it said "timescale undefined" (review16).
    const tenDays: Target = { ...percent('2010-10', 80), options: { timescale: 10 } };
    const model = buildReport([{ id: 'NI59', records: [] }], {
      financialYear: 'FY2010',
      asAt: '2010-10-31',
      targetSets: [set('plan', [tenDays])],
    });
    const [warning] =
      model.indicators[0]?.warnings.filter((w) => w.code === 'option_contradicts_target') ?? [];
    expect(warning?.message).toMatch(
      /^NI59 is computed with timescale not given \(the rule set's\), but the target 80% for October 2010 \(plan\) assumes timescale 10/,
    );
  });

  it('says nothing when the options agree with the target', () => {
    const model = buildReport([{ id: 'CPC15', records: conferences, options: { startEvent: 'referral' } }], {
      financialYear: 'FY2010',
      asAt: '2010-10-31',
      targetSets: planSets,
    });
    expect(model.indicators[0]?.warnings.map((w) => w.code)).not.toContain('option_contradicts_target');
  });
});

describe('buildReport: the XmR chart of each indicator', () => {
  // History: February and March 2010 both on time (100%); nothing before. 2010/11: 50% every month.
  const records = [...pairs('2010-02..2010-03', () => 1), ...halves];

  it('takes the previous year as history from the first month with data, and the year to asAt', () => {
    const model = buildReport([{ id: 'NI59', records }], { financialYear: 'FY2010', asAt: '2011-01-31' });
    const indicator = model.indicators[0];
    // April 2009 to January 2010 hold no record: left out. February and March 2010, then April 2010 to January 2011.
    expect(indicator?.history.map((month) => month.period.spec)).toEqual(['2010-02', '2010-03']);
    expect(indicator?.spc.points.map((point) => point.label)).toEqual([
      '2010-02',
      '2010-03',
      ...['04', '05', '06', '07', '08', '09', '10', '11', '12'].map((m) => `2010-${m}`),
      '2011-01',
    ]);
    // `months` stays the reporting year.
    expect(indicator?.months).toHaveLength(12);
    // Mean (2 × 100 + 10 × 50) / 12 = 58.33; moving ranges 0, 50 and nine 0s: 50 / 11 = 4.55, and 50 is at or above
    // 3.267 × 4.55 = 14.85: screened, leaving 0. Limits 58.33 ± 0: the history above, the year below.
    expect(indicator?.spc.points[0]).toMatchObject({ mean: 700 / 12, upperLimit: 700 / 12 });
    expect(indicator?.spc.points[0]?.specialCause).toBe('above-upper-limit');
    expect(indicator?.spc.points.at(-1)?.specialCause).toBe('below-lower-limit');
    // Every option filled in: NI59 is higher-is-better; no target, so no assurance.
    expect(indicator?.spc.options).toEqual({
      improvement: 'increase',
      target: null,
      fixAfter: null,
      rebase: [],
      screenOutliers: true,
    });
    expect(Object.keys(indicator?.spc ?? {})).toEqual([
      'options',
      'points',
      'variation',
      'assurance',
      'tooFewPoints',
    ]);
    expect(indicator?.spc.tooFewPoints).toBe(false);
  });

  it('takes the headline target for the assurance, and the chart options an indicator is given', () => {
    const model = buildReport([{ id: 'NI59', records, spc: { rebase: ['2010-04'] } }], {
      financialYear: 'FY2010',
      asAt: '2011-01-31',
      targetSets: [notice],
    });
    const chart = model.indicators[0]?.spc;
    expect(chart?.options).toMatchObject({ target: 80, rebase: ['2010-04'] });
    // The last phase, April to January, is 50% every month: limits 50 to 50, below 80: consistently failing.
    expect(chart?.assurance).toBe('consistent-fail');
    // Its phases have 2 and 10 points: too few, and the report says so.
    expect(chart?.tooFewPoints).toBe(true);
    expect(model.indicators[0]?.warnings.map((w) => w.code)).toContain('too_few_points');
  });

  it('takes spcHistoryMonths months of history, and refuses a number that is not whole and >= 0', () => {
    const none = buildReport([{ id: 'NI59', records }], { financialYear: 'FY2010', spcHistoryMonths: 0 });
    expect(none.indicators[0]?.history).toEqual([]);
    expect(none.spcHistoryMonths).toBe(0);
    const one = buildReport([{ id: 'NI59', records }], { financialYear: 'FY2010', spcHistoryMonths: 1 });
    expect(one.indicators[0]?.history.map((month) => month.period.spec)).toEqual(['2010-03']);
    expect(() =>
      buildReport([{ id: 'NI59', records }], { financialYear: 'FY2010', spcHistoryMonths: -1 }),
    ).toThrow(RangeError);
  });

  it('lists first, in words, an indicator that consistently fails its target or cannot reach it', () => {
    // 50% every month: limits 50 to 50 (every moving range 0), below the notice's 80%.
    const model = buildReport([{ id: 'NI59', records: halves }], {
      financialYear: 'FY2010',
      asAt: '2011-01-31',
      targetSets: [notice],
    });
    // The headline, October to March: 4 of 8 so far; the 2 months left (4 expected) would need (0.8 × 12 − 4) / 4 =
    // 140%: out of reach.
    expect(model.slowToProgress).toEqual([
      {
        indicator: 'NI59',
        reasons: [
          'consistently fails 80%: its limits, 50.0% to 50.0% (2010-04 to 2011-01), lie below it',
          '80% for October 2010 to March 2011 is out of reach: it needs 140.0% over the 2 months left',
        ],
      },
    ]);
  });
});

describe('buildReport: figures labelled for what they are', () => {
  it('does not call a NEET target "so far" once its November, December and January counts are in', () => {
    // Ten young people of academic age 17 (born 1993), one NEET at each count: 10%, against the notice's 6.8%.
    const neet: NeetRecord[] = ['2010-11-30', '2010-12-31', '2011-01-31'].flatMap((date) =>
      Array.from({ length: 10 }, (_, i) => ({
        personId: `P${i}`,
        snapshotDate: date,
        dateOfBirth: '1993-05-01',
        status: i === 0 ? ('NEET' as const) : ('EET' as const),
      })),
    );
    const at = (asAt: string) =>
      buildReport([{ id: 'NI117', records: neet }], {
        financialYear: 'FY2010',
        asAt,
        targetSets: [getTargetSet('leeds-2010-notice')],
      }).indicators[0]?.targets[0];
    // The academic year runs to August 2011, but no count is to come after January.
    expect(at('2011-01-31')).toMatchObject({ status: 'not-met', running: false, actualDisplay: '10.0%' });
    // At the end of December, January's count is still to come.
    expect(at('2010-12-31')).toMatchObject({ running: true });
  });

  it('calls a caseload’s figure for the year a snapshot, not a year to date', () => {
    const workers: WorkerRecord[] = [
      { workerId: 'W1', fte: 1, role: 'social-worker', startDate: '2005-01-03' },
    ];
    const allocations: AllocationRecord[] = [
      { caseId: 'K1', workerId: 'W1', allocatedFrom: '2010-01-04' },
      { caseId: 'K2', workerId: 'W1', allocatedFrom: '2010-06-01' },
    ];
    const model = buildReport([{ id: 'CASELOAD', records: allocations, options: { workers } }], {
      financialYear: 'FY2010',
      asAt: '2011-01-31',
    });
    // On 31 January 2011 the worker holds both cases at 1.0 FTE: 2.
    expect(model.indicators[0]).toMatchObject({ yearToDateKind: 'snapshot', yearToDate: { display: '2.0' } });
  });
});
