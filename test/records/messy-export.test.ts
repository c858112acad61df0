import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readRecordsFile } from '../../src/node/read-records-file.js';
import { parseCsvText } from '../../src/records/parse-records.js';
import { fixturePath } from '../helpers/fixtures.js';

const path = fixturePath('records', 'messy-export.csv');

// The export as Excel saves it: a byte-order mark, CRLF line ends, headers with spaces and odd case, UK and ISO
// dates mixed, time parts, quoted commas, a quoted line break, a doubled quote, padded cells, an empty Excel row
// (",,,,,,") and blank lines at the end.
const expectedRecords = [
  // Line 2: UK referral date, ISO completed date, a quoted comma in the team.
  {
    id: 'IA-1001',
    childId: 'C-501',
    referralDate: '2010-10-01',
    completedDate: '2010-10-08',
    team: 'Leeds North, East',
    workerId: 'W-17',
  },
  // Line 3: ISO referral date, UK completed date with a time (00:00) dropped.
  {
    id: 'IA-1002',
    childId: 'C-502',
    referralDate: '2010-10-04',
    completedDate: '2010-10-12',
    team: 'Leeds South',
    workerId: 'W-21',
  },
  // Line 4: a time (09:30) dropped; completedDate and workerId blank, so absent (an open assessment).
  { id: 'IA-1003', childId: 'C-503', referralDate: '2010-10-05', team: 'Leeds West' },
  // Lines 5-6: one record whose quoted team holds a comma and a line break (CRLF in the file, \n once read).
  {
    id: 'IA-1004',
    childId: 'C-504',
    referralDate: '2010-10-06',
    completedDate: '2010-10-20',
    team: 'Leeds North,\nDuty team',
    workerId: 'W-17',
  },
  // Line 9: quoted dates, an ISO timestamp at midnight, a doubled quote inside a quoted team.
  {
    id: 'IA-1006',
    childId: 'C-507',
    referralDate: '2010-10-08',
    completedDate: '2010-10-15',
    team: 'Team "B", East',
    workerId: 'W-31',
  },
  // Line 11: spaces around the id and child id trimmed; the trailing empty cells are absent fields.
  { id: 'IA-1008', childId: 'C-509', referralDate: '2010-10-13' },
];

// Line 7: 31/02/2011 does not exist; line 8: IA-1002 again (first on line 3); line 10: completed 10/10/2010,
// the day before its referral on 11/10/2010.
const expectedIssues = [
  {
    code: 'invalid_date',
    severity: 'error',
    row: 7,
    field: 'referralDate',
    value: '31/02/2011',
    message: '"31/02/2011" is not a real date: February 2011 has 28 days',
  },
  {
    code: 'duplicate_id',
    severity: 'error',
    row: 8,
    field: 'id',
    value: 'IA-1002',
    message:
      'id "IA-1002" is already used by row 3: each initial-assessment record needs its own id, so this later row is left out',
  },
  {
    code: 'end_before_start',
    severity: 'error',
    row: 10,
    field: 'completedDate',
    value: '10/10/2010',
    message:
      'completedDate 2010-10-10 is before referralDate 2010-10-11: an end cannot come before its start (are a day and month swapped?)',
  },
];

describe('the messy Excel export fixture', () => {
  it('is still messy on disk (a BOM, CRLF line ends, trailing blank lines)', () => {
    // Guards the fixture against an editor or a git setting that would clean it.
    const bytes = readFileSync(path);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text.split('\r\n')).toHaveLength(15); // 14 lines, each ended by CRLF
    expect(text.endsWith(',,,,,,\r\n\r\n\r\n')).toBe(true);
  });

  it('parseCsvText reads it to the exact records, rows and issues', () => {
    const result = parseCsvText('initial-assessment', readFileSync(path, 'utf8'));
    expect(result.records).toEqual(expectedRecords);
    // The line each record starts on (IA-1004 starts on line 5 and ends on line 6).
    expect(result.rows).toEqual([2, 3, 4, 5, 9, 11]);
    expect(result.issues).toEqual(expectedIssues);
    // Nine data rows (lines 2-11, line 6 being part of line 5's record); the empty Excel row and blank lines are
    // not rows. Six kept, three rejected.
    expect(result.accounting).toEqual({
      rowsRead: 9,
      rowsAccepted: 6,
      rowsRejected: 3,
      rowsSkipped: 0,
      warningsByCode: {},
    });
    expect(result.readable).toBe(true);
    expect(result.columns).toEqual({
      headers: ['ID', 'Child ID', 'Referral Date', 'completed_date', 'TEAM', 'Worker Id', 'Ethnicity'],
      used: [
        { header: 'ID', field: 'id' },
        { header: 'Child ID', field: 'childId' },
        { header: 'Referral Date', field: 'referralDate' },
        { header: 'completed_date', field: 'completedDate' },
        { header: 'TEAM', field: 'team' },
        { header: 'Worker Id', field: 'workerId' },
      ],
      ignored: ['Ethnicity'],
    });
  });

  it('readRecordsFile streams it to the same records, rows and issues, each issue naming the file', async () => {
    const result = await readRecordsFile('initial-assessment', path);
    expect(result.records).toEqual(expectedRecords);
    expect(result.rows).toEqual([2, 3, 4, 5, 9, 11]);
    expect(result.issues).toEqual(expectedIssues.map((issue) => ({ ...issue, file: path })));
    expect(result.accounting).toEqual({
      rowsRead: 9,
      rowsAccepted: 6,
      rowsRejected: 3,
      rowsSkipped: 0,
      warningsByCode: {},
    });
  });
});
