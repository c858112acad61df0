import { describe, expect, it } from 'vitest';
import { cppRepeat, repeatReferrals } from '../../src/indicators/index.js';
import { parsePeriod } from '../../src/periods/index.js';
import { presetLayout } from '../../src/presets/presets.js';
import { readRecordsText } from '../../src/records/read-source.js';

const readCsv = <K extends 'referral' | 'cp-conference' | 'cp-plan' | 'assessment'>(kind: K, csv: string) =>
  readRecordsText(kind, csv, 'csv', presetLayout('annex-a', kind));

describe("presetLayout('annex-a') header spellings", () => {
  it('reads a SQL extract of List 5 with CP_CONF_DATE-style headers', () => {
    const read = readCsv(
      'cp-conference',
      'CHILD_ID,S47_DATE,ICPC_NOT_REQD,CP_CONF_DATE,ALLOCATED_TEAM\nC1,2013-01-08,N,2013-01-25,North\nC2,2013-01-10,Y,,North\n',
    );
    expect(read.records).toEqual([
      {
        id: 'C1@2013-01-25',
        childId: 'C1',
        conferenceDate: '2013-01-25',
        type: 'initial',
        strategyDiscussionDate: '2013-01-08',
        s47StartDate: '2013-01-08',
        team: 'North',
      },
    ]);
    // C2's conference was not required: a row read and skipped, not an error.
    expect(read.accounting).toMatchObject({ rowsRead: 2, rowsAccepted: 1, rowsSkipped: 1 });
  });

  it('reads the previous plans and the referrals in the last 12 months under their other spellings', () => {
    const plans = readCsv(
      'cp-plan',
      'Child Unique ID,CP_START_DATE,CP_END_DATE,NUM_PREV_CPP\nC1,2012-06-08,,2\n',
    );
    expect(plans.records[0]).toMatchObject({ startDate: '2012-06-08', previousPlans: 2 });
    const referrals = readCsv(
      'referral',
      'Child Unique ID,REF_DATE,No of Referrals in Last 12 Months\nC1,2012-06-08,1\nC2,2012-06-09,two\n',
    );
    expect(referrals.records[0]).toMatchObject({ referralDate: '2012-06-08', referralsInLast12Months: 1 });
    // A count that is not a number is an error on its row, not a 0.
    expect(referrals.issues.map((i) => [i.code, i.row, i.field, i.value])).toEqual([
      ['invalid_value', 3, 'referralsInLast12Months', 'two'],
    ]);
  });

  it('reads the assessment dates of a SQL extract', () => {
    const read = readCsv('assessment', 'CHILD_ID,ASMT_START_DATE,ASMT_AUTH_DATE\nC1,2013-01-07,2013-02-20\n');
    expect(read.records[0]).toMatchObject({ startDate: '2013-01-07', completedDate: '2013-02-20' });
  });
});

describe('the history option of CPP_REPEAT and REPEAT_REFERRALS', () => {
  const fy2012 = parsePeriod('FY2012');
  // P1 is C1's second plan in the records; P2 (C2) has no earlier plan in the records but its return says 1 before
  // (a plan in another council); P3 (C3) has neither; P4 (C4) has no previousPlans at all.
  const plans = [
    { id: 'P0', childId: 'C1', startDate: '2010-05-04', endDate: '2011-01-10', previousPlans: 0 },
    { id: 'P1', childId: 'C1', startDate: '2012-06-08', previousPlans: 0 },
    { id: 'P2', childId: 'C2', startDate: '2012-07-02', previousPlans: 1 },
    { id: 'P3', childId: 'C3', startDate: '2012-08-01', previousPlans: 0 },
    { id: 'P4', childId: 'C4', startDate: '2012-09-03' },
  ];

  it('CPP_REPEAT: either (default) counts P1 and P2; records counts P1; column counts P2 and leaves P4 out', () => {
    const either = cppRepeat(plans, fy2012);
    expect([either.numerator, either.denominator, either.rule.history]).toEqual([2, 4, 'either']);
    const records = cppRepeat(plans, fy2012, { history: 'records' });
    expect([records.numerator, records.denominator]).toEqual([1, 4]);
    const column = cppRepeat(plans, fy2012, { history: 'column' });
    expect([column.numerator, column.denominator]).toEqual([1, 3]);
    expect(column.counts.excluded).toEqual({ 'previousPlans-not-given': 1 });
    expect(() => cppRepeat(plans, fy2012, { history: 'both' as never })).toThrow(RangeError);
  });

  it('REPEAT_REFERRALS: the column speaks for referrals before the first record read', () => {
    const referrals = [
      // R1's earlier referral (2012-01-10) is before the first record read: only the column says so.
      { id: 'R1', childId: 'C1', referralDate: '2012-05-01', referralsInLast12Months: 1 },
      { id: 'R2', childId: 'C2', referralDate: '2012-05-02', referralsInLast12Months: 0 },
      { id: 'R3', childId: 'C2', referralDate: '2012-09-03', referralsInLast12Months: 1 },
      { id: 'R4', childId: 'C3', referralDate: '2012-10-01' },
    ];
    // Either: R1 (column), R3 (records and column): 2 of 4.
    const either = repeatReferrals(referrals, fy2012);
    expect([either.numerator, either.denominator]).toEqual([2, 4]);
    // Records: R3 alone repeats R2 within the year: 1 of 4.
    const records = repeatReferrals(referrals, fy2012, { history: 'records' });
    expect([records.numerator, records.denominator]).toEqual([1, 4]);
    // Column: R1 and R3; R4 has no count, left out and named: 2 of 3.
    const column = repeatReferrals(referrals, fy2012, { history: 'column', outcomes: true });
    expect([column.numerator, column.denominator]).toEqual([2, 3]);
    expect(column.counts.excluded).toEqual({ 'referralsInLast12Months-not-given': 1 });
    expect(either.rule.history).toBe('either');
  });
});
