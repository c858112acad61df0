import { describe, expect, it } from 'vitest';
import { readRecordsFile } from '../../src/node/read-records-file.js';
import { badInputs } from '../helpers/bad-input.js';
import { runBuiltCli } from '../helpers/cli.js';

const files = badInputs('skipped');
// An Annex A List 5 saved as CSV: seven enquiries. Lines 2, 5 and 8 led to a conference; line 3's conference was
// deemed unnecessary ("Yes"), line 6's too ("a) Yes"), line 7 has no conference yet; line 4's conference date is
// 31/02/2013, which does not exist.
const path = files.write(
  'list-5.csv',
  [
    'Child Unique ID,Strategy discussion initiating Section 47 Enquiry Start Date,Was an Initial Child Protection Conference deemed unnecessary?,Date of Initial Child Protection Conference',
    'C1,01/02/2013,No,15/02/2013',
    'C2,04/02/2013,Yes,',
    'C3,05/02/2013,No,31/02/2013',
    'C4,06/02/2013,No,20/02/2013',
    'C5,07/02/2013,a) Yes,',
    'C6,08/02/2013,No,',
    'C7,11/02/2013,No,25/02/2013',
    '',
  ].join('\n'),
);

describe('rows read = accepted + rejected + skipped (SPEC 13)', () => {
  it('counts the rows a preset skips as rows read, each with its reason', async () => {
    // Before: rowsRead 4 (the skipped rows forgotten). Now 7 = 3 accepted + 1 rejected + 3 skipped.
    const read = await readRecordsFile('cp-conference', path, { preset: 'annex-a' });
    expect(read.accounting).toEqual({
      rowsRead: 7,
      rowsAccepted: 3,
      rowsRejected: 1,
      rowsSkipped: 3,
      warningsByCode: {},
    });
    expect(read.skipped?.map((s) => [s.row, s.reason])).toEqual([
      [3, 'icpc-not-required'],
      [6, 'icpc-not-required'],
      [7, 'no-conference-date'],
    ]);
    expect(read.input).toMatchObject({ rowsRead: 7, rowsAccepted: 3, rowsRejected: 1, rowsSkipped: 3 });
  });

  it('through the CLI: validate reports the seven rows and the skipped ones (exit 0)', () => {
    const run = runBuiltCli([
      'validate',
      '--kind',
      'cp-conference',
      '--preset',
      'annex-a',
      '--input',
      path,
      '--format',
      'json',
    ]);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.accounting).toEqual({
      rowsRead: 7,
      rowsAccepted: 3,
      rowsRejected: 1,
      rowsSkipped: 3,
      warningsByCode: {},
    });
    expect(report.issues).toEqual([
      expect.objectContaining({
        code: 'invalid_date',
        row: 4,
        field: 'conferenceDate',
        value: '31/02/2013',
        file: path,
      }),
    ]);
  });
});
