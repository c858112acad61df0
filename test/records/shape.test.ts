import { describe, expect, it } from 'vitest';
import { nccisTable } from '../../src/presets/nccis.js';
import { createTableShape } from '../../src/presets/table-shape.js';
import { createChecker } from '../../src/records/check.js';
import { createShaper } from '../../src/records/shape.js';
import { createKindShape } from '../../src/records/shape-kind.js';

const input = { file: 'test', sha256: '', encoding: 'utf-8' } as const;

describe('createShaper', () => {
  it("finds a workbook's header below its title rows, and reads serials in date columns as dates", () => {
    const checker = createChecker('referral');
    const shaper = createShaper(createKindShape('referral', checker), checker, { header: 'search' });
    shaper.fileValue('dateSystem', '1904');
    // Rows 1 and 2 are titles (one known header at most); row 3 has three.
    shaper.row(['Referrals, October 2010'], 1);
    shaper.row(['Team North', 'id'], 2);
    shaper.row(['ID', 'Child ID', 'Referral Date', 'Notes'], 3);
    // 1904 serial 39537 is 2012-03-31 (1462 days less than the 1900 system's 40999); outside a date column a
    // number is its text.
    shaper.row(['R1', 7, 39537, 12], 4);
    shaper.end();
    const result = checker.result(input);
    expect(result.records).toEqual([{ id: 'R1', childId: '7', referralDate: '2012-03-31' }]);
    expect(result.rows).toEqual([4]);
    expect(result.accounting.rowsRead).toBe(1);
  });

  it('rejects a row whose read cell is a formula with no saved value, naming the cell; ignores one in a column not read', () => {
    const checker = createChecker('referral');
    const shaper = createShaper(createKindShape('referral', checker), checker, { header: 'search' });
    shaper.row(['id', 'childId', 'referralDate', 'Notes'], 1);
    shaper.row(['R1', 'C1', { formula: 'DATE(2010,10,2)', address: 'C2' }, 'x'], 2);
    shaper.row(['R2', 'C2', '2010-10-02', { formula: 'A1&B1', address: 'D3' }], 3);
    shaper.end();
    const result = checker.result(input);
    expect(result.issues).toEqual([
      {
        code: 'unreadable',
        severity: 'error',
        row: 2,
        field: 'referralDate',
        value: '=DATE(2010,10,2)',
        message:
          'cell C2 holds a formula whose value was never saved, so its value is unknown: open the workbook in Excel and save it again (or paste the values)',
      },
    ]);
    expect(result.records.map((r) => r.id)).toEqual(['R2']);
  });

  it('refuses the input when its header row cannot be read', () => {
    const checker = createChecker('referral');
    const shaper = createShaper(createKindShape('referral', checker), checker);
    shaper.problem({ code: 'unreadable', line: 1, value: null, message: 'a quote is never closed' });
    shaper.row(['R1', 'C1', '2010-10-01'], 2);
    shaper.end();
    const result = checker.result(input);
    expect(result.readable).toBe(false);
    expect(result.issues.map((i) => [i.row, i.message])).toEqual([
      [1, 'the header line cannot be read: a quote is never closed'],
    ]);
    // The row after it is read and rejected with the input.
    expect(result.accounting).toMatchObject({ rowsRead: 1, rowsRejected: 1 });
  });

  it("hands the file's values to a preset: an NCCIS file's period end is the count date of its rows", () => {
    // An NCCIS XML header's PeriodEnd (the census formats come next): without a snapshot column, the rows are
    // counted on the file's period end, and the column is not missing.
    const checker = createChecker('neet');
    const shaper = createShaper(createTableShape(nccisTable, 'neet', checker), checker);
    shaper.fileValue('periodEnd', '2013-01-31');
    shaper.row(['Young Person ID', 'Date of Birth', 'Activity Code'], 1);
    shaper.row(['YP1', '1995-10-01', '540'], 2);
    shaper.end();
    const result = checker.result(input);
    expect(result.issues).toEqual([]);
    expect(result.records).toEqual([
      {
        personId: 'YP1',
        snapshotDate: '2013-01-31',
        dateOfBirth: '1995-10-01',
        status: 'NEET',
        activityCode: '540',
      },
    ]);
  });
});
