import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readRecordsFile } from '../../src/node/read-records-file.js';
import { decodeBytes } from '../../src/records/decode.js';
import { inputIssueCodes } from '../../src/records/issues.js';
import type { RecordKind } from '../../src/records/schemas.js';
import { fixturePath } from '../helpers/fixtures.js';

/** Reads one fixture of test/fixtures/records and checks the accounting holds. */
async function read(kind: RecordKind, name: string) {
  const path = fixturePath('records', name);
  const result = await readRecordsFile(kind, path);
  const { rowsRead, rowsAccepted, rowsRejected, rowsSkipped } = result.accounting;
  expect(rowsRead).toBe(rowsAccepted + rowsRejected + rowsSkipped);
  expect(result.records).toHaveLength(rowsAccepted);
  expect(result.rows).toHaveLength(rowsAccepted);
  return { ...result, path };
}

describe('one fixture per issue code', () => {
  const covered = new Set<string>();

  it('missing_field: a blank required cell (childId on line 3)', async () => {
    const { issues, accounting, path } = await read('initial-assessment', 'missing-field.csv');
    covered.add('missing_field');
    expect(issues).toEqual([
      {
        code: 'missing_field',
        severity: 'error',
        row: 3, // line 1 header, line 2 IA-1, line 3 IA-2 with an empty childId cell
        field: 'childId',
        value: null,
        message: 'childId is required in an initial-assessment record, but the cell is blank',
        file: path,
      },
    ]);
    expect(accounting).toEqual({
      rowsRead: 2,
      rowsAccepted: 1,
      rowsRejected: 1,
      rowsSkipped: 0,
      warningsByCode: {},
    });
  });

  it('invalid_date: 31/02/2011 (February 2011 has 28 days)', async () => {
    const { issues } = await read('core-assessment', 'invalid-date.csv');
    covered.add('invalid_date');
    expect(issues).toMatchObject([
      {
        code: 'invalid_date',
        severity: 'error',
        row: 2,
        field: 'startDate',
        value: '31/02/2011',
        message: '"31/02/2011" is not a real date: February 2011 has 28 days',
      },
    ]);
  });

  it('ambiguous_date: 01/10/10 (a two-digit year)', async () => {
    const { issues } = await read('referral', 'ambiguous-date.csv');
    covered.add('ambiguous_date');
    expect(issues).toMatchObject([
      {
        code: 'ambiguous_date',
        severity: 'error',
        row: 2,
        field: 'referralDate',
        value: '01/10/10',
        message:
          '"01/10/10" has a two-digit year, which does not say its century: write the year in full, expected YYYY-MM-DD or DD/MM/YYYY',
      },
    ]);
  });

  it('end_before_start: an allocation ending 14/11/2010, the day before it began', async () => {
    const { issues, records } = await read('allocation', 'end-before-start.csv');
    covered.add('end_before_start');
    expect(issues).toMatchObject([
      {
        code: 'end_before_start',
        severity: 'error',
        row: 3,
        field: 'allocatedTo',
        value: '14/11/2010', // the value as found; the message gives both dates read
        message:
          'allocatedTo 2010-11-14 is before allocatedFrom 2010-11-15: an end cannot come before its start (are a day and month swapped?)',
      },
    ]);
    // Line 2 (C-1, 1 October to 31 December 2010) is in order and kept.
    expect(records).toEqual([
      { caseId: 'C-1', workerId: 'W-1', allocatedFrom: '2010-10-01', allocatedTo: '2010-12-31' },
    ]);
  });

  it('out_of_range: an FTE below 0 (0 is a worker on a zero-hours contract)', async () => {
    const { issues } = await read('worker', 'out-of-range.csv');
    covered.add('out_of_range');
    expect(issues).toMatchObject([
      {
        code: 'out_of_range',
        severity: 'error',
        row: 3,
        field: 'fte',
        value: '-0.5',
        message: '"-0.5" is below 0: expected 0 or more, like 1 or 0.5',
      },
    ]);
  });

  it('duplicate_id: the same young person at the same count date, written two ways, rejects the later row', async () => {
    const { issues, records } = await read('neet', 'duplicate-id.csv');
    covered.add('duplicate_id');
    // 2010-11-30 and 30/11/2010 are the same count date once read: the key is personId + snapshotDate.
    expect(issues).toMatchObject([
      {
        code: 'duplicate_id',
        severity: 'error',
        row: 3,
        field: 'personId+snapshotDate',
        value: 'P-1, 2010-11-30',
        message:
          'personId+snapshotDate "P-1, 2010-11-30" is already used by row 2: each neet record needs its own key, so this later row is left out',
      },
    ]);
    expect(records).toEqual([
      { personId: 'P-1', snapshotDate: '2010-11-30', dateOfBirth: '1993-03-14', status: 'NEET' },
    ]);
  });

  it('invalid_value: cafCompleted "maybe"', async () => {
    const { issues, records } = await read('referral', 'invalid-value.csv');
    covered.add('invalid_value');
    expect(issues).toMatchObject([
      {
        code: 'invalid_value',
        severity: 'error',
        row: 3,
        field: 'cafCompleted',
        value: 'maybe',
        message: '"maybe" is not a yes/no value: expected true/false, yes/no, y/n or 1/0',
      },
    ]);
    // "yes" on line 2 is true.
    expect(records).toEqual([{ id: 'R-1', childId: 'C-1', referralDate: '2010-10-01', cafCompleted: true }]);
  });

  it('missing_column: no conferenceDate column refuses the file, listing headers found and fields expected', async () => {
    const { issues, accounting, readable } = await read('cp-conference', 'missing-column.csv');
    covered.add('missing_column');
    expect(readable).toBe(false);
    expect(issues).toMatchObject([
      {
        code: 'missing_column',
        severity: 'error',
        row: 1,
        field: 'conferenceDate',
        value: null,
        message:
          'no column gives conferenceDate, a required field of cp-conference records. Headers found: "id", "childId", "Date of conference", "type". Fields expected: id, childId, conferenceDate, type (optional), strategyDiscussionDate (optional), s47StartDate (optional), referralDate (optional), team (optional). Rename the column, or map it with a column map',
      },
    ]);
    // The one data row is read and rejected with the file: nothing disappears.
    expect(accounting).toEqual({
      rowsRead: 1,
      rowsAccepted: 0,
      rowsRejected: 1,
      rowsSkipped: 0,
      warningsByCode: {},
    });
  });

  it('duplicate_column: "Designated Date" and "designated_date" both give designatedDate', async () => {
    const { issues, readable } = await read('caf', 'duplicate-column.csv');
    covered.add('duplicate_column');
    expect(readable).toBe(false);
    expect(issues).toMatchObject([
      {
        code: 'duplicate_column',
        severity: 'error',
        row: 1,
        field: 'designatedDate',
        value: 'designated_date',
        message:
          'columns "Designated Date" (column 2) and "designated_date" (column 3) both give designatedDate: remove one, or rename it in a column map',
      },
    ]);
  });

  it('unreadable: an NDJSON line that is not JSON (line 2 lacks its closing brace)', async () => {
    const { issues, accounting, rows } = await read('referral', 'unreadable.ndjson');
    covered.add('unreadable');
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({
      code: 'unreadable',
      severity: 'error',
      row: 2,
      field: null,
      value: '{"id":"R-2","childId":"C-2","referralDate":"2010-10-02"',
    });
    expect(issues[0]?.message).toMatch(/^the line is not valid JSON \(.+\): expected one object a line$/);
    // Lines 1 and 3 are read.
    expect(rows).toEqual([1, 3]);
    expect(accounting).toEqual({
      rowsRead: 3,
      rowsAccepted: 2,
      rowsRejected: 1,
      rowsSkipped: 0,
      warningsByCode: {},
    });
  });

  it('suspicious_line_break: a stray quote on line 3 swallows the record on line 4', async () => {
    const { issues, accounting, rows, path } = await read('initial-assessment', 'suspicious-line-break.csv');
    covered.add('suspicious_line_break');
    // The quote after "IA2," opens a value that closes only after "IA4,C4" on line 5: read as one row, IA2 would
    // take IA4's dates (2 working days, on time) and IA3 would vanish, so NI59 gave 100% (2 of 2) where the truth is
    // 50% (2 of 4). Line 4 inside the value has 3 commas, as many as the header: the row is rejected, not guessed.
    expect(issues).toEqual([
      {
        code: 'suspicious_line_break',
        severity: 'error',
        row: 3,
        field: 'childId',
        value: 'C2,01/10/2010,20/10/2010\nIA3,C3,01/10/2010,25/10/2010\nIA4,C4',
        message:
          'the quoted value in column 2 opens on line 3 and closes on line 5, swallowing line 4, which has as many commas as the header (3): a record taken into one value by a stray quote? The row is left out rather than split back into records: remove the stray quote, or write a quote inside a quoted value twice ("")',
        file: path,
      },
    ]);
    expect(rows).toEqual([2]);
    expect(accounting).toEqual({
      rowsRead: 2,
      rowsAccepted: 1,
      rowsRejected: 1,
      rowsSkipped: 0,
      warningsByCode: {},
    });
  });

  it('invalid_encoding: a file whose line 2 is UTF-8 and line 3 Windows-1252 (two exports joined)', () => {
    // The decode stage, the reading path's second: its one issue refuses the file.
    const path = fixturePath('encoding', 'referrals-mixed.csv');
    const { issues } = decodeBytes(readFileSync(path), { file: path });
    covered.add('invalid_encoding');
    expect(issues).toEqual([
      {
        code: 'invalid_encoding',
        severity: 'error',
        row: 2,
        field: null,
        value: 'R-1,Zoë',
        message:
          'line 2 has UTF-8 text ("R-1,Zoë"), but line 3 has a byte that is not UTF-8 (0xE9, in "R-2,Zo<E9>"): the file mixes two encodings (a damaged or joined export), and either reading would change some names. Save it again as UTF-8 ("CSV UTF-8" in Excel), or give its encoding if you know it',
        file: path,
      },
    ]);
  });

  it('covers every code of the closed list', () => {
    expect([...covered].sort()).toEqual([...inputIssueCodes].sort());
  });
});
