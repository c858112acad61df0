import { describe, expect, it } from 'vitest';
import { computeIndicator } from '../../src/indicators/index.js';
import { parsePeriod, splitIntoMonths } from '../../src/periods/index.js';
import type { CafRecord, InitialAssessmentRecord } from '../../src/records/schemas.js';
import { improvementOf, monthlySeries } from '../../src/spc/series.js';

describe('monthlySeries', () => {
  it('labels each month and takes its exact value as a double, null where there is none', () => {
    // NI59: April 2010, 2 of 3 on time (Mon 12 Apr to Tue 13 Apr is 1 working day; to Mon 26 Apr, 10); May none.
    const records: InitialAssessmentRecord[] = [
      { id: 'A', childId: 'C1', referralDate: '2010-04-12', completedDate: '2010-04-13' },
      { id: 'B', childId: 'C2', referralDate: '2010-04-12', completedDate: '2010-04-13' },
      { id: 'C', childId: 'C3', referralDate: '2010-04-12', completedDate: '2010-04-26' },
    ];
    const results = splitIntoMonths(parsePeriod('2010-04..2010-05')).map((month) =>
      computeIndicator('NI59', records, month),
    );
    // 2 / 3 = 66.666666666666666667 at 20 significant digits: the nearest double is 66.66666666666667.
    expect(monthlySeries(results)).toEqual([
      { label: '2010-04', value: 66.66666666666667 },
      { label: '2010-05', value: null },
    ]);
  });

  it('gives no value to the months before the first with a record in the population: no data, not a zero', () => {
    // CAFs closed with needs met: none in April 2010, 1 in May, none in June, 1 in July. April's 0 comes before any
    // record (the export may start later); June's 0 is a real month with none.
    const cafs: CafRecord[] = [
      { id: 'M', designatedDate: '2010-03-01', closedDate: '2010-05-14', closureReason: 'needs-met' },
      { id: 'J', designatedDate: '2010-03-01', closedDate: '2010-07-14', closureReason: 'needs-met' },
    ];
    const results = splitIntoMonths(parsePeriod('2010-04..2010-07')).map((month) =>
      computeIndicator('CAF_CLOSED', cafs, month),
    );
    expect(results.map((result) => result.value?.toString())).toEqual(['0', '1', '0', '1']);
    expect(monthlySeries(results).map((point) => point.value)).toEqual([null, 1, 0, 1]);
  });
});

describe('improvementOf', () => {
  it('reads higher is better as increase and lower is better as decrease', () => {
    expect(improvementOf('higher-is-better')).toBe('increase');
    expect(improvementOf('lower-is-better')).toBe('decrease');
  });
});
