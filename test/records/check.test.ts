import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createTableShape } from '../../src/presets/table-shape.js';
import { createChecker } from '../../src/records/check.js';
import { InputError } from '../../src/records/issues.js';
import { parseCsvText, parseJsonText, parseRecords } from '../../src/records/parse-records.js';
import { createShaper } from '../../src/records/shape.js';
import { tokenizeCsv } from '../../src/records/tokenize-csv.js';

const input = { file: 'test.csv', sha256: '', encoding: 'utf-8' } as const;

describe('createChecker', () => {
  it('keeps a row whose issues are all warnings, counts them, and rejects a row with an error', () => {
    // A shape may find a doubtful value that does not make the record wrong (the census work will add the first:
    // a conference dated before its episode's referral). Row 2 has a warning only, row 3 a warning and an error.
    const checker = createChecker('referral');
    const warning = {
      code: 'invalid_value',
      severity: 'warning',
      row: 2,
      field: 'source',
      value: 'Police?',
      message: 'the source is doubtful',
    } as const;
    checker.values(['R1', 'C1', '2010-10-01'], [0, 1, 2, -1, -1, -1], 2, { issues: [warning] });
    checker.values(['R2', 'C2', 'soon'], [0, 1, 2, -1, -1, -1], 3, { issues: [{ ...warning, row: 3 }] });
    const result = checker.result(input);
    expect(result.records).toEqual([{ id: 'R1', childId: 'C1', referralDate: '2010-10-01' }]);
    expect(result.rows).toEqual([2]);
    expect(result.issues.map((i) => [i.row, i.code, i.severity])).toEqual([
      [2, 'invalid_value', 'warning'],
      [3, 'invalid_value', 'warning'],
      [3, 'invalid_date', 'error'],
    ]);
    // Only the warning of the row kept is counted: row 3 was rejected for its error.
    expect(result.accounting).toEqual({
      rowsRead: 2,
      rowsAccepted: 1,
      rowsRejected: 1,
      rowsSkipped: 0,
      warningsByCode: { invalid_value: 1 },
    });
  });

  it("refuses on errors under strict true, and on warnings too under strict 'warnings'", () => {
    const feed = (strict: boolean | 'warnings') => {
      const checker = createChecker('referral', { strict });
      checker.values(['R1', 'C1', '2010-10-01'], [0, 1, 2, -1, -1, -1], 2, {
        issues: [
          {
            code: 'invalid_value',
            severity: 'warning',
            row: 2,
            field: null,
            value: null,
            message: 'doubtful',
          },
        ],
      });
      return () => checker.result(input);
    };
    // A warning alone: strict true reads on, strict 'warnings' refuses.
    expect(feed(true)().records).toHaveLength(1);
    expect(feed('warnings')).toThrow(InputError);
    expect(feed('warnings')).toThrow('input refused: 2: doubtful [invalid_value, warning]');
  });

  it('reads the dates that never enter working-day arithmetic from 1900, and no others', () => {
    // A young person born in 1985 and a worker who started in 1984 are real; a referral in 1985 is outside the
    // calendar (1990-2100); 29/02/1900 never was (1900 is not a leap year); 31/12/1899 is before 1900.
    const neet = parseRecords('neet', [
      { personId: 'P1', snapshotDate: '2001-11-30', dateOfBirth: '14/03/1985', status: 'NEET' },
      { personId: 'P2', snapshotDate: '2001-11-30', dateOfBirth: '29/02/1900', status: 'NEET' },
      { personId: 'P3', snapshotDate: '2001-11-30', dateOfBirth: '31/12/1899', status: 'NEET' },
    ]);
    expect(neet.records.map((r) => r.dateOfBirth)).toEqual(['1985-03-14']);
    expect(neet.issues.map((i) => [i.row, i.code, i.message])).toEqual([
      [2, 'invalid_date', '"29/02/1900" is not a real date: February 1900 has 28 days'],
      [
        3,
        'out_of_range',
        '"31/12/1899" is outside the dates the library reads for this field, 1900-01-01 to 2100-12-31: check the year',
      ],
    ]);
    const workers = parseRecords('worker', [
      { workerId: 'W1', fte: 1, role: 'other', startDate: '1984-09-03', endDate: '01/06/1989' },
    ]);
    expect(workers.records).toEqual([
      { workerId: 'W1', fte: 1, role: 'other', startDate: '1984-09-03', endDate: '1989-06-01' },
    ]);
    const referral = parseRecords('referral', [{ id: 'R1', childId: 'C1', referralDate: '01/10/1985' }]);
    expect(referral.issues.map((i) => i.code)).toEqual(['out_of_range']);
  });
});

