import { beforeAll, describe, expect, it } from 'vitest';
import { readRecordsFile } from '../../src/node/read-records-file.js';
import { badInputs } from '../helpers/bad-input.js';
import { runBuiltCli } from '../helpers/cli.js';
import { workbookOf } from '../workbook/helpers.js';

// An ISO date cell (t="d", strict Open XML) holds its day as text. A day before the workbook's date system (before
// 1904-01-01 in the 1904 system, before 1900-01-01 in the 1900 one) has no serial there, and the cell went on as its
// serial, a negative number: '"-245" is not a date: expected YYYY-MM-DD or DD/MM/YYYY', a value no one wrote.
// Now the row is rejected (out_of_range) naming the cell, the day it holds and the date system.

const files = badInputs('date-cell-before-system');
let in1904 = '';
let in1900 = '';

/** Worker W1 (fte 1) whose startDate, C2, is an ISO date cell of the day given; team North in D2. */
function workerSheet(day: string): string {
  const text = (ref: string, value: string) => `<c r="${ref}" t="inlineStr"><is><t>${value}</t></is></c>`;
  return (
    `<row r="1">${text('A1', 'workerId')}${text('B1', 'fte')}${text('C1', 'startDate')}${text('D1', 'team')}</row>` +
    `<row r="2">${text('A2', 'W1')}<c r="B2"><v>1</v></c><c r="C2" t="d"><v>${day}</v></c>${text('D2', 'North')}</row>` +
    `<row r="3">${text('A3', 'W2')}<c r="B3"><v>0.5</v></c><c r="C3" t="d"><v>1985-05-01</v></c></row>`
  );
}

beforeAll(async () => {
  in1904 = files.write(
    '1904.xlsx',
    await workbookOf(workerSheet('1903-05-01'), undefined, { date1904: true }),
  );
  in1900 = files.write('1900.xlsx', await workbookOf(workerSheet('1899-05-01T00:00:00')));
});

describe('an ISO date cell of a day before the workbook date system', () => {
  it('in a 1904 workbook: the row is rejected naming C2, the day and the 1904 system; the next row is read', async () => {
    // 1903-05-01 is 245 days before 1904-01-01 (day 0 of the 1904 system): serial -245, no day there. A worker may
    // have started in 1903 (a start date reads from 1900), but this workbook cannot hold that day as a date.
    const read = await readRecordsFile('worker', in1904);
    expect(read.issues).toEqual([
      {
        code: 'out_of_range',
        severity: 'error',
        row: 2,
        field: 'startDate',
        value: '1903-05-01',
        message:
          "cell C2 is a date cell holding 1903-05-01, a day before 1904-01-01, the first of the workbook's 1904 date system: it has no day number there (Excel shows ####). Check the year; if it is right, save the workbook in the 1900 date system, or write the date as text",
        file: in1904,
      },
    ]);
    // 1985-05-01 is in both systems: W2 is read.
    expect(read.records).toEqual([{ workerId: 'W2', fte: 0.5, startDate: '1985-05-01' }]);
    expect(read.accounting).toMatchObject({ rowsRead: 2, rowsAccepted: 1, rowsRejected: 1, rowsSkipped: 0 });
  });

  it('in a 1900 workbook: the day before 1900-01-01 is named with the 1900 system (a time after it dropped)', async () => {
    const read = await readRecordsFile('worker', in1900);
    expect(
      read.issues.map((issue) => [issue.row, issue.code, issue.field, issue.value, issue.message]),
    ).toEqual([
      [
        2,
        'out_of_range',
        'startDate',
        '1899-05-01',
        "cell C2 is a date cell holding 1899-05-01, a day before 1900-01-01, the first of the workbook's 1900 date system: it has no day number there (Excel shows ####). Check the year",
      ],
    ]);
    expect(read.accounting).toMatchObject({ rowsRead: 2, rowsAccepted: 1, rowsRejected: 1, rowsSkipped: 0 });
  });

  it('through the CLI: validate names the cell and the day, not a serial', () => {
    const run = runBuiltCli(['validate', '--kind', 'worker', '--input', in1904]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      'out_of_range  startDate  "1903-05-01"  cell C2 is a date cell holding 1903-05-01',
    );
    expect(run.stdout).not.toContain('-245');
  });
});
