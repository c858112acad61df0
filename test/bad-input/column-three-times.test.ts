import { describe, expect, it } from 'vitest';
import { parseCsvText, parseRecords } from '../../src/index.js';
import { createPresetReader } from '../../src/presets/presets.js';
import { matchHeaders } from '../../src/records/headers.js';

// A header that names one field three times (names are matched ignoring case: id, ID, id) was two duplicate_column
// issues, "id (column 1) and ID (column 2)" then "id (column 1) and id (column 3)", as if there were two problems.
// It is one: one issue per field given more than once, naming every column that gives it.

describe('a header naming one field three times', () => {
  it('is one duplicate_column naming the three columns, and refuses the file', () => {
    const text = 'id,ID,id,childId,referralDate\nR1,R1,R1,C1,01/10/2010\n';
    const read = parseCsvText('referral', text);
    expect(read.readable).toBe(false);
    expect(read.issues).toEqual([
      {
        code: 'duplicate_column',
        severity: 'error',
        row: 1,
        field: 'id',
        // The first column that repeats the field, as a two-column repeat names its second column.
        value: 'ID',
        message:
          'columns "id" (column 1), "ID" (column 2) and "id" (column 3) all give id: keep one, and remove the others or rename them in a column map',
      },
    ]);
    // Refused whole: its one data row is read and rejected (rows read 1 = 0 accepted + 1 rejected + 0 skipped).
    expect(read.accounting).toMatchObject({ rowsRead: 1, rowsAccepted: 0, rowsRejected: 1, rowsSkipped: 0 });
  });

  it('gives one issue per repeated field, in the order of their first repeat, two columns worded as before', () => {
    // childId is given by columns 2 and 5 (repeated at 5), id by columns 1, 3 and 4 (repeated first at 3).
    const match = matchHeaders('referral', ['id', 'childId', 'Id', 'ID', 'Child ID', 'referralDate']);
    expect(match.issues.map((issue) => [issue.field, issue.value, issue.message])).toEqual([
      [
        'id',
        'Id',
        'columns "id" (column 1), "Id" (column 3) and "ID" (column 4) all give id: keep one, and remove the others or rename them in a column map',
      ],
      [
        'childId',
        'Child ID',
        'columns "childId" (column 2) and "Child ID" (column 5) both give childId: remove one, or rename it in a column map',
      ],
    ]);
    expect(match.fields).toEqual(['id', 'childId', null, null, null, 'referralDate']);
  });

  it('in a preset (Annex A List 3): one issue naming the three columns', () => {
    const reader = createPresetReader('annex-a', 'referral');
    reader.header(['Child Unique ID', 'child unique id', 'Date of referral', 'CHILD UNIQUE ID'], 1);
    expect(
      reader.result().issues.map((issue) => [issue.code, issue.field, issue.value, issue.message]),
    ).toEqual([
      [
        'duplicate_column',
        'childId',
        'child unique id',
        'columns "Child Unique ID" (column 1), "child unique id" (column 2) and "CHILD UNIQUE ID" (column 4) all give childId: keep one and remove the others',
      ],
    ]);
  });

  it('in a JSON item: three keys for one field are one issue naming the three keys; the row is rejected', () => {
    const read = parseRecords('referral', [
      { id: 'R1', ID: 'R2', Id: 'R3', childId: 'C1', referralDate: '2010-10-01' },
      { id: 'R4', childId: 'C2', referralDate: '2010-10-02' },
    ]);
    expect(read.issues).toEqual([
      {
        code: 'duplicate_column',
        severity: 'error',
        row: 1,
        field: 'id',
        value: 'ID',
        message: '3 keys of the item give id ("id", "ID" and "Id"): keep one',
      },
    ]);
    expect(read.records).toEqual([{ id: 'R4', childId: 'C2', referralDate: '2010-10-02' }]);
    expect(read.accounting).toMatchObject({ rowsRead: 2, rowsAccepted: 1, rowsRejected: 1, rowsSkipped: 0 });
  });
});