describe('read results', () => {
  it('name the input: file, SHA-256 of the bytes, encoding and the four counts', () => {
    const text = 'id,childId,referralDate\nR1,C1,2010-10-01\nR2,C2,soon\n';
    const result = parseCsvText('referral', text, { file: 'referrals.csv' });
    expect(result.input).toEqual({
      file: 'referrals.csv',
      // The text's UTF-8 bytes: the file's own bytes, for a UTF-8 file without a byte-order mark.
      sha256: createHash('sha256').update(text).digest('hex'),
      encoding: 'utf-8',
      rowsRead: 2,
      rowsAccepted: 1,
      rowsRejected: 1,
      rowsSkipped: 0,
    });
    // JavaScript values have no bytes: no hash, and the file is "(values)" unless named.
    expect(parseRecords('referral', []).input).toMatchObject({ file: '(values)', sha256: '' });
    // A caller that hashed the bytes itself (a browser File) passes the hash.
    expect(parseCsvText('referral', text, { sha256: 'abc' }).input.sha256).toBe('abc');
  });

  it('list the canonical fields present: the columns matched, or the keys any item carried', () => {
    // completedDate has a column, every cell of it blank: present. team has none: absent.
    const csv = parseCsvText(
      'initial-assessment',
      'ID,Child ID,Referral Date,Completed Date\nIA1,C1,2010-10-01,\n',
    );
    expect(csv.fieldsPresent).toEqual(['id', 'childId', 'referralDate', 'completedDate']);
    const json = parseJsonText('initial-assessment', '[{"id": "IA1"}, {"childId": "C2", "team": "North"}]');
    expect(json.fieldsPresent).toEqual(['id', 'childId', 'team']);
  });

  it('warn of a column map key that matches no header, naming the key and the headers, and refuse it under strict', () => {
    // "Date Completed" maps to completedDate but the file says "Completion Date": without the warning NI59 would
    // count no completed assessment and print n/a. "FTE" maps to a worker field: irrelevant here, no warning.
    const text = 'id,childId,referralDate,Completion Date\nIA1,C1,2010-10-01,2010-10-05\n';
    const columnMap = { 'Date Completed': 'completedDate', FTE: 'fte' };
    const result = parseCsvText('initial-assessment', text, { columnMap, file: 'ia.csv' });
    expect(result.warnings).toEqual([
      {
        code: 'unmatched_map_key',
        message:
          'the column map key "Date Completed" (for completedDate) matches no header of the file, so completedDate is not read from it: headers found: "id", "childId", "referralDate", "Completion Date"',
        file: 'ia.csv',
      },
    ]);
    expect(result.fieldsPresent).not.toContain('completedDate');
    let refused: unknown;
    try {
      parseCsvText('initial-assessment', text, { columnMap, file: 'ia.csv', strict: true });
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(InputError);
    expect((refused as InputError).warnings).toEqual(result.warnings);
    expect((refused as InputError).message).toBe(
      'input refused: ia.csv: the column map key "Date Completed" (for completedDate) matches no header of the file, so completedDate is not read from it: headers found: "id", "childId", "referralDate", "Completion Date" [unmatched_map_key]',
    );
  });

  it('warn of a column map key that no JSON item carries, naming the keys found', () => {
    const result = parseJsonText(
      'referral',
      '[{"Ref": "R1", "childId": "C1", "referralDate": "2010-10-01"}]',
      {
        columnMap: { Ref: 'id', 'Date of referral': 'referralDate' },
      },
    );
    expect(result.records).toHaveLength(1);
    expect(result.warnings.map((w) => w.message)).toEqual([
      'the column map key "Date of referral" (for referralDate) matches no key of any item, so referralDate is not read from it: keys found: "Ref", "childId", "referralDate"',
    ]);
  });
});

describe('createTableShape', () => {
  it('keeps a row a preset finds a warning on, and rejects one it finds an error on', () => {
    // A preset's own issues carry their severity: a warning keeps the row and its record.
    const table = {
      label: 'a test table',
      sheetNames: [],
      columns: [
        { field: 'id', headers: ['Ref'], required: true },
        { field: 'childId', headers: ['Child'] },
        { field: 'referralDate', headers: ['Date'] },
      ],
      toRecords: (v: Readonly<Record<string, string>>) => ({
        records: [{ ...v }],
        issues:
          v.id === 'R2'
            ? [
                {
                  code: 'invalid_value',
                  severity: 'warning',
                  field: 'id',
                  value: 'R2',
                  message: 'doubtful',
                } as const,
              ]
            : v.id === 'R3'
              ? [{ code: 'invalid_value', field: 'id', value: 'R3', message: 'wrong' } as const]
              : [],
      }),
    };
    const checker = createChecker('referral', { listsSkipped: true });
    const shaper = createShaper(createTableShape(table, 'referral', checker), checker);
    tokenizeCsv('Ref,Child,Date\nR1,C1,2010-10-01\nR2,C2,2010-10-02\nR3,C3,2010-10-03\n', shaper);
    const result = checker.result(input);
    expect(result.records.map((r) => r.id)).toEqual(['R1', 'R2']);
    expect(result.issues.map((i) => [i.row, i.severity, i.message])).toEqual([
      [3, 'warning', 'doubtful'],
      [4, 'error', 'wrong'],
    ]);
    expect(result.accounting).toMatchObject({ rowsRead: 3, rowsAccepted: 2, rowsRejected: 1 });
    expect(result.accounting.warningsByCode).toEqual({ invalid_value: 1 });
  });
});
