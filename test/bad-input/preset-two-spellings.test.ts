import { describe, expect, it } from 'vitest';
import { presetLayout } from '../../src/presets/presets.js';
import { readRecordsText } from '../../src/records/read-source.js';
import { runBuiltCli } from '../helpers/cli.js';

// A preset's header (an Annex A list, the workforce census, NCCIS as CSV or a sheet) with two columns that are two
// spellings of one column the preset reads (`Date of referral` and `Referral Date`) read the better spelling's
// column and left the other out, without a word: a row on which they disagree was counted by one of them. The same
// header twice was already refused (duplicate_column), as were two columns for one field of a record kind, and a
// census XML record giving a field under two spellings is rejected. The two spellings now refuse the input as the
// same header twice does, naming both columns; a column map that names one of them chooses it. Two spellings of a
// column the preset only knows (`Gender` and `Sex`, read into no record) are let be.

const referrals = (text: string, columnMap?: Record<string, string>) =>
  readRecordsText(
    'referral',
    text,
    'csv',
    presetLayout('annex-a', 'referral', columnMap === undefined ? {} : { columnMap }),
  );

// The second row's two dates disagree: 15 or 16 October 2010.
const twoSpellings =
  'Child Unique ID,Date of referral,Referral Date\nC1,01/10/2010,01/10/2010\nC1,15/10/2010,16/10/2010\n';

describe('an Annex A header giving one column under two spellings', () => {
  it('refuses the input, naming both columns and the column map that would choose one', () => {
    const read = referrals(twoSpellings);
    // Before: two referrals, C1@2010-10-01 and C1@2010-10-15 (Date of referral, the standard spelling), no issue.
    expect(read.readable).toBe(false);
    expect(read.records).toEqual([]);
    expect(read.issues).toEqual([
      {
        code: 'duplicate_column',
        severity: 'error',
        row: 1,
        field: 'referralDate',
        value: 'Referral Date',
        message:
          'columns "Date of referral" (column 2) and "Referral Date" (column 3) both give referralDate: remove one, or name the one to read in a column map ({"Date of referral": "referralDate"})',
      },
    ]);
    // Refused whole: both data rows are read and rejected (rows read 2 = 0 accepted + 2 rejected + 0 skipped).
    expect(read.accounting).toMatchObject({ rowsRead: 2, rowsAccepted: 0, rowsRejected: 2, rowsSkipped: 0 });
  });

  it('reads the column a column map names, and not the other spelling', () => {
    const read = referrals(twoSpellings, { 'Referral Date': 'referralDate' });
    // The map chose column 3: the second referral is on 16 October.
    expect(read.issues).toEqual([]);
    expect(read.records).toEqual([
      { id: 'C1@2010-10-01', childId: 'C1', referralDate: '2010-10-01' },
      { id: 'C1@2010-10-16', childId: 'C1', referralDate: '2010-10-16' },
    ]);
    expect(read.columns?.ignored).toEqual(['Date of referral']);
  });

  it('names three spellings in one issue, the worker given by a name and an id', () => {
    const read = referrals(
      'Child Unique ID,Date of referral,Allocated Worker,Worker ID,Social Worker\nC1,01/10/2010,A Smith,W1,A Smith\n',
    );
    expect(read.issues.map((issue) => [issue.field, issue.value, issue.message])).toEqual([
      [
        'workerId',
        'Worker ID',
        'columns "Allocated Worker" (column 3), "Worker ID" (column 4) and "Social Worker" (column 5) all give workerId: keep one and remove the others, or name the one to read in a column map ({"Allocated Worker": "workerId"})',
      ],
    ]);
  });

  it('refuses two headers a column map names for one column, without offering the map again', () => {
    const read = referrals('Child Unique ID,Referred,Referred on\nC1,01/10/2010,02/10/2010\n', {
      Referred: 'referralDate',
      'Referred on': 'referralDate',
    });
    expect(read.issues.map((issue) => [issue.field, issue.message])).toEqual([
      [
        'referralDate',
        'columns "Referred" (column 2) and "Referred on" (column 3) both give referralDate: remove one',
      ],
    ]);
  });

  it('lets be two spellings of a column no figure reads (Gender and Sex)', () => {
    const read = referrals('Child Unique ID,Gender,Sex,Date of referral\nC1,F,M,01/10/2010\n');
    expect(read.issues).toEqual([]);
    expect(read.records).toEqual([{ id: 'C1@2010-10-01', childId: 'C1', referralDate: '2010-10-01' }]);
  });

  it('on the command line: compute exits 1 naming the file, the row, the field and both columns', () => {
    // test/fixtures/presets/annex-a-two-spellings.csv (written for this test): C1 referred on 1 October 2010, and
    // on 15 or 16 October by its two date columns; C2 on 1 November. Before: REPEAT_REFERRALS gave 1 of 3 from
    // "Date of referral" alone, with exit 0.
    const file = 'test/fixtures/presets/annex-a-two-spellings.csv';
    const run = runBuiltCli([
      'compute',
      'REPEAT_REFERRALS',
      '--preset',
      'annex-a',
      '--input',
      file,
      '--period',
      'FY2010',
    ]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(
      `${file}:1: referralDate "Referral Date": columns "Date of referral" (column 2) and "Referral Date" (column 3) both give referralDate: remove one, or name the one to read in a column map ({"Date of referral": "referralDate"}) [duplicate_column]`,
    );
  });
});
