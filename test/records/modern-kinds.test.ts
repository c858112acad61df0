import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readRecordsFile } from '../../src/node/read-records-file.js';
import { recordSpecs } from '../../src/records/fields.js';
import { parseCsvText, parseRecords } from '../../src/records/parse-records.js';
import { readCount } from '../../src/records/values.js';

describe('the assessment kind (Working Together 2013 single assessment)', () => {
  it('reads its fields, with UK dates, and checks completedDate against startDate', () => {
    const text = [
      'ID,Child ID,Start Date,Completed Date,Team,Worker ID',
      'AS-1,C-1,21/12/2012,26/02/2013,North,W-1',
      'AS-2,C-2,2013-04-02,,,',
      'AS-3,C-3,2013-03-01,2013-02-28,,',
    ].join('\n');
    const result = parseCsvText('assessment', text);
    expect(result.records).toEqual([
      {
        id: 'AS-1',
        childId: 'C-1',
        startDate: '2012-12-21',
        completedDate: '2013-02-26',
        team: 'North',
        workerId: 'W-1',
      },
      { id: 'AS-2', childId: 'C-2', startDate: '2013-04-02' },
    ]);
    // Line 4: completed the day before it started.
    expect(result.issues.map((i) => [i.code, i.row, i.field])).toEqual([
      ['end_before_start', 4, 'completedDate'],
    ]);
    expect(recordSpecs.assessment.datePairs).toEqual([{ start: 'startDate', end: 'completedDate' }]);
  });
});

describe('the cp-plan kind (child protection plans)', () => {
  it('reads previousPlans as a whole number, 0 or more, and checks endDate against startDate', () => {
    const text = [
      'id,childId,startDate,endDate,previousPlans,team',
      'P1,C1,29/02/2012,28/02/2014,0,East',
      'P2,C2,2012-06-01,,2,',
      'P3,C3,2012-06-01,,2.0,',
      'P4,C4,2012-06-01,,,',
      'P5,C5,2012-06-01,,-1,',
      'P6,C6,2012-06-01,,1.5,',
      'P7,C7,2012-06-01,,two,',
      'P8,C8,2013-06-01,2013-05-31,,',
    ].join('\n');
    const result = parseCsvText('cp-plan', text);
    expect(result.records).toEqual([
      {
        id: 'P1',
        childId: 'C1',
        startDate: '2012-02-29',
        endDate: '2014-02-28',
        previousPlans: 0,
        team: 'East',
      },
      { id: 'P2', childId: 'C2', startDate: '2012-06-01', previousPlans: 2 },
      { id: 'P3', childId: 'C3', startDate: '2012-06-01', previousPlans: 2 },
      { id: 'P4', childId: 'C4', startDate: '2012-06-01' },
    ]);
    expect(result.issues.map((i) => [i.code, i.row, i.field, i.value])).toEqual([
      ['out_of_range', 6, 'previousPlans', '-1'],
      ['invalid_value', 7, 'previousPlans', '1.5'],
      ['invalid_value', 8, 'previousPlans', 'two'],
      ['end_before_start', 9, 'endDate', '2013-05-31'],
    ]);
    expect(result.accounting).toEqual({
      rowsRead: 8,
      rowsAccepted: 4,
      rowsRejected: 4,
      rowsSkipped: 0,
      warningsByCode: {},
    });
  });

  it('takes JSON numbers for previousPlans, and rejects a fraction', () => {
    const result = parseRecords('cp-plan', [
      { id: 'P1', childId: 'C1', startDate: '2012-06-01', previousPlans: 3 },
      { id: 'P2', childId: 'C2', startDate: '2012-06-01', previousPlans: 0.5 },
    ]);
    expect(result.records).toEqual([{ id: 'P1', childId: 'C1', startDate: '2012-06-01', previousPlans: 3 }]);
    expect(result.issues.map((i) => i.code)).toEqual(['invalid_value']);
  });
});

describe('readCount', () => {
  it('reads 0 and whole numbers, and says what is wrong otherwise', () => {
    expect(readCount('0')).toEqual({ ok: true, value: 0 });
    expect(readCount(' 4 ')).toEqual({ ok: true, value: 4 });
    expect(readCount(-2)).toMatchObject({ ok: false, code: 'out_of_range' });
    expect(readCount('1,5')).toMatchObject({ ok: false, code: 'invalid_value' });
  });
});

describe('examples/data for the new kinds', () => {
  it.each([
    ['assessment', 'assessments.csv', 5],
    ['cp-plan', 'cp-plans.csv', 5],
  ] as const)('%s: %s reads clean, every row accepted', async (kind, name, rows) => {
    const path = fileURLToPath(new URL(`../../examples/data/${name}`, import.meta.url));
    const result = await readRecordsFile(kind, path, { strict: true });
    expect(result.accounting).toEqual({
      rowsRead: rows,
      rowsAccepted: rows,
      rowsRejected: 0,
      rowsSkipped: 0,
      warningsByCode: {},
    });
  });
});
