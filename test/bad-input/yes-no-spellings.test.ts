// SPEC 13 "Spellings real exports use": yes/no cells read a closed list of spellings; any other value is an
// invalid_value error, never read as no. Annex A List 5's "deemed unnecessary" column is read by the same rule.
import { describe, expect, it } from 'vitest';
import { createPresetReader } from '../../src/presets/presets.js';
import { parseCsvText } from '../../src/records/parse-records.js';

describe("createPresetReader('annex-a', 'cp-conference') on List 5's ICPC deemed unnecessary", () => {
  it('skips the enquiries whose conference was deemed unnecessary, however yes is written', () => {
    const reader = createPresetReader('annex-a', 'cp-conference');
    reader.header(
      [
        'Child Unique ID',
        'Strategy discussion initiating Section 47 Enquiry Start Date',
        'Was an Initial Child Protection Conference deemed unnecessary?',
        'Date of Initial Child Protection Conference',
      ],
      1,
    );
    // Rows 2-6 say yes (deemed unnecessary: not a conference, skipped), though row 3 gives a date anyway.
    reader.cells(['C1', '01/10/2012', '1 - Yes', ''], 2);
    reader.cells(['C2', '01/10/2012', 'a. Yes', '19/10/2012'], 3);
    reader.cells(['C3', '01/10/2012', '(a) Yes', ''], 4);
    reader.cells(['C4', '01/10/2012', 'a) Yes', ''], 5);
    reader.cells(['C5', '01/10/2012', 'YES', ''], 6);
    // Rows 7-9 say no, row 10 leaves it blank (no): conferences.
    reader.cells(['C6', '01/10/2012', 'b) No', '15/10/2012'], 7);
    reader.cells(['C7', '01/10/2012', '2 - No', '16/10/2012'], 8);
    reader.cells(['C8', '01/10/2012', 'No', '17/10/2012'], 9);
    reader.cells(['C9', '01/10/2012', '', '18/10/2012'], 10);
    // Row 11 says neither: an error on that row, not a conference counted.
    reader.cells(['C10', '01/10/2012', 'Not recorded', '18/10/2012'], 11);
    const read = reader.result();

    expect(read.skipped.map((row) => [row.row, row.reason])).toEqual([
      [2, 'icpc-not-required'],
      [3, 'icpc-not-required'],
      [4, 'icpc-not-required'],
      [5, 'icpc-not-required'],
      [6, 'icpc-not-required'],
    ]);
    expect(read.records.map((record) => [record.childId, record.conferenceDate])).toEqual([
      ['C6', '2012-10-15'],
      ['C7', '2012-10-16'],
      ['C8', '2012-10-17'],
      ['C9', '2012-10-18'],
    ]);
    expect(read.issues).toEqual([
      {
        code: 'invalid_value',
        severity: 'error',
        row: 11,
        field: 'icpcNotRequired',
        value: 'Not recorded',
        message: '"Not recorded" is not a yes/no value: expected true/false, yes/no, y/n or 1/0',
      },
    ]);
    // Every row is accounted for: the four conferences, the one rejected, and the five skipped (counted as rows
    // read once skipped rows are, SPEC 13).
    const { rowsRead, rowsAccepted, rowsRejected } = read.accounting;
    const rowsSkipped = (read.accounting as { rowsSkipped?: number }).rowsSkipped;
    expect([rowsAccepted, rowsRejected]).toEqual([4, 1]);
    expect(rowsRead).toBe(rowsAccepted + rowsRejected + (rowsSkipped ?? 0));
    expect(rowsRead + (rowsSkipped === undefined ? read.skipped.length : 0)).toBe(10);
  });
});

describe('parseCsvText on a yes/no column', () => {
  it('reads the spellings and rejects any other value', () => {
    const csv = [
      'id,childId,referralDate,cafCompleted',
      'R-1,C-1,01/10/2010,1 - Yes',
      'R-2,C-2,01/10/2010,b) No',
      'R-3,C-3,01/10/2010, TRUE ',
      'R-4,C-4,01/10/2010,',
      'R-5,C-5,01/10/2010,unknown',
    ].join('\n');
    const read = parseCsvText('referral', csv);
    // Line 5's blank cell leaves the field out; line 6's "unknown" rejects the row.
    expect(read.records.map((record) => [record.id, record.cafCompleted])).toEqual([
      ['R-1', true],
      ['R-2', false],
      ['R-3', true],
      ['R-4', undefined],
    ]);
    expect(read.issues.map((issue) => [issue.row, issue.code, issue.value])).toEqual([
      [6, 'invalid_value', 'unknown'],
    ]);
  });
});
