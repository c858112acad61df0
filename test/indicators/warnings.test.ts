import { describe, expect, it } from 'vitest';
import { computeBreakdown, computeIndicator } from '../../src/indicators/index.js';
import { resultWarnings } from '../../src/indicators/summarise.js';

describe('resultWarnings', () => {
  it('warns all_excluded when every record that could be in the population was excluded for one reason', () => {
    // Three assessments whose completedDate column was mapped wrongly: none is completed, so NI59 is n/a (0 of 0).
    const records = [
      { id: 'IA1', childId: 'C1', referralDate: '2010-10-01' },
      { id: 'IA2', childId: 'C2', referralDate: '2010-10-04' },
      { id: 'IA3', childId: 'C3', referralDate: '2010-10-05' },
    ];
    const result = computeIndicator('NI59', records, '2010-10');
    expect([result.numerator, result.denominator, result.display]).toEqual([0, 0, 'n/a']);
    expect(result.warnings).toEqual([
      {
        code: 'all_excluded',
        message:
          'NI59 has no figure: all 3 records that could be in its population were excluded as not-completed; check the data and the column map for the field behind that reason',
      },
    ]);
  });

  it('points to the period, not the column map, when the other records fall outside it', () => {
    // IA1 completed in October, IA2 open: November has IA2 excluded (not-completed) and IA1 not in the period.
    const records = [
      { id: 'IA1', childId: 'C1', referralDate: '2010-10-01', completedDate: '2010-10-05' },
      { id: 'IA2', childId: 'C2', referralDate: '2010-10-04' },
    ];
    expect(computeIndicator('NI59', records, '2010-11').warnings).toEqual([
      {
        code: 'all_excluded',
        message:
          'NI59 has no figure: the 1 record that could be in its population was excluded as not-completed; the other record read falls outside the period: check the period first',
      },
    ]);
  });

  it('names each reason when the population is emptied by several', () => {
    // CP1 has no strategy discussion date; CP2 is a review conference: CPC15 has no conference left to count.
    const records = [
      { id: 'CP1', childId: 'C1', type: 'initial' as const, conferenceDate: '2011-05-11' },
      {
        id: 'CP2',
        childId: 'C2',
        type: 'review' as const,
        strategyDiscussionDate: '2011-04-21',
        conferenceDate: '2011-05-12',
      },
    ];
    const [warning] = computeIndicator('CPC15', records, '2011-05').warnings;
    expect(warning?.message).toBe(
      'CPC15 has no figure: all 2 records that could be in its population were excluded (missing-strategyDiscussionDate 1, review-conference 1)',
    );
  });

  it('gives no warning when the population is not empty, or when the records are only of other periods', () => {
    const completed = [
      { id: 'IA1', childId: 'C1', referralDate: '2010-10-01', completedDate: '2010-10-05' },
      { id: 'IA2', childId: 'C2', referralDate: '2010-10-04' },
    ];
    expect(computeIndicator('NI59', completed, '2010-10').warnings).toEqual([]);
    // IA1 was completed in October: November has no record in its population, and nothing was excluded from it.
    expect(computeIndicator('NI59', completed.slice(0, 1), '2010-11').warnings).toEqual([]);
    expect(
      resultWarnings('NI59', {
        recordsRead: 0,
        inPopulation: 0,
        counted: 0,
        notCounted: 0,
        notInPeriod: 0,
        excluded: {},
      }),
    ).toEqual([]);
  });

  it('is carried by every group of a breakdown', () => {
    const records = [
      { id: 'IA1', childId: 'C1', referralDate: '2010-10-01', completedDate: '2010-10-05', team: 'East' },
      { id: 'IA2', childId: 'C2', referralDate: '2010-10-04', team: 'West' },
    ];
    const { total, groups } = computeBreakdown('NI59', records, '2010-10', 'team');
    expect(total.warnings).toEqual([]);
    expect(groups.map((g) => [g.key, g.result.warnings.map((w) => w.code)])).toEqual([
      ['East', []],
      ['West', ['all_excluded']],
    ]);
  });
});
